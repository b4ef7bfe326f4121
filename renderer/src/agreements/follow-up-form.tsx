/**
 * One follow-up entry for an agreement: date, note, evidence (a web link
 * and/or a file read here and sent as base64) and, optionally, the
 * agreement's new state. Used in the agreement drawer (outside a session)
 * and inline in a session's «Seguimiento de acuerdos» (with its sessionId).
 */
import { Button, FileInput, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { getHotkeyHandler } from '@mantine/hooks'
import { IconCalendar, IconLink, IconPaperclip, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { addFollowUpSchema } from '../../../main/core/contract/follow-up-inputs'
import { AGREEMENT_STATUSES, type Agreement } from '../../../main/core/model/schema'
import { useAddFollowUp } from '../api/follow-up'
import { todayInMexico } from '../common/dates'
import { notifyDone, notifyError } from '../common/notify'
import { zodResolver } from '../common/zod-form'
import { CALENDAR_IN_DIALOG } from '../common/calendar'

const KEEP = 'sin-cambio'

interface Values {
  date: string | null
  note: string
  evidenceUrl: string
  file: File | null
  status: string
}

type EvidenceFile = { fileName: string; contentBase64: string } | null

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('lectura'))
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.readAsDataURL(file)
  })
}

interface Props {
  agreement: Pick<Agreement, 'id' | 'key' | 'status'>
  /** The session whose «Seguimiento de acuerdos» records the entry; null outside a session. */
  sessionId: string | null
  onDone?: () => void
  onCancel?: () => void
  /** The note takes the focus when the form appears (see Reveal). */
  autoFocus?: boolean
}

export function FollowUpForm({ agreement, sessionId, onDone, onCancel, autoFocus }: Props) {
  const { t } = useTranslation()
  const add = useAddFollowUp()
  const today = todayInMexico()

  /** The entry as the core takes it; the file is read only when saving, so it is checked then. */
  const toInput = (values: Values, evidenceFile: EvidenceFile = null) => ({
    agreementId: agreement.id,
    date: values.date ?? '',
    note: values.note,
    evidenceUrl: values.evidenceUrl.trim(),
    evidenceFile,
    sessionId,
    status: (AGREEMENT_STATUSES as readonly string[]).includes(values.status) ? (values.status as Agreement['status']) : null,
  })
  const check = (evidenceFile: EvidenceFile) => zodResolver<Values>(addFollowUpSchema, { input: (values) => toInput(values, evidenceFile), fields: { evidenceFile: 'file' } })
  const form = useForm<Values>({
    initialValues: { date: today, note: '', evidenceUrl: '', file: null, status: KEEP },
    validate: check(null),
  })

  const submit = form.onSubmit(async (values) => {
    let evidenceFile: EvidenceFile = null
    if (values.file) {
      try {
        evidenceFile = { fileName: values.file.name, contentBase64: await readAsBase64(values.file) }
      } catch {
        form.setFieldError('file', t('followUp.form.fileUnreadable'))
        return
      }
    }
    const errors = check(evidenceFile)(values)
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors)
      return
    }
    add.mutate(addFollowUpSchema.parse(toInput(values, evidenceFile)), {
      onSuccess: () => {
        notifyDone(t('followUp.form.added', { key: agreement.key }))
        form.reset()
        onDone?.()
      },
      onError: (error) => notifyError(error),
    })
  })

  const current = t(`enums.agreementState.${agreement.status}`).toLowerCase()
  const statusOptions = [
    { value: KEEP, label: t('followUp.form.keepStatus', { status: current }) },
    ...AGREEMENT_STATUSES.filter((status) => status !== agreement.status).map((status) => ({
      value: status,
      label: t(`enums.agreementState.${status}`),
    })),
  ]
  const submitLabel = sessionId ? t('followUp.form.submitInSession') : t('followUp.form.submit')

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('followUp.form.label', { key: agreement.key })}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DatePickerInput
            popoverProps={CALENDAR_IN_DIALOG}
            label={t('followUp.form.date')}
            leftSection={<IconCalendar size={16} aria-hidden />}
            valueFormat="D [de] MMMM [de] YYYY"
            maxDate={today}
            withAsterisk
            {...form.getInputProps('date')}
          />
          <Select
            label={t('followUp.form.status')}
            data={statusOptions}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <Textarea
          label={t('followUp.form.note')}
          placeholder={t('followUp.form.notePlaceholder')}
          autosize
          minRows={3}
          maxRows={10}
          withAsterisk
          data-autofocus={autoFocus || undefined}
          onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
          {...form.getInputProps('note')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('followUp.form.evidenceUrl')}
            placeholder={t('followUp.form.evidenceUrlPlaceholder')}
            leftSection={<IconLink size={16} aria-hidden />}
            type="url"
            inputMode="url"
            {...form.getInputProps('evidenceUrl')}
          />
          <FileInput
            label={t('followUp.form.evidenceFile')}
            placeholder={t('followUp.form.evidenceFilePlaceholder')}
            leftSection={<IconPaperclip size={16} aria-hidden />}
            clearable
            {...form.getInputProps('file')}
          />
        </SimpleGrid>
        <Group justify="space-between" gap="sm">
          <Text size="xs" c="dimmed">
            {t('followUp.form.submitHint')}
          </Text>
          <Group gap="sm">
            {onCancel ? (
              <Button variant="default" onClick={onCancel} disabled={add.isPending}>
                {t('followUp.form.cancel')}
              </Button>
            ) : null}
            <Button type="submit" loading={add.isPending} leftSection={<IconPlus size={16} aria-hidden />}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}
