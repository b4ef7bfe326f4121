import { Badge, Card, Stack, Text, Title } from '@mantine/core'
import { createColumnHelper } from '@tanstack/react-table'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../main/core/model/schema'
import { useAudit } from '../api/audit'
import { DataTable } from '../common/data-table'
import { formatDateTime } from '../common/dates'
import { ErrorState, LoadingRows } from '../common/query-state'

const column = createColumnHelper<AuditEntry>()
const LIMIT = 200

export function AuditCard() {
  const { t } = useTranslation()
  const audit = useAudit(LIMIT)
  const columns = useMemo(
    () => [
      column.accessor('at', {
        header: t('settings.audit.when'),
        meta: { nowrap: true, width: 170 },
        cell: ({ getValue }) => formatDateTime(getValue()),
      }),
      column.accessor('profile', { header: t('settings.audit.profile'), meta: { width: 180 } }),
      column.accessor('entity', {
        header: t('settings.audit.entity'),
        meta: { width: 130 },
        cell: ({ getValue }) => (
          <Badge color="gray" variant="light">
            {t(`enums.auditEntity.${getValue()}`)}
          </Badge>
        ),
      }),
      column.accessor('action', {
        header: t('settings.audit.action'),
        meta: { width: 150 },
        cell: ({ getValue }) => t(`enums.auditAction.${getValue()}`),
      }),
      column.accessor('summary', {
        header: t('settings.audit.summary'),
        enableSorting: false,
        cell: ({ getValue }) => <Text size="sm" className="break-anywhere">{getValue()}</Text>,
      }),
    ],
    [t],
  )

  return (
    <Card component="section" aria-labelledby="bitacora">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} id="bitacora">
            {t('settings.audit.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('settings.audit.description')}
          </Text>
        </Stack>
        {audit.isPending ? (
          <LoadingRows rows={5} />
        ) : audit.isError ? (
          <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <DataTable
            data={audit.data}
            columns={columns}
            getRowId={(row) => row.id}
            label={t('settings.audit.tableLabel')}
            empty={t('settings.audit.empty')}
            initialSorting={[{ id: 'at', desc: true }]}
            virtualizeAbove={40}
            maxHeight="520px"
          />
        )}
      </Stack>
    </Card>
  )
}
