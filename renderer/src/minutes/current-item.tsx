/** The item under discussion: what it is, when it was scheduled, its timer and its state. */
import { ActionIcon, Badge, Button, Divider, Group, Kbd, Paper, Progress, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core'
import {
  IconArrowBackUp,
  IconCheck,
  IconChevronDown,
  IconChevronUp,
  IconClockPause,
  IconPlayerPause,
  IconPlayerPlay,
  IconUser,
  IconX,
} from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgendaItemPlan } from '../../../main/core/contract/views'
import type { AgendaItem } from '../../../main/core/model/schema'
import { AgendaStatusBadge, AgendaTypeBadge } from '../common/status-badge'
import { agendaStatusColor } from '../common/status-colors'
import { formatElapsed } from './use-item-timer'
import classes from './minutes.module.css'

interface Props {
  item: AgendaItem
  plan: AgendaItemPlan | undefined
  editable: boolean
  timer: { running: boolean; elapsed: number; toggle: () => void }
  onStatus: (status: AgendaItem['status']) => void
  statusPending: boolean
  canPrevious: boolean
  canNext: boolean
  onStep: (delta: -1 | 1) => void
}

const STATUS_ACTIONS: { status: AgendaItem['status']; icon: ReactNode; shortcut?: string }[] = [
  { status: 'tratado', icon: <IconCheck size={16} aria-hidden />, shortcut: 'Alt+T' },
  { status: 'diferido', icon: <IconClockPause size={16} aria-hidden /> },
  { status: 'retirado', icon: <IconX size={16} aria-hidden /> },
  { status: 'pendiente', icon: <IconArrowBackUp size={16} aria-hidden /> },
]

export function CurrentItem({ item, plan, editable, timer, onStatus, statusPending, canPrevious, canNext, onStep }: Props) {
  const { t } = useTranslation()
  const estimate = item.minutes * 60
  const over = estimate > 0 && timer.elapsed > estimate
  const share = estimate > 0 ? Math.min(100, (timer.elapsed / estimate) * 100) : 0

  return (
    <Paper withBorder p="md" aria-labelledby="punto-actual">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Group wrap="nowrap" align="flex-start" gap="md" style={{ minWidth: 0 }}>
          <Badge size="xl" radius="sm" variant={item.parentId ? 'light' : 'filled'} style={{ minWidth: 52 }}>
            {plan?.number}
          </Badge>
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Title order={2} size="h3" id="punto-actual" className="break-anywhere">
              <VisuallyNumber number={plan?.number} />
              {item.title}
            </Title>
            <Group gap="md">
              <AgendaTypeBadge value={item.type} />
              <AgendaStatusBadge value={item.status} />
              <Group gap={4} wrap="nowrap">
                <IconUser size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                <Text size="sm" c="dimmed">
                  {item.presenter ? t('session.agenda.presenter', { name: item.presenter }) : t('session.agenda.noPresenter')}
                </Text>
              </Group>
              {plan ? (
                <Text size="sm" c="dimmed">
                  {t('minutes.scheduled', { start: plan.start, end: plan.end, minutes: item.minutes })}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('minutes.previous')}>
            <ActionIcon variant="default" size="lg" aria-label={t('minutes.previous')} disabled={!canPrevious} onClick={() => onStep(-1)} aria-keyshortcuts="Alt+ArrowUp">
              <IconChevronUp size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('minutes.next')}>
            <ActionIcon variant="default" size="lg" aria-label={t('minutes.next')} disabled={!canNext} onClick={() => onStep(1)} aria-keyshortcuts="Alt+ArrowDown">
              <IconChevronDown size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Divider my="sm" />
      <Group justify="space-between" align="center" gap="md">
        <Group gap="md" wrap="nowrap">
          <Text className={classes.timer} c={over ? 'red.7' : timer.running ? 'institucional.8' : 'gray.8'} aria-label={t('minutes.timer.elapsed', { time: formatElapsed(timer.elapsed) })} role="timer">
            {formatElapsed(timer.elapsed)}
          </Text>
          <Stack gap={4} w={130}>
            <Text size="xs" c={over ? 'red.7' : 'dimmed'}>
              {over ? t('minutes.timer.over', { count: item.minutes }) : t('minutes.timer.of', { count: item.minutes })}
            </Text>
            <Progress value={share} size="sm" color={over ? 'red' : 'institucional'} aria-hidden />
          </Stack>
          {editable ? (
            <Button
              variant={timer.running ? 'light' : 'filled'}
              color={timer.running ? 'orange' : undefined}
              leftSection={timer.running ? <IconPlayerPause size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />}
              onClick={timer.toggle}
              aria-keyshortcuts="Alt+R"
            >
              {timer.running ? t('minutes.timer.pause') : timer.elapsed > 0 ? t('minutes.timer.resume') : t('minutes.timer.start')}
            </Button>
          ) : null}
        </Group>
        {editable ? (
          <Group gap="xs" role="group" aria-label={t('minutes.statusGroup')}>
            {STATUS_ACTIONS.map(({ status, icon, shortcut }) => {
              const active = item.status === status
              if (status === 'pendiente' && active) return null
              return (
                <Button
                  key={status}
                  size="sm"
                  variant={active ? 'filled' : status === 'pendiente' ? 'subtle' : 'light'}
                  color={status === 'pendiente' ? 'gray' : agendaStatusColor[status]}
                  leftSection={icon}
                  rightSection={shortcut && !active ? <Kbd size="xs">{shortcut}</Kbd> : undefined}
                  aria-pressed={active}
                  aria-keyshortcuts={shortcut}
                  disabled={statusPending}
                  onClick={() => onStatus(status)}
                >
                  {t(`minutes.mark.${status}`)}
                </Button>
              )
            })}
          </Group>
        ) : null}
      </Group>
    </Paper>
  )
}

/** "Punto 3:" for screen readers, before the title the badge numbers visually. */
function VisuallyNumber({ number }: { number: string | undefined }) {
  const { t } = useTranslation()
  if (!number) return null
  return <VisuallyHidden>{t('minutes.itemNumber', { number })} </VisuallyHidden>
}
