/**
 * Minuta en vivo (#/sesiones/:id/minuta): the secretary's view during the
 * meeting. The agenda on the left with each item's state; the current item
 * on the right with its timer, notes, state, interventions and agreements.
 * Keyboard first: Alt+↑/↓ change item, Alt+N notes, Alt+T tratado, Alt+R
 * timer, Alt+A new agreement, Alt+P the projector; shortcuts work while
 * typing in the notes. While the session is in course the page tells the
 * core which item is open and whether its timer runs, and the projector's
 * window (opened with «Proyectar») follows it.
 */
import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, Kbd, Text, VisuallyHidden } from '@mantine/core'
import { useHotkeys, type HotkeyItem } from '@mantine/hooks'
import { IconArrowLeft, IconInfoCircle, IconPresentation } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import type { MemberRow, SessionDetail } from '../../../main/core/contract/views'
import type { AgendaItem } from '../../../main/core/model/schema'
import { PendingFollowUp } from '../agreements/pending-follow-up'
import { ApiError } from '../api/api-error'
import { useMembers } from '../api/members'
import { useOpenProjector } from '../api/projector'
import { useSession, useSessionOperation } from '../api/sessions'
import { KbdLegend } from '../common/kbd-legend'
import { holdTypingForDialog } from '../common/type-ahead'
import { notifyError } from '../common/notify'
import { PageHeader } from '../common/page-header'
import { Empty, ErrorState, LoadingCards } from '../common/query-state'
import { SessionStatusBadge } from '../common/status-badge'
import { TransitionModal } from '../sessions/session-lifecycle'
import { AgreementModal } from './agreement-modal'
import { CurrentItem } from './current-item'
import { Interventions } from './interventions'
import { ItemAgreements } from './item-agreements'
import { ItemList } from './item-list'
import { NotesEditor } from './notes-editor'
import { useItemTimer } from './use-item-timer'
import { useNotesAutosave } from './use-notes-autosave'

export function MinutesPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const detail = useSession(id)
  const breadcrumbs = (
    <Breadcrumbs separator="›">
      <Anchor component={Link} to="/sesiones" size="sm">
        {t('session.breadcrumb')}
      </Anchor>
      <Anchor component={Link} to={`/sesiones/${id}`} size="sm">
        {detail.data?.title ?? t('common.loading')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t('minutes.title')}
      </Text>
    </Breadcrumbs>
  )
  if (detail.isPending) {
    return (
      <>
        <PageHeader above={breadcrumbs} title={t('minutes.title')} />
        <LoadingCards />
      </>
    )
  }
  if (detail.isError) {
    const notFound = detail.error instanceof ApiError && detail.error.code === 'NO_ENCONTRADO'
    return (
      <>
        <PageHeader above={breadcrumbs} title={t('minutes.title')} />
        {notFound ? <Empty title={t('session.notFoundTitle')} description={detail.error.message} /> : <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />}
      </>
    )
  }
  return <MinutesView key={detail.data.session.id} detail={detail.data} breadcrumbs={breadcrumbs} />
}

const ARROWS_IN_LISTS = '[role="combobox"], [aria-haspopup="listbox"]'

function MinutesView({ detail, breadcrumbs }: { detail: SessionDetail; breadcrumbs: React.ReactNode }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { session, plan } = detail
  const sessionId = session.id
  const editable = detail.editable.minuta
  const members = useMembers().data
  const memberMap = useMemo(() => new Map<string, MemberRow>((members ?? []).map((member) => [member.id, member])), [members])
  const [params, setParams] = useSearchParams()
  const agenda = session.agenda
  // The current item is local state, so a key pressed right after Alt+↓ acts on the new item;
  // the address follows it (?punto=…) and a reload opens the same item.
  const [selected, setSelected] = useState<string | null>(() => params.get('punto'))
  const current: AgendaItem | undefined =
    agenda.find((item) => item.id === selected) ?? agenda.find((item) => item.status === 'pendiente') ?? agenda[0]
  // Pinned once chosen: marking the item handled must not jump to the next pending one.
  if (current && selected !== current.id) setSelected(current.id)
  const index = current ? agenda.indexOf(current) : -1
  const currentId = current?.id
  const inAddress = params.get('punto')
  useEffect(() => {
    if (currentId && inAddress !== currentId) setParams({ punto: currentId }, { replace: true })
  }, [currentId, inAddress, setParams])
  const autosave = useNotesAutosave(sessionId)
  // The projector follows the minutes while the core allows it (a session in course).
  const timer = useItemTimer(sessionId, current, editable, { follows: detail.can.projector, known: session.live ?? null })
  const projector = useOpenProjector()
  const project = () => {
    if (projector.isPending) return
    timer.announce()
    projector.mutate(sessionId, { onError: (error) => notifyError(error) })
  }
  const setStatus = useSessionOperation('setItemStatus')
  const [agreementOpen, setAgreementOpen] = useState(false)
  const [concluding, setConcluding] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const notesRef = useRef<HTMLTextAreaElement>(null)
  const pending = agenda.filter((item) => item.status === 'pendiente').length
  const handled = agenda.length - pending

  const select = (itemId: string | undefined) => {
    if (!itemId || itemId === current?.id) return
    if (current) void autosave.flush(current.id)
    setSelected(itemId)
    const next = agenda.find((item) => item.id === itemId)
    if (next) setAnnouncement(t('minutes.nowOn', { number: plan[next.id]?.number ?? '', title: next.title }))
  }
  const step = (delta: -1 | 1) => select(agenda[index + delta]?.id)
  const mark = (status: AgendaItem['status']) => {
    if (!current || !editable) return
    const item = current
    setStatus.mutate(
      { sessionId, itemId: item.id, status },
      {
        onSuccess: () => setAnnouncement(t('minutes.marked', { number: plan[item.id]?.number ?? '', status: t(`enums.agendaStatus.${status}`) })),
        onError: (error) => notifyError(error),
      },
    )
  }

  const blocked = agreementOpen || concluding
  // Shortcuts are the page's: not while another dialog (the search, a follow-up) is open over it.
  const overlaid = () => document.querySelector('[role="dialog"]') !== null
  const when = (run: () => void) => () => {
    if (!blocked && !overlaid()) run()
  }
  const arrows = (delta: -1 | 1) => (event: KeyboardEvent) => {
    if (blocked || (event.target instanceof Element && event.target.closest(ARROWS_IN_LISTS))) return
    step(delta)
  }
  const hotkeys: HotkeyItem[] = [
    ['alt+ArrowDown', arrows(1)],
    ['alt+ArrowUp', arrows(-1)],
    ['ctrl+PageDown', arrows(1)],
    ['ctrl+PageUp', arrows(-1)],
    [
      'alt+n',
      () => {
        if (!blocked) notesRef.current?.focus()
      },
      { usePhysicalKeys: true },
    ],
    ['alt+t', when(() => mark('tratado')), { usePhysicalKeys: true }],
    ['alt+r', when(() => timer.toggle()), { usePhysicalKeys: true }],
    ['alt+p', when(project), { usePhysicalKeys: true }],
    [
      'alt+a',
      when(() => {
        if (!editable || !current) return
        // «Se aprueba…» typed right after Alt+A goes into the agreement, not into the notes.
        holdTypingForDialog()
        setAgreementOpen(true)
      }),
      { usePhysicalKeys: true },
    ],
  ]
  useHotkeys(hotkeys, [])

  const itemAgreements = current ? detail.agreements.filter((agreement) => agreement.itemId === current.id) : []

  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title={t('minutes.title')}
        description={
          <Group gap="xs" component="span">
            <Text span fw={600} c="gray.8">
              {detail.title}
            </Text>
            <SessionStatusBadge value={session.status} />
            {session.quorum?.reached ? (
              <Badge color="green" variant="light">
                {t('minutes.quorumDeclared', { present: session.quorum.present, voting: session.quorum.votingMembers })}
              </Badge>
            ) : (
              <Badge color="orange" variant="light">
                {t('minutes.quorumPending')}
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            <Button component={Link} to={`/sesiones/${sessionId}`} variant="default" leftSection={<IconArrowLeft size={18} aria-hidden />}>
              {t('minutes.back')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconPresentation size={18} aria-hidden />}
              rightSection={<Kbd size="xs">Alt+P</Kbd>}
              aria-keyshortcuts="Alt+P"
              onClick={project}
            >
              {t('projector.open')}
            </Button>
            {detail.allowedTransitions.includes('concluida') ? (
              <Button color={pending === 0 ? 'green' : undefined} variant={pending === 0 ? 'filled' : 'light'} onClick={() => setConcluding(true)}>
                {t('lifecycle.concluida.button')}
              </Button>
            ) : null}
          </>
        }
      />
      {!editable ? (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />} mb="md">
          {t('minutes.notEditable', { status: t(`enums.sessionStatus.${session.status}`).toLowerCase() })}
        </Alert>
      ) : null}
      {agenda.length === 0 || !current ? (
        <Empty title={t('session.agenda.empty')} />
      ) : (
        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
            <ItemList detail={detail} currentId={current.id} onSelect={select} handled={handled} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
            <Grid gap="md">
              <Grid.Col span={12}>
                <CurrentItem
                  item={current}
                  plan={plan[current.id]}
                  editable={editable}
                  timer={timer}
                  onStatus={mark}
                  statusPending={setStatus.isPending}
                  canPrevious={index > 0}
                  canNext={index < agenda.length - 1}
                  onStep={step}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <NotesEditor item={current} autosave={autosave} editable={editable} textareaRef={notesRef} />
              </Grid.Col>
              <Grid.Col span={12} py={0}>
                <KbdLegend
                  shortcuts={[
                    { keys: ['Alt', '↑ ↓'], label: t('minutes.keys.items') },
                    { keys: ['Alt', 'N'], label: t('minutes.keys.notes') },
                    { keys: ['Alt', 'T'], label: t('minutes.keys.handled') },
                    { keys: ['Alt', 'R'], label: t('minutes.keys.timer') },
                    { keys: ['Alt', 'A'], label: t('minutes.keys.agreement') },
                    { keys: ['Alt', 'P'], label: t('projector.key') },
                    { keys: ['Ctrl', 'Intro'], label: t('minutes.keys.submit') },
                  ]}
                />
              </Grid.Col>
              {plan[current.id]?.followUp ? (
                <Grid.Col span={12}>
                  <PendingFollowUp detail={detail} framed editable={editable} withTitle={false} />
                </Grid.Col>
              ) : null}
              <Grid.Col span={12}>
                <ItemAgreements agreements={itemAgreements} members={memberMap} editable={editable} onNew={() => setAgreementOpen(true)} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Interventions sessionId={sessionId} item={current} roster={detail.roster} editable={editable} />
              </Grid.Col>
            </Grid>
          </Grid.Col>
        </Grid>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <AgreementModal opened={agreementOpen} onClose={() => setAgreementOpen(false)} detail={detail} item={current} members={members ?? []} />
      <TransitionModal
        detail={detail}
        target={concluding ? 'concluida' : null}
        onClose={() => setConcluding(false)}
        before={async () => {
          timer.stop()
          await autosave.flushAll()
        }}
        onDone={() => void navigate(`/sesiones/${sessionId}`)}
      />
    </>
  )
}
