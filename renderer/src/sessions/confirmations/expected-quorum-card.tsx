/**
 * The quorum the confirmations foresee, as the core computes it
 * (ConfirmationsView.expected): the seats with vote expected in the room
 * against those the rule requires, and how the titulares answered.
 */
import { Badge, Group, Paper, Progress, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconCalendarCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ConfirmationsView } from '../../../../main/core/contract/views'
import { answerColor } from './answer-colors'
import classes from './confirmations.module.css'

export function ExpectedQuorumCard({ expected }: { expected: ConfirmationsView['expected'] }) {
  const { t } = useTranslation()
  const { confirmed, declined, unanswered, votingMembers, required, reached } = expected
  const total = confirmed + declined + unanswered
  const color = reached ? 'green' : 'orange'
  const share = (value: number, of: number) => (of > 0 ? Math.min(100, (value / of) * 100) : 0)
  const tallies = [
    { answer: 'confirmo', label: t('confirmations.summary.confirmed'), value: confirmed },
    { answer: 'declino', label: t('confirmations.summary.declined'), value: declined },
    { answer: 'sin-respuesta', label: t('confirmations.summary.unanswered'), value: unanswered },
  ] as const

  return (
    <Paper withBorder p="md" shadow="xs" className={classes.summary} style={{ borderLeftColor: `var(--mantine-color-${color}-6)` }} data-testid="expected-quorum">
      <Group justify="space-between" align="center" gap="lg" wrap="wrap">
        <Group wrap="nowrap" gap="md" className={classes.summaryMain}>
          <RingProgress
            size={104}
            thickness={10}
            roundCaps
            aria-hidden
            sections={[{ value: share(expected.expected, votingMembers), color }]}
            label={
              <Stack gap={0} align="center">
                <Text fw={700} size="xl" lh={1}>
                  {expected.expected}
                </Text>
                <Text size="xs" c="dimmed" lh={1.3}>
                  {t('confirmations.summary.ringOf', { voting: votingMembers })}
                </Text>
              </Stack>
            }
          />
          <Stack gap={4}>
            <Group gap="xs">
              <IconCalendarCheck size={20} aria-hidden color="var(--mantine-color-institucional-8)" />
              <Title order={2} size="h3">
                {t('confirmations.summary.title')}
              </Title>
              <Badge color={color} variant="filled">
                {reached ? t('confirmations.summary.reached') : t('confirmations.summary.notReached')}
              </Badge>
            </Group>
            <Text fw={500} role="status" aria-live="polite" data-testid="expected-quorum-line">
              {t('confirmations.summary.line', {
                expected: expected.expected,
                voting: votingMembers,
                required,
                verdict: reached ? t('confirmations.summary.verdictReached') : t('confirmations.summary.verdictNotReached'),
              })}
            </Text>
            <Text size="xs" c="dimmed" maw={460}>
              {t('confirmations.summary.hint')}
            </Text>
          </Stack>
        </Group>
        <Stack gap="xs" className={classes.tallies}>
          <SimpleGrid cols={3} spacing="xs">
            {tallies.map(({ answer, label, value }) => (
              <Paper key={answer} withBorder p="xs" className={classes.tally} style={{ borderLeftColor: `var(--mantine-color-${answerColor[answer]}-6)` }} data-testid={`tally-${answer}`}>
                <Text size="xs" c="dimmed" fw={600}>
                  {label}
                </Text>
                <Text size="xl" fw={700} lh={1.2}>
                  {value}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          {/* The numbers above say it in words; the bar is their picture. */}
          <Progress.Root size="md" aria-hidden>
            {tallies.map(({ answer, value }) => (
              <Progress.Section key={answer} value={share(value, total)} color={answer === 'sin-respuesta' ? 'gray.3' : `${answerColor[answer]}.6`} />
            ))}
          </Progress.Root>
          <Text size="xs" c="dimmed">
            {t('confirmations.summary.answeredOf', { answered: confirmed + declined, total })}
          </Text>
        </Stack>
      </Group>
    </Paper>
  )
}
