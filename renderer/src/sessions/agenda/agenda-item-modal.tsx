/** Adds a point or sub-point to the agenda, or edits one: title, type, presenter, estimated minutes. */
import { Autocomplete, NumberInput, Select, SimpleGrid, Text, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { agendaItemFieldsSchema } from '../../../../main/core/contract/session-inputs'
import { AGENDA_ITEM_TYPES, type AgendaItem } from '../../../../main/core/model/schema'
import { useSessionOperation } from '../../api/sessions'
import { FormModal, useOpenedWith } from '../../common/form-modal'
import { notifyDone } from '../../common/notify'
import { lengthOf, rangeOf, zodForm } from '../../common/zod-form'

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

interface Values {
  title: string
  type: AgendaItem['type']
  presenter: string
  minutes: number | string
}

/** An emptied minutes field counts as none. */
const toInput = (values: Values) => ({ ...values, minutes: typeof values.minutes === 'number' ? values.minutes : Number.parseInt(values.minutes, 10) || 0 })

export function AgendaItemModal({ sessionId, state: given, presenters, knownIds, onClose, onSaved, onExited }: Props) {
  const { t } = useTranslation()
  const state = useOpenedWith(given !== null, given)
  const add = useSessionOperation('addAgendaItem')
  const update = useSessionOperation('updateAgendaItem')
  const item = state?.mode === 'edit' ? state.item : null
  const title =
    state?.mode === 'edit'
      ? t('agenda.form.editTitle', { number: state.number })
      : state?.parent
        ? t('agenda.form.addSubTitle', { number: state.parent.number })
        : t('agenda.form.addTitle')

  const initial: Values = {
    title: item?.title ?? '',
    type: item?.type ?? (state?.mode === 'add' && state.parent ? 'informativo' : 'deliberativo'),
    presenter: item?.presenter ?? '',
    minutes: item?.minutes ?? 10,
  }

  const save = async (fields: z.output<typeof agendaItemFieldsSchema>) => {
    if (!state) return
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
  }

  return (
    <FormModal
      opened={given !== null}
      onClose={onClose}
      onExited={onExited}
      size="lg"
      title={title}
      initialValues={initial}
      {...zodForm(agendaItemFieldsSchema, { input: toInput })}
      onSubmit={save}
      submitLabel={state?.mode === 'edit' ? t('agenda.form.save') : t('agenda.form.add')}
      pending={add.isPending || update.isPending}
    >
      {(form) => (
        <>
          {state?.mode === 'add' && state.parent ? (
            <Text size="sm" c="dimmed">
              {t('agenda.form.subOf', { number: state.parent.number, title: state.parent.title })}
            </Text>
          ) : null}
          <Textarea
            label={t('agenda.form.title')}
            autosize
            minRows={2}
            {...lengthOf(agendaItemFieldsSchema.shape.title)}
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
            <Autocomplete label={t('agenda.form.presenter')} data={presenters} {...lengthOf(agendaItemFieldsSchema.shape.presenter)} {...form.getInputProps('presenter')} />
            <NumberInput
              label={t('agenda.form.minutes')}
              {...rangeOf(agendaItemFieldsSchema.shape.minutes)}
              step={5}
              allowDecimal={false}
              allowNegative={false}
              suffix=" min"
              {...form.getInputProps('minutes')}
            />
          </SimpleGrid>
        </>
      )}
    </FormModal>
  )
}
