/**
 * Register or edit a commitment with the fields of the OGP template: title,
 * pillars, public problem and baseline, objective and expected result, lead
 * (government) and co-lead (civil society) institutions, and its dates.
 */
import { Autocomplete, Button, Divider, Group, Modal, MultiSelect, ScrollArea, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { IconCalendar } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommitmentView } from '../../../main/core/contract/views'
import type { Pillar, Plan } from '../../../main/core/model/schema'
import { useCreateCommitment, useUpdateCommitment } from '../api/plan-editor'
import { foldForSearch } from '../common/format'
import { notifyDone, notifyError } from '../common/notify'

export const PILLARS = ['transparencia', 'rendicion-de-cuentas', 'participacion-ciudadana', 'tecnologia-e-innovacion'] as const satisfies ReadonlyArray<Pillar>

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

export function CommitmentModal(props: Props) {
  const { t } = useTranslation()
  const { opened, onClose, commitment } = props
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      scrollAreaComponent={ScrollArea.Autosize}
      title={
        <Text fw={700} size="lg">
          {commitment
            ? t('planEditor.commitmentForm.editTitle', { number: commitment.number })
            : t('planEditor.commitmentForm.createTitle')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <CommitmentForm {...props} /> : null}
    </Modal>
  )
}

function CommitmentForm({ onClose, plans, planId, commitment, commitments }: Props) {
  const { t } = useTranslation()
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

  const form = useForm<Values>({
    initialValues: commitment
      ? { ...commitment, pillars: [...commitment.pillars] }
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
        },
    validate: {
      planId: (value) => (value ? null : t('planEditor.commitmentForm.planRequired')),
      title: (value) => (value.trim() ? null : t('planEditor.commitmentForm.titleRequired')),
      pillars: (value) => (value.length > 0 ? null : t('planEditor.commitmentForm.pillarsRequired')),
      leadInstitution: (value) => (value.trim() ? null : t('planEditor.commitmentForm.leadRequired')),
      startDate: (value) => (value ? null : t('planEditor.commitmentForm.dateRequired')),
      endDate: (value, values) =>
        !value
          ? t('planEditor.commitmentForm.dateRequired')
          : values.startDate && value < values.startDate
            ? t('planEditor.commitmentForm.endBeforeStart')
            : null,
    },
  })

  const submit = form.onSubmit((values) => {
    const fields = {
      planId: values.planId ?? '',
      title: values.title.trim(),
      pillars: PILLARS.filter((pillar) => values.pillars.includes(pillar)),
      problem: values.problem.trim(),
      baseline: values.baseline.trim(),
      objective: values.objective.trim(),
      expectedResult: values.expectedResult.trim(),
      leadInstitution: values.leadInstitution.trim(),
      coLeadInstitution: values.coLeadInstitution.trim(),
      startDate: values.startDate ?? '',
      endDate: values.endDate ?? '',
    }
    const done = (saved: CommitmentView) => {
      notifyDone(t(commitment ? 'planEditor.commitmentForm.updated' : 'planEditor.commitmentForm.created', { number: saved.number }))
      onClose()
    }
    const failed = (error: unknown) => notifyError(error)
    if (commitment) update.mutate({ id: commitment.id, commitment: fields }, { onSuccess: done, onError: failed })
    else create.mutate(fields, { onSuccess: done, onError: failed })
  })
  const pending = create.isPending || update.isPending

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Divider label={t('planEditor.commitmentForm.sectionGeneral')} labelPosition="left" />
        <Textarea label={t('planEditor.commitmentForm.title')} withAsterisk autosize minRows={1} maxRows={3} data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('planEditor.commitmentForm.pillars')}
            placeholder={t('planEditor.commitmentForm.pillarsPlaceholder')}
            data={PILLARS.map((pillar) => ({ value: pillar, label: t(`enums.pillar.${pillar}`) }))}
            withAsterisk
            {...form.getInputProps('pillars')}
          />
          <Select
            label={t('planEditor.commitmentForm.plan')}
            data={plans.map((plan) => ({ value: plan.id, label: plan.name }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('planId')}
          />
        </SimpleGrid>

        <Divider label={t('planEditor.commitmentForm.sectionProblem')} labelPosition="left" mt="xs" />
        <Textarea
          label={t('planEditor.commitmentForm.problem')}
          description={t('planEditor.commitmentForm.problemHint')}
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('problem')}
        />
        <Textarea
          label={t('planEditor.commitmentForm.baseline')}
          description={t('planEditor.commitmentForm.baselineHint')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('baseline')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label={t('planEditor.commitmentForm.objective')} autosize minRows={2} maxRows={6} {...form.getInputProps('objective')} />
          <Textarea label={t('planEditor.commitmentForm.expectedResult')} autosize minRows={2} maxRows={6} {...form.getInputProps('expectedResult')} />
        </SimpleGrid>

        <Divider label={t('planEditor.commitmentForm.sectionLead')} labelPosition="left" mt="xs" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Autocomplete label={t('planEditor.commitmentForm.leadInstitution')} data={institutions} withAsterisk {...form.getInputProps('leadInstitution')} />
          <TextInput label={t('planEditor.commitmentForm.coLeadInstitution')} {...form.getInputProps('coLeadInstitution')} />
          <DatePickerInput
            label={t('planEditor.commitmentForm.startDate')}
            leftSection={<IconCalendar size={16} aria-hidden />}
            valueFormat="D [de] MMMM [de] YYYY"
            withAsterisk
            {...form.getInputProps('startDate')}
          />
          <DatePickerInput
            label={t('planEditor.commitmentForm.endDate')}
            leftSection={<IconCalendar size={16} aria-hidden />}
            valueFormat="D [de] MMMM [de] YYYY"
            withAsterisk
            {...form.getInputProps('endDate')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {commitment ? t('planEditor.commitmentForm.save') : t('planEditor.commitmentForm.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
