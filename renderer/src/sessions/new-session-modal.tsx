/**
 * "Nueva sesión": type, date and time, place, roles and where the agenda
 * starts from. The core numbers and titles the session; the screen then opens it.
 */
import { Divider, Radio, SegmentedControl, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import { createSessionSchema } from '../../../main/core/contract/session-inputs'
import { SESSION_TYPES, type Session } from '../../../main/core/model/schema'
import { useMembers } from '../api/members'
import { useSessionOperation } from '../api/sessions'
import { useSettings } from '../api/settings'
import { todayInMexico } from '../common/dates'
import { FormModal } from '../common/form-modal'
import { notifyDone } from '../common/notify'
import { zodForm } from '../common/zod-form'
import { SessionFields, sessionFieldsInput, type SessionFieldValues } from './session-form'

const AGENDA_SOURCES = ['estandar', 'anterior', 'vacio'] as const

interface NewSessionValues extends SessionFieldValues {
  type: Session['type']
  agendaSource: (typeof AGENDA_SOURCES)[number]
}

const toInput = (values: NewSessionValues) => ({ type: values.type, ...sessionFieldsInput(values), agendaSource: values.agendaSource })

export function NewSessionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const members = useMembers().data ?? []
  const settings = useSettings().data
  const create = useSessionOperation('createSession')
  const initial: NewSessionValues = {
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
  }

  const save = async (input: z.output<typeof createSessionSchema>) => {
    const detail = await create.mutateAsync(input)
    notifyDone(t('sessionForm.created', { title: detail.title }))
    onClose()
    void navigate(`/sesiones/${detail.session.id}`)
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={t('sessionForm.newTitle')}
      initialValues={initial}
      {...zodForm(createSessionSchema, { input: toInput })}
      onSubmit={save}
      submitLabel={t('sessionForm.create')}
      pending={create.isPending}
    >
      {(form) => (
        <>
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
                <Radio key={value} value={value} label={t(`sessionForm.sources.${value}`)} description={t(`sessionForm.sourcesHint.${value}`)} />
              ))}
            </Stack>
          </Radio.Group>
        </>
      )}
    </FormModal>
  )
}
