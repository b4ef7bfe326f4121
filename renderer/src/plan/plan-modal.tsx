/** Create or edit a plan period: its name («PAL 2025–2027») and its years. */
import { NumberInput, SimpleGrid, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { createPlanSchema } from '../../../main/core/contract/follow-up-inputs'
import type { PlanOverview } from '../../../main/core/contract/views'
import type { Plan } from '../../../main/core/model/schema'
import { useCreatePlan, useUpdatePlan } from '../api/plan-editor'
import { todayInMexico } from '../common/dates'
import { FormModal, useOpenedWith } from '../common/form-modal'
import { notifyDone, notifyError } from '../common/notify'
import { rangeOf, zodForm } from '../common/zod-form'

interface Values {
  name: string
  startYear: number | string
  endYear: number | string
}

/** An emptied number field is no year: the schema says so. */
const toYear = (value: number | string) => (typeof value === 'number' ? value : Number.parseInt(value, 10))
const toInput = (values: Values) => ({ name: values.name, startYear: toYear(values.startYear), endYear: toYear(values.endYear) })

interface Props {
  opened: boolean
  onClose: () => void
  /** The plan to edit; null to create one. */
  plan: Plan | null
  onSaved?: (overview: PlanOverview, name: string) => void
}

export function PlanModal({ opened, onClose, plan: given, onSaved }: Props) {
  const { t } = useTranslation()
  const plan = useOpenedWith(opened, given)
  const create = useCreatePlan()
  const update = useUpdatePlan()
  const year = Number(todayInMexico().slice(0, 4))
  const initial: Values = plan ? { name: plan.name, startYear: plan.startYear, endYear: plan.endYear } : { name: '', startYear: year, endYear: year + 2 }

  const save = async (fields: z.output<typeof createPlanSchema>) => {
    try {
      const overview = plan ? await update.mutateAsync({ id: plan.id, plan: fields }) : await create.mutateAsync(fields)
      notifyDone(t(plan ? 'plan.planForm.updated' : 'plan.planForm.created', { name: fields.name }))
      onSaved?.(overview, fields.name)
      onClose()
    } catch (error) {
      notifyError(error)
    }
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={plan ? t('plan.planForm.editTitle') : t('plan.planForm.createTitle')}
      initialValues={initial}
      {...zodForm(createPlanSchema, { input: toInput })}
      onSubmit={save}
      submitLabel={plan ? t('plan.planForm.save') : t('plan.planForm.create')}
      pending={create.isPending || update.isPending}
    >
      {(form) => (
        <>
          <TextInput label={t('plan.planForm.name')} placeholder={t('plan.planForm.namePlaceholder')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={2}>
            <NumberInput label={t('plan.planForm.startYear')} {...rangeOf(createPlanSchema.shape.startYear)} allowDecimal={false} thousandSeparator={false} withAsterisk {...form.getInputProps('startYear')} />
            <NumberInput label={t('plan.planForm.endYear')} {...rangeOf(createPlanSchema.shape.endYear)} allowDecimal={false} thousandSeparator={false} withAsterisk {...form.getInputProps('endYear')} />
          </SimpleGrid>
        </>
      )}
    </FormModal>
  )
}
