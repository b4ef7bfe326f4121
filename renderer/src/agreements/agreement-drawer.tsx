/**
 * One agreement in full, beside the list: its text, vote, responsibles, due
 * date and linked commitment; its state (changed here); the follow-up
 * history, each entry removable; and the form to add a follow-up. Closing
 * it gives the focus back to what opened it (or to the agreement's key in
 * the list); a follow-up just added takes the focus.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
  Tooltip,
} from '@mantine/core'
import {
  IconAlertTriangle,
  IconExternalLink,
  IconFileCheck,
  IconMessageCircle,
  IconPlus,
  IconTrash,
  IconX,
} from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState, type ReactNode, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AgreementRow } from '../../../main/core/contract/views'
import { AGREEMENT_STATUSES, type Agreement, type FollowUp } from '../../../main/core/model/schema'
import { openExternal } from '../api/external'
import { useRemoveFollowUp, useSetAgreementStatus } from '../api/follow-up'
import { usePlanOverview } from '../api/plan'
import { useSessions } from '../api/sessions'
import { ConfirmModal } from '../common/confirm-modal'
import { formatDate, formatShortDate } from '../common/dates'
import { formatBytes } from '../common/format'
import { notifyDone, notifyError } from '../common/notify'
import { Reveal } from '../common/reveal'
import { Responsibles } from '../common/responsibles'
import { AgreementStateBadge } from '../common/status-badge'
import { agreementStateColor } from '../common/status-colors'
import { VoteSummary } from '../common/vote-summary'
import { FollowUpForm } from './follow-up-form'

interface Props {
  agreement: AgreementRow | undefined
  opened: boolean
  onClose: () => void
}

export function AgreementDrawer({ agreement, opened, onClose }: Props) {
  const { t } = useTranslation()
  // What had the focus when the drawer opened, and the agreement shown: the way back once it closes.
  const opener = useRef<{ element: HTMLElement | null; key: string | null }>({ element: null, key: null })
  const key = agreement?.key ?? null
  useEffect(() => {
    if (!opened) return
    const active = document.activeElement
    // The drawer moves the focus inside itself after this runs.
    if (opener.current.key === null) opener.current.element = active instanceof HTMLElement && active !== document.body ? active : null
    if (key) opener.current.key = key
  }, [opened, key])
  const giveFocusBack = () => {
    const { element, key: shownKey } = opener.current
    opener.current = { element: null, key: null }
    if (element?.isConnected) {
      element.focus()
      return
    }
    // Opened from a row (not a focusable element) or from the address: the agreement's key in the list.
    if (!shownKey) return
    const label = t('agreements.openAgreement', { key: shownKey })
    const button = document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(label)}"]`)
    button?.focus()
  }
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      onExitTransitionEnd={giveFocusBack}
      position="right"
      size={640}
      padding="lg"
      title={
        agreement ? (
          <Group gap="sm">
            <Text fw={700} size="lg" ff="monospace">
              {agreement.key}
            </Text>
            <AgreementStateBadge value={agreement.state} size="lg" />
          </Group>
        ) : (
          <Text fw={700} size="lg">
            {t('agreements.title')}
          </Text>
        )
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
      aria-label={agreement ? t('agreements.drawer.title', { key: agreement.key }) : undefined}
    >
      {agreement ? (
        <AgreementDetail agreement={agreement} key={agreement.id} />
      ) : (
        <Alert color="gray" variant="light">
          {t('agreements.drawer.notFound')}
        </Alert>
      )}
    </Drawer>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={650} tt="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  )
}

function AgreementDetail({ agreement }: { agreement: AgreementRow }) {
  const { t } = useTranslation()
  const plan = usePlanOverview()
  const sessions = useSessions()
  const setStatus = useSetAgreementStatus()
  const [adding, setAdding] = useState(false)
  const historyTitle = useRef<HTMLHeadingElement>(null)
  const toggleButton = useRef<HTMLButtonElement>(null)
  const entries = useRef(new Map<string, HTMLElement>())
  // The entries there were when the form opened: one more is the follow-up just added.
  const known = useRef<Set<string> | null>(null)
  const commitment = plan.data?.commitments.find((candidate) => candidate.id === agreement.commitmentId)
  const sessionTitles = useMemo(
    () => new Map((sessions.data ?? []).map((session) => [session.id, session.title])),
    [sessions.data],
  )
  const history = useMemo(
    () => [...agreement.followUps].reverse().sort((a, b) => b.date.localeCompare(a.date)),
    [agreement.followUps],
  )
  const overdue = agreement.state === 'vencido'

  const followUpIds = agreement.followUps.map((entry) => entry.id).join(' ')
  const shownIds = useRef(followUpIds)
  useEffect(() => {
    if (shownIds.current === followUpIds) return
    shownIds.current = followUpIds
    const ids = followUpIds ? followUpIds.split(' ') : []
    const before = known.current
    const added = before ? ids.find((id) => !before.has(id)) : undefined
    if (added) {
      known.current = null
      entries.current.get(added)?.focus()
    } else if (document.activeElement === document.body) {
      // The entry removed had the focus (its delete button).
      historyTitle.current?.focus()
    }
  }, [followUpIds])
  const toggleForm = () => {
    known.current = adding ? null : new Set(agreement.followUps.map((entry) => entry.id))
    setAdding((open) => !open)
  }
  const cancelForm = () => {
    known.current = null
    setAdding(false)
    toggleButton.current?.focus()
  }

  const changeStatus = (value: string) => {
    const status = AGREEMENT_STATUSES.find((candidate) => candidate === value)
    if (!status || status === agreement.status) return
    setStatus.mutate(
      { id: agreement.id, status },
      {
        onSuccess: () =>
          notifyDone(t('agreements.drawer.statusChanged', { key: agreement.key, status: t(`enums.agreementState.${status}`).toLowerCase() })),
        onError: (error) => notifyError(error),
      },
    )
  }

  return (
    <Stack gap="lg">
      <Fact label={t('agreements.drawer.text')}>
        <Text size="sm" className="pre-wrap break-anywhere">
          {agreement.text}
        </Text>
      </Fact>
      <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
        <Fact label={t('agreements.drawer.session')}>
          <Anchor component={Link} to={`/sesiones/${agreement.sessionId}?pestana=acuerdos`} size="sm">
            {agreement.sessionTitle}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatDate(agreement.sessionDate)}
          </Text>
        </Fact>
        <Fact label={t('agreements.drawer.due')}>
          {agreement.dueDate ? (
            <Group gap={4} wrap="nowrap">
              {overdue ? <IconAlertTriangle size={15} color="var(--mantine-color-red-8)" aria-hidden /> : null}
              <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 650 : undefined}>
                {formatDate(agreement.dueDate)}
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('agreements.drawer.noDue')}
            </Text>
          )}
        </Fact>
        <Fact label={t('agreements.drawer.vote')}>
          <VoteSummary vote={agreement.vote} />
        </Fact>
        <Fact label={t('agreements.drawer.responsibles')}>
          <Responsibles names={agreement.responsibleNames} institutions={agreement.responsibleInstitutions} />
        </Fact>
      </SimpleGrid>
      <Fact label={t('agreements.drawer.commitment')}>
        {commitment ? (
          <Anchor component={Link} to={`/plan-de-accion?compromiso=${encodeURIComponent(commitment.id)}`} size="sm">
            {t('agreements.drawer.commitmentLink', { number: commitment.number, title: commitment.title })}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {agreement.commitmentId ? agreement.commitmentId : t('agreements.drawer.noCommitment')}
          </Text>
        )}
      </Fact>

      {overdue && agreement.dueDate ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
          {t('agreements.drawer.overdueSince', { date: formatDate(agreement.dueDate) })}
        </Alert>
      ) : null}

      <Stack gap={6}>
        <Text size="xs" c="dimmed" fw={650} tt="uppercase" id={`estado-${agreement.id}`}>
          {t('agreements.drawer.status')}
        </Text>
        <SegmentedControl
          aria-labelledby={`estado-${agreement.id}`}
          value={agreement.status}
          onChange={changeStatus}
          disabled={setStatus.isPending}
          color={agreementStateColor[agreement.status]}
          autoContrast
          fullWidth
          data={AGREEMENT_STATUSES.map((status) => ({ value: status, label: t(`enums.agreementState.${status}`) }))}
        />
        <Text size="xs" c="dimmed">
          {t('agreements.drawer.statusHint')}
        </Text>
      </Stack>

      <Divider />

      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} ref={historyTitle} tabIndex={-1}>
            {t('agreements.drawer.history')}
          </Title>
          <Button
            variant={adding ? 'subtle' : 'light'}
            color={adding ? 'gray' : undefined}
            leftSection={adding ? <IconX size={16} aria-hidden /> : <IconPlus size={16} aria-hidden />}
            ref={toggleButton}
            onClick={toggleForm}
            aria-expanded={adding}
          >
            {adding ? t('agreements.drawer.hideForm') : t('agreements.drawer.add')}
          </Button>
        </Group>
        <Reveal open={adding}>
          <Paper withBorder p="md" bg="gray.0">
            <FollowUpForm agreement={agreement} sessionId={null} onDone={() => setAdding(false)} onCancel={cancelForm} autoFocus />
          </Paper>
        </Reveal>
        {history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('agreements.drawer.historyEmpty')}
          </Text>
        ) : (
          <Timeline bulletSize={26} lineWidth={2} active={history.length} mt="xs">
            {history.map((entry) => (
              <Timeline.Item key={entry.id} bullet={<IconMessageCircle size={14} aria-hidden />}>
                <FollowUpEntry
                  agreement={agreement}
                  entry={entry}
                  sessionTitle={entry.sessionId ? sessionTitles.get(entry.sessionId) : undefined}
                  entryRef={(element) => {
                    if (element) entries.current.set(entry.id, element)
                    else entries.current.delete(entry.id)
                  }}
                />
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Stack>
    </Stack>
  )
}

/** One entry of the history: when, where it was recorded, the note and its evidence. */
export function FollowUpEntry({
  agreement,
  entry,
  sessionTitle,
  removable = true,
  entryRef,
}: {
  agreement: Pick<Agreement, 'id' | 'key'>
  entry: FollowUp
  sessionTitle: string | undefined
  removable?: boolean
  /** The entry's box, focusable from code (e.g. right after it was added). */
  entryRef?: Ref<HTMLDivElement>
}) {
  const { t } = useTranslation()
  const remove = useRemoveFollowUp(entry.sessionId)
  const [confirming, setConfirming] = useState(false)
  const date = formatShortDate(entry.date)

  return (
    <Stack gap={4} data-follow-up={entry.id} ref={entryRef} tabIndex={entryRef ? -1 : undefined}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs">
          <Text size="sm" fw={650}>
            {formatDate(entry.date)}
          </Text>
          <Badge size="sm" color={entry.sessionId ? 'institucional' : 'gray'} variant="light">
            {entry.sessionId
              ? t('followUp.entry.recordedIn', { title: sessionTitle ?? t('common.none') })
              : t('followUp.entry.recordedOutside')}
          </Badge>
        </Group>
        {removable ? (
          <Tooltip label={t('followUp.entry.remove', { date })}>
            <ActionIcon variant="subtle" color="red" aria-label={t('followUp.entry.remove', { date })} onClick={() => setConfirming(true)}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Group>
      <Text size="sm" className="pre-wrap break-anywhere">
        {entry.note}
      </Text>
      {entry.evidenceUrl ? (
        <Anchor
          href={entry.evidenceUrl}
          size="sm"
          className="break-anywhere"
          onClick={(event) => {
            event.preventDefault()
            void openExternal(entry.evidenceUrl)
          }}
        >
          <Group gap={4} wrap="nowrap" component="span">
            <IconExternalLink size={14} aria-hidden />
            <span>
              {t('followUp.entry.evidenceLink')}: {entry.evidenceUrl}
            </span>
          </Group>
        </Anchor>
      ) : null}
      {entry.evidenceFile ? (
        <Tooltip label={`SHA-256: ${entry.evidenceFile.sha256}`}>
          <Group gap={4} wrap="nowrap" w="fit-content">
            <IconFileCheck size={15} aria-hidden color="var(--mantine-color-gray-7)" />
            <Text size="sm" c="gray.8">
              {t('followUp.entry.evidenceFile', { name: entry.evidenceFile.fileName, size: formatBytes(entry.evidenceFile.size) })}
            </Text>
          </Group>
        </Tooltip>
      ) : null}
      <ConfirmModal
        opened={confirming}
        title={t('followUp.entry.removeTitle')}
        confirmLabel={t('followUp.entry.removeConfirm')}
        color="red"
        loading={remove.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(
            { agreementId: agreement.id, followUpId: entry.id },
            {
              onSuccess: () => {
                setConfirming(false)
                notifyDone(t('followUp.entry.removed', { key: agreement.key }))
              },
              onError: (error) => notifyError(error),
            },
          )
        }
      >
        <Text size="sm">{t('followUp.entry.removeText', { date: formatDate(entry.date), key: agreement.key })}</Text>
      </ConfirmModal>
    </Stack>
  )
}
