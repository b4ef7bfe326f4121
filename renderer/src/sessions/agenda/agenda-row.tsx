/**
 * One point of the agenda in the builder: its number and scheduled time from
 * the core's plan, what it is, who presents it, its documents; and, while the
 * agenda is editable, the drag handle, the move buttons and the keyboard.
 */
import { ActionIcon, Badge, Divider, Group, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import {
  IconArrowDown,
  IconArrowUp,
  IconClock,
  IconGripVertical,
  IconIndentDecrease,
  IconIndentIncrease,
  IconMessage,
  IconPencil,
  IconPlus,
  IconTrash,
  IconUser,
} from '@tabler/icons-react'
import type { KeyboardEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgendaItemPlan } from '../../../../main/core/contract/views'
import type { AgendaItem } from '../../../../main/core/model/schema'
import { ExpandableText } from '../../common/expandable-text'
import { AgendaStatusBadge, AgendaTypeBadge } from '../../common/status-badge'
import { ItemCommentsIndicator } from '../../packets/item-comments-indicator'
import { AttachButton, AttachmentList } from './attachments'
import classes from './agenda.module.css'

export type MoveDirection = 'up' | 'down' | 'in' | 'out'

export interface AgendaRowProps {
  sessionId: string
  item: AgendaItem
  plan: AgendaItemPlan | undefined
  editable: boolean
  /** Structure only: whether there is a sibling above or below to swap with. */
  canUp: boolean
  canDown: boolean
  busy: boolean
  onMove: (item: AgendaItem, direction: MoveDirection) => void
  onEdit: (item: AgendaItem) => void
  onAddSub: (item: AgendaItem) => void
  onRemove: (item: AgendaItem) => void
  /** Moves the keyboard focus to the previous (-1) or next (1) row. */
  onFocusStep: (item: AgendaItem, step: -1 | 1) => void
  rowRef: (element: HTMLElement | null) => void
}

const ALT_MOVES: Record<string, MoveDirection> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'in', ArrowLeft: 'out' }

export function AgendaRow(props: AgendaRowProps) {
  const { t } = useTranslation()
  const { sessionId, item, plan, editable, canUp, canDown, busy, onMove, onEdit, onAddSub, onRemove, onFocusStep, rowRef } = props
  const { setNodeRef, attributes, listeners, transform, transition, isDragging } = useSortable({ id: item.id, disabled: !editable, attributes: { roleDescription: t('agenda.dnd.roleDescription') } })
  const number = plan?.number ?? ''
  const sub = item.parentId !== null

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && ALT_MOVES[event.key]) {
      event.preventDefault()
      if (editable && !busy) onMove(item, ALT_MOVES[event.key] as MoveDirection)
      return
    }
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      onFocusStep(item, event.key === 'ArrowDown' ? 1 : -1)
    } else if (editable && (event.key === 'Enter' || event.key === 'F2')) {
      event.preventDefault()
      onEdit(item)
    } else if (editable && event.key === 'Delete') {
      event.preventDefault()
      onRemove(item)
    } else if (editable && !sub && event.key === '+') {
      event.preventDefault()
      onAddSub(item)
    }
  }

  const action = (label: string, icon: ReactNode, onClick: () => void, disabled = false, color = 'gray') => (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color={color} aria-label={label} onClick={onClick} disabled={disabled || busy}>
        {icon}
      </ActionIcon>
    </Tooltip>
  )

  return (
    <li
      ref={setNodeRef}
      className={classes.entry}
      data-sub={sub || undefined}
      data-dragging={isDragging || undefined}
      style={{ transform: CSS.Translate.toString(transform), transition: transition }}
    >
      <Paper
        withBorder
        p="sm"
        className={classes.row}
        role="group"
        tabIndex={0}
        ref={rowRef}
        onKeyDown={onKeyDown}
        aria-label={t('agenda.row.label', { number, title: item.title })}
        aria-keyshortcuts={editable ? 'Alt+ArrowUp Alt+ArrowDown Alt+ArrowRight Alt+ArrowLeft Enter Delete' : undefined}
        data-agenda-item={item.id}
      >
        <Group align="flex-start" wrap="nowrap" gap="sm">
          {editable ? (
            <ActionIcon
              variant="subtle"
              color="gray"
              className={classes.grip}
              aria-label={t('agenda.row.drag', { number })}
              {...attributes}
              {...listeners}
            >
              <IconGripVertical size={18} aria-hidden />
            </ActionIcon>
          ) : null}
          <Badge size="lg" radius="sm" variant={sub ? 'light' : 'filled'} className={classes.number} aria-hidden>
            {number}
          </Badge>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Text fw={600} className="break-anywhere">
                {item.title}
              </Text>
              <Group gap={6} wrap="nowrap">
                <ItemCommentsIndicator sessionId={sessionId} itemId={item.id} />
                <AgendaTypeBadge value={item.type} />
                <AgendaStatusBadge value={item.status} />
              </Group>
            </Group>
            <Group gap="lg">
              <Group gap={4} wrap="nowrap">
                <IconClock size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                <Text size="sm" c="dimmed" className={classes.time}>
                  {plan ? t('agenda.row.schedule', { start: plan.start, end: plan.end, minutes: item.minutes }) : t('common.minutes', { count: item.minutes })}
                </Text>
              </Group>
              <Group gap={4} wrap="nowrap">
                <IconUser size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                <Text size="sm" c="dimmed">
                  {item.presenter ? t('session.agenda.presenter', { name: item.presenter }) : t('session.agenda.noPresenter')}
                </Text>
              </Group>
            </Group>
            <AttachmentList sessionId={sessionId} itemId={item.id} attachments={item.attachments} editable={editable} />
            {item.notes.trim() ? (
              <div className={classes.notes}>
                <Text size="xs" fw={650} c="dimmed" tt="uppercase" mb={4}>
                  {t('session.agenda.development')}
                </Text>
                <ExpandableText text={item.notes} lines={4} />
              </div>
            ) : null}
            {item.interventions.length > 0 ? (
              <Stack gap={2}>
                <Text size="xs" fw={650} c="dimmed" tt="uppercase">
                  {t('session.agenda.interventions')}
                </Text>
                {item.interventions.map((intervention) => (
                  <Group key={intervention.id} gap={6} wrap="nowrap" align="flex-start">
                    <IconMessage size={14} aria-hidden color="var(--mantine-color-gray-6)" style={{ marginTop: 3, flexShrink: 0 }} />
                    <Text size="sm">
                      <Text span fw={600}>
                        {intervention.speaker}:
                      </Text>{' '}
                      {intervention.summary}
                    </Text>
                  </Group>
                ))}
              </Stack>
            ) : null}
          </Stack>
          {editable ? (
            <Group gap={2} wrap="nowrap">
              <Group gap={0} wrap="nowrap" className={classes.moves}>
                {action(t('agenda.row.up', { number }), <IconArrowUp size={16} aria-hidden />, () => onMove(item, 'up'), !canUp)}
                {action(t('agenda.row.down', { number }), <IconArrowDown size={16} aria-hidden />, () => onMove(item, 'down'), !canDown)}
                {sub
                  ? action(t('agenda.row.out', { number }), <IconIndentDecrease size={16} aria-hidden />, () => onMove(item, 'out'))
                  : action(t('agenda.row.in', { number }), <IconIndentIncrease size={16} aria-hidden />, () => onMove(item, 'in'))}
              </Group>
              <Divider orientation="vertical" mx={4} />
              {action(t('agenda.row.edit', { number }), <IconPencil size={18} aria-hidden />, () => onEdit(item))}
              {!sub ? action(t('agenda.row.addSub', { number }), <IconPlus size={18} aria-hidden />, () => onAddSub(item)) : null}
              <AttachButton sessionId={sessionId} item={item} />
              {action(t('agenda.row.remove', { number }), <IconTrash size={18} aria-hidden />, () => onRemove(item), false, 'red')}
            </Group>
          ) : null}
        </Group>
      </Paper>
    </li>
  )
}
