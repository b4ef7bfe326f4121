/**
 * Register or edit a commitment with the fields of the OGP template: title,
 * pillars, public problem and baseline, objective and expected result, lead
 * (government) and co-lead (civil society) institutions, and its dates.
 */
import { Autocomplete, Divider, MultiSelect, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { createCommitmentSchema } from '../../../main/core/contract/follow-up-inputs'
import type { CommitmentView } from '../../../main/core/contract/views'
import { PILLARS, type Plan } from '../../../main/core/model/schema'
import { useCreateCommitment, useUpdateCommitment } from '../api/plan-editor'
import { FormModal, useOpenedWith } from '../common/form-modal'
import { foldForSearch } from '../common/format'
import { notifyDone, notifyError } from '../common/notify'
import { zodForm } from '../common/zod-form'
import { CALENDAR_IN_DIALOG } from '../common/calendar'

interface Values {
  planId: string | null
  title: string
  pillars: string[]
  problem: string
  baseline: string
  objective: string
  expectedResult: string
  leadInstitution: string
  coLeadInstitution: string
  startDate: string | null
  endDate: string | null
}

const toInput = (values: Values) => ({
  ...values,
  planId: values.planId ?? '',
  pillars: PILLARS.filter((pillar) => values.pillars.includes(pillar)),
  startDate: values.startDate ?? '',
  endDate: values.endDate ?? '',
})

interface Props {
  opened: boolean
  onClose: () => void
  plans: Plan[]
  /** The plan a new commitment belongs to by default. */
  planId: string | null
  /** The commitment to edit; null to register one. */
  commitment: CommitmentView | null
  /** Commitments known, to suggest institutions already named. */
  commitments: CommitmentView[]
}

export function CommitmentModal({ opened, onClose, plans, planId, commitment: given, commitments }: Props) {
  const { t } = useTranslation()
  const commitment = useOpenedWith(opened, given)
  const create = useCreateCommitment()
  const update = useUpdateCommitment()
  const institutions = useMemo(() => {
    const names = new Set<string>()
    for (const other of commitments) {
      names.add(other.leadInstitution)
      for (const name of other.coLeadInstitution.split(',')) if (name.trim()) names.add(name.trim())
    }
    return [...names].sort((a, b) => foldForSearch(a).localeCompare(foldForSearch(b), 'es-MX'))
  }, [commitments])

  const initial: Values = commitment
    ? {
        planId: commitment.planId,
        title: commitment.title,
        pillars: [...commitment.pillars],
        problem: commitment.problem,
        baseline: commitment.baseline,
        objective: commitment.objective,
        expectedResult: commitment.expectedResult,
        leadInstitution: commitment.leadInstitution,
        coLeadInstitution: commitment.coLeadInstitution,
        startDate: commitment.startDate,
        endDate: commitment.endDate,
      }
    : {
        planId,
        title: '',
        pillars: [],
        problem: '',
        baseline: '',
        objective: '',
        expectedResult: '',
        leadInstitution: '',
        coLeadInstitution: '',
        startDate: null,
        endDate: null,
      }

  const save = async (fields: z.output<typeof createCommitmentSchema>) => {
    try {
      const saved = commitment ? await update.mutateAsync({ id: commitment.id, commitment: fields }) : await create.mutateAsync(fields)
      notifyDone(t(commitment ? 'plan.commitmentForm.updated' : 'plan.commitmentForm.created', { number: saved.number }))
      onClose()
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="xl"
      scrollable
      title={commitment ? t('plan.commitmentForm.editTitle', { number: commitment.number }) : t('plan.commitmentForm.createTitle')}
      initialValues={initial}
      {...zodForm(createCommitmentSchema, { input: toInput })}
      onSubmit={save}
      submitLabel={commitment ? t('plan.commitmentForm.save') : t('plan.commitmentForm.create')}
      pending={create.isPending || update.isPending}
    >
      {(form) => (
        <>
          <Divider label={t('plan.commitmentForm.sectionGeneral')} labelPosition="left" />
          <Textarea label={t('plan.commitmentForm.title')} withAsterisk autosize minRows={1} maxRows={3} data-autofocus {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('plan.commitmentForm.pillars')}
              placeholder={t('plan.commitmentForm.pillarsPlaceholder')}
              data={PILLARS.map((pillar) => ({ value: pillar, label: t(`enums.pillar.${pillar}`) }))}
              withAsterisk
              {...form.getInputProps('pillars')}
            />
            <Select
              label={t('plan.commitmentForm.plan')}
              data={plans.map((plan) => ({ value: plan.id, label: plan.name }))}
              allowDeselect={false}
              withAsterisk
              {...form.getInputProps('planId')}
            />
          </SimpleGrid>

          <Divider label={t('plan.commitmentForm.sectionProblem')} labelPosition="left" mt="xs" />
          <Textarea
            label={t('plan.commitmentForm.problem')}
            description={t('plan.commitmentForm.problemHint')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('problem')}
          />
          <Textarea
            label={t('plan.commitmentForm.baseline')}
            description={t('plan.commitmentForm.baselineHint')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('baseline')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea label={t('plan.commitmentForm.objective')} autosize minRows={2} maxRows={6} {...form.getInputProps('objective')} />
            <Textarea label={t('plan.commitmentForm.expectedResult')} autosize minRows={2} maxRows={6} {...form.getInputProps('expectedResult')} />
          </SimpleGrid>

          <Divider label={t('plan.commitmentForm.sectionLead')} labelPosition="left" mt="xs" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Autocomplete label={t('plan.commitmentForm.leadInstitution')} data={institutions} withAsterisk {...form.getInputProps('leadInstitution')} />
            <TextInput label={t('plan.commitmentForm.coLeadInstitution')} {...form.getInputProps('coLeadInstitution')} />
            <DatePickerInput
              popoverProps={CALENDAR_IN_DIALOG}
              label={t('plan.commitmentForm.startDate')}
              leftSection={<IconCalendar size={16} aria-hidden />}
              valueFormat="D [de] MMMM [de] YYYY"
              withAsterisk
              {...form.getInputProps('startDate')}
            />
            <DatePickerInput
              popoverProps={CALENDAR_IN_DIALOG}
              label={t('plan.commitmentForm.endDate')}
              leftSection={<IconCalendar size={16} aria-hidden />}
              valueFormat="D [de] MMMM [de] YYYY"
              withAsterisk
              {...form.getInputProps('endDate')}
            />
          </SimpleGrid>
        </>
      )}
    </FormModal>
  )
}
