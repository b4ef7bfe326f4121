/**
 * "Nueva sesión": type, date and time, place, roles and where the agenda
 * starts from. The core numbers and titles the session; the screen then opens it.
 */
import { Alert, Button, Divider, Group, Modal, Radio, SegmentedControl, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { Session } from '../../../main/core/model/schema'
import { errorMessage } from '../api/api-error'
import { useMembers } from '../api/members'
import { useSessionOperation } from '../api/sessions'
import { useSettings } from '../api/settings'
import { todayInMexico } from '../common/dates'
import { notifyDone } from '../common/notify'
import { SESSION_TYPES } from './session-enums'
import { SessionFields, sessionFieldRules, type SessionFieldValues } from './session-form'

const AGENDA_SOURCES = ['estandar', 'anterior', 'vacio'] as const

interface NewSessionValues extends SessionFieldValues {
  type: Session['type']
  agendaSource: (typeof AGENDA_SOURCES)[number]
}

export function NewSessionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={
        <Text fw={700} size="lg">
          {t('sessionForm.newTitle')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <NewSessionForm onDone={onClose} /> : null}
    </Modal>
  )
}

function NewSessionForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const members = useMembers().data ?? []
  const settings = useSettings().data
  const create = useSessionOperation('createSession')
  const [error, setError] = useState<string | null>(null)
  const form = useForm<NewSessionValues>({
    initialValues: {
      type: 'ordinaria',
      date: todayInMexico(),
      startTime: '10:00',
      endTime: '',
      modality: 'presencial',
      venue: settings?.defaultVenue ?? '',
      link: '',
      chairId: null,
      secretaryId: null,
      agendaSource: 'estandar',
    },
    validate: sessionFieldRules(t),
  })

  const submit = async (values: NewSessionValues) => {
    setError(null)
    try {
      const detail = await create.mutateAsync({
        type: values.type,
        date: values.date ?? '',
        startTime: values.startTime,
        modality: values.modality,
        venue: values.modality === 'virtual' ? '' : values.venue.trim(),
        link: values.modality === 'presencial' ? '' : values.link.trim(),
        chairId: values.chairId,
        secretaryId: values.secretaryId,
        agendaSource: values.agendaSource,
      })
      notifyDone(t('sessionForm.created', { title: detail.title }))
      onDone()
      void navigate(`/sesiones/${detail.session.id}`)
    } catch (failure) {
      setError(errorMessage(failure, t('errors.unexpected')))
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="tipo-sesion-label">
            {t('sessionForm.type')}
          </Text>
          <SegmentedControl
            aria-labelledby="tipo-sesion-label"
            data={SESSION_TYPES.map((value) => ({ value, label: t(`enums.sessionType.${value}`) }))}
            {...form.getInputProps('type')}
          />
          <Text size="xs" c="dimmed">
            {t('sessionForm.numberingHint')}
          </Text>
        </Stack>
        <SessionFields form={form} members={members} />
        <Divider label={t('sessionForm.agendaSource')} labelPosition="left" />
        <Radio.Group aria-label={t('sessionForm.agendaSource')} {...form.getInputProps('agendaSource')}>
          <Stack gap="sm">
            {AGENDA_SOURCES.map((value) => (
              <Radio
                key={value}
                value={value}
                label={t(`sessionForm.sources.${value}`)}
                description={t(`sessionForm.sourcesHint.${value}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {error ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('sessionForm.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
