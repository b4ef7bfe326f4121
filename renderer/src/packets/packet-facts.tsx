/**
 * The facts of the packet's session at a glance (key, date, time, place or
 * link) and who prepared the packet and when, with its fingerprint.
 */
import { Alert, Anchor, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core'
import { IconExternalLink, IconShieldCheck } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PacketView } from '../../../main/core/contract/views'
import { openExternal } from '../api/external'
import { formatDateTime, formatLongDate } from '../common/dates'
import { Modality } from '../common/modality'
import { SessionStatusBadge } from '../common/status-badge'

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={650} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  )
}

export function PacketFacts({ view }: { view: PacketView }) {
  const { t } = useTranslation()
  const { session } = view
  const online = session.modality !== 'presencial' && session.link.trim() !== ''
  return (
    <Stack gap="md" mb="lg">
      <Alert color="institucional" variant="light" icon={<IconShieldCheck size={20} aria-hidden />} title={t('memberReview.verified.title')}>
        <Text size="sm">
          {t('memberReview.verified.text', { name: view.exportedBy || view.bodyName, date: formatDateTime(view.exportedAt) })}{' '}
          <Tooltip label={t('memberReview.verified.fingerprint', { sha: view.manifestSha256 })} maw={560} multiline>
            <Text span size="xs" ff="monospace" tabIndex={0} aria-label={t('memberReview.verified.fingerprint', { sha: view.manifestSha256 })}>
              {view.packetId}
            </Text>
          </Tooltip>
        </Text>
      </Alert>
      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" verticalSpacing="md">
          <Fact label={t('memberReview.facts.key')}>
            <Text fw={600} ff="monospace">
              {session.key}
            </Text>
          </Fact>
          <Fact label={t('memberReview.facts.date')}>
            <Text fw={500}>{formatLongDate(session.date)}</Text>
          </Fact>
          <Fact label={t('memberReview.facts.time')}>
            <Text>{t('memberReview.facts.timeValue', { start: session.startTime, end: session.expectedEnd })}</Text>
            <Text size="xs" c="dimmed">
              {t('memberReview.facts.timeHint')}
            </Text>
          </Fact>
          <Fact label={t('memberReview.facts.modality')}>
            <Modality value={session.modality} size="md" />
          </Fact>
          {session.modality !== 'virtual' ? (
            <Fact label={t('memberReview.facts.venue')}>
              <Text className="break-anywhere">{session.venue.trim() || t('memberReview.facts.noVenue')}</Text>
            </Fact>
          ) : null}
          {online ? (
            <Fact label={t('memberReview.facts.link')}>
              <Anchor
                component="button"
                type="button"
                onClick={() => void openExternal(session.link)}
                title={t('memberReview.facts.openLink')}
                className="break-anywhere"
                ta="left"
              >
                {session.link} <IconExternalLink size={14} aria-hidden style={{ verticalAlign: 'middle' }} />
              </Anchor>
            </Fact>
          ) : null}
          <Fact label={t('memberReview.facts.type')}>
            <Text>{t('memberReview.facts.typeValue', { type: t(`enums.sessionType.${session.type}`).toLocaleLowerCase('es-MX') })}</Text>
          </Fact>
          <Fact label={t('memberReview.facts.status')}>
            <SessionStatusBadge value={session.status} size="lg" />
          </Fact>
        </SimpleGrid>
      </Paper>
    </Stack>
  )
}
