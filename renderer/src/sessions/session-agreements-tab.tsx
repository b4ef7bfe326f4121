import { Stack, Text } from '@mantine/core'
import { createColumnHelper } from '@tanstack/react-table'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgreementRow, AgreementState, MemberRow } from '../../../main/core/contract/views'
import type { Agreement } from '../../../main/core/model/schema'
import { DataTable } from '../common/data-table'
import { formatShortDate } from '../common/dates'
import { ExpandableText } from '../common/expandable-text'
import { Empty } from '../common/query-state'
import { Responsibles } from '../common/responsibles'
import { AgreementStateBadge } from '../common/status-badge'
import { VoteSummary } from '../common/vote-summary'

interface Props {
  agreements: Agreement[]
  /** The list view's rows, which carry the derived state (vencido) and names. */
  rows: Map<string, AgreementRow>
  members: Map<string, MemberRow>
  /** Agenda number of each item id, e.g. "5.1". */
  itemNumbers: Map<string, string>
  /** Whether the session took place (SessionDetail.held); before that, no agreements is expected. */
  held: boolean
}

interface Row {
  agreement: Agreement
  state: AgreementState
  names: string[]
  item: string | undefined
}

const column = createColumnHelper<Row>()

export function SessionAgreementsTab({ agreements, rows, members, itemNumbers, held }: Props) {
  const { t } = useTranslation()
  const data = useMemo<Row[]>(
    () =>
      agreements.map((agreement) => {
        const row = rows.get(agreement.id)
        return {
          agreement,
          state: row?.state ?? agreement.status,
          names:
            row?.responsibleNames ??
            agreement.responsibleMemberIds.flatMap((id) => members.get(id)?.fullName ?? []),
          item: itemNumbers.get(agreement.itemId),
        }
      }),
    [agreements, rows, members, itemNumbers],
  )
  const columns = useMemo(
    () => [
      column.accessor((row) => row.agreement.key, {
        id: 'key',
        header: t('session.agreements.key'),
        meta: { nowrap: true, width: 170 },
        cell: ({ row }) => (
          <Stack gap={0}>
            <Text size="sm" fw={600} ff="monospace">
              {row.original.agreement.key}
            </Text>
            {row.original.item ? (
              <Text size="xs" c="dimmed">
                {t('agreements.itemRef', { number: row.original.item })}
              </Text>
            ) : null}
          </Stack>
        ),
      }),
      column.accessor((row) => row.agreement.text, {
        id: 'text',
        header: t('session.agreements.text'),
        enableSorting: false,
        meta: { width: '38%' },
        cell: ({ getValue }) => <ExpandableText text={getValue()} />,
      }),
      column.display({
        id: 'vote',
        header: t('session.agreements.vote'),
        meta: { minWidth: 140 },
        cell: ({ row }) => <VoteSummary vote={row.original.agreement.vote} />,
      }),
      column.display({
        id: 'responsibles',
        header: t('session.agreements.responsibles'),
        cell: ({ row }) => (
          <Responsibles names={row.original.names} institutions={row.original.agreement.responsibleInstitutions} />
        ),
      }),
      column.accessor((row) => row.agreement.dueDate ?? '9999', {
        id: 'due',
        header: t('session.agreements.due'),
        meta: { nowrap: true },
        cell: ({ row }) =>
          row.original.agreement.dueDate ? formatShortDate(row.original.agreement.dueDate) : t('agreements.noDueDate'),
      }),
      column.accessor('state', {
        header: t('session.agreements.status'),
        cell: ({ getValue }) => <AgreementStateBadge value={getValue()} />,
      }),
    ],
    [t],
  )

  if (agreements.length === 0) {
    return <Empty title={held ? t('session.agreements.empty') : t('session.agreements.notYet')} />
  }
  return (
    <DataTable
      data={data}
      columns={columns}
      getRowId={(row) => row.agreement.id}
      label={t('session.agreements.tableLabel')}
    />
  )
}
