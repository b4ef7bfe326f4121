/** Create or edit a plan period: its name («PAL 2025–2027») and its years. */
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { PlanOverview } from '../../../main/core/contract/views'
import type { Plan } from '../../../main/core/model/schema'
import { useCreatePlan, useUpdatePlan } from '../api/plan-editor'
import { todayInMexico } from '../common/dates'
import { notifyDone, notifyError } from '../common/notify'

interface Values {
  name: string
  startYear: number | string
  endYear: number | string
}

const toYear = (value: number | string) => (typeof value === 'number' ? value : Number.parseInt(value, 10))
const validYear = (value: number) => Number.isInteger(value) && value >= 2000 && value <= 2100

interface Props {
  opened: boolean
  onClose: () => void
  /** The plan to edit; null to create one. */
  plan: Plan | null
  onSaved?: (overview: PlanOverview, name: string) => void
}

export function PlanModal({ opened, onClose, plan, onSaved }: Props) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        <Text fw={700} size="lg">
          {plan ? t('planEditor.planForm.editTitle') : t('planEditor.planForm.createTitle')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <PlanForm plan={plan} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  )
}

function PlanForm({ plan, onClose, onSaved }: Omit<Props, 'opened'>) {
  const { t } = useTranslation()
  const create = useCreatePlan()
  const update = useUpdatePlan()
  const year = Number(todayInMexico().slice(0, 4))
  const form = useForm<Values>({
    initialValues: plan ? { ...plan } : { name: '', startYear: year, endYear: year + 2 },
    validate: {
      name: (value) => (value.trim() ? null : t('planEditor.planForm.nameRequired')),
      startYear: (value) => (validYear(toYear(value)) ? null : t('planEditor.planForm.yearInvalid')),
      endYear: (value, values) =>
        !validYear(toYear(value))
          ? t('planEditor.planForm.yearInvalid')
          : toYear(value) < toYear(values.startYear)
            ? t('planEditor.planForm.endBeforeStart')
            : null,
    },
  })
  const submit = form.onSubmit((values) => {
    const fields = { name: values.name.trim(), startYear: toYear(values.startYear), endYear: toYear(values.endYear) }
    const done = (overview: PlanOverview) => {
      notifyDone(t(plan ? 'planEditor.planForm.updated' : 'planEditor.planForm.created', { name: fields.name }))
      onSaved?.(overview, fields.name)
      onClose()
    }
    const failed = (error: unknown) => notifyError(error)
    if (plan) update.mutate({ id: plan.id, plan: fields }, { onSuccess: done, onError: failed })
    else create.mutate(fields, { onSuccess: done, onError: failed })
  })
  const pending = create.isPending || update.isPending
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('planEditor.planForm.name')}
          placeholder={t('planEditor.planForm.namePlaceholder')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={2}>
          <NumberInput label={t('planEditor.planForm.startYear')} min={2000} max={2100} allowDecimal={false} thousandSeparator={false} withAsterisk {...form.getInputProps('startYear')} />
          <NumberInput label={t('planEditor.planForm.endYear')} min={2000} max={2100} allowDecimal={false} thousandSeparator={false} withAsterisk {...form.getInputProps('endYear')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {plan ? t('planEditor.planForm.save') : t('planEditor.planForm.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
