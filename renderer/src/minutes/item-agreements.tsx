/** The agreements adopted on the current item, and the button that records another (Alt+A). */
import { Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core'
import { IconCalendarDue, IconGavel } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MemberRow } from '../../../main/core/contract/views'
import type { Agreement } from '../../../main/core/model/schema'
import { formatShortDate } from '../common/dates'
import { Responsibles } from '../common/responsibles'
import { VoteSummary } from '../common/vote-summary'

interface Props {
  agreements: Agreement[]
  members: Map<string, MemberRow>
  editable: boolean
  onNew: () => void
}

export function ItemAgreements({ agreements, members, editable, onNew }: Props) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" h="100%">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4">
            {t('minutes.agreements.title')}
          </Title>
          {editable ? (
            <Button size="sm" leftSection={<IconGavel size={16} aria-hidden />} onClick={onNew} aria-keyshortcuts="Alt+A" rightSection={<Kbd size="xs">Alt+A</Kbd>}>
              {t('minutes.agreements.new')}
            </Button>
          ) : null}
        </Group>
        {agreements.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('minutes.agreements.empty')}
          </Text>
        ) : (
          agreements.map((agreement) => (
            <Paper key={agreement.id} withBorder p="sm" bg="gray.0" data-agreement={agreement.key}>
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Badge variant="filled" color="institucional" ff="monospace" size="md">
                    {agreement.key}
                  </Badge>
                  {agreement.dueDate ? (
                    <Group gap={4} wrap="nowrap">
                      <IconCalendarDue size={14} aria-hidden color="var(--mantine-color-gray-6)" />
                      <Text size="xs" c="dimmed">
                        {t('minutes.agreements.due', { date: formatShortDate(agreement.dueDate) })}
                      </Text>
                    </Group>
                  ) : null}
                </Group>
                <Text size="sm" className="pre-wrap break-anywhere">
                  {agreement.text}
                </Text>
                <Group justify="space-between" align="flex-start" gap="sm">
                  <VoteSummary vote={agreement.vote} />
                  <Responsibles
                    names={agreement.responsibleMemberIds.flatMap((id) => members.get(id)?.fullName ?? [])}
                    institutions={agreement.responsibleInstitutions}
                  />
                </Group>
              </Stack>
            </Paper>
          ))
        )}
      </Stack>
    </Paper>
  )
}
