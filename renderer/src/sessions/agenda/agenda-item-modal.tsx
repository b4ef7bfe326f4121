/** Adds a point or sub-point to the agenda, or edits one: title, type, presenter, estimated minutes. */
import { Alert, Autocomplete, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgendaItem } from '../../../../main/core/model/schema'
import { errorMessage } from '../../api/api-error'
import { useSessionOperation } from '../../api/sessions'
import { notifyDone } from '../../common/notify'
import { AGENDA_ITEM_TYPES } from '../session-enums'

export type AgendaItemModalState =
  | { mode: 'add'; parent: { id: string; number: string; title: string } | null }
  | { mode: 'edit'; item: AgendaItem; number: string }

interface Props {
  sessionId: string
  state: AgendaItemModalState | null
  /** Names offered for «Presenta». */
  presenters: string[]
  /** Ids already on the agenda, to find the one just added. */
  knownIds: readonly string[]
  onClose: () => void
  onSaved: (itemId: string | null) => void
  /** After the closing transition, once the dialog has handed the focus back. */
  onExited?: () => void
}

export function AgendaItemModal({ sessionId, state, presenters, knownIds, onClose, onSaved, onExited }: Props) {
  const { t } = useTranslation()
  const title =
    state?.mode === 'edit'
      ? t('agenda.form.editTitle', { number: state.number })
      : state?.parent
        ? t('agenda.form.addSubTitle', { number: state.parent.number })
        : t('agenda.form.addTitle')
  return (
    <Modal
      opened={state !== null}
      onClose={onClose}
      onExitTransitionEnd={onExited}
      size="lg"
      title={
        <Text fw={700} size="lg">
          {title}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {state ? <AgendaItemForm sessionId={sessionId} state={state} presenters={presenters} knownIds={knownIds} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  )
}

interface Values {
  title: string
  type: AgendaItem['type']
  presenter: string
  minutes: number | string
}

function AgendaItemForm({ sessionId, state, presenters, knownIds, onClose, onSaved }: Omit<Props, 'onExited'> & { state: AgendaItemModalState }) {
  const { t } = useTranslation()
  const add = useSessionOperation('addAgendaItem')
  const update = useSessionOperation('updateAgendaItem')
  const [error, setError] = useState<string | null>(null)
  const item = state.mode === 'edit' ? state.item : null
  const form = useForm<Values>({
    initialValues: {
      title: item?.title ?? '',
      type: item?.type ?? (state.mode === 'add' && state.parent ? 'informativo' : 'deliberativo'),
      presenter: item?.presenter ?? '',
      minutes: item?.minutes ?? 10,
    },
    validate: {
      title: (value) => (value.trim() ? null : t('agenda.form.titleRequired')),
    },
  })

  const submit = async (values: Values) => {
    setError(null)
    const fields = {
      title: values.title.trim(),
      type: values.type,
      presenter: values.presenter.trim(),
      minutes: typeof values.minutes === 'number' ? values.minutes : Number.parseInt(values.minutes, 10) || 0,
    }
    try {
      if (state.mode === 'edit') {
        await update.mutateAsync({ sessionId, itemId: state.item.id, ...fields })
        notifyDone(t('agenda.notify.updated', { title: fields.title }))
        onSaved(state.item.id)
      } else {
        const detail = await add.mutateAsync({ sessionId, parentId: state.parent?.id ?? null, ...fields })
        const known = new Set(knownIds)
        const created = detail.session.agenda.find((candidate) => !known.has(candidate.id))
        notifyDone(t('agenda.notify.added', { title: fields.title }))
        onSaved(created?.id ?? null)
      }
      onClose()
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        {state.mode === 'add' && state.parent ? (
          <Text size="sm" c="dimmed">
            {t('agenda.form.subOf', { number: state.parent.number, title: state.parent.title })}
          </Text>
        ) : null}
        <Textarea
          label={t('agenda.form.title')}
          autosize
          minRows={2}
          maxLength={400}
          withAsterisk
          data-autofocus
          {...form.getInputProps('title')}
          onKeyDown={(event) => {
            // Enter saves, as in a one-line field; Shift+Enter breaks the line.
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault()
              event.currentTarget.form?.requestSubmit()
            }
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('agenda.form.type')}
            data={AGENDA_ITEM_TYPES.map((value) => ({ value, label: t(`enums.agendaType.${value}`) }))}
            allowDeselect={false}
            {...form.getInputProps('type')}
          />
          <Autocomplete label={t('agenda.form.presenter')} data={presenters} maxLength={200} {...form.getInputProps('presenter')} />
          <NumberInput
            label={t('agenda.form.minutes')}
            min={0}
            max={600}
            step={5}
            allowDecimal={false}
            allowNegative={false}
            suffix=" min"
            {...form.getInputProps('minutes')}
          />
        </SimpleGrid>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={add.isPending || update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending || update.isPending}>
            {state.mode === 'edit' ? t('agenda.form.save') : t('agenda.form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
