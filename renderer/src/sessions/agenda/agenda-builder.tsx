/**
 * The orden del día builder. Numbers, scheduled times and the expected end
 * come from the core's plan; the screen only says what the secretary wants:
 * add, edit, remove, move (drag, buttons or Alt+arrows), sub-items, a
 * template or a copy of the previous session's agenda, attachments.
 */
import { Alert, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core'
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { IconClockHour4, IconCopy, IconLock, IconPlus, IconTemplate } from '@tabler/icons-react'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberRow, SessionDetail } from '../../../../main/core/contract/views'
import type { AgendaItem } from '../../../../main/core/model/schema'
import { useSessionOperation } from '../../api/sessions'
import { ConfirmModal } from '../../common/confirm-modal'
import { KbdLegend } from '../../common/kbd-legend'
import { notifyDone, notifyError } from '../../common/notify'
import { Empty } from '../../common/query-state'
import { AgendaItemModal, type AgendaItemModalState } from './agenda-item-modal'
import { orderAfterDrop } from './agenda-order'
import { AgendaRow, type MoveDirection } from './agenda-row'
import classes from './agenda.module.css'

export function AgendaBuilder({ detail, members }: { detail: SessionDetail; members: readonly MemberRow[] }) {
  const { t } = useTranslation()
  const { session, plan } = detail
  const sessionId = session.id
  const editable = detail.editable.orden
  const reorder = useSessionOperation('reorderAgenda')
  const move = useSessionOperation('moveAgendaItem')
  const remove = useSessionOperation('removeAgendaItem')
  const replace = useSessionOperation('replaceAgenda')
  const [pendingOrder, setPendingOrder] = useState<string[] | null>(null)
  const [modal, setModal] = useState<AgendaItemModalState | null>(null)
  const [removing, setRemoving] = useState<AgendaItem | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const rowRefs = useRef(new Map<string, HTMLElement>())
  /** The row to focus once a dialog has closed (a new or edited item, the neighbour of a removed one). */
  const focusAfterDialog = useRef<string | null>(null)

  const items = useMemo(() => {
    if (!pendingOrder) return session.agenda
    const byId = new Map(session.agenda.map((item) => [item.id, item]))
    return pendingOrder.flatMap((id) => byId.get(id) ?? [])
  }, [pendingOrder, session.agenda])
  const ids = useMemo(() => items.map((item) => item.id), [items])
  const numberOf = (id: UniqueIdentifier) => plan[String(id)]?.number ?? ''
  const totalMinutes = session.agenda.reduce((sum, item) => sum + item.minutes, 0)
  const presenters = useMemo(
    () =>
      [...new Set(['Secretaría Técnica', 'Coordinación', ...session.agenda.map((item) => item.presenter), ...members.filter((m) => m.active).map((m) => m.fullName)])]
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b, 'es-MX')),
    [members, session.agenda],
  )

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('agenda.dnd.start', { number: numberOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('agenda.dnd.over', { number: numberOf(active.id), target: numberOf(over.id) }) : t('agenda.dnd.outside', { number: numberOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over ? t('agenda.dnd.end', { number: numberOf(active.id), target: numberOf(over.id) }) : t('agenda.dnd.cancel', { number: numberOf(active.id) }),
    onDragCancel: ({ active }) => t('agenda.dnd.cancel', { number: numberOf(active.id) }),
  }

  const focusRow = (id: string | null) => {
    if (!id) return
    requestAnimationFrame(() => rowRefs.current.get(id)?.focus())
  }

  const dialogClosed = () => {
    focusRow(focusAfterDialog.current)
    focusAfterDialog.current = null
  }

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return
    const order = orderAfterDrop(items, String(active.id), String(over.id))
    if (!order) return
    setPendingOrder(order)
    reorder.mutate(
      { sessionId, order },
      {
        onSuccess: (next) => {
          const item = next.session.agenda.find((candidate) => candidate.id === active.id)
          if (item) setAnnouncement(t('agenda.moved', { title: item.title, number: next.plan[item.id]?.number ?? '' }))
        },
        onError: (error) => notifyError(error),
        onSettled: () => setPendingOrder(null),
      },
    )
  }

  const onMove = (item: AgendaItem, direction: MoveDirection) => {
    move.mutate(
      { sessionId, itemId: item.id, direction },
      {
        onSuccess: (next) => {
          setAnnouncement(t('agenda.moved', { title: item.title, number: next.plan[item.id]?.number ?? '' }))
          focusRow(item.id)
        },
        onError: (error) => {
          notifyError(error)
          focusRow(item.id)
        },
      },
    )
  }

  const onFocusStep = (item: AgendaItem, step: -1 | 1) => {
    const index = ids.indexOf(item.id)
    focusRow(ids[index + step] ?? null)
  }

  const confirmRemove = async () => {
    if (!removing) return
    const index = ids.indexOf(removing.id)
    try {
      const next = await remove.mutateAsync({ sessionId, itemId: removing.id })
      notifyDone(t('agenda.notify.removed', { title: removing.title }))
      setRemoving(null)
      const left = next.session.agenda
      focusAfterDialog.current = left[Math.min(index, left.length - 1)]?.id ?? null
    } catch (error) {
      setRemoving(null)
      notifyError(error)
    }
  }

  const applySource = async (source: 'estandar' | 'anterior') => {
    try {
      await replace.mutateAsync({ sessionId, source })
      notifyDone(source === 'estandar' ? t('agenda.notify.template') : t('agenda.notify.copied', { title: detail.previous?.title ?? '' }))
    } catch (error) {
      notifyError(error)
    }
  }

  const addButton = (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setModal({ mode: 'add', parent: null })}>
      {t('agenda.add')}
    </Button>
  )

  const modals = (
    <>
      <AgendaItemModal
        sessionId={sessionId}
        state={modal}
        presenters={presenters}
        knownIds={ids}
        onClose={() => setModal(null)}
        onSaved={(id) => {
          focusAfterDialog.current = id
        }}
        onExited={dialogClosed}
      />
      <ConfirmModal
        opened={removing !== null}
        title={t('agenda.removeTitle')}
        confirmLabel={t('agenda.removeConfirm')}
        color="red"
        loading={remove.isPending}
        onConfirm={() => void confirmRemove()}
        onClose={() => setRemoving(null)}
        onExited={dialogClosed}
      >
        <Text size="sm">
          {removing
            ? t('agenda.removeText', {
                number: plan[removing.id]?.number ?? '',
                title: removing.title,
                count: session.agenda.filter((item) => item.parentId === removing.id).length,
              })
            : null}
        </Text>
      </ConfirmModal>
    </>
  )

  if (session.agenda.length === 0) {
    return (
      <>
        <Empty
          title={t('session.agenda.empty')}
          description={editable ? t('agenda.emptyHint') : undefined}
          action={
            editable ? (
              <Group justify="center">
                <Button leftSection={<IconTemplate size={18} aria-hidden />} onClick={() => void applySource('estandar')} loading={replace.isPending && replace.variables.source === 'estandar'}>
                  {t('agenda.useTemplate')}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconCopy size={18} aria-hidden />}
                  onClick={() => void applySource('anterior')}
                  disabled={!detail.previous}
                  loading={replace.isPending && replace.variables.source === 'anterior'}
                  title={detail.previous ? t('agenda.copyFrom', { title: detail.previous.title }) : t('agenda.noPrevious')}
                >
                  {t('agenda.copyPrevious')}
                </Button>
                <Button variant="subtle" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setModal({ mode: 'add', parent: null })}>
                  {t('agenda.add')}
                </Button>
              </Group>
            ) : null
          }
        />
        {modals}
      </>
    )
  }

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" px="md">
        <Group justify="space-between" gap="sm">
          <Group gap="lg">
            <Text size="sm" fw={600}>
              {t('session.agenda.items', { count: session.agenda.length })}
            </Text>
            <Group gap={6} wrap="nowrap">
              <IconClockHour4 size={16} aria-hidden color="var(--mantine-color-gray-6)" />
              <Text size="sm" c="dimmed">
                {t('agenda.scheduleSummary', { start: session.startTime, end: detail.expectedEnd, count: totalMinutes })}
              </Text>
            </Group>
          </Group>
          {editable ? addButton : null}
        </Group>
        {editable ? (
          <Group mt="xs">
            <KbdLegend
              shortcuts={[
                { keys: ['↑ ↓'], label: t('agenda.keys.focus') },
                { keys: ['Alt', '↑ ↓'], label: t('agenda.keys.move') },
                { keys: ['Alt', '→ ←'], label: t('agenda.keys.indent') },
                { keys: ['Intro'], label: t('agenda.keys.edit') },
                { keys: ['+'], label: t('agenda.keys.addSub') },
                { keys: ['Supr'], label: t('agenda.keys.remove') },
              ]}
            />
          </Group>
        ) : null}
      </Paper>
      {!editable ? (
        <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />} py="xs">
          {t('agenda.readOnly', { status: t(`enums.sessionStatus.${session.status}`).toLowerCase() })}
        </Alert>
      ) : null}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('agenda.dnd.instructions') } }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className={classes.list} aria-label={t('session.agenda.label')}>
            {items.map((item) => {
              const siblings = items.filter((candidate) => candidate.parentId === item.parentId)
              const at = siblings.indexOf(item)
              return (
                <AgendaRow
                  key={item.id}
                  sessionId={sessionId}
                  item={item}
                  plan={plan[item.id]}
                  editable={editable}
                  canUp={at > 0}
                  canDown={at < siblings.length - 1}
                  busy={move.isPending || reorder.isPending}
                  onMove={onMove}
                  onEdit={(target) => setModal({ mode: 'edit', item: target, number: plan[target.id]?.number ?? '' })}
                  onAddSub={(parent) =>
                    setModal({ mode: 'add', parent: { id: parent.id, number: plan[parent.id]?.number ?? '', title: parent.title } })
                  }
                  onRemove={setRemoving}
                  onFocusStep={onFocusStep}
                  rowRef={(element) => {
                    if (element) rowRefs.current.set(item.id, element)
                    else rowRefs.current.delete(item.id)
                  }}
                />
              )
            })}
          </ol>
        </SortableContext>
      </DndContext>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {modals}
    </Stack>
  )
}
