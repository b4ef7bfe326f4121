/**
 * Add or edit a milestone: title, due date, deliverable, weight, state,
 * progress and evidence. State and progress move together by the core's
 * rule (withMilestoneProgress, withMilestoneStatus: no iniciado = 0 %,
 * completado = 100 %), so a save is not refused for a mismatch the form could
 * have prevented.
 */
import { Group, NumberInput, SegmentedControl, SimpleGrid, Slider, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { milestoneFieldsSchema } from '../../../main/core/contract/follow-up-inputs'
import type { CommitmentView, MilestoneView } from '../../../main/core/contract/views'
import { withMilestoneProgress, withMilestoneStatus } from '../../../main/core/domain/progress'
import { MILESTONE_STATUSES, type Milestone } from '../../../main/core/model/schema'
import { useAddMilestone, useUpdateMilestone } from '../api/plan-editor'
import { FormModal, useOpenedWith, type ModalForm } from '../common/form-modal'
import { notifyDone, notifyError } from '../common/notify'
import { milestoneStatusColor } from '../common/status-colors'
import { rangeOf, zodForm } from '../common/zod-form'
import { CALENDAR_IN_DIALOG } from '../common/calendar'

interface Values {
  title: string
  dueDate: string | null
  deliverable: string
  status: Milestone['status']
  progress: number | string
  evidence: string
  weight: number | string
}

/** An emptied number field is no number: the schema says so. */
const toInt = (value: number | string): number => (typeof value === 'number' ? Math.round(value) : Number.parseInt(value, 10))
const toInput = (values: Values) => ({ ...values, dueDate: values.dueDate ?? '', progress: toInt(values.progress), weight: toInt(values.weight) })

interface Props {
  commitment: CommitmentView
  /** The milestone to edit; null to add one. */
  milestone: MilestoneView | null
  opened: boolean
  onClose: () => void
}

export function MilestoneModal({ commitment, milestone: given, opened, onClose }: Props) {
  const { t } = useTranslation()
  const milestone = useOpenedWith(opened, given)
  const add = useAddMilestone()
  const update = useUpdateMilestone()
  const initial: Values = milestone
    ? {
        title: milestone.title,
        dueDate: milestone.dueDate,
        deliverable: milestone.deliverable,
        status: milestone.status,
        progress: milestone.progress,
        evidence: milestone.evidence,
        weight: milestone.weight,
      }
    : { title: '', dueDate: null, deliverable: '', status: 'no-iniciado', progress: 0, evidence: '', weight: 1 }

  const save = async (fields: z.output<typeof milestoneFieldsSchema>) => {
    try {
      const saved = milestone
        ? await update.mutateAsync({ commitmentId: commitment.id, milestoneId: milestone.id, milestone: fields })
        : await add.mutateAsync({ commitmentId: commitment.id, milestone: fields })
      notifyDone(
        t(milestone ? 'plan.milestoneForm.updated' : 'plan.milestoneForm.added', {
          title: fields.title,
          number: saved.number,
          progress: saved.progress,
        }),
      )
      onClose()
    } catch (failure) {
      notifyError(failure)
    }
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={milestone ? t('plan.milestoneForm.editTitle') : t('plan.milestoneForm.addTitle')}
      subtitle={t('plan.milestoneForm.ofCommitment', { number: commitment.number, title: commitment.title })}
      initialValues={initial}
      {...zodForm(milestoneFieldsSchema, { input: toInput })}
      onSubmit={save}
      submitLabel={milestone ? t('plan.milestoneForm.save') : t('plan.milestoneForm.add')}
      pending={add.isPending || update.isPending}
    >
      {(form) => <MilestoneFields form={form} />}
    </FormModal>
  )
}

function MilestoneFields({ form }: { form: ModalForm<Values, unknown> }) {
  const { t } = useTranslation()

  /** The state follows the progress, by the core's rule (withMilestoneProgress). */
  const setProgress = (value: number | string) => {
    form.setFieldValue('progress', value)
    const number = toInt(value)
    if (!Number.isInteger(number)) return
    form.setFieldValue('status', withMilestoneProgress(form.getValues(), number).status)
  }
  /** And the progress follows the state (withMilestoneStatus); an emptied progress stays empty unless the state fixes it. */
  const setStatus = (value: string) => {
    const status = MILESTONE_STATUSES.find((candidate) => candidate === value)
    if (!status) return
    const progress = toInt(form.getValues().progress)
    const next = withMilestoneStatus({ progress }, status)
    form.setFieldValue('status', next.status)
    if (!Number.isNaN(next.progress) && next.progress !== progress) form.setFieldValue('progress', next.progress)
  }

  const values = form.getValues()
  const progress = toInt(values.progress)

  return (
    <>
      <TextInput label={t('plan.milestoneForm.title')} withAsterisk data-autofocus {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DatePickerInput
          popoverProps={CALENDAR_IN_DIALOG}
          label={t('plan.milestoneForm.dueDate')}
          leftSection={<IconCalendar size={16} aria-hidden />}
          valueFormat="D [de] MMMM [de] YYYY"
          withAsterisk
          {...form.getInputProps('dueDate')}
        />
        <NumberInput
          label={t('plan.milestoneForm.weight')}
          description={t('plan.milestoneForm.weightHint')}
          {...rangeOf(milestoneFieldsSchema.shape.weight)}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('weight')}
        />
      </SimpleGrid>
      <TextInput
        label={t('plan.milestoneForm.deliverable')}
        placeholder={t('plan.milestoneForm.deliverablePlaceholder')}
        {...form.getInputProps('deliverable')}
      />
      <Stack gap={6}>
        <Text size="sm" fw={500} id="hito-estado">
          {t('plan.milestoneForm.status')}
        </Text>
        <SegmentedControl
          aria-labelledby="hito-estado"
          value={values.status}
          onChange={setStatus}
          color={milestoneStatusColor[values.status]}
          data={MILESTONE_STATUSES.map((status) => ({ value: status, label: t(`enums.milestoneStatus.${status}`) }))}
        />
      </Stack>
      <Group align="flex-end" gap="lg" wrap="nowrap">
        <Stack gap={6} style={{ flex: 1 }}>
          <Text size="sm" fw={500} id="hito-avance">
            {t('plan.milestoneForm.progressSlider')}
          </Text>
          <Slider
            value={Number.isInteger(progress) ? progress : 0}
            onChange={setProgress}
            {...rangeOf(milestoneFieldsSchema.shape.progress)}
            step={5}
            label={(value) => `${value} %`}
            thumbLabel={t('plan.milestoneForm.progressSlider')}
            marks={[0, 25, 50, 75, 100].map((value) => ({ value, label: `${value} %` }))}
            mb="lg"
            color={milestoneStatusColor[values.status]}
          />
        </Stack>
        <NumberInput
          label={t('plan.milestoneForm.progress')}
          {...rangeOf(milestoneFieldsSchema.shape.progress)}
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
        {t('plan.milestoneForm.progressHint')}
      </Text>
      <Textarea
        label={t('plan.milestoneForm.evidence')}
        placeholder={t('plan.milestoneForm.evidencePlaceholder')}
        autosize
        minRows={2}
        maxRows={6}
        {...form.getInputProps('evidence')}
      />
    </>
  )
}
