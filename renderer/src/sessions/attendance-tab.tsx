import { Stack, Text } from '@mantine/core'
import { createColumnHelper } from '@tanstack/react-table'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberRow } from '../../../main/core/contract/views'
import type { Attendance, QuorumDeclaration } from '../../../main/core/model/schema'
import { DataTable } from '../common/data-table'
import { Empty } from '../common/query-state'
import { AttendanceBadge, SectorBadge } from '../common/status-badge'
import { QuorumSummary } from './quorum-summary'

interface AttendanceTabProps {
  attendance: Attendance[]
  quorum: QuorumDeclaration | null
  members: Map<string, MemberRow>
}

interface AttendanceRow extends Attendance {
  member: MemberRow | undefined
  substitute: MemberRow | undefined
}

const column = createColumnHelper<AttendanceRow>()

export function AttendanceTab({ attendance, quorum, members }: AttendanceTabProps) {
  const { t } = useTranslation()
  const rows = useMemo<AttendanceRow[]>(
    () =>
      attendance.map((entry) => ({
        ...entry,
        member: members.get(entry.memberId),
        substitute: entry.substituteId ? members.get(entry.substituteId) : undefined,
      })),
    [attendance, members],
  )
  const columns = useMemo(
    () => [
      column.accessor((row) => row.member?.fullName ?? '', {
        id: 'member',
        header: t('session.attendance.member'),
        cell: ({ row }) => (
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {row.original.member?.fullName ?? t('session.attendance.unknownMember')}
            </Text>
            {row.original.member?.position ? (
              <Text size="xs" c="dimmed">
                {row.original.member.position}
              </Text>
            ) : null}
          </Stack>
        ),
      }),
      column.accessor((row) => row.member?.institution ?? '', {
        id: 'institution',
        header: t('session.attendance.institution'),
      }),
      column.accessor((row) => row.member?.sector ?? '', {
        id: 'sector',
        header: t('session.attendance.sector'),
        cell: ({ row }) => (row.original.member ? <SectorBadge value={row.original.member.sector} /> : null),
      }),
      column.accessor('status', {
        header: t('session.attendance.status'),
        cell: ({ row }) => (
          <Stack gap={4} align="flex-start">
            <AttendanceBadge value={row.original.status} />
            {row.original.status === 'suplente' && row.original.substitute ? (
              <Text size="xs" c="dimmed">
                {t('session.attendance.substitutedBy', { name: row.original.substitute.fullName })}
              </Text>
            ) : null}
          </Stack>
        ),
      }),
      column.accessor('arrivedAt', {
        header: t('session.attendance.arrived'),
        meta: { nowrap: true, width: 100 },
        cell: ({ getValue }) => getValue() ?? t('common.none'),
      }),
      column.accessor('leftAt', {
        header: t('session.attendance.left'),
        meta: { nowrap: true, width: 100 },
        cell: ({ getValue }) => getValue() ?? t('common.none'),
      }),
    ],
    [t],
  )

  return (
    <Stack gap="md">
      <QuorumSummary quorum={quorum} attendance={attendance} />
      {attendance.length === 0 ? (
        <Empty title={t('session.attendance.empty')} />
      ) : (
        <DataTable
          data={rows}
          columns={columns}
          getRowId={(row) => row.memberId}
          label={t('session.attendance.tableLabel')}
        />
      )}
    </Stack>
  )
}
