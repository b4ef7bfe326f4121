import { Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { IconChecklist, IconSearch } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgreementState } from '../../../main/core/contract/views'
import { useAgreements } from '../api/agreements'
import { DataTable } from '../common/data-table'
import { matchesQuery } from '../common/format'
import { PageHeader } from '../common/page-header'
import { Empty, ErrorState, LoadingRows } from '../common/query-state'
import { useFilterParam } from '../common/use-filter-param'
import { agreementColumns } from './agreement-columns'

const STATES = ['pendiente', 'en-proceso', 'vencido', 'cumplido', 'cancelado'] as const satisfies ReadonlyArray<AgreementState>

export function AgreementsPage() {
  const { t } = useTranslation()
  const agreements = useAgreements()
  const [state, setState] = useFilterParam('estado')
  const [query, setQuery] = useFilterParam('q')
  const columns = useMemo(() => agreementColumns(t), [t])

  const all = useMemo(() => agreements.data ?? [], [agreements.data])
  const overdue = all.filter((a) => a.state === 'vencido').length
  const visible = useMemo(
    () =>
      all.filter(
        (a) =>
          (!state || a.state === state) &&
          matchesQuery(
            query ?? '',
            a.key,
            a.text,
            a.sessionTitle,
            ...a.responsibleNames,
            ...a.responsibleInstitutions,
          ),
      ),
    [all, state, query],
  )

  return (
    <>
      <PageHeader title={t('agreements.title')} description={t('agreements.description')} />
      {agreements.isPending ? (
        <LoadingRows />
      ) : agreements.isError ? (
        <ErrorState error={agreements.error} onRetry={() => void agreements.refetch()} />
      ) : all.length === 0 ? (
        <Empty
          icon={<IconChecklist size={28} aria-hidden />}
          title={t('agreements.emptyTitle')}
          description={t('agreements.emptyText')}
        />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <Group gap="md" align="flex-end">
              <TextInput
                label={t('agreements.searchLabel')}
                placeholder={t('agreements.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={query ?? ''}
                onChange={(e) => setQuery(e.currentTarget.value || null)}
                w={340}
                type="search"
              />
              <Select
                label={t('agreements.stateFilter')}
                placeholder={t('common.all')}
                data={STATES.map((value) => ({ value, label: t(`enums.agreementState.${value}`) }))}
                value={state}
                onChange={setState}
                clearable
                w={200}
              />
            </Group>
            <Group gap="sm" aria-live="polite">
              <Text size="sm" c="dimmed">
                {t('agreements.summary', { count: visible.length })}
              </Text>
              {overdue > 0 ? (
                <Badge
                  color="red"
                  variant="light"
                  component="button"
                  type="button"
                  onClick={() => setState('vencido')}
                  style={{ cursor: 'pointer' }}
                >
                  {t('agreements.overdueSummary', { count: overdue })}
                </Badge>
              ) : null}
            </Group>
          </Group>
          <DataTable
            data={visible}
            columns={columns}
            getRowId={(row) => row.id}
            label={t('agreements.tableLabel')}
          />
        </Stack>
      )}
    </>
  )
}
