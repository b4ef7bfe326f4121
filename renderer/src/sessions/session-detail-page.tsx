import { Anchor, Badge, Breadcrumbs, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconCalendarCheck, IconChecklist, IconListNumbers, IconMessages, IconNotebook, IconPencil, IconProgressCheck, IconUsers } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { AgreementRow, MemberRow } from '../../../main/core/contract/views'
import { PendingFollowUp } from '../agreements/pending-follow-up'
import { ApiError } from '../api/api-error'
import { useAgreements } from '../api/agreements'
import { useMembers } from '../api/members'
import { useSession } from '../api/sessions'
import { PageHeader } from '../common/page-header'
import { Empty, ErrorState, LoadingCards } from '../common/query-state'
import { SessionStatusBadge } from '../common/status-badge'
import { PacketExportButton } from '../packets/packet-export-button'
import { SessionCommentsTab } from '../packets/session-comments-tab'
import { SessionDocumentActions } from '../signing/session-document-actions'
import { SignatureCircuitCard } from '../signing/signature-circuit-card'
import { SignedActaSection } from '../signing/signed-acta-section'
import { SignedLockBadge } from '../signing/signed-lock-badge'
import { AgendaBuilder } from './agenda/agenda-builder'
import { AttendanceTab } from './attendance-tab'
import { ConfirmationsTab } from './confirmations-tab'
import { SessionAgreementsTab } from './session-agreements-tab'
import { SessionEditModal } from './session-edit-modal'
import { SessionFacts } from './session-header'
import { LifecycleButtons } from './session-lifecycle'
import { countsAsPresent, type Session } from '../../../main/core/model/schema'

const TABS = ['orden', 'confirmaciones', 'asistencia', 'acuerdos', 'seguimiento', 'comentarios'] as const
type Tab = (typeof TABS)[number]

export function SessionDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const detail = useSession(id)
  const members = useMembers()
  const agreements = useAgreements()
  const [params, setParams] = useSearchParams()
  const [editing, setEditing] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const attendanceTab = useRef<HTMLButtonElement>(null)
  // Opening a session (from the list, a new one, a link, back from the minutes) puts the focus on its title, once per session.
  const announced = useRef<string | null>(null)
  const loaded = detail.isSuccess
  useEffect(() => {
    if (!loaded || announced.current === id) return
    announced.current = id
    heading.current?.focus({ preventScroll: true })
  }, [loaded, id])
  // Local state answers the click at once; the address follows (?pestana=…) so a reload keeps the tab.
  const [tab, setTab] = useState<Tab>(() => TABS.find((value) => value === params.get('pestana')) ?? 'orden')
  const chooseTab = (value: string | null) => {
    const next = TABS.find((candidate) => candidate === value) ?? 'orden'
    setTab(next)
    setParams(next === 'orden' ? {} : { pestana: next }, { replace: true })
  }

  const memberMap = useMemo(
    () => new Map<string, MemberRow>((members.data ?? []).map((m) => [m.id, m])),
    [members.data],
  )
  const agreementMap = useMemo(
    () => new Map<string, AgreementRow>((agreements.data ?? []).map((a) => [a.id, a])),
    [agreements.data],
  )
  const itemNumbers = useMemo(
    () => new Map(Object.entries(detail.data?.plan ?? {}).map(([itemId, entry]) => [itemId, entry.number])),
    [detail.data],
  )

  const breadcrumbs = (
    <Breadcrumbs separator="›">
      <Anchor component={Link} to="/sesiones" size="sm">
        {t('session.breadcrumb')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {detail.data?.title ?? (detail.isError ? t('session.notFoundTitle') : t('common.loading'))}
      </Text>
    </Breadcrumbs>
  )

  if (detail.isPending) {
    return (
      <>
        <PageHeader above={breadcrumbs} title={t('common.loading')} />
        <LoadingCards />
      </>
    )
  }
  if (detail.isError) {
    const notFound = detail.error instanceof ApiError && detail.error.code === 'NO_ENCONTRADO'
    return (
      <>
        <PageHeader above={breadcrumbs} title={notFound ? t('session.notFoundTitle') : t('sessions.title')} />
        {notFound ? (
          <Empty
            title={t('session.notFoundTitle')}
            description={detail.error.message}
            action={
              <Anchor component={Link} to="/sesiones">
                {t('common.backTo', { place: t('sessions.title') })}
              </Anchor>
            }
          />
        ) : (
          <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </>
    )
  }

  const { session, title, key } = detail.data
  const answered = detail.data.confirmations.expected.confirmed + detail.data.confirmations.expected.declined
  // Confirmaciones while answers are taken, and afterwards only where some were recorded.
  const showConfirmations = detail.data.confirmations.open || answered > 0
  const shownTab: Tab = tab === 'confirmaciones' && !showConfirmations ? 'orden' : tab
  const editingAllowed = detail.data.editable
  const live = session.status === 'en-curso'
  /** After a change of state the focus goes to the next step: convened → «Iniciar sesión», started → «Pase de lista», otherwise the title. */
  const afterTransition = (status: Session['status'], focusButton: (next: Session['status']) => boolean) => {
    if (status === 'convocada' && focusButton('en-curso')) return
    if (status === 'en-curso' && attendanceTab.current) {
      attendanceTab.current.focus()
      return
    }
    heading.current?.focus()
  }
  return (
    <>
      <Stack gap={6} mb="lg">
        {breadcrumbs}
        <Title order={1} ref={heading} tabIndex={-1}>
          {title}
        </Title>
      </Stack>
      <Group justify="space-between" mb="md" mt={-8} gap="sm">
        <Group gap="xs">
          <SessionStatusBadge value={session.status} size="lg" />
          <SignedLockBadge session={session} />
          {session.quorum?.reached ? (
            <Badge size="lg" color="green" variant="outline">
              {t('session.quorumBadge', { present: session.quorum.present, voting: session.quorum.votingMembers })}
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          {editingAllowed.datos ? (
            <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>
              {t('session.actions.edit')}
            </Button>
          ) : null}
          <PacketExportButton detail={detail.data} />
          <SessionDocumentActions detail={detail.data} />
          <LifecycleButtons detail={detail.data} onSettled={afterTransition} />
          {editingAllowed.minuta ? (
            <Button
              component={Link}
              to={`/sesiones/${session.id}/minuta`}
              variant={live ? 'filled' : 'default'}
              color={live ? 'orange' : undefined}
              leftSection={<IconNotebook size={18} aria-hidden />}
            >
              {live ? t('session.actions.liveMinutes') : t('session.actions.reviewMinutes')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <SessionFacts session={session} sessionKey={key} members={memberMap} />
      <SignatureCircuitCard detail={detail.data} />
      <SignedActaSection detail={detail.data} />
      <Tabs
        value={shownTab}
        onChange={chooseTab}
        variant="outline"
      >
        <Tabs.List mb="md">
          <Tabs.Tab
            value="orden"
            leftSection={<IconListNumbers size={16} aria-hidden />}
            rightSection={<CountBadge value={session.agenda.length} />}
          >
            {t('session.tabs.agenda')}
          </Tabs.Tab>
          {showConfirmations ? (
            <Tabs.Tab
              value="confirmaciones"
              leftSection={<IconCalendarCheck size={16} aria-hidden />}
              rightSection={<CountBadge value={answered} />}
            >
              {t('confirmations.tab')}
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab
            ref={attendanceTab}
            value="asistencia"
            leftSection={<IconUsers size={16} aria-hidden />}
            rightSection={<CountBadge value={session.attendance.filter((row) => countsAsPresent(row.status)).length} />}
          >
            {t('session.tabs.attendance')}
          </Tabs.Tab>
          <Tabs.Tab
            value="acuerdos"
            leftSection={<IconChecklist size={16} aria-hidden />}
            rightSection={<CountBadge value={detail.data.agreements.length} />}
          >
            {t('session.tabs.agreements')}
          </Tabs.Tab>
          <Tabs.Tab
            value="seguimiento"
            leftSection={<IconProgressCheck size={16} aria-hidden />}
            rightSection={<CountBadge value={detail.data.pendingAgreements.length} />}
          >
            {t('followUp.pending.tabTitle')}
          </Tabs.Tab>
          <Tabs.Tab
            value="comentarios"
            leftSection={<IconMessages size={16} aria-hidden />}
            rightSection={<CountBadge value={session.comments.length} />}
          >
            {t('memberComments.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="orden">
          <AgendaBuilder detail={detail.data} members={members.data ?? []} />
        </Tabs.Panel>
        {showConfirmations ? (
          <Tabs.Panel value="confirmaciones">
            <ConfirmationsTab detail={detail.data} />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="asistencia">
          <AttendanceTab detail={detail.data} members={members.data ?? []} />
        </Tabs.Panel>
        <Tabs.Panel value="acuerdos">
          <SessionAgreementsTab
            agreements={detail.data.agreements}
            rows={agreementMap}
            members={memberMap}
            itemNumbers={itemNumbers}
            held={detail.data.held}
          />
        </Tabs.Panel>
        <Tabs.Panel value="seguimiento">
          <PendingFollowUp detail={detail.data} />
        </Tabs.Panel>
        <Tabs.Panel value="comentarios">
          <SessionCommentsTab detail={detail.data} />
        </Tabs.Panel>
      </Tabs>
      <SessionEditModal opened={editing} onClose={() => setEditing(false)} session={session} members={members.data ?? []} />
    </>
  )
}

/** A count beside a tab's name; hidden from the accessible name so the tab reads as its section. */
function CountBadge({ value }: { value: number }) {
  return (
    <Badge size="sm" variant="light" color="gray" aria-hidden>
      {value}
    </Badge>
  )
}
