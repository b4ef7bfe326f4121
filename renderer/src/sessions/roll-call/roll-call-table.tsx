/**
 * Pase de lista: one row per member on the roll, with the attendance
 * status, the suplente who stands in, and arrival and leaving times. Made
 * for a secretary calling names: ↑/↓ move between members, P/A/J/S set the
 * status and jump to the next one; the page adds its own keys (Alt+Q declares
 * the quorum). The core records each change and answers with the new quorum.
 * Each row shows what the member answered to the notice; a titular who
 * confirmed that their suplente comes has that suplente chosen on S.
 * The table scrolls sideways inside its card when the window is narrow.
 */
import { Badge, Group, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core'
import { TimePicker } from '@mantine/dates'
import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { RosterEntry } from '../../../../main/core/contract/views'
import { ATTENDANCE_STATUSES, countsAsPresent, type Attendance } from '../../../../main/core/model/schema'
import { useSessionOperation } from '../../api/sessions'
import { KbdLegend, type Shortcut } from '../../common/kbd-legend'
import { notifyError } from '../../common/notify'
import { attendanceColor } from '../../common/status-colors'
import { ConfirmationBadge } from '../confirmations/confirmation-badge'
import classes from './roll-call.module.css'

type Status = Attendance['status']

const KEYS: Record<string, Status> = { p: 'presente', a: 'ausente', j: 'justificada', s: 'suplente' }

interface Change {
  status: Status
  substituteId: string | null
  arrivedAt?: string | null
  leftAt?: string | null
}

interface Props {
  sessionId: string
  roster: RosterEntry[]
  editable: boolean
  /** For a suplente, the titular it stands in for (from the member list). */
  titularOf: Map<string, string | null>
  /** Keys of the page that also work from a row, e.g. Alt+Q; `aria` is their `aria-keyshortcuts` form. */
  shortcuts?: (Shortcut & { aria: string })[]
}

export function RollCallTable({ sessionId, roster, editable, titularOf, shortcuts = [] }: Props) {
  const { t } = useTranslation()
  const setAttendance = useSessionOperation('setAttendance')
  const [optimistic, setOptimistic] = useState<Record<string, Status>>({})
  const [choosing, setChoosing] = useState<string | null>(null)
  const rows = useRef(new Map<string, HTMLElement>())
  const selects = useRef(new Map<string, HTMLInputElement>())

  const roleLine = (entry: RosterEntry) => {
    if (entry.role === 'titular') return t('enums.role.titular')
    const titular = titularOf.get(entry.memberId)
    return titular ? t('rollCall.substituteFor', { name: titular }) : t('enums.role.suplente')
  }

  const focusRow = (index: number) => {
    const entry = roster[Math.max(0, Math.min(roster.length - 1, index))]
    if (entry) rows.current.get(entry.memberId)?.focus()
  }

  const save = (entry: RosterEntry, change: Change) => {
    const present = countsAsPresent(change.status)
    const row = entry.attendance
    setOptimistic((current) => ({ ...current, [entry.memberId]: change.status }))
    setAttendance.mutate(
      {
        sessionId,
        memberId: entry.memberId,
        status: change.status,
        substituteId: change.status === 'suplente' ? change.substituteId : null,
        arrivedAt: present ? (change.arrivedAt !== undefined ? change.arrivedAt : (row?.arrivedAt ?? null)) : null,
        leftAt: present ? (change.leftAt !== undefined ? change.leftAt : (row?.leftAt ?? null)) : null,
      },
      {
        onError: (error) => notifyError(error),
        onSettled: () =>
          setOptimistic((current) => {
            const next = { ...current }
            delete next[entry.memberId]
            return next
          }),
      },
    )
  }

  /** Sets a status; for a suplente, picks the only one or asks which. Returns whether the row is done. */
  const choose = (entry: RosterEntry, status: Status): boolean => {
    if (status !== 'suplente') {
      setChoosing(null)
      save(entry, { status, substituteId: null })
      return true
    }
    // The suplente the titular said would come, else the only one registered.
    const only = confirmedSubstitute(entry) ?? (entry.substitutes.length === 1 ? entry.substitutes[0] : undefined)
    if (only || entry.substitutes.length === 0) {
      // With no suplente registered the core says so, in its words.
      save(entry, { status, substituteId: only?.id ?? null })
      return true
    }
    setChoosing(entry.memberId)
    requestAnimationFrame(() => selects.current.get(entry.memberId)?.focus())
    return false
  }

  const onRowKey = (entry: RosterEntry, index: number) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    const key = event.key.toLowerCase()
    if (key === 'arrowdown' || key === 'arrowup') {
      event.preventDefault()
      focusRow(index + (key === 'arrowdown' ? 1 : -1))
    } else if (key === 'home' || key === 'end') {
      event.preventDefault()
      focusRow(key === 'home' ? 0 : roster.length - 1)
    } else if (editable && KEYS[key]) {
      event.preventDefault()
      if (choose(entry, KEYS[key])) focusRow(index + 1)
    }
  }

  return (
    <Stack gap="sm">
      {editable ? (
        <KbdLegend
          shortcuts={[
            { keys: ['↑ ↓'], label: t('rollCall.keys.move') },
            { keys: ['P'], label: t('enums.attendanceShort.presente') },
            { keys: ['A'], label: t('enums.attendanceShort.ausente') },
            { keys: ['J'], label: t('enums.attendanceShort.justificada') },
            { keys: ['S'], label: t('enums.attendanceShort.suplente') },
            ...shortcuts.map(({ keys, label }) => ({ keys, label })),
          ]}
        />
      ) : null}
      <Paper withBorder radius="md" className={classes.frame}>
        <Table verticalSpacing="xs" horizontalSpacing="sm" aria-label={t('session.attendance.tableLabel')} className={classes.table}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('session.attendance.member')}</Table.Th>
              <Table.Th>{t('session.attendance.status')}</Table.Th>
              <Table.Th className={classes.timeColumn}>{t('session.attendance.arrived')}</Table.Th>
              <Table.Th className={classes.timeColumn}>{t('session.attendance.left')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roster.map((entry, index) => {
              const status = optimistic[entry.memberId] ?? entry.attendance?.status ?? 'ausente'
              const present = countsAsPresent(status)
              const showChooser = status === 'suplente' || choosing === entry.memberId
              // A suplente who did not come is the usual case (the titular did): no alarm red.
              const muted = entry.role === 'suplente' && status === 'ausente'
              return (
                <Table.Tr
                  key={entry.memberId}
                  ref={(element) => {
                    if (element) rows.current.set(entry.memberId, element)
                    else rows.current.delete(entry.memberId)
                  }}
                  tabIndex={0}
                  onKeyDown={onRowKey(entry, index)}
                  className={classes.row}
                  style={{ borderLeftColor: muted ? 'var(--mantine-color-gray-3)' : `var(--mantine-color-${attendanceColor[status]}-5)` }}
                  aria-label={t('rollCall.rowLabel', { name: entry.fullName, status: t(`enums.attendance.${status}`) })}
                  aria-keyshortcuts={editable ? ['P', 'A', 'J', 'S', ...shortcuts.map((shortcut) => shortcut.aria)].join(' ') : undefined}
                  data-member={entry.memberId}
                  data-suplente={entry.role === 'suplente' || undefined}
                >
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {entry.fullName}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {[entry.position, entry.institution].filter(Boolean).join(' · ')}
                    </Text>
                    {/* The participation under the name: the table then fits the app's minimum window. */}
                    <Group gap={6} mt={4} wrap="wrap">
                      <Badge variant="outline" color={entry.voting === 'voz-y-voto' ? 'institucional' : 'gray'}>
                        {t(`enums.voting.${entry.voting}`)}
                      </Badge>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {roleLine(entry)}
                      </Text>
                      <ConfirmationBadge entry={entry} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6}>
                      <SegmentedControl
                        size="xs"
                        value={status}
                        disabled={!editable}
                        aria-label={t('rollCall.statusOf', { name: entry.fullName })}
                        color={muted ? 'gray.7' : attendanceColor[status]}
                        onChange={(value) => {
                          choose(entry, value)
                        }}
                        data={ATTENDANCE_STATUSES.map((value) => ({
                          value,
                          label: t(`enums.attendanceShort.${value}`),
                          disabled: value === 'suplente' && entry.substitutes.length === 0,
                        }))}
                      />
                      {showChooser && entry.substitutes.length > 0 ? (
                        <Select
                          size="xs"
                          ref={(element) => {
                            if (element) selects.current.set(entry.memberId, element)
                            else selects.current.delete(entry.memberId)
                          }}
                          aria-label={t('rollCall.substituteOf', { name: entry.fullName })}
                          placeholder={t('rollCall.chooseSubstitute')}
                          data={substitutesFirstConfirmed(entry).map((substitute) => ({ value: substitute.id, label: substitute.fullName }))}
                          value={entry.attendance?.status === 'suplente' ? entry.attendance.substituteId : null}
                          disabled={!editable}
                          allowDeselect={false}
                          onChange={(value) => {
                            if (!value) return
                            setChoosing(null)
                            save(entry, { status: 'suplente', substituteId: value })
                          }}
                        />
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <TimeCell
                      label={t('rollCall.arrivalOf', { name: entry.fullName })}
                      value={entry.attendance?.arrivedAt ?? null}
                      disabled={!editable || !present}
                      onCommit={(value) => save(entry, { status, substituteId: entry.attendance?.substituteId ?? null, arrivedAt: value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TimeCell
                      label={t('rollCall.leavingOf', { name: entry.fullName })}
                      value={entry.attendance?.leftAt ?? null}
                      disabled={!editable || !present}
                      onCommit={(value) => save(entry, { status, substituteId: entry.attendance?.substituteId ?? null, leftAt: value })}
                    />
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}

/** The suplente a titular's confirmation names, when still one of theirs. */
function confirmedSubstitute(entry: RosterEntry): RosterEntry['substitutes'][number] | undefined {
  const { confirmation } = entry
  if (confirmation?.answer !== 'confirmo' || !confirmation.substituteId) return undefined
  return entry.substitutes.find((substitute) => substitute.id === confirmation.substituteId)
}

/** The titular's suplentes, the one their confirmation names first. */
function substitutesFirstConfirmed(entry: RosterEntry): RosterEntry['substitutes'] {
  const named = confirmedSubstitute(entry)
  return named ? [named, ...entry.substitutes.filter((substitute) => substitute.id !== named.id)] : entry.substitutes
}

/** A 24-hour time that is saved when the focus leaves it, and follows the stored value otherwise. */
function TimeCell({ label, value, disabled, onCommit }: { label: string; value: string | null; disabled: boolean; onCommit: (value: string | null) => void }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(value ?? '')
  const [editing, setEditing] = useState(false)
  const [seen, setSeen] = useState(value)
  if (!editing && value !== seen) {
    setSeen(value)
    setDraft(value ?? '')
  }
  return (
    <TimePicker
      size="xs"
      format="24h"
      value={draft}
      onChange={setDraft}
      disabled={disabled}
      aria-label={label}
      hoursInputLabel={t('rollCall.hoursOf', { what: label })}
      minutesInputLabel={t('rollCall.minutesOf', { what: label })}
      onFocus={() => setEditing(true)}
      onBlur={() => {
        setEditing(false)
        const next = draft || null
        if (next !== value) onCommit(next)
      }}
    />
  )
}
