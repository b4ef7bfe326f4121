/** "Editar datos" of a session while the core still allows it (until it concludes). */
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { updateSessionSchema } from '../../../main/core/contract/session-inputs'
import type { MemberRow } from '../../../main/core/contract/views'
import type { Session } from '../../../main/core/model/schema'
import { useSessionOperation } from '../api/sessions'
import { FormModal } from '../common/form-modal'
import { notifyDone } from '../common/notify'
import { zodForm } from '../common/zod-form'
import { SessionFields, sessionFieldsInput, type SessionFieldValues } from './session-form'

interface Props {
  opened: boolean
  onClose: () => void
  session: Session
  members: readonly MemberRow[]
}

export function SessionEditModal({ opened, onClose, session, members }: Props) {
  const { t } = useTranslation()
  const update = useSessionOperation('updateSession')
  const initial: SessionFieldValues = {
    date: session.date,
    startTime: session.startTime,
    endTime: session.endTime ?? '',
    modality: session.modality,
    venue: session.venue,
    link: session.link,
    chairId: session.chairId,
    secretaryId: session.secretaryId,
  }
  const toInput = (values: SessionFieldValues) => ({ id: session.id, ...sessionFieldsInput(values), endTime: values.endTime || null })

  const save = async (input: z.output<typeof updateSessionSchema>) => {
    const detail = await update.mutateAsync(input)
    notifyDone(t('sessionForm.updated', { title: detail.title }))
    onClose()
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={t('sessionForm.editTitle')}
      initialValues={initial}
      {...zodForm(updateSessionSchema, { input: toInput })}
      onSubmit={save}
      submitLabel={t('sessionForm.save')}
      pending={update.isPending}
    >
      {(form) => <SessionFields form={form} members={members} withEndTime />}
    </FormModal>
  )
}
