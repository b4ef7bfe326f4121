/**
 * Tablero (#/tablero): how the Plan de Acción Local advances (by pillar, by
 * lead institution, by completion level), the agreements by state, and what
 * needs attention now: milestones due within 60 days and overdue agreements.
 * Everything is computed by the core (getDashboard). Printable: charts carry
 * their values as labels, keys name every color, and the page prints alone.
 */
import '@mantine/charts/styles.css'
import { BarChart, DonutChart } from '@mantine/charts'
import { Anchor, Badge, Button, Card, Grid, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconChartBar, IconPrinter, IconTargetArrow } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AgreementState, CommitmentView, DashboardView } from '../../../main/core/contract/views'
import { useDashboard } from '../api/dashboard'
import { formatLongDate, formatShortDate } from '../common/dates'
import { PageHeader } from '../common/page-header'
import { Empty, ErrorState, LoadingCards } from '../common/query-state'
import { MilestoneStatusBadge } from '../common/status-badge'
import { milestoneStatusColor } from '../common/status-colors'
import { ChartCard } from './chart-card'
import classes from './dashboard.module.css'

/** Darker shades than the badges: the charts must read on paper and in grayscale. */
const LEVEL_CHART_COLOR: Record<CommitmentView['level'], string> = {
  'no-iniciado': 'gray.6',
  limitado: 'orange.7',
  sustancial: 'blue.7',
  completo: 'green.8',
}
const STATE_CHART_COLOR: Record<AgreementState, string> = {
  pendiente: 'yellow.8',
  'en-proceso': 'blue.7',
  vencido: 'red.8',
  cumplido: 'green.8',
  cancelado: 'gray.6',
}
const PROGRESS_COLOR = 'institucional.7'

const percent = (value: number) => `${value} %`

export function DashboardPage() {
  const { t } = useTranslation()
  const dashboard = useDashboard()
  return (
    <div data-print-dashboard>
      <PageHeader
        title={t('dashboard.title')}
        description={t('dashboard.description')}
        actions={
          <Button variant="default" leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()} className={classes.noPrint}>
            {t('dashboard.print')}
          </Button>
        }
      />
      {dashboard.isPending ? (
        <LoadingCards count={4} />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <DashboardBody view={dashboard.data} />
      )}
    </div>
  )
}

function DashboardBody({ view }: { view: DashboardView }) {
  const { t } = useTranslation()
  const completed = view.byLevel.find((entry) => entry.level === 'completo')?.count ?? 0
  const overdueMilestones = view.milestonesDue.filter((entry) => entry.overdue).length
  const totalAgreements = view.agreementsByState.reduce((sum, entry) => sum + entry.count, 0)

  const pillarData = view.byPillar.map((entry) => ({
    pilar: t(`enums.pillar.${entry.pillar}`),
    avance: entry.progress,
    compromisos: entry.commitments,
  }))
  const institutionData = view.byInstitution.map((entry) => ({
    institucion: entry.institution,
    avance: entry.progress,
    compromisos: entry.commitments,
  }))
  const levelData = view.byLevel.map((entry) => ({
    name: t(`enums.level.${entry.level}`),
    value: entry.count,
    color: LEVEL_CHART_COLOR[entry.level],
  }))
  const stateData = view.agreementsByState.map((entry) => ({
    estado: t(`enums.agreementState.${entry.state}`),
    acuerdos: entry.count,
    color: STATE_CHART_COLOR[entry.state],
  }))

  return (
    <Stack gap="lg">
      <Group justify="space-between" mt={-8}>
        <Text size="sm" fw={600} c="gray.8">
          {view.plan ? t('dashboard.planOf', { name: view.plan.name }) : t('dashboard.noPlan')}
        </Text>
        <Text size="sm" c="gray.7">
          {t('dashboard.generated', { date: formatLongDate(view.asOf) })}
        </Text>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" component="section" aria-label={t('dashboard.figures.label')}>
        <Figure label={t('dashboard.figures.commitments')} value={String(view.commitments)} hint={t('dashboard.figures.commitmentsHint', { count: completed })} id="compromisos" />
        <Figure
          label={t('dashboard.figures.average')}
          value={percent(view.averageProgress)}
          hint={t('dashboard.figures.averageHint')}
          id="avance"
          extra={<Progress value={view.averageProgress} color={PROGRESS_COLOR} size="sm" radius="xl" aria-hidden mt={4} />}
        />
        <Figure
          label={t('dashboard.figures.milestones')}
          value={String(view.milestonesDue.length)}
          hint={t('dashboard.figures.milestonesHint', { count: overdueMilestones })}
          id="hitos"
          alert={overdueMilestones > 0}
        />
        <Figure
          label={t('dashboard.figures.overdue')}
          value={String(view.overdueAgreements.length)}
          hint={t('dashboard.figures.overdueHint', { total: view.openAgreements })}
          id="acuerdos-vencidos"
          alert={view.overdueAgreements.length > 0}
        />
      </SimpleGrid>

      {view.commitments === 0 && totalAgreements === 0 ? (
        <Empty
          icon={<IconChartBar size={28} aria-hidden />}
          title={t('dashboard.noPlan')}
          description={t('dashboard.noPlanText')}
          action={
            <Button component={Link} to="/plan-de-accion" leftSection={<IconTargetArrow size={18} aria-hidden />} className={classes.noPrint}>
              {t('dashboard.goToPlan')}
            </Button>
          }
        />
      ) : (
        <Grid gap="md" align="stretch">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <ChartCard
              id="pilares"
              title={t('dashboard.charts.byPillar')}
              description={t('dashboard.charts.byPillarHint')}
              valueHeader={t('dashboard.charts.progress')}
              rows={pillarData.map((row) => ({ label: row.pilar, value: `${percent(row.avance)} (${t('dashboard.charts.commitmentsCount', { count: row.compromisos })})` }))}
            >
              <BarChart
                h={Math.max(200, pillarData.length * 52 + 40)}
                data={pillarData}
                dataKey="pilar"
                orientation="vertical"
                series={[{ name: 'avance', label: t('dashboard.charts.progress'), color: PROGRESS_COLOR }]}
                withBarValueLabel
                valueFormatter={percent}
                xAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
                yAxisProps={{ width: 200, interval: 0, tick: { fontSize: 13 } }}
                barChartProps={{ margin: { right: 44 } }}
                textColor="gray.8"
                barLabelColor="gray.9"
                gridAxis="x"
                maxBarWidth={28}
                withTooltip={false}
                accessibilityLayer={false}
                valueLabelProps={{ fontSize: 13, fontWeight: 700 }}
              />
            </ChartCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <ChartCard
              id="niveles"
              title={t('dashboard.charts.byLevel')}
              description={t('dashboard.charts.byLevelHint')}
              valueHeader={t('dashboard.figures.commitments')}
              rows={levelData.map((row) => ({ label: row.name, value: t('dashboard.charts.commitmentsCount', { count: row.value }) }))}
            >
              <Group gap="lg" wrap="nowrap" justify="center" align="center" mih={248}>
                <DonutChart
                  data={levelData.filter((row) => row.value > 0)}
                  size={170}
                  thickness={30}
                  withLabels
                  withLabelsLine
                  labelsType="value"
                  labelColor="gray.9"
                  chartLabel={view.commitments}
                  strokeWidth={2}
                  withTooltip={false}
                  accessibilityLayer={false}
                  // The chart is a picture of the table beside it: its sectors take no focus.
                  pieProps={{ rootTabIndex: -1 }}
                  styles={{ label: { fontSize: 22, fontWeight: 700 } }}
                />
                <Stack gap={8}>
                  {levelData.map((row) => (
                    <Group key={row.name} gap={8} wrap="nowrap">
                      <span className={classes.swatch} style={{ background: `var(--mantine-color-${row.color.replace('.', '-')})` }} />
                      <Text size="sm" fw={500} c="gray.9">
                        {row.name}
                      </Text>
                      <Text size="sm" fw={700} c="gray.9">
                        {row.value}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Group>
            </ChartCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <ChartCard
              id="instituciones"
              title={t('dashboard.charts.byInstitution')}
              description={t('dashboard.charts.byInstitutionHint')}
              valueHeader={t('dashboard.charts.progress')}
              rows={institutionData.map((row) => ({ label: row.institucion, value: `${percent(row.avance)} (${t('dashboard.charts.commitmentsCount', { count: row.compromisos })})` }))}
            >
              <BarChart
                h={Math.max(160, institutionData.length * 40 + 40)}
                data={institutionData}
                dataKey="institucion"
                orientation="vertical"
                series={[{ name: 'avance', label: t('dashboard.charts.progress'), color: PROGRESS_COLOR }]}
                withBarValueLabel
                valueFormatter={percent}
                xAxisProps={{ domain: [0, 100], ticks: [0, 25, 50, 75, 100] }}
                yAxisProps={{ width: 290, interval: 0, tick: { fontSize: 12 } }}
                barChartProps={{ margin: { right: 44 } }}
                textColor="gray.8"
                barLabelColor="gray.9"
                gridAxis="x"
                maxBarWidth={26}
                withTooltip={false}
                accessibilityLayer={false}
                valueLabelProps={{ fontSize: 13, fontWeight: 700 }}
              />
            </ChartCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <ChartCard
              id="acuerdos"
              title={t('dashboard.charts.byState')}
              description={t('dashboard.charts.byStateHint')}
              valueHeader={t('dashboard.charts.agreements')}
              rows={stateData.map((row) => ({ label: row.estado, value: String(row.acuerdos) }))}
            >
              <BarChart
                h={Math.max(200, stateData.length * 44 + 30)}
                data={stateData}
                dataKey="estado"
                orientation="vertical"
                series={[{ name: 'acuerdos', label: t('dashboard.charts.agreements'), color: PROGRESS_COLOR }]}
                withBarValueLabel
                valueFormatter={(value) => String(value)}
                yAxisProps={{ width: 92, interval: 0, tick: { fontSize: 13 } }}
                xAxisProps={{ allowDecimals: false }}
                barChartProps={{ margin: { right: 36 } }}
                textColor="gray.8"
                barLabelColor="gray.9"
                gridAxis="x"
                maxBarWidth={26}
                withTooltip={false}
                accessibilityLayer={false}
                valueLabelProps={{ fontSize: 13, fontWeight: 700 }}
              />
            </ChartCard>
          </Grid.Col>
        </Grid>
      )}

      <MilestonesDue view={view} />
      <OverdueAgreements view={view} />
    </Stack>
  )
}

function Figure({ id, label, value, hint, alert = false, extra }: { id: string; label: string; value: string; hint: string; alert?: boolean; extra?: ReactNode }) {
  return (
    <Paper withBorder p="md" role="group" aria-labelledby={`cifra-${id}`} data-figure={id}>
      <Stack gap={4}>
        <Text size="xs" fw={650} tt="uppercase" c="gray.7" id={`cifra-${id}`}>
          {label}
        </Text>
        <Group gap={8} align="center">
          <Text fz={30} fw={750} className={classes.figureValue} c={alert ? 'red.8' : 'gray.9'} data-value>
            {value}
          </Text>
          {alert ? <IconAlertTriangle size={22} color="var(--mantine-color-red-8)" aria-hidden /> : null}
        </Group>
        {extra}
        <Text size="xs" c={alert ? 'red.8' : 'gray.7'} fw={alert ? 600 : undefined}>
          {hint}
        </Text>
      </Stack>
    </Paper>
  )
}

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <Card component="section" aria-labelledby={`${id}-titulo`} className={classes.section}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h3" id={`${id}-titulo`}>
            {title}
          </Title>
          <Text size="xs" c="gray.7">
            {description}
          </Text>
        </Stack>
        {children}
      </Stack>
    </Card>
  )
}

function MilestonesDue({ view }: { view: DashboardView }) {
  const { t } = useTranslation()
  return (
    <Section id="hitos-por-vencer" title={t('dashboard.milestones.title')} description={t('dashboard.milestones.description')}>
      {view.milestonesDue.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.milestones.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label={t('dashboard.milestones.tableLabel')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.milestones.commitment')}</Table.Th>
                <Table.Th>{t('dashboard.milestones.milestone')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('dashboard.milestones.due')}</Table.Th>
                <Table.Th>{t('dashboard.milestones.status')}</Table.Th>
                <Table.Th w={170}>{t('dashboard.milestones.progress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.milestonesDue.map((entry) => {
                const days = entry.daysLeft
                return (
                  <Table.Tr key={entry.milestoneId} bg={entry.overdue ? 'red.0' : undefined}>
                    <Table.Td maw={320}>
                      <Anchor component={Link} to={`/plan-de-accion?compromiso=${encodeURIComponent(entry.commitmentId)}`} size="sm">
                        {t('plan.commitmentNumber', { number: entry.commitmentNumber })}
                      </Anchor>
                      <Text size="xs" c="gray.7" lineClamp={2}>
                        {entry.commitmentTitle}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{entry.title}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={entry.overdue ? 650 : 500} c={entry.overdue ? 'red.8' : undefined}>
                        {formatShortDate(entry.dueDate)}
                      </Text>
                      {entry.overdue ? (
                        <Badge color="red" variant="filled" size="sm" mt={4} leftSection={<IconAlertTriangle size={11} aria-hidden />}>
                          {t('dashboard.milestones.overdue')} · {t('dashboard.milestones.daysLate', { count: -days })}
                        </Badge>
                      ) : (
                        <Text size="xs" c="gray.7">
                          {days === 0 ? t('dashboard.milestones.today') : t('dashboard.milestones.inDays', { count: days })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <MilestoneStatusBadge value={entry.status} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Progress value={entry.progress} color={milestoneStatusColor[entry.status]} size="md" radius="xl" style={{ flex: 1 }} aria-hidden />
                        <Text size="xs" fw={650} w={44} ta="right">
                          {entry.progress} %
                        </Text>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  )
}

function OverdueAgreements({ view }: { view: DashboardView }) {
  const { t } = useTranslation()
  return (
    <Section id="acuerdos-vencidos" title={t('dashboard.agreements.title')} description={t('dashboard.agreements.description')}>
      {view.overdueAgreements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.agreements.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label={t('dashboard.agreements.tableLabel')} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="40%">{t('dashboard.agreements.agreement')}</Table.Th>
                <Table.Th w="18%">{t('dashboard.agreements.session')}</Table.Th>
                <Table.Th>{t('dashboard.agreements.responsibles')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('dashboard.agreements.due')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.overdueAgreements.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/acuerdos?q=${encodeURIComponent(row.key)}&ver=${encodeURIComponent(row.id)}`} size="sm" fw={700} ff="monospace">
                      {row.key}
                    </Anchor>
                    <Text size="sm" lineClamp={2}>
                      {row.text}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.sessionTitle}</Text>
                    <Text size="xs" c="gray.7">
                      {formatShortDate(row.sessionDate)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{[...new Set([...row.responsibleNames, ...row.responsibleInstitutions])].join(' · ') || t('common.none')}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Group gap={4} wrap="nowrap">
                      <IconAlertTriangle size={14} color="var(--mantine-color-red-8)" aria-hidden />
                      <Text size="sm" fw={650} c="red.8">
                        {row.dueDate ? formatShortDate(row.dueDate) : t('common.none')}
                      </Text>
                    </Group>
                    {row.daysLate !== null ? (
                      <Text size="xs" c="red.8">
                        {t('dashboard.agreements.late', { count: row.daysLate })}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  )
}
