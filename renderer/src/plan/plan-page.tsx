import { Group, Paper, Progress, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconTargetArrow } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Plan } from '../../../main/core/model/schema'
import { usePlanOverview } from '../api/plan'
import { todayInMexico } from '../common/dates'
import { PageHeader } from '../common/page-header'
import { Empty, ErrorState, LoadingCards } from '../common/query-state'
import { CommitmentCard } from './commitment-card'

/** The plan in force this year, else the most recent one. */
function currentPlan(plans: Plan[]): Plan | undefined {
  const year = Number(todayInMexico().slice(0, 4))
  const sorted = [...plans].sort((a, b) => b.startYear - a.startYear)
  return sorted.find((p) => p.startYear <= year && year <= p.endYear) ?? sorted[0]
}

export function PlanPage() {
  const { t } = useTranslation()
  const overview = usePlanOverview()
  const [chosen, setChosen] = useState<string | null>(null)

  const plans = useMemo(() => overview.data?.plans ?? [], [overview.data])
  const plan = plans.find((p) => p.id === chosen) ?? currentPlan(plans)
  const commitments = useMemo(
    () =>
      (overview.data?.commitments ?? [])
        .filter((c) => c.planId === plan?.id)
        .sort((a, b) => a.number - b.number),
    [overview.data, plan?.id],
  )
  const average = commitments.length
    ? Math.round(commitments.reduce((sum, c) => sum + c.progress, 0) / commitments.length)
    : 0
  const overdue = commitments.reduce((sum, c) => sum + c.milestones.filter((m) => m.overdue).length, 0)
  const completed = commitments.filter((c) => c.level === 'completo').length

  return (
    <>
      <PageHeader
        title={t('plan.title')}
        description={t('plan.description')}
        actions={
          plans.length > 1 ? (
            <Select
              label={t('plan.planSelect')}
              data={[...plans]
                .sort((a, b) => b.startYear - a.startYear)
                .map((p) => ({ value: p.id, label: p.name }))}
              value={plan?.id ?? null}
              onChange={setChosen}
              allowDeselect={false}
              w={220}
            />
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
        />
      ) : (
        <Stack gap="lg">
          <Paper withBorder p="lg">
            <Group justify="space-between" align="center" gap="xl">
              <Stack gap={2}>
                <Title order={2}>{plan.name}</Title>
                <Text size="sm" c="dimmed">
                  {t('plan.period', { start: plan.startYear, end: plan.endYear })} ·{' '}
                  {t('plan.commitments', { count: commitments.length })}
                </Text>
              </Stack>
              <SimpleGrid cols={2} spacing="xl" style={{ flex: '0 1 440px' }}>
                <Stack gap={6}>
                  <Group justify="space-between">
                    <Text size="xs" c="dimmed" fw={650} tt="uppercase">
                      {t('plan.averageProgress')}
                    </Text>
                    <Text size="sm" fw={700}>
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
            <Empty title={t('plan.noCommitments')} />
          ) : (
            commitments.map((commitment) => <CommitmentCard key={commitment.id} commitment={commitment} />)
          )}
        </Stack>
      )}
    </>
  )
}
