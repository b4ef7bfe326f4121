import { Accordion, Anchor, Badge, Card, Group, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconFileDescription, IconFlag } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CommitmentView } from '../../../main/core/contract/views'
import { formatShortDate } from '../common/dates'
import { LevelBadge, PillarBadge } from '../common/status-badge'
import { levelColor } from '../common/status-colors'
import { MilestoneTable } from './milestone-table'

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={650} tt="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  )
}

function Paragraph({ label, text }: { label: string; text: string }) {
  if (!text.trim()) return null
  return (
    <Field label={label}>
      <Text size="sm" className="pre-wrap">
        {text}
      </Text>
    </Field>
  )
}

export function CommitmentCard({ commitment }: { commitment: CommitmentView }) {
  const { t } = useTranslation()
  const overdue = commitment.milestones.filter((m) => m.overdue).length
  const color = levelColor[commitment.level]

  return (
    <Card component="article" aria-labelledby={`compromiso-${commitment.id}`} padding="lg">
      <Group align="flex-start" justify="space-between" wrap="nowrap" gap="lg">
        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <Badge variant="filled" radius="sm">
              {t('plan.commitmentNumber', { number: commitment.number })}
            </Badge>
            {commitment.pillars.map((pillar) => (
              <PillarBadge key={pillar} value={pillar} />
            ))}
          </Group>
          <Title order={3} id={`compromiso-${commitment.id}`}>
            {commitment.title}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Field label={t('plan.lead')}>
              <Text size="sm">{commitment.leadInstitution}</Text>
            </Field>
            <Field label={t('plan.coLead')}>
              <Text size="sm" c={commitment.coLeadInstitution ? undefined : 'dimmed'}>
                {commitment.coLeadInstitution || t('plan.noCoLead')}
              </Text>
            </Field>
            <Field label={t('plan.dates')}>
              <Text size="sm">
                {t('plan.dateRange', {
                  start: formatShortDate(commitment.startDate),
                  end: formatShortDate(commitment.endDate),
                })}
              </Text>
            </Field>
          </SimpleGrid>
        </Stack>
        <Stack align="center" gap={6} miw={130}>
          <RingProgress
            size={112}
            thickness={11}
            roundCaps
            sections={[{ value: commitment.progress, color }]}
            aria-label={t('plan.progressLabel', { value: commitment.progress })}
            label={
              <Text ta="center" fw={700} size="lg">
                {commitment.progress} %
              </Text>
            }
          />
          <LevelBadge value={commitment.level} size="lg" />
          {overdue > 0 ? (
            <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              {t('plan.overdueMilestones', { count: overdue })}
            </Badge>
          ) : null}
        </Stack>
      </Group>

      <Accordion multiple variant="separated" mt="md">
        <Accordion.Item value="hitos">
          <Accordion.Control icon={<IconFlag size={16} aria-hidden />}>
            {t('plan.milestonesTitle', { count: commitment.milestones.length })}
          </Accordion.Control>
          <Accordion.Panel>
            <MilestoneTable milestones={commitment.milestones} commitmentNumber={commitment.number} />
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="ficha">
          <Accordion.Control icon={<IconFileDescription size={16} aria-hidden />}>
            {t('plan.details')}
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="md">
              <Paragraph label={t('plan.problem')} text={commitment.problem} />
              <Paragraph label={t('plan.baseline')} text={commitment.baseline} />
              <Paragraph label={t('plan.objective')} text={commitment.objective} />
              <Paragraph label={t('plan.expectedResult')} text={commitment.expectedResult} />
              {commitment.agreementKeys.length > 0 ? (
                <Field label={t('plan.relatedAgreements')}>
                  <Group gap="xs">
                    {commitment.agreementKeys.map((key) => (
                      <Anchor
                        key={key}
                        component={Link}
                        to={`/acuerdos?q=${encodeURIComponent(key)}`}
                        size="sm"
                        ff="monospace"
                      >
                        {key}
                      </Anchor>
                    ))}
                  </Group>
                </Field>
              ) : null}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Card>
  )
}
