/** The agenda in the minutes view: number, title, scheduled time and state of each item. */
import { Group, NavLink, Paper, Progress, ScrollArea, Stack, Text, VisuallyHidden } from '@mantine/core'
import { IconCircleCheckFilled, IconCircleDashed, IconCircleX, IconClockPause } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionDetail } from '../../../main/core/contract/views'
import type { AgendaItem } from '../../../main/core/model/schema'
import { agendaStatusColor } from '../common/status-colors'
import classes from './minutes.module.css'

const ICONS: Record<AgendaItem['status'], typeof IconCircleDashed> = {
  pendiente: IconCircleDashed,
  tratado: IconCircleCheckFilled,
  diferido: IconClockPause,
  retirado: IconCircleX,
}

interface Props {
  detail: SessionDetail
  currentId: string
  handled: number
  onSelect: (itemId: string) => void
}

export function ItemList({ detail, currentId, handled, onSelect }: Props) {
  const { t } = useTranslation()
  const agenda = detail.session.agenda
  return (
    <Paper withBorder p="xs" className={classes.sticky}>
      <Stack gap={6} px={6} pt={4} pb="xs">
        <Group justify="space-between">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="lista-puntos">
            {t('session.agenda.label')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('minutes.progress', { handled, total: agenda.length })}
          </Text>
        </Group>
        <Progress value={agenda.length ? (handled / agenda.length) * 100 : 0} size="sm" color="green" aria-hidden />
      </Stack>
      <ScrollArea.Autosize mah="calc(100dvh - 250px)" type="auto">
        <nav aria-labelledby="lista-puntos">
          {agenda.map((item) => {
            const Icon = ICONS[item.status]
            const entry = detail.plan[item.id]
            const active = item.id === currentId
            return (
              <NavLink
                key={item.id}
                component="button"
                type="button"
                active={active}
                aria-current={active ? 'step' : undefined}
                onClick={() => onSelect(item.id)}
                pl={item.parentId ? 34 : 10}
                className={classes.itemLink}
                leftSection={
                  <Text span fw={700} size="sm" className={classes.itemNumber}>
                    {entry?.number}
                  </Text>
                }
                label={
                  <Text size="sm" fw={active ? 650 : 500} lineClamp={2}>
                    {item.title}
                    <VisuallyHidden> ({t(`enums.agendaStatus.${item.status}`)})</VisuallyHidden>
                  </Text>
                }
                description={entry ? t('common.timeRange', { start: entry.start, end: entry.end }) : undefined}
                rightSection={<Icon size={18} color={`var(--mantine-color-${agendaStatusColor[item.status]}-6)`} aria-hidden />}
              />
            )
          })}
        </nav>
      </ScrollArea.Autosize>
    </Paper>
  )
}
