/**
 * Bitácora (#/bitacora): every change recorded in the data (when, which
 * profile, what element, what was done), filtered by element, text and date
 * range in the core (listAudit), and exported as CSV with the same filters.
 */
import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useDebouncedValue } from '@mantine/hooks'
import { IconCalendar, IconFileSpreadsheet, IconFilterOff, IconSearch } from '@tabler/icons-react'
import { createColumnHelper } from '@tanstack/react-table'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AUDIT_ENTITIES, type AuditEntry } from '../../../main/core/model/schema'
import { exportAudit, useAuditLog, type AuditFilters } from '../api/audit-log'
import { DataTable } from '../common/data-table'
import { formatDateTime } from '../common/dates'
import { notifyDone, notifyError } from '../common/notify'
import { PageHeader } from '../common/page-header'
import { ErrorState, LoadingRows, NoMatch } from '../common/query-state'

const LIMITS = [200, 500, 1000, 5000] as const
const ENTITY_COLOR: Record<AuditEntry['entity'], string> = {
  integrante: 'teal',
  sesion: 'blue',
  acuerdo: 'grape',
  compromiso: 'orange',
  plan: 'orange',
  configuracion: 'gray',
  archivo: 'gray',
}

const column = createColumnHelper<AuditEntry>()

export function AuditPage() {
  const { t } = useTranslation()
  const [entity, setEntity] = useState<AuditEntry['entity'] | null>(null)
  const [text, setText] = useState('')
  const [debouncedText] = useDebouncedValue(text.trim(), 250)
  const [from, setFrom] = useState<string | null>(null)
  const [to, setTo] = useState<string | null>(null)
  const [limit, setLimit] = useState<number>(500)
  const [exporting, setExporting] = useState(false)
  const filters: AuditFilters = useMemo(() => ({ entity, text: debouncedText, from, to, limit }), [entity, debouncedText, from, to, limit])
  const audit = useAuditLog(filters)
  const filtered = Boolean(entity || text || from || to)

  const columns = useMemo(
    () => [
      column.accessor('at', {
        header: t('audit.columns.when'),
        meta: { nowrap: true, width: 170 },
        cell: ({ getValue }) => formatDateTime(getValue()),
      }),
      column.accessor('profile', { header: t('audit.columns.profile'), meta: { width: 180 } }),
      column.accessor('entity', {
        header: t('audit.columns.entity'),
        meta: { width: 130 },
        cell: ({ getValue }) => (
          <Badge color={ENTITY_COLOR[getValue()]} variant="light">
            {t(`enums.auditEntity.${getValue()}`)}
          </Badge>
        ),
      }),
      column.accessor('action', {
        header: t('audit.columns.action'),
        meta: { width: 160, nowrap: true },
        cell: ({ getValue }) => t(`enums.auditAction.${getValue()}`),
      }),
      column.accessor('summary', {
        header: t('audit.columns.summary'),
        enableSorting: false,
        meta: { minWidth: 320 },
        cell: ({ getValue }) => (
          <Text size="sm" className="break-anywhere">
            {getValue()}
          </Text>
        ),
      }),
    ],
    [t],
  )

  const clear = () => {
    setEntity(null)
    setText('')
    setFrom(null)
    setTo(null)
  }

  const download = async () => {
    setExporting(true)
    try {
      const fileName = await exportAudit({ ...filters, text: text.trim() })
      notifyDone(t('audit.exported', { file: fileName }))
    } catch (error) {
      notifyError(error)
    } finally {
      setExporting(false)
    }
  }

  const rows = audit.data ?? []
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={
          <Button variant="default" leftSection={<IconFileSpreadsheet size={18} aria-hidden />} onClick={() => void download()} loading={exporting}>
            {t('audit.export')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="md" align="flex-end" role="search" aria-label={t('audit.filters.text')}>
          <Select
            label={t('audit.filters.entity')}
            placeholder={t('common.all')}
            data={AUDIT_ENTITIES.map((value) => ({ value, label: t(`enums.auditEntity.${value}`) }))}
            value={entity}
            onChange={(value) => setEntity(AUDIT_ENTITIES.find((candidate) => candidate === value) ?? null)}
            clearable
            w={180}
          />
          <TextInput
            label={t('audit.filters.text')}
            placeholder={t('audit.filters.textPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            type="search"
            w={300}
          />
          <DatePickerInput
            label={t('audit.filters.from')}
            leftSection={<IconCalendar size={16} aria-hidden />}
            valueFormat="D MMM YYYY"
            placeholder={t('audit.filters.anyDate')}
            value={from}
            onChange={setFrom}
            maxDate={to ?? undefined}
            clearable
            w={170}
          />
          <DatePickerInput
            label={t('audit.filters.to')}
            leftSection={<IconCalendar size={16} aria-hidden />}
            valueFormat="D MMM YYYY"
            placeholder={t('audit.filters.anyDate')}
            value={to}
            onChange={setTo}
            minDate={from ?? undefined}
            clearable
            w={170}
          />
          <Select
            label={t('audit.filters.limit')}
            data={LIMITS.map((value) => ({ value: String(value), label: t('audit.filters.limitOption', { count: value }) }))}
            value={String(limit)}
            onChange={(value) => setLimit(Number(value) || 500)}
            allowDeselect={false}
            w={150}
          />
        </Group>
        <Group justify="space-between" gap="sm" mt={-4}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {audit.isSuccess ? t('audit.summary', { count: rows.length }) : ''}
            {audit.isSuccess && rows.length >= limit ? ` · ${t('audit.capped', { count: limit })}` : ''}
          </Text>
          {filtered ? (
            <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={clear}>
              {t('audit.filters.clear')}
            </Button>
          ) : null}
        </Group>
        {audit.isPending ? (
          <LoadingRows />
        ) : audit.isError ? (
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <DataTable
            data={rows}
            columns={columns}
            getRowId={(row) => row.id}
            label={t('audit.tableLabel')}
            empty={filtered ? <NoMatch title={t('audit.empty')} description={t('audit.emptyHint')} onClear={clear} /> : t('audit.emptyAll')}
            initialSorting={[{ id: 'at', desc: true }]}
            virtualizeAbove={60}
            maxHeight="calc(100dvh - 330px)"
          />
        )}
      </Stack>
    </>
  )
}
