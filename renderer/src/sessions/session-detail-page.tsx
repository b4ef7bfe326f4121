import { Anchor, Badge, Breadcrumbs, Tabs, Text } from '@mantine/core'
import { IconChecklist, IconListNumbers, IconUsers } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { AgreementRow, MemberRow } from '../../../main/core/contract/views'
import { ApiError } from '../api/api-error'
import { useAgreements } from '../api/agreements'
import { useMembers } from '../api/members'
import { useSession } from '../api/sessions'
import { PageHeader } from '../common/page-header'
import { Empty, ErrorState, LoadingCards } from '../common/query-state'
import { SessionStatusBadge } from '../common/status-badge'
import { numberAgenda } from './agenda-numbering'
import { AgendaTab } from './agenda-tab'
import { AttendanceTab } from './attendance-tab'
import { SessionAgreementsTab } from './session-agreements-tab'
import { SessionFacts } from './session-header'

export function SessionDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const detail = useSession(id)
  const members = useMembers()
  const agreements = useAgreements()

  const memberMap = useMemo(
    () => new Map<string, MemberRow>((members.data ?? []).map((m) => [m.id, m])),
    [members.data],
  )
  const agreementMap = useMemo(
    () => new Map<string, AgreementRow>((agreements.data ?? []).map((a) => [a.id, a])),
    [agreements.data],
  )
  const itemNumbers = useMemo(
    () => new Map(numberAgenda(detail.data?.session.agenda ?? []).map((n) => [n.item.id, n.number])),
    [detail.data],
  )

  const breadcrumbs = (
    <Breadcrumbs separator="›">
      <Anchor component={Link} to="/sesiones" size="sm">
        {t('session.breadcrumb')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {detail.data?.title ?? (detail.isError ? t('session.notFoundTitle') : t('common.loading'))}
      </Text>
    </Breadcrumbs>
  )

  if (detail.isPending) {
    return (
      <>
        <PageHeader above={breadcrumbs} title={t('common.loading')} />
        <LoadingCards />
      </>
    )
  }
  if (detail.isError) {
    const notFound = detail.error instanceof ApiError && detail.error.code === 'NO_ENCONTRADO'
    return (
      <>
        <PageHeader above={breadcrumbs} title={notFound ? t('session.notFoundTitle') : t('sessions.title')} />
        {notFound ? (
          <Empty
            title={t('session.notFoundTitle')}
            description={detail.error.message}
            action={
              <Anchor component={Link} to="/sesiones">
                {t('common.backTo', { place: t('sessions.title') })}
              </Anchor>
            }
          />
        ) : (
          <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </>
    )
  }

  const { session, title, key } = detail.data
  return (
    <>
      <PageHeader
        above={breadcrumbs}
        title={title}
        actions={<SessionStatusBadge value={session.status} size="xl" />}
      />
      <SessionFacts session={session} sessionKey={key} members={memberMap} />
      <Tabs defaultValue="agenda" variant="outline">
        <Tabs.List mb="md">
          <Tabs.Tab
            value="agenda"
            leftSection={<IconListNumbers size={16} aria-hidden />}
            rightSection={<CountBadge value={session.agenda.length} />}
          >
            {t('session.tabs.agenda')}
          </Tabs.Tab>
          <Tabs.Tab
            value="asistencia"
            leftSection={<IconUsers size={16} aria-hidden />}
            rightSection={<CountBadge value={session.attendance.length} />}
          >
            {t('session.tabs.attendance')}
          </Tabs.Tab>
          <Tabs.Tab
            value="acuerdos"
            leftSection={<IconChecklist size={16} aria-hidden />}
            rightSection={<CountBadge value={detail.data.agreements.length} />}
          >
            {t('session.tabs.agreements')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agenda">
          <AgendaTab agenda={session.agenda} />
        </Tabs.Panel>
        <Tabs.Panel value="asistencia">
          <AttendanceTab attendance={session.attendance} quorum={session.quorum} members={memberMap} />
        </Tabs.Panel>
        <Tabs.Panel value="acuerdos">
          <SessionAgreementsTab
            agreements={detail.data.agreements}
            rows={agreementMap}
            members={memberMap}
            itemNumbers={itemNumbers}
            held={!['borrador', 'convocada', 'cancelada'].includes(session.status)}
          />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}

/** A count beside a tab's name; hidden from the accessible name so the tab reads as its section. */
function CountBadge({ value }: { value: number }) {
  return (
    <Badge size="sm" variant="light" color="gray" aria-hidden>
      {value}
    </Badge>
  )
}
