/**
 * The notes (desarrollo) of the current item. What is typed stays in the
 * autosave's draft and is saved after a pause, on blur and on item change;
 * the indicator says whether it is saved, being saved, or failed.
 */
import { Button, Group, Loader, Paper, Text, Textarea } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconPencil } from '@tabler/icons-react'
import type { Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgendaItem } from '../../../main/core/model/schema'
import { errorMessage } from '../api/api-error'
import { formatInstantTimeSeconds } from '../common/dates'
import type { NotesAutosave, SaveState } from './notes-autosave'
import { useNotesDraft } from './use-notes-autosave'

interface Props {
  item: AgendaItem
  autosave: NotesAutosave
  editable: boolean
  textareaRef: Ref<HTMLTextAreaElement>
}

export function NotesEditor({ item, autosave, editable, textareaRef }: Props) {
  const { t } = useTranslation()
  useNotesDraft(autosave)
  const value = autosave.text(item.id, item.notes)
  const state = autosave.state(item.id)
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text component="label" htmlFor="notas-del-punto" fw={650}>
          {t('minutes.notes')}
        </Text>
        <SaveIndicator state={state} onRetry={() => void autosave.flush(item.id)} />
      </Group>
      <Textarea
        id="notas-del-punto"
        ref={textareaRef}
        value={value}
        onChange={(event) => autosave.edit(item.id, event.currentTarget.value, item.notes)}
        onBlur={() => void autosave.flush(item.id)}
        placeholder={t('minutes.notesPlaceholder')}
        autosize
        minRows={8}
        maxRows={24}
        readOnly={!editable}
        aria-describedby="estado-guardado"
        styles={{ input: { fontSize: 'var(--mantine-font-size-md)', lineHeight: 1.55 } }}
      />
    </Paper>
  )
}

function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation()
  let content
  switch (state.kind) {
    case 'pending':
    case 'saving':
      content = (
        <>
          <Loader size={12} />
          <Text size="xs" c="dimmed">
            {t('minutes.saving')}
          </Text>
        </>
      )
      break
    case 'saved':
      content = (
        <>
          <IconCircleCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
          <Text size="xs" c="green.8" fw={600}>
            {t('minutes.savedAt', { time: formatInstantTimeSeconds(state.at) })}
          </Text>
        </>
      )
      break
    case 'error':
      content = (
        <>
          <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
          <Text size="xs" c="red.8" fw={600} role="alert">
            {t('minutes.saveFailed', { message: errorMessage(state.error, t('errors.unexpected')) })}
          </Text>
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </>
      )
      break
    default:
      content = (
        <>
          <IconPencil size={14} color="var(--mantine-color-gray-6)" aria-hidden />
          <Text size="xs" c="dimmed">
            {t('minutes.autosaveHint')}
          </Text>
        </>
      )
  }
  return (
    <Group gap={6} wrap="nowrap" id="estado-guardado" aria-live="polite" data-save-state={state.kind}>
      {content}
    </Group>
  )
}
