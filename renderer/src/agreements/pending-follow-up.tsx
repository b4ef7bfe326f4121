/**
 * «Seguimiento de acuerdos» of a session: the open agreements of earlier
 * sessions (SessionDetail.pendingAgreements, computed by the core), each
 * with its state and an inline «Registrar avance» that records a follow-up
 * in this session. Agreements closed during this session stay listed (the
 * core keeps them), marked as attended, so the secretary sees what was reported.
 */
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconChecklist, IconCircleCheck, IconInfoCircle, IconPlus, IconX } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AgreementRow, SessionDetail } from '../../../main/core/contract/views'
import { useAgreements } from '../api/agreements'
import { formatShortDate } from '../common/dates'
import { ExpandableText } from '../common/expandable-text'
import { Reveal } from '../common/reveal'
import { AgreementStateBadge } from '../common/status-badge'
import { FollowUpEntry } from './agreement-drawer'
import { FollowUpForm } from './follow-up-form'

interface Props {
  detail: SessionDetail
  /** «Seguimiento de acuerdos» as heading; off where the agenda item's title already says it («Acuerdos en seguimiento»). */
  withTitle?: boolean
  /** In a bordered panel, as the sections of the live minutes. */
  framed?: boolean
  /** Whether advances may be recorded here; by default whenever the core allows it (SessionDetail.can.recordFollowUp). */
  editable?: boolean
}


export function PendingFollowUp({ detail, withTitle = true, framed = false, editable: allowed }: Props) {
  const { t } = useTranslation()
  const sessionId = detail.session.id
  const closed = !detail.can.recordFollowUp
  const editable = !closed && allowed !== false
  const all = useAgreements().data
  const rows = useMemo(() => {
    const pending = detail.pendingAgreements
    const listed = new Set(pending.map((row) => row.id))
    // The core lists those followed up here even once closed; the full list covers a stale detail too.
    const attended = (all ?? []).filter(
      (row) => !listed.has(row.id) && row.sessionId !== sessionId && row.followUps.some((entry) => entry.sessionId === sessionId),
    )
    return [...pending, ...attended].map((row) => ({ row, attended: !row.open }))
  }, [detail.pendingAgreements, all, sessionId])
  const open = rows.filter(({ attended }) => !attended).length
  const overdue = detail.pendingAgreements.filter((row) => row.state === 'vencido').length

  const content = (
    <Stack gap="sm" component="section" aria-labelledby={`seguimiento-${sessionId}`}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={3} id={`seguimiento-${sessionId}`}>
            {withTitle ? t('followUp.pending.title') : t('followUp.pending.listLabel')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('followUp.pending.description')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="light" color="gray" size="lg">
            {t('followUp.pending.count', { count: open })}
          </Badge>
          {overdue > 0 ? (
            <Badge variant="filled" color="red" size="lg" leftSection={<IconAlertTriangle size={13} aria-hidden />}>
              {t('followUp.pending.overdue', { count: overdue })}
            </Badge>
          ) : null}
          <Anchor component={Link} to="/acuerdos" size="sm" ml="xs">
            {t('followUp.pending.seeAll')}
          </Anchor>
        </Group>
      </Group>
      {closed ? (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('followUp.pending.readOnly', { status: t(`enums.sessionStatus.${detail.session.status}`).toLowerCase() })}
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <Paper withBorder p="lg">
          <Group gap="sm">
            <IconChecklist size={20} aria-hidden color="var(--mantine-color-gray-6)" />
            <Text size="sm" c="dimmed">
              {t('followUp.pending.empty')}
            </Text>
          </Group>
        </Paper>
      ) : (
        <Stack gap="sm" component="ul" aria-label={t('followUp.pending.listLabel')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map(({ row, attended }) => (
            <PendingAgreement key={row.id} row={row} sessionId={sessionId} sessionTitle={detail.title} editable={editable} attended={attended} />
          ))}
        </Stack>
      )}
    </Stack>
  )
  return framed ? (
    <Paper withBorder p="lg">
      {content}
    </Paper>
  ) : (
    content
  )
}

function PendingAgreement({
  row,
  sessionId,
  sessionTitle,
  editable,
  attended,
}: {
  row: AgreementRow
  sessionId: string
  sessionTitle: string
  editable: boolean
  attended: boolean
}) {
  const { t } = useTranslation()
  const [recording, setRecording] = useState(false)
  const here = row.followUps.filter((entry) => entry.sessionId === sessionId)
  const earlier = row.followUps.filter((entry) => entry.sessionId !== sessionId)
  const last = earlier.reduce<(typeof earlier)[number] | undefined>((latest, entry) => (!latest || entry.date >= latest.date ? entry : latest), undefined)
  const overdue = row.state === 'vencido'
  const people = [...new Set([...row.responsibleNames, ...row.responsibleInstitutions])]

  return (
    <Paper component="li" withBorder p="md" data-pending-agreement={row.key} bg={attended ? 'gray.0' : undefined}>
      <Stack gap={8}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
          <Group gap="xs">
            <Anchor component={Link} to={`/acuerdos?q=${encodeURIComponent(row.key)}&ver=${encodeURIComponent(row.id)}`} size="sm" fw={700} ff="monospace" aria-label={t('followUp.pending.openInList', { key: row.key })}>
              {row.key}
            </Anchor>
            <AgreementStateBadge value={row.state} />
            {attended ? (
              <Badge color="green" variant="outline" leftSection={<IconCircleCheck size={12} aria-hidden />}>
                {t('followUp.pending.attended')}
              </Badge>
            ) : null}
          </Group>
          {editable ? (
            <Button
              size="xs"
              variant={recording ? 'subtle' : 'light'}
              color={recording ? 'gray' : undefined}
              leftSection={recording ? <IconX size={14} aria-hidden /> : <IconPlus size={14} aria-hidden />}
              onClick={() => setRecording((value) => !value)}
              aria-expanded={recording}
              aria-label={recording ? t('agreements.drawer.hideForm') : t('followUp.pending.recordFor', { key: row.key })}
            >
              {recording ? t('followUp.form.cancel') : t('followUp.pending.record')}
            </Button>
          ) : null}
        </Group>
        <ExpandableText text={row.text} lines={2} />
        <Group gap="lg" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('followUp.pending.from', { session: row.sessionTitle, date: formatShortDate(row.sessionDate) })}
          </Text>
          <Group gap={4} wrap="nowrap">
            {overdue ? <IconAlertTriangle size={13} color="var(--mantine-color-red-8)" aria-hidden /> : null}
            <Text size="xs" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 650 : undefined}>
              {row.dueDate ? t('followUp.pending.due', { date: formatShortDate(row.dueDate) }) : t('followUp.pending.noDue')}
            </Text>
          </Group>
          {people.length > 0 ? (
            <Text size="xs" c="dimmed">
              {people.join(' · ')}
            </Text>
          ) : null}
        </Group>
        {last && here.length === 0 ? (
          <Text size="xs" c="gray.7" lineClamp={2}>
            {t('followUp.pending.lastEntry', { date: formatShortDate(last.date), note: last.note })}
          </Text>
        ) : here.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('followUp.pending.noEntries')}
          </Text>
        ) : null}
        {here.length > 0 ? (
          <Paper withBorder p="sm" bg="institucional.0" radius="sm">
            <Stack gap="sm">
              <Text size="xs" fw={650} c="institucional.9">
                {t('followUp.pending.inThisSession', { count: here.length })}
              </Text>
              {here.map((entry) => (
                <FollowUpEntry key={entry.id} agreement={row} entry={entry} sessionTitle={sessionTitle} removable={editable} />
              ))}
            </Stack>
          </Paper>
        ) : null}
        <Reveal open={recording}>
          <Paper withBorder p="md" mt={4}>
            <FollowUpForm agreement={row} sessionId={sessionId} onDone={() => setRecording(false)} autoFocus />
          </Paper>
        </Reveal>
      </Stack>
    </Paper>
  )
}
