import { Badge, Group, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconClock, IconMessage, IconPaperclip, IconUser } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgendaItem } from '../../../main/core/model/schema'
import { formatBytes } from '../common/format'
import { ExpandableText } from '../common/expandable-text'
import { Empty } from '../common/query-state'
import { AgendaStatusBadge, AgendaTypeBadge } from '../common/status-badge'
import { numberAgenda } from './agenda-numbering'
import classes from './agenda-tab.module.css'

export function AgendaTab({ agenda }: { agenda: AgendaItem[] }) {
  const { t } = useTranslation()
  const numbered = useMemo(() => numberAgenda(agenda), [agenda])
  const totalMinutes = agenda.reduce((sum, item) => sum + item.minutes, 0)

  if (agenda.length === 0) return <Empty title={t('session.agenda.empty')} />

  return (
    <Stack gap="sm">
      <Group gap="md">
        <Text size="sm" c="dimmed">
          {t('session.agenda.items', { count: agenda.length })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('session.agenda.totalTime', { count: totalMinutes })}
        </Text>
      </Group>
      <ol className={classes.list} aria-label={t('session.agenda.label')}>
        {numbered.map(({ item, number, depth }) => (
          <li key={item.id} className={classes.entry} style={{ marginLeft: depth * 40 }}>
            <Paper withBorder p="md" className={depth > 0 ? classes.subItem : undefined}>
              <Group align="flex-start" wrap="nowrap" gap="md">
                <Badge
                  size="lg"
                  radius="sm"
                  variant={depth === 0 ? 'filled' : 'light'}
                  className={classes.number}
                >
                  {number}
                </Badge>
                <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                    <Text fw={600} className="break-anywhere">
                      {item.title}
                    </Text>
                    <Group gap={6} wrap="nowrap">
                      <AgendaTypeBadge value={item.type} />
                      <AgendaStatusBadge value={item.status} />
                    </Group>
                  </Group>
                  <Group gap="lg">
                    <Group gap={4} wrap="nowrap">
                      <IconUser size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                      <Text size="sm" c="dimmed">
                        {item.presenter
                          ? t('session.agenda.presenter', { name: item.presenter })
                          : t('session.agenda.noPresenter')}
                      </Text>
                    </Group>
                    <Group gap={4} wrap="nowrap">
                      <IconClock size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                      <Text size="sm" c="dimmed">
                        {t('common.minutes', { count: item.minutes })}
                      </Text>
                    </Group>
                  </Group>
                  {item.notes.trim() ? (
                    <div className={classes.notes}>
                      <Text size="xs" fw={650} c="dimmed" tt="uppercase" mb={4}>
                        {t('session.agenda.development')}
                      </Text>
                      <ExpandableText text={item.notes} lines={4} />
                    </div>
                  ) : null}
                  {item.attachments.length > 0 ? (
                    <div>
                      <Text size="xs" fw={650} c="dimmed" tt="uppercase" mb={4}>
                        {t('session.agenda.attachments')}
                      </Text>
                      <List
                        size="sm"
                        spacing={2}
                        icon={
                          <ThemeIcon size={18} variant="light" color="gray">
                            <IconPaperclip size={12} aria-hidden />
                          </ThemeIcon>
                        }
                      >
                        {item.attachments.map((file) => (
                          <List.Item key={file.id}>
                            {file.fileName}{' '}
                            <Text span size="xs" c="dimmed">
                              ({formatBytes(file.size)})
                            </Text>
                          </List.Item>
                        ))}
                      </List>
                    </div>
                  ) : null}
                  {item.interventions.length > 0 ? (
                    <div>
                      <Text size="xs" fw={650} c="dimmed" tt="uppercase" mb={4}>
                        {t('session.agenda.interventions')}
                      </Text>
                      <List
                        size="sm"
                        spacing={4}
                        icon={
                          <ThemeIcon size={18} variant="light" color="gray">
                            <IconMessage size={12} aria-hidden />
                          </ThemeIcon>
                        }
                      >
                        {item.interventions.map((intervention) => (
                          <List.Item key={intervention.id}>
                            <Text span size="sm" fw={600}>
                              {intervention.speaker}:
                            </Text>{' '}
                            <Text span size="sm">
                              {intervention.summary}
                            </Text>
                          </List.Item>
                        ))}
                      </List>
                    </div>
                  ) : null}
                </Stack>
              </Group>
            </Paper>
          </li>
        ))}
      </ol>
    </Stack>
  )
}
