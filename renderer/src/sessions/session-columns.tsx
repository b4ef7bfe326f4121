import { Anchor, Stack, Text } from '@mantine/core'
import { createColumnHelper } from '@tanstack/react-table'
import type { TFunction } from 'i18next'
import { Link } from 'react-router'
import type { SessionSummary } from '../../../main/core/contract/views'
import { formatLongDate } from '../common/dates'
import { Modality } from '../common/modality'
import { SessionStatusBadge } from '../common/status-badge'

const column = createColumnHelper<SessionSummary>()

export function timeRange(t: TFunction, start: string, end: string | null): string {
  return end ? t('common.timeRange', { start, end }) : t('common.timeFrom', { time: start })
}

export function sessionColumns(t: TFunction) {
  return [
    column.accessor('title', {
      header: t('sessions.columns.session'),
      meta: { minWidth: 200 },
      sortingFn: (a, b) => a.original.key.localeCompare(b.original.key),
      cell: ({ row }) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/sesiones/${row.original.id}`} fw={600} c="institucional.9">
            {row.original.title}
          </Anchor>
          <Text size="xs" c="dimmed" ff="monospace">
            {row.original.key}
          </Text>
        </Stack>
      ),
    }),
    column.accessor((row) => `${row.date}T${row.startTime}`, {
      id: 'date',
      header: t('sessions.columns.date'),
      meta: { minWidth: 180 },
      cell: ({ row }) => (
        <Stack gap={2}>
          <Text size="sm">{formatLongDate(row.original.date)}</Text>
          <Text size="xs" c="dimmed">
            {timeRange(t, row.original.startTime, row.original.endTime)}
          </Text>
        </Stack>
      ),
    }),
    column.accessor('modality', {
      header: t('sessions.columns.modality'),
      cell: ({ getValue }) => <Modality value={getValue()} />,
    }),
    column.accessor('status', {
      header: t('sessions.columns.status'),
      cell: ({ getValue }) => <SessionStatusBadge value={getValue()} />,
    }),
    column.accessor('present', {
      header: t('sessions.columns.attendance'),
      meta: { nowrap: true },
      cell: ({ row }) =>
        // A session not held (SessionSummary.held, the core's rule) with nobody present yet has no attendance to count.
        !row.original.held && row.original.present === 0 ? (
          <Text size="sm" c="dimmed">
            {t('sessions.attendanceNotYet')}
          </Text>
        ) : (
          t('sessions.attendanceCount', { present: row.original.present, expected: row.original.expected })
        ),
    }),
    column.accessor('agreements', {
      header: t('sessions.columns.agreements'),
      meta: { align: 'center', width: 110 },
    }),
  ]
}
