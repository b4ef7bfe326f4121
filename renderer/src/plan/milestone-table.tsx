import { ActionIcon, Anchor, Badge, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconClockHour4, IconPencil, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MilestoneView } from '../../../main/core/contract/views'
import { openExternal } from '../api/external'
import { formatShortDate } from '../common/dates'
import { MilestoneStatusBadge } from '../common/status-badge'
import { milestoneStatusColor } from '../common/status-colors'

function Evidence({ text }: { text: string }) {
  const { t } = useTranslation()
  if (/^https?:\/\/\S+$/i.test(text)) {
    return (
      <Anchor
        href={text}
        size="xs"
        className="break-anywhere"
        onClick={(event) => {
          event.preventDefault()
          void openExternal(text)
        }}
      >
        {t('plan.milestones.evidenceLabel', { text })}
      </Anchor>
    )
  }
  return (
    <Text size="xs" c="gray.7" className="break-anywhere" lineClamp={2}>
      {t('plan.milestones.evidenceLabel', { text })}
    </Text>
  )
}

interface Props {
  milestones: MilestoneView[]
  commitmentNumber: number
  onEdit?: (milestone: MilestoneView) => void
  onRemove?: (milestone: MilestoneView) => void
}

/** A commitment's milestones: a handful of rows, so a plain table; overdue and soon-due ones (the core's flags) marked in words, not only in color. */
export function MilestoneTable({ milestones, commitmentNumber, onEdit, onRemove }: Props) {
  const { t } = useTranslation()
  const actions = Boolean(onEdit || onRemove)
  if (milestones.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('plan.milestones.empty')}
      </Text>
    )
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label={t('plan.milestones.tableLabel', { number: commitmentNumber })} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.milestones.title')}</Table.Th>
            <Table.Th ta="center" w={64}>
              {t('plan.milestones.weight')}
            </Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('plan.milestones.due')}</Table.Th>
            <Table.Th>{t('plan.milestones.status')}</Table.Th>
            <Table.Th w={170}>{t('plan.milestones.progress')}</Table.Th>
            {actions ? (
              <Table.Th w={84} ta="right">
                {t('plan.milestones.actions')}
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {milestones.map((milestone) => {
            return (
              <Table.Tr key={milestone.id} data-milestone={milestone.id} bg={milestone.overdue ? 'red.0' : undefined}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" fw={500}>
                      {milestone.title}
                    </Text>
                    {milestone.deliverable ? (
                      <Text size="xs" c="dimmed">
                        {t('plan.milestones.deliverable', { text: milestone.deliverable })}
                      </Text>
                    ) : null}
                    {milestone.evidence ? <Evidence text={milestone.evidence} /> : null}
                  </Stack>
                </Table.Td>
                <Table.Td ta="center">
                  <Text size="sm">{milestone.weight}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm" c={milestone.overdue ? 'red.8' : undefined} fw={milestone.overdue ? 650 : undefined}>
                      {formatShortDate(milestone.dueDate)}
                    </Text>
                    {milestone.overdue ? (
                      <Badge color="red" variant="filled" size="sm" leftSection={<IconAlertTriangle size={11} aria-hidden />}>
                        {t('plan.milestones.overdue')}
                      </Badge>
                    ) : milestone.dueSoon ? (
                      <Badge color="orange" variant="light" size="sm" leftSection={<IconClockHour4 size={11} aria-hidden />}>
                        {t('plan.milestones.dueSoon')}
                      </Badge>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <MilestoneStatusBadge value={milestone.status} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Progress
                      value={milestone.progress}
                      color={milestoneStatusColor[milestone.status]}
                      size="md"
                      radius="xl"
                      style={{ flex: 1 }}
                      aria-label={t('plan.milestones.progressOf', { title: milestone.title, value: milestone.progress })}
                    />
                    <Text size="xs" fw={650} w={44} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {milestone.progress} %
                    </Text>
                  </Group>
                </Table.Td>
                {actions ? (
                  <Table.Td>
                    <Group gap={2} justify="flex-end" wrap="nowrap">
                      {onEdit ? (
                        <Tooltip label={t('plan.milestones.edit', { title: milestone.title })}>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('plan.milestones.edit', { title: milestone.title })} onClick={() => onEdit(milestone)}>
                            <IconPencil size={17} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                      {onRemove ? (
                        <Tooltip label={t('plan.milestones.remove', { title: milestone.title })}>
                          <ActionIcon variant="subtle" color="red" aria-label={t('plan.milestones.remove', { title: milestone.title })} onClick={() => onRemove(milestone)}>
                            <IconTrash size={17} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Group>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
