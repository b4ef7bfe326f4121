import { Alert, Anchor, Paper, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core'
import { IconExternalLink, IconBan } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberRow } from '../../../main/core/contract/views'
import type { Session } from '../../../main/core/model/schema'
import { openExternal } from '../api/external'
import { formatLongDate } from '../common/dates'
import { Modality } from '../common/modality'
import { ActStatusBadge } from '../common/status-badge'
import { timeRange } from './session-columns'

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

/** The facts of a session at a glance: key, when, where, who chairs and the acta. */
export function SessionFacts({ session, sessionKey, members }: { session: Session; sessionKey: string; members: Map<string, MemberRow> }) {
  const { t } = useTranslation()
  const person = (id: string | null) => (id ? members.get(id)?.fullName : undefined) ?? t('session.notAssigned')
  const online = session.modality !== 'presencial' && session.link.trim() !== ''
  const place = session.modality !== 'virtual' ? session.venue.trim() : ''

  return (
    <Stack gap="md" mb="lg">
      {session.status === 'cancelada' ? (
        <Alert color="red" variant="light" icon={<IconBan size={20} aria-hidden />} title={t('session.canceled')}>
          {session.cancelReason.trim() || t('session.cancelReasonMissing')}
        </Alert>
      ) : null}
      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" verticalSpacing="md">
          <Fact label={t('session.key')}>
            <Text fw={600} ff="monospace">
              {sessionKey}
            </Text>
          </Fact>
          <Fact label={t('session.date')}>
            <Text fw={500}>{formatLongDate(session.date)}</Text>
          </Fact>
          <Fact label={t('session.time')}>
            <Text>{timeRange(t, session.startTime, session.endTime)}</Text>
          </Fact>
          <Fact label={t('session.modality')}>
            <Modality value={session.modality} size="md" />
          </Fact>
          {session.modality !== 'virtual' ? (
            <Fact label={t('session.venue')}>
              <Text className="break-anywhere">{place || t('session.noVenue')}</Text>
            </Fact>
          ) : null}
          {online ? (
            <Fact label={t('session.link')}>
              <Anchor component="button" type="button" onClick={() => void openExternal(session.link)} className="break-anywhere" ta="left">
                {/* The name starts with the address shown, then says what the button does. */}
                {session.link} <VisuallyHidden>({t('session.openLink')})</VisuallyHidden>
                <IconExternalLink size={14} aria-hidden style={{ verticalAlign: 'middle' }} />
              </Anchor>
            </Fact>
          ) : null}
          <Fact label={t('session.chair')}>
            <Text>{person(session.chairId)}</Text>
          </Fact>
          <Fact label={t('session.secretary')}>
            <Text>{person(session.secretaryId)}</Text>
          </Fact>
          <Fact label={t('session.act')}>
            <ActStatusBadge value={session.actStatus} sessionStatus={session.status} size="lg" />
          </Fact>
        </SimpleGrid>
      </Paper>
    </Stack>
  )
}
