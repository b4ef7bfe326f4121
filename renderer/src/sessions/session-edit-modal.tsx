/** "Editar datos" of a session while the core still allows it (until it concludes). */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberRow } from '../../../main/core/contract/views'
import type { Session } from '../../../main/core/model/schema'
import { errorMessage } from '../api/api-error'
import { useSessionOperation } from '../api/sessions'
import { notifyDone } from '../common/notify'
import { SessionFields, sessionFieldRules, type SessionFieldValues } from './session-form'

interface Props {
  opened: boolean
  onClose: () => void
  session: Session
  members: readonly MemberRow[]
}

export function SessionEditModal({ opened, onClose, session, members }: Props) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={
        <Text fw={700} size="lg">
          {t('sessionForm.editTitle')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <SessionEditForm session={session} members={members} onDone={onClose} /> : null}
    </Modal>
  )
}

function SessionEditForm({ session, members, onDone }: { session: Session; members: readonly MemberRow[]; onDone: () => void }) {
  const { t } = useTranslation()
  const update = useSessionOperation('updateSession')
  const [error, setError] = useState<string | null>(null)
  const form = useForm<SessionFieldValues>({
    initialValues: {
      date: session.date,
      startTime: session.startTime,
      endTime: session.endTime ?? '',
      modality: session.modality,
      venue: session.venue,
      link: session.link,
      chairId: session.chairId,
      secretaryId: session.secretaryId,
    },
    validate: sessionFieldRules(t),
  })

  const submit = async (values: SessionFieldValues) => {
    setError(null)
    try {
      const detail = await update.mutateAsync({
        id: session.id,
        date: values.date ?? '',
        startTime: values.startTime,
        endTime: values.endTime || null,
        modality: values.modality,
        venue: values.modality === 'virtual' ? '' : values.venue.trim(),
        link: values.modality === 'presencial' ? '' : values.link.trim(),
        chairId: values.chairId,
        secretaryId: values.secretaryId,
      })
      notifyDone(t('sessionForm.updated', { title: detail.title }))
      onDone()
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        <SessionFields form={form} members={members} withEndTime />
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('sessionForm.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
