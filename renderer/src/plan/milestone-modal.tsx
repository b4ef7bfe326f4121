/**
 * Add or edit a milestone: title, due date, deliverable, weight, state,
 * progress and evidence. State and progress move together as the core
 * requires (no iniciado = 0 %, completado = 100 %), so a save is not refused
 * for a mismatch the form could have prevented.
 */
import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Slider,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { IconCalendar } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CommitmentView, MilestoneView } from '../../../main/core/contract/views'
import type { Milestone } from '../../../main/core/model/schema'
import { useAddMilestone, useUpdateMilestone } from '../api/plan-editor'
import { notifyDone, notifyError } from '../common/notify'
import { milestoneStatusColor } from '../common/status-colors'

const STATUSES = ['no-iniciado', 'en-proceso', 'completado'] as const satisfies ReadonlyArray<Milestone['status']>

interface Values {
  title: string
  dueDate: string | null
  deliverable: string
  status: Milestone['status']
  progress: number | string
  evidence: string
  weight: number | string
}

const toInt = (value: number | string): number => (typeof value === 'number' ? Math.round(value) : Number.parseInt(value, 10))

interface Props {
  commitment: CommitmentView
  /** The milestone to edit; null to add one. */
  milestone: MilestoneView | null
  opened: boolean
  onClose: () => void
}

export function MilestoneModal({ commitment, milestone, opened, onClose }: Props) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={
        <Stack gap={0}>
          <Text fw={700} size="lg">
            {milestone ? t('planEditor.milestoneForm.editTitle') : t('planEditor.milestoneForm.addTitle')}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={1}>
            {t('planEditor.milestoneForm.ofCommitment', { number: commitment.number, title: commitment.title })}
          </Text>
        </Stack>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <MilestoneForm commitment={commitment} milestone={milestone} onClose={onClose} /> : null}
    </Modal>
  )
}

function MilestoneForm({ commitment, milestone, onClose }: Omit<Props, 'opened'>) {
  const { t } = useTranslation()
  const add = useAddMilestone()
  const update = useUpdateMilestone()
  const form = useForm<Values>({
    initialValues: milestone
      ? { ...milestone }
      : { title: '', dueDate: null, deliverable: '', status: 'no-iniciado', progress: 0, evidence: '', weight: 1 },
    validate: {
      title: (value) => (value.trim() ? null : t('planEditor.milestoneForm.titleRequired')),
      dueDate: (value) => (value ? null : t('planEditor.milestoneForm.dueRequired')),
      progress: (value) => {
        const number = toInt(value)
        return Number.isInteger(number) && number >= 0 && number <= 100 ? null : t('planEditor.milestoneForm.progressInvalid')
      },
      weight: (value) => {
        const number = toInt(value)
        return Number.isInteger(number) && number >= 1 && number <= 100 ? null : t('planEditor.milestoneForm.weightInvalid')
      },
    },
  })

  /** The state follows the progress: 100 % is completado, and a started milestone is en proceso. */
  const setProgress = (value: number | string) => {
    form.setFieldValue('progress', value)
    const number = toInt(value)
    if (!Number.isInteger(number)) return
    const status = form.getValues().status
    if (number >= 100) form.setFieldValue('status', 'completado')
    else if (number > 0 && status !== 'en-proceso') form.setFieldValue('status', 'en-proceso')
    else if (number === 0 && status === 'completado') form.setFieldValue('status', 'no-iniciado')
  }
  /** And the progress follows the state: no iniciado is 0 %, completado 100 %. */
  const setStatus = (value: string) => {
    const status = STATUSES.find((candidate) => candidate === value)
    if (!status) return
    form.setFieldValue('status', status)
    const progress = toInt(form.getValues().progress)
    if (status === 'completado') form.setFieldValue('progress', 100)
    else if (status === 'no-iniciado') form.setFieldValue('progress', 0)
    else if (progress >= 100) form.setFieldValue('progress', 90)
  }

  const submit = form.onSubmit((values) => {
    const fields = {
      title: values.title.trim(),
      dueDate: values.dueDate ?? '',
      deliverable: values.deliverable.trim(),
      status: values.status,
      progress: toInt(values.progress),
      evidence: values.evidence.trim(),
      weight: toInt(values.weight),
    }
    const done = (saved: CommitmentView) => {
      notifyDone(
        t(milestone ? 'planEditor.milestoneForm.updated' : 'planEditor.milestoneForm.added', {
          title: fields.title,
          number: saved.number,
          progress: saved.progress,
        }),
      )
      onClose()
    }
    const failed = (failure: unknown) => notifyError(failure)
    if (milestone) update.mutate({ commitmentId: commitment.id, milestoneId: milestone.id, milestone: fields }, { onSuccess: done, onError: failed })
    else add.mutate({ commitmentId: commitment.id, milestone: fields }, { onSuccess: done, onError: failed })
  })

  const values = form.getValues()
  const pending = add.isPending || update.isPending
  const progress = toInt(values.progress)

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('planEditor.milestoneForm.title')} withAsterisk data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DatePickerInput
            label={t('planEditor.milestoneForm.dueDate')}
            leftSection={<IconCalendar size={16} aria-hidden />}
            valueFormat="D [de] MMMM [de] YYYY"
            withAsterisk
            {...form.getInputProps('dueDate')}
          />
          <NumberInput
            label={t('planEditor.milestoneForm.weight')}
            description={t('planEditor.milestoneForm.weightHint')}
            min={1}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('weight')}
          />
        </SimpleGrid>
        <TextInput
          label={t('planEditor.milestoneForm.deliverable')}
          placeholder={t('planEditor.milestoneForm.deliverablePlaceholder')}
          {...form.getInputProps('deliverable')}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500} id="hito-estado">
            {t('planEditor.milestoneForm.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="hito-estado"
            value={values.status}
            onChange={setStatus}
            color={milestoneStatusColor[values.status]}
            data={STATUSES.map((status) => ({ value: status, label: t(`enums.milestoneStatus.${status}`) }))}
          />
        </Stack>
        <Group align="flex-end" gap="lg" wrap="nowrap">
          <Stack gap={6} style={{ flex: 1 }}>
            <Text size="sm" fw={500} id="hito-avance">
              {t('planEditor.milestoneForm.progressSlider')}
            </Text>
            <Slider
              value={Number.isInteger(progress) ? progress : 0}
              onChange={setProgress}
              min={0}
              max={100}
              step={5}
              label={(value) => `${value} %`}
              thumbLabel={t('planEditor.milestoneForm.progressSlider')}
              marks={[0, 25, 50, 75, 100].map((value) => ({ value, label: `${value} %` }))}
              mb="lg"
              color={milestoneStatusColor[values.status]}
            />
          </Stack>
          <NumberInput
            label={t('planEditor.milestoneForm.progress')}
            min={0}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            suffix=" %"
            w={130}
            {...form.getInputProps('progress')}
            onChange={setProgress}
          />
        </Group>
        <Text size="xs" c="dimmed" mt={-8}>
          {t('planEditor.milestoneForm.progressHint')}
        </Text>
        <Textarea
          label={t('planEditor.milestoneForm.evidence')}
          placeholder={t('planEditor.milestoneForm.evidencePlaceholder')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('evidence')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {milestone ? t('planEditor.milestoneForm.save') : t('planEditor.milestoneForm.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
