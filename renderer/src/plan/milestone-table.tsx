import { Badge, Group, Progress, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { MilestoneView } from '../../../main/core/contract/views'
import { formatShortDate } from '../common/dates'
import { MilestoneStatusBadge } from '../common/status-badge'
import { milestoneStatusColor } from '../common/status-colors'

/** A commitment's milestones: a handful of rows, so a plain table. */
export function MilestoneTable({ milestones, commitmentNumber }: { milestones: MilestoneView[]; commitmentNumber: number }) {
  const { t } = useTranslation()
  if (milestones.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('plan.milestones.empty')}
      </Text>
    )
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table
        verticalSpacing="sm"
        aria-label={t('plan.milestones.tableLabel', { number: commitmentNumber })}
        highlightOnHover
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plan.milestones.title')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('plan.milestones.due')}</Table.Th>
            <Table.Th>{t('plan.milestones.status')}</Table.Th>
            <Table.Th w={180}>{t('plan.milestones.progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {milestones.map((milestone) => (
            <Table.Tr key={milestone.id}>
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
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" c={milestone.overdue ? 'red.8' : undefined} fw={milestone.overdue ? 600 : undefined}>
                    {formatShortDate(milestone.dueDate)}
                  </Text>
                  {milestone.overdue ? (
                    <Badge color="red" variant="filled" size="sm">
                      {t('plan.milestones.overdue')}
                    </Badge>
                  ) : null}
                </Group>
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
                    aria-label={t('plan.milestones.progress')}
                  />
                  <Text size="xs" fw={600} w={44} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {milestone.progress} %
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
