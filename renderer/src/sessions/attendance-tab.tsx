/**
 * The Pase de lista tab: the live quorum, the declaration once made, and
 * the roll. Before the session starts the roll is shown but not editable.
 * The keys: P/A/J/S on a member's row, Alt+Q to declare the quorum.
 */
import { Alert, Stack } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useCallback, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberRow, SessionDetail } from '../../../main/core/contract/views'
import { Empty } from '../common/query-state'
import { QuorumSummary } from './quorum-summary'
import { DECLARE_KEYS, QuorumIndicator } from './roll-call/quorum-indicator'
import { RollCallTable } from './roll-call/roll-call-table'

export function AttendanceTab({ detail, members }: { detail: SessionDetail; members: readonly MemberRow[] }) {
  const { t } = useTranslation()
  const { session } = detail
  const editable = detail.editable.asistencia
  const opened = session.attendance.length > 0
  const titularOf = useMemo(() => new Map(members.map((member) => [member.id, member.role === 'suplente' ? member.pairedName : null])), [members])
  const statement = useRef<HTMLDivElement>(null)
  const focusStatement = useCallback(() => statement.current?.focus(), [])
  const canDeclare = editable && opened && detail.can.declareQuorum

  if (!opened && session.status === 'cancelada') return <Empty title={t('session.attendance.empty')} />
  return (
    <Stack gap="md">
      {opened ? <QuorumIndicator detail={detail} editable={editable} onDeclared={focusStatement} /> : null}
      {opened || session.quorum ? (
        <QuorumSummary quorum={session.quorum} attendance={session.attendance} showPending={session.status !== 'en-curso'} statementRef={statement} />
      ) : null}
      {!opened ? (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('rollCall.notOpen')}
        </Alert>
      ) : null}
      <RollCallTable
        sessionId={session.id}
        roster={detail.roster}
        editable={editable && opened}
        titularOf={titularOf}
        shortcuts={canDeclare ? [{ keys: [...DECLARE_KEYS], label: t('rollCall.keys.declare'), aria: DECLARE_KEYS.join('+') }] : []}
      />
    </Stack>
  )
}
