import { Button, Group, Stack, Text } from '@mantine/core'
import { IconCalendarOff, IconCalendarPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useSessions } from '../api/sessions'
import { DataTable } from '../common/data-table'
import { PageHeader } from '../common/page-header'
import { Empty, ErrorState, LoadingRows } from '../common/query-state'
import { useFilterParam } from '../common/use-filter-param'
import { MemberReviewLink } from '../packets/member-review-link'
import { NewSessionModal } from './new-session-modal'
import { sessionColumns } from './session-columns'
import { SessionFilters } from './session-filters'

export function SessionsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const sessions = useSessions()
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

  return (
    <>
      <PageHeader title={t('sessions.title')} description={t('sessions.description')} actions={newButton} />
      {sessions.isPending ? (
        <LoadingRows />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
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
          />
        </Stack>
      )}
      <NewSessionModal opened={creating} onClose={() => setCreating(false)} />
    </>
  )
}
