/**
 * Acuerdos (#/acuerdos): every agreement of every session, filtered by state,
 * responsible, session, overdue and text (all kept in the address), with the
 * detail and follow-up of one agreement in a drawer (?ver=<id>).
 */
import { Badge, Button, Group, Select, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconCalendarEvent, IconChecklist, IconFilterOff, IconSearch } from '@tabler/icons-react'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AgreementRow } from '../../../main/core/contract/views'
import { AGREEMENT_STATES } from '../../../main/core/domain/progress'
import { useAgreements } from '../api/agreements'
import { DataTable } from '../common/data-table'
import { foldForSearch, matchesQuery, nameSortKey } from '../common/format'
import { formatShortDate } from '../common/dates'
import { PageHeader } from '../common/page-header'
import { Empty, ErrorState, LoadingRows, NoMatch } from '../common/query-state'
import { useClearFilters } from '../common/use-clear-filters'
import { useFilterParam } from '../common/use-filter-param'
import { agreementColumns } from './agreement-columns'
import { AgreementDrawer } from './agreement-drawer'
import { OpenDataMenu } from './open-data-menu'

/** A responsible filter value: `p:<memberId>` for a person, `i:<institution>` for an institution. */
function matchesResponsible(row: AgreementRow, value: string | null): boolean {
  if (!value) return true
  if (value.startsWith('p:')) return row.responsibleMemberIds.includes(value.slice(2))
  if (value.startsWith('i:')) return row.responsibleInstitutions.includes(value.slice(2))
  return true
}

export function AgreementsPage() {
  const { t } = useTranslation()
  const agreements = useAgreements()
  const [state, setState] = useFilterParam('estado')
  const [query, setQuery] = useFilterParam('q')
  const [responsible, setResponsible] = useFilterParam('responsable')
  const [session, setSession] = useFilterParam('sesion')
  const [overdueOnly, setOverdueOnly] = useFilterParam('vencidos')
  const [openId, setOpenId] = useFilterParam('ver')
  const open = useCallback((row: AgreementRow) => setOpenId(row.id), [setOpenId])
  const columns = useMemo(() => agreementColumns(t, open), [t, open])

  const all = useMemo(() => agreements.data ?? [], [agreements.data])
  const overdue = all.filter((a) => a.state === 'vencido').length

  const responsibleOptions = useMemo(() => {
    const people = new Map<string, string>()
    const institutions = new Set<string>()
    for (const row of all) {
      row.responsibleMemberIds.forEach((id, index) => people.set(id, row.responsibleNames[index] ?? id))
      row.responsibleInstitutions.forEach((name) => institutions.add(name))
    }
    return [
      {
        group: t('agreements.filters.people'),
        items: [...people]
          .sort((a, b) => nameSortKey(a[1]).localeCompare(nameSortKey(b[1]), 'es-MX'))
          .map(([id, name]) => ({ value: `p:${id}`, label: name })),
      },
      {
        group: t('agreements.filters.institutions'),
        items: [...institutions]
          .sort((a, b) => foldForSearch(a).localeCompare(foldForSearch(b), 'es-MX'))
          .map((name) => ({ value: `i:${name}`, label: name })),
      },
    ].filter((group) => group.items.length > 0)
  }, [all, t])

  const sessionOptions = useMemo(() => {
    const sessions = new Map<string, { title: string; date: string }>()
    for (const row of all) sessions.set(row.sessionId, { title: row.sessionTitle, date: row.sessionDate })
    return [...sessions]
      .sort((a, b) => b[1].date.localeCompare(a[1].date))
      .map(([id, { title, date }]) => ({ value: id, label: `${title} (${formatShortDate(date)})` }))
  }, [all])

  const visible = useMemo(
    () =>
      all.filter(
        (a) =>
          (!state || a.state === state) &&
          (!overdueOnly || a.state === 'vencido') &&
          (!session || a.sessionId === session) &&
          matchesResponsible(a, responsible) &&
          matchesQuery(query ?? '', a.key, a.text, a.sessionTitle, ...a.responsibleNames, ...a.responsibleInstitutions),
      ),
    [all, state, overdueOnly, session, responsible, query],
  )
  const filtered = Boolean(state || query || responsible || session || overdueOnly)
  const clear = useClearFilters(['estado', 'q', 'responsable', 'sesion', 'vencidos'])
  const opened = openId ? all.find((a) => a.id === openId) : undefined

  return (
    <>
      <PageHeader
        title={t('agreements.title')}
        description={t('agreements.description')}
        actions={all.length > 0 ? <OpenDataMenu what="acuerdos" /> : null}
      />
      {agreements.isPending ? (
        <LoadingRows />
      ) : agreements.isError ? (
        <ErrorState error={agreements.error} onRetry={() => void agreements.refetch()} />
      ) : all.length === 0 ? (
        <Empty
          icon={<IconChecklist size={28} aria-hidden />}
          title={t('agreements.emptyTitle')}
          description={t('agreements.emptyText')}
          action={
            <Button component={Link} to="/sesiones" leftSection={<IconCalendarEvent size={18} aria-hidden />}>
              {t('agreements.goToSessions')}
            </Button>
          }
        />
      ) : (
        <Stack gap="md">
          <Group gap="md" align="flex-end" role="search" aria-label={t('agreements.searchLabel')}>
            <TextInput
              label={t('agreements.searchLabel')}
              placeholder={t('agreements.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={query ?? ''}
              onChange={(e) => setQuery(e.currentTarget.value || null)}
              w={300}
              type="search"
            />
            <Select
              label={t('agreements.stateFilter')}
              placeholder={t('common.all')}
              data={AGREEMENT_STATES.map((value) => ({ value, label: t(`enums.agreementState.${value}`) }))}
              value={state}
              onChange={setState}
              clearable
              w={160}
            />
            <Select
              label={t('agreements.filters.responsible')}
              placeholder={t('agreements.filters.responsiblePlaceholder')}
              data={responsibleOptions}
              value={responsible}
              onChange={setResponsible}
              searchable
              clearable
              nothingFoundMessage={t('common.noResults')}
              w={260}
              comboboxProps={{ width: 360, position: 'bottom-start' }}
            />
            <Select
              label={t('agreements.filters.session')}
              placeholder={t('agreements.filters.sessionPlaceholder')}
              data={sessionOptions}
              value={session}
              onChange={setSession}
              searchable
              clearable
              nothingFoundMessage={t('common.noResults')}
              w={250}
              comboboxProps={{ width: 340, position: 'bottom-start' }}
            />
          </Group>
          <Group justify="space-between" gap="sm" mt={-4}>
            <Group gap="sm" aria-live="polite">
              <Text size="sm" c="dimmed">
                {filtered
                  ? t('agreements.filters.shown', { count: visible.length, total: all.length })
                  : t('agreements.summary', { count: visible.length })}
              </Text>
              {overdue > 0 && !overdueOnly ? (
                <Badge
                  color="red"
                  variant="light"
                  component="button"
                  type="button"
                  onClick={() => setOverdueOnly('1')}
                  style={{ cursor: 'pointer' }}
                >
                  {t('agreements.overdueSummary', { count: overdue })}
                </Badge>
              ) : null}
            </Group>
            <Group gap="lg">
              {filtered ? (
                <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={clear}>
                  {t('agreements.filters.clear')}
                </Button>
              ) : null}
              <Switch
                label={t('agreements.filters.overdueOnly')}
                checked={overdueOnly === '1'}
                onChange={(e) => setOverdueOnly(e.currentTarget.checked ? '1' : null)}
                color="red"
              />
            </Group>
          </Group>
          <DataTable
            data={visible}
            columns={columns}
            getRowId={(row) => row.id}
            label={t('agreements.tableLabel')}
            onRowClick={open}
            empty={<NoMatch title={t('agreements.noMatchTitle')} description={t('agreements.noMatchText', { count: all.length })} onClear={clear} />}
          />
        </Stack>
      )}
      <AgreementDrawer agreement={opened} opened={Boolean(openId) && agreements.isSuccess} onClose={() => setOpenId(null)} />
    </>
  )
}
