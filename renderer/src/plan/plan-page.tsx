/**
 * Plan de Acción (#/plan-de-accion): the plan period in force, its
 * commitments with their milestones and progress, and the editing of all of
 * them; open data and the bulk progress import. ?plan=<id> picks a period,
 * ?compromiso=<id> opens one commitment (from search or an agreement).
 */
import { ActionIcon, Button, Group, Paper, Progress, Select, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconPencil, IconPlus, IconTableImport, IconTargetArrow } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommitmentView } from '../../../main/core/contract/views'
import type { Plan } from '../../../main/core/model/schema'
import { usePlanOverview } from '../api/plan'
import { PageHeader } from '../common/page-header'
import { Empty, ErrorState, LoadingCards } from '../common/query-state'
import { useFilterParam } from '../common/use-filter-param'
import { OpenDataMenu } from '../agreements/open-data-menu'
import { CommitmentCard } from './commitment-card'
import { CommitmentModal } from './commitment-modal'
import { PlanModal } from './plan-modal'
import { ProgressImportModal } from './progress-import-modal'

export function PlanPage() {
  const { t } = useTranslation()
  const overview = usePlanOverview()
  const [chosen, setChosen] = useFilterParam('plan')
  const [focus] = useFilterParam('compromiso')
  const [planForm, setPlanForm] = useState<Plan | 'nuevo' | null>(null)
  const [commitmentForm, setCommitmentForm] = useState<CommitmentView | 'nuevo' | null>(null)
  const [importing, setImporting] = useState(false)

  const plans = useMemo(() => overview.data?.plans ?? [], [overview.data])
  const all = useMemo(() => overview.data?.commitments ?? [], [overview.data])
  const focusedPlan = all.find((c) => c.id === focus)?.planId
  const plan = plans.find((p) => p.id === chosen) ?? plans.find((p) => p.id === focusedPlan) ?? plans.find((p) => p.id === overview.data?.currentPlanId)
  const commitments = useMemo(() => all.filter((c) => c.planId === plan?.id).sort((a, b) => a.number - b.number), [all, plan?.id])
  const average = commitments.length ? Math.round(commitments.reduce((sum, c) => sum + c.progress, 0) / commitments.length) : 0
  const overdue = commitments.reduce((sum, c) => sum + c.milestones.filter((m) => m.overdue).length, 0)
  const completed = commitments.filter((c) => c.level === 'completo').length

  return (
    <>
      <PageHeader
        title={t('plan.title')}
        description={t('plan.description')}
        actions={
          plan ? (
            <>
              <OpenDataMenu what="compromisos" />
              <Button variant="default" leftSection={<IconTableImport size={18} aria-hidden />} onClick={() => setImporting(true)}>
                {t('plan.import.button')}
              </Button>
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCommitmentForm('nuevo')}>
                {t('plan.newCommitment')}
              </Button>
            </>
          ) : null
        }
      />
      {overview.isPending ? (
        <LoadingCards />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : !plan ? (
        <Empty
          icon={<IconTargetArrow size={28} aria-hidden />}
          title={t('plan.emptyTitle')}
          description={t('plan.emptyText')}
          action={
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setPlanForm('nuevo')}>
              {t('plan.createPlan')}
            </Button>
          }
        />
      ) : (
        <Stack gap="lg">
          <Paper withBorder p="lg">
            <Group justify="space-between" align="center" gap="xl">
              <Stack gap={6}>
                <Group gap="xs" wrap="nowrap">
                  <Title order={2}>{plan.name}</Title>
                  <Tooltip label={t('plan.editPlan')}>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('plan.editPlan')} onClick={() => setPlanForm(plan)}>
                      <IconPencil size={17} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
                <Text size="sm" c="dimmed">
                  {t('plan.period', { start: plan.startYear, end: plan.endYear })} · {t('plan.commitments', { count: commitments.length })}
                </Text>
                <Group gap="xs" mt={4}>
                  {plans.length > 1 ? (
                    <Select
                      aria-label={t('plan.planSelect')}
                      data={[...plans].sort((a, b) => b.startYear - a.startYear).map((p) => ({ value: p.id, label: p.name }))}
                      value={plan.id}
                      onChange={setChosen}
                      allowDeselect={false}
                      size="xs"
                      w={180}
                    />
                  ) : null}
                  <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setPlanForm('nuevo')}>
                    {t('plan.newPlan')}
                  </Button>
                </Group>
              </Stack>
              <SimpleGrid cols={2} spacing="xl" style={{ flex: '0 1 440px' }}>
                <Stack gap={6}>
                  <Group justify="space-between">
                    <Text size="xs" c="dimmed" fw={650} tt="uppercase">
                      {t('plan.averageProgress')}
                    </Text>
                    <Text size="sm" fw={700} data-average-progress={average}>
                      {average} %
                    </Text>
                  </Group>
                  <Progress value={average} size="lg" radius="xl" aria-label={t('plan.averageProgress')} />
                </Stack>
                <Stack gap={2}>
                  <Text size="sm">{t('plan.completed', { done: completed, total: commitments.length })}</Text>
                  <Text size="sm" c={overdue > 0 ? 'red.8' : 'dimmed'} fw={overdue > 0 ? 600 : undefined}>
                    {t('plan.overdueMilestones', { count: overdue })}
                  </Text>
                </Stack>
              </SimpleGrid>
            </Group>
          </Paper>
          {commitments.length === 0 ? (
            <Empty
              title={t('plan.noCommitments')}
              description={t('plan.noCommitmentsText')}
              action={
                <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCommitmentForm('nuevo')}>
                  {t('plan.newCommitment')}
                </Button>
              }
            />
          ) : (
            commitments.map((commitment) => (
              <CommitmentCard key={commitment.id} commitment={commitment} onEdit={setCommitmentForm} focused={commitment.id === focus} />
            ))
          )}
        </Stack>
      )}
      <PlanModal
        opened={planForm !== null}
        onClose={() => setPlanForm(null)}
        plan={planForm === 'nuevo' ? null : planForm}
        onSaved={(saved, name) => {
          const created = saved.plans.find((p) => p.name === name)
          if (created) setChosen(created.id)
        }}
      />
      <CommitmentModal
        opened={commitmentForm !== null}
        onClose={() => setCommitmentForm(null)}
        plans={plans}
        planId={plan?.id ?? null}
        commitment={commitmentForm === 'nuevo' ? null : commitmentForm}
        commitments={all}
      />
      <ProgressImportModal opened={importing} onClose={() => setImporting(false)} />
    </>
  )
}
