import { Button, Group, Stack, Text } from '@mantine/core'
import { IconCalendarOff, IconCalendarPlus } from '@tabler/icons-react'
import { lazy, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useDashboard } from '../api/dashboard'
import { useSessions } from '../api/sessions'
import { DataTable } from '../common/data-table'
import { PageHeader } from '../common/page-header'
import { Empty, ErrorState, LoadingRows, NoMatch } from '../common/query-state'
import { useClearFilters } from '../common/use-clear-filters'
import { useFilterParam } from '../common/use-filter-param'
import { LazyDialog } from '../common/lazy-dialog'
import { MemberReviewLink } from '../packets/member-review-link'
import { FirstSteps } from './first-run'
import { sessionColumns } from './session-columns'
import { SessionFilters } from './session-filters'

// The form (with its date pickers and schemas) loads when it is first opened.
const NewSessionModal = lazy(() => import('./new-session-modal').then((module) => ({ default: module.NewSessionModal })))

export function SessionsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const sessions = useSessions()
  // Until the first session exists, the core says which of the first steps are done (asked only then).
  const dashboard = useDashboard({ enabled: sessions.data?.length === 0 })
  const firstSteps = dashboard.data?.firstSteps
  const [year, setYear] = useFilterParam('anio')
  const [type, setType] = useFilterParam('tipo')
  const [status, setStatus] = useFilterParam('estado')
  const columns = useMemo(() => sessionColumns(t), [t])
  const [creating, setCreating] = useState(false)
  const newButton = (
    <Button leftSection={<IconCalendarPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
      {t('sessions.newSession')}
    </Button>
  )

  const all = useMemo(() => sessions.data ?? [], [sessions.data])
  const years = useMemo(() => [...new Set(all.map((s) => s.year))].sort((a, b) => b - a), [all])
  const visible = useMemo(
    () =>
      all.filter(
        (s) =>
          (!year || String(s.year) === year) && (!type || s.type === type) && (!status || s.status === status),
      ),
    [all, year, type, status],
  )
  const clearFilters = useClearFilters(['anio', 'tipo', 'estado'])

  return (
    <>
      <PageHeader title={t('sessions.title')} description={t('sessions.description')} actions={newButton} />
      {sessions.isPending || (sessions.data?.length === 0 && dashboard.isPending) ? (
        <LoadingRows />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : all.length === 0 && firstSteps?.show ? (
        <Stack gap="md">
          <FirstSteps steps={firstSteps} onNewSession={() => setCreating(true)} />
          <Group gap="sm">
            <MemberReviewLink />
          </Group>
        </Stack>
      ) : all.length === 0 ? (
        <Empty
          icon={<IconCalendarOff size={28} aria-hidden />}
          title={t('sessions.emptyTitle')}
          description={t('sessions.emptyText')}
          action={
            <>
              {newButton}
              <MemberReviewLink />
            </>
          }
        />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <SessionFilters
              years={years}
              year={year}
              type={type}
              status={status}
              onYear={setYear}
              onType={setType}
              onStatus={setStatus}
            />
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('sessions.summary', { count: visible.length })}
            </Text>
          </Group>
          <DataTable
            data={visible}
            columns={columns}
            getRowId={(row) => row.id}
            label={t('sessions.tableLabel')}
            initialSorting={[{ id: 'date', desc: true }]}
            onRowClick={(row) => void navigate(`/sesiones/${row.id}`)}
            empty={<NoMatch title={t('sessions.noMatchTitle')} description={t('sessions.noMatchText', { count: all.length })} onClear={clearFilters} />}
          />
        </Stack>
      )}
      <LazyDialog opened={creating}>
        <NewSessionModal opened={creating} onClose={() => setCreating(false)} />
      </LazyDialog>
    </>
  )
}
