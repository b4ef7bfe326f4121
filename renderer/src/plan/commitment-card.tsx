import { Accordion, Anchor, Badge, Button, Card, Group, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconFileDescription, IconFlag, IconPencil, IconPlus } from '@tabler/icons-react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CommitmentView, MilestoneView } from '../../../main/core/contract/views'
import { useRemoveMilestone } from '../api/plan-editor'
import { ConfirmModal } from '../common/confirm-modal'
import { formatShortDate } from '../common/dates'
import { notifyDone, notifyError } from '../common/notify'
import { LevelBadge, PillarBadge } from '../common/status-badge'
import { levelColor } from '../common/status-colors'
import { MilestoneModal } from './milestone-modal'
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

interface Props {
  commitment: CommitmentView
  onEdit: (commitment: CommitmentView) => void
  /** Opened from a link (?compromiso=…): scrolled into view with its milestones open. */
  focused?: boolean
}

export function CommitmentCard({ commitment, onEdit, focused = false }: Props) {
  const { t } = useTranslation()
  const overdue = commitment.milestones.filter((m) => m.overdue).length
  const color = levelColor[commitment.level]
  const [sections, setSections] = useState<string[]>(focused ? ['hitos'] : [])
  const [editing, setEditing] = useState<MilestoneView | 'nuevo' | null>(null)
  const [removing, setRemoving] = useState<MilestoneView | null>(null)
  const remove = useRemoveMilestone()
  const ref = useRef<HTMLElement>(null)

  // After the shell's own scroll to the top on a change of section.
  useEffect(() => {
    if (!focused) return
    const timer = window.setTimeout(() => ref.current?.scrollIntoView({ block: 'start' }), 60)
    return () => window.clearTimeout(timer)
  }, [focused])

  return (
    <Card component="article" aria-labelledby={`compromiso-${commitment.id}`} padding="lg" ref={ref} data-commitment={commitment.number} style={{ scrollMarginTop: 80 }}>
      <Group align="flex-start" justify="space-between" wrap="nowrap" gap="lg">
        <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <Badge variant="filled" radius="sm">
                {t('plan.commitmentNumber', { number: commitment.number })}
              </Badge>
              {commitment.pillars.map((pillar) => (
                <PillarBadge key={pillar} value={pillar} />
              ))}
            </Group>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPencil size={15} aria-hidden />}
              onClick={() => onEdit(commitment)}
              aria-label={t('plan.editCommitmentLabel', { number: commitment.number })}
            >
              {t('plan.editCommitment')}
            </Button>
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
          {commitment.agreementKeys.length > 0 ? (
            <Group gap="xs">
              <Text size="xs" c="dimmed" fw={650} tt="uppercase">
                {t('plan.linkedAgreements')}
              </Text>
              {commitment.agreementKeys.map((key) => (
                <Anchor key={key} component={Link} to={`/acuerdos?q=${encodeURIComponent(key)}`} size="sm" ff="monospace">
                  {key}
                </Anchor>
              ))}
            </Group>
          ) : null}
        </Stack>
        <Stack align="center" gap={6} miw={130}>
          <RingProgress
            size={112}
            thickness={11}
            roundCaps
            sections={[{ value: commitment.progress, color }]}
            role="img"
            aria-label={t('plan.progressLabel', { value: commitment.progress })}
            label={
              <Text ta="center" fw={700} size="lg" data-progress={commitment.progress} aria-hidden>
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

      <Accordion multiple variant="separated" mt="md" value={sections} onChange={setSections}>
        <Accordion.Item value="hitos">
          <Accordion.Control icon={<IconFlag size={16} aria-hidden />}>
            {t('plan.milestonesTitle', { count: commitment.milestones.length })}
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <MilestoneTable milestones={commitment.milestones} commitmentNumber={commitment.number} onEdit={setEditing} onRemove={setRemoving} />
              <Group>
                <Button
                  variant="light"
                  size="sm"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setEditing('nuevo')}
                  aria-label={t('plan.milestones.addTo', { number: commitment.number })}
                >
                  {t('plan.milestones.add')}
                </Button>
              </Group>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="ficha">
          <Accordion.Control icon={<IconFileDescription size={16} aria-hidden />}>{t('plan.details')}</Accordion.Control>
          <Accordion.Panel>
            <Stack gap="md">
              <Paragraph label={t('plan.problem')} text={commitment.problem} />
              <Paragraph label={t('plan.baseline')} text={commitment.baseline} />
              <Paragraph label={t('plan.objective')} text={commitment.objective} />
              <Paragraph label={t('plan.expectedResult')} text={commitment.expectedResult} />
              {!commitment.problem && !commitment.baseline && !commitment.objective && !commitment.expectedResult ? (
                <Text size="sm" c="dimmed">
                  {t('common.none')}
                </Text>
              ) : null}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>

      <MilestoneModal
        commitment={commitment}
        milestone={editing === 'nuevo' ? null : editing}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ConfirmModal
        opened={removing !== null}
        title={t('plan.milestones.removeTitle')}
        confirmLabel={t('plan.milestones.removeConfirm')}
        color="red"
        loading={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return
          const title = removing.title
          remove.mutate(
            { commitmentId: commitment.id, milestoneId: removing.id },
            {
              onSuccess: () => {
                setRemoving(null)
                notifyDone(t('plan.milestones.removed', { title }))
              },
              onError: (error) => notifyError(error),
            },
          )
        }}
      >
        <Text size="sm">{t('plan.milestones.removeText', { title: removing?.title ?? '', number: commitment.number })}</Text>
      </ConfirmModal>
    </Card>
  )
}
