/**
 * The titulares' answers, grouped by sector: per row, Confirmó / Declinó /
 * Sin respuesta and, for who confirmed and has suplentes, who attends in
 * their place. Made for going down the list fast: ↑/↓ move between titulares,
 * C/D/S record the answer and jump to the next one; every control is also a
 * Tab stop. What may be chosen comes from the core (the view's `open` and each
 * row's `substitutes`); the core records each answer and answers with the new
 * expected quorum.
 */
import { Badge, Group, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core'
import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConfirmationsView } from '../../../../main/core/contract/views'
import { SECTORS } from '../../../../main/core/model/schema'
import { useSessionOperation } from '../../api/sessions'
import { formatDateTime } from '../../common/dates'
import { KbdLegend } from '../../common/kbd-legend'
import { notifyError } from '../../common/notify'
import { sectorColor } from '../../common/status-colors'
import { ANSWERS, answerColor, type Answer } from './answer-colors'
import classes from './confirmations.module.css'

type Row = ConfirmationsView['rows'][number]

interface Choice {
  answer: Answer
  substituteId: string | null
}

const KEYS: Record<string, Answer> = { c: 'confirmo', d: 'declino', s: 'sin-respuesta' }
/** The Select's value for «the titular attends»: an id is never empty. */
const TITULAR = 'titular'

interface Props {
  sessionId: string
  rows: readonly Row[]
  /** Answers are still taken (ConfirmationsView.open). */
  editable: boolean
}

export function ConfirmationsTable({ sessionId, rows, editable }: Props) {
  const { t } = useTranslation()
  const setConfirmation = useSessionOperation('setConfirmation')
  const [optimistic, setOptimistic] = useState<Record<string, Choice>>({})
  const elements = useRef(new Map<string, HTMLElement>())

  const groups = SECTORS.map((sector) => ({ sector, rows: rows.filter((row) => row.sector === sector) })).filter((group) => group.rows.length > 0)
  const order = groups.flatMap((group) => group.rows)

  const focusRow = (index: number) => {
    const row = order[Math.max(0, Math.min(order.length - 1, index))]
    if (row) elements.current.get(row.memberId)?.focus()
  }

  const current = (row: Row): Choice => optimistic[row.memberId] ?? { answer: row.answer, substituteId: row.substitute?.id ?? null }

  const save = (row: Row, choice: Choice) => {
    setOptimistic((state) => ({ ...state, [row.memberId]: choice }))
    setConfirmation.mutate(
      { sessionId, memberId: row.memberId, answer: choice.answer, substituteId: choice.answer === 'confirmo' ? choice.substituteId : null },
      {
        onError: (error) => notifyError(error),
        onSettled: () =>
          setOptimistic((state) => {
            const next = { ...state }
            delete next[row.memberId]
            return next
          }),
      },
    )
  }

  /** An answer from the control or a key: a titular who confirms again keeps who attends. */
  const answer = (row: Row, value: Answer) => {
    const was = current(row)
    if (was.answer === value) return
    save(row, { answer: value, substituteId: value === 'confirmo' && was.answer === 'confirmo' ? was.substituteId : null })
  }

  const onRowKey = (row: Row, index: number) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    const key = event.key.toLowerCase()
    if (key === 'arrowdown' || key === 'arrowup') {
      event.preventDefault()
      focusRow(index + (key === 'arrowdown' ? 1 : -1))
    } else if (key === 'home' || key === 'end') {
      event.preventDefault()
      focusRow(key === 'home' ? 0 : order.length - 1)
    } else if (editable && KEYS[key]) {
      event.preventDefault()
      answer(row, KEYS[key])
      focusRow(index + 1)
    }
  }

  return (
    <Stack gap="sm">
      {editable ? (
        <KbdLegend
          shortcuts={[
            { keys: ['↑ ↓'], label: t('confirmations.keys.move') },
            { keys: ['C'], label: t('confirmations.keys.confirm') },
            { keys: ['D'], label: t('confirmations.keys.decline') },
            { keys: ['S'], label: t('confirmations.keys.none') },
          ]}
        />
      ) : null}
      <Paper withBorder radius="md" className={classes.frame}>
        <Table verticalSpacing="xs" horizontalSpacing="sm" aria-label={t('confirmations.table.label')} className={classes.table}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('confirmations.table.member')}</Table.Th>
              <Table.Th className={classes.answerColumn}>{t('confirmations.table.answer')}</Table.Th>
              <Table.Th className={classes.attendeeColumn}>{t('confirmations.table.attendee')}</Table.Th>
              <Table.Th className={classes.whenColumn} visibleFrom="lg">
                {t('confirmations.table.answeredAt')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          {groups.map((group) => (
            <Table.Tbody key={group.sector}>
              <Table.Tr className={classes.groupRow}>
                <Table.Th colSpan={4} scope="colgroup">
                  <Group gap="xs">
                    <Badge variant="dot" color={sectorColor[group.sector]} size="md">
                      {t(`enums.sector.${group.sector}`)}
                    </Badge>
                    <Text span size="xs" c="dimmed" fw={500}>
                      {t('confirmations.sectorTally', {
                        confirmed: group.rows.filter((row) => current(row).answer === 'confirmo').length,
                        total: group.rows.length,
                      })}
                    </Text>
                  </Group>
                </Table.Th>
              </Table.Tr>
              {group.rows.map((row) => {
                const index = order.indexOf(row)
                const choice = current(row)
                const substitute = choice.answer === 'confirmo' && choice.substituteId ? row.substitutes.find((candidate) => candidate.id === choice.substituteId) ?? row.substitute : null
                return (
                  <Table.Tr
                    key={row.memberId}
                    ref={(element) => {
                      if (element) elements.current.set(row.memberId, element)
                      else elements.current.delete(row.memberId)
                    }}
                    tabIndex={editable ? 0 : undefined}
                    onKeyDown={editable ? onRowKey(row, index) : undefined}
                    className={classes.row}
                    style={{ borderLeftColor: `var(--mantine-color-${answerColor[choice.answer]}-${choice.answer === 'sin-respuesta' ? 3 : 5})` }}
                    aria-label={editable ? t('confirmations.rowLabel', { name: row.fullName, answer: t(`confirmations.answer.${choice.answer}`) }) : undefined}
                    aria-keyshortcuts={editable ? 'C D S' : undefined}
                    data-member={row.memberId}
                    data-answer={choice.answer}
                  >
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {row.fullName}
                      </Text>
                      <Group gap={6} wrap="nowrap" mt={2}>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {row.institution}
                        </Text>
                        {row.voting === 'voz' ? (
                          <Badge variant="outline" color="gray" size="xs">
                            {t('enums.voting.voz')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {editable ? (
                        <SegmentedControl
                          size="xs"
                          value={choice.answer}
                          aria-label={t('confirmations.answerOf', { name: row.fullName })}
                          color={choice.answer === 'sin-respuesta' ? 'gray.7' : answerColor[choice.answer]}
                          onChange={(value) => answer(row, value)}
                          data={ANSWERS.map((value) => ({ value, label: t(`confirmations.answer.${value}`) }))}
                        />
                      ) : (
                        <Badge color={answerColor[choice.answer]} variant="light">
                          {t(`confirmations.answer.${choice.answer}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {editable && choice.answer === 'confirmo' && row.substitutes.length > 0 ? (
                        <Select
                          size="xs"
                          aria-label={t('confirmations.attendeeOf', { name: row.fullName })}
                          data={[
                            { value: TITULAR, label: t('confirmations.titularAttends') },
                            ...row.substitutes.map((candidate) => ({ value: candidate.id, label: candidate.fullName })),
                          ]}
                          value={choice.substituteId ?? TITULAR}
                          allowDeselect={false}
                          onChange={(value) => {
                            if (!value) return
                            const substituteId = value === TITULAR ? null : value
                            if (substituteId !== choice.substituteId) save(row, { answer: 'confirmo', substituteId })
                          }}
                        />
                      ) : choice.answer === 'confirmo' ? (
                        <Text size="xs" c={substitute ? undefined : 'dimmed'}>
                          {substitute ? t('confirmations.substituteAttends', { name: substitute.fullName }) : t('confirmations.inPerson')}
                        </Text>
                      ) : null}
                      {choice.answer === 'confirmo' && row.substitute && !row.substitute.available && choice.substituteId === row.substitute.id ? (
                        <Text size="xs" c="orange.9" mt={4}>
                          {t('confirmations.substituteUnavailable', { name: row.substitute.fullName })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td visibleFrom="lg">
                      <Text size="xs" c="dimmed">
                        {row.answeredAt && choice.answer !== 'sin-respuesta' ? formatDateTime(row.answeredAt) : t('confirmations.notYet')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          ))}
        </Table>
      </Paper>
    </Stack>
  )
}
