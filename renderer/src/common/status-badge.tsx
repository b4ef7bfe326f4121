/**
 * Badges for every enumerated state. The label comes from the i18n resources,
 * the color from status-colors, so screens never spell either out.
 */
import { Badge, type BadgeProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AgreementState, CommitmentView } from '../../../main/core/contract/views'
import type { AgendaItem, Milestone, Pillar, Sector, Session } from '../../../main/core/model/schema'
import {
  actStatusColor,
  agendaStatusColor,
  agendaTypeColor,
  agreementStateColor,
  levelColor,
  milestoneStatusColor,
  pillarColor,
  sectorColor,
  sessionStatusColor,
} from './status-colors'

type Props<V> = { value: V } & Omit<BadgeProps, 'color' | 'children'>

export function SessionStatusBadge({ value, ...props }: Props<Session['status']>) {
  const { t } = useTranslation()
  return (
    <Badge color={sessionStatusColor[value]} {...props}>
      {t(`enums.sessionStatus.${value}`)}
    </Badge>
  )
}

/**
 * The acta's state. Given the session's status, a session «en firma» shows
 * «Acta en firma»: a display rule only (the data keeps the acta's own state,
 * «en revisión», until every signature is in).
 */
export function ActStatusBadge({ value, sessionStatus, ...props }: Props<Session['actStatus']> & { sessionStatus?: Session['status'] }) {
  const { t } = useTranslation()
  if (sessionStatus === 'en-firma' && value !== 'firmada') {
    return (
      <Badge color={sessionStatusColor['en-firma']} variant="outline" {...props}>
        {t('enums.actStatusInSigning')}
      </Badge>
    )
  }
  return (
    <Badge color={actStatusColor[value]} variant="outline" {...props}>
      {t(`enums.actStatus.${value}`)}
    </Badge>
  )
}

export function AgreementStateBadge({ value, ...props }: Props<AgreementState>) {
  const { t } = useTranslation()
  return (
    <Badge color={agreementStateColor[value]} variant={value === 'vencido' ? 'filled' : 'light'} {...props}>
      {t(`enums.agreementState.${value}`)}
    </Badge>
  )
}

export function AgendaStatusBadge({ value, ...props }: Props<AgendaItem['status']>) {
  const { t } = useTranslation()
  return (
    <Badge color={agendaStatusColor[value]} {...props}>
      {t(`enums.agendaStatus.${value}`)}
    </Badge>
  )
}

export function AgendaTypeBadge({ value, ...props }: Props<AgendaItem['type']>) {
  const { t } = useTranslation()
  return (
    <Badge color={agendaTypeColor[value]} variant="outline" {...props}>
      {t(`enums.agendaType.${value}`)}
    </Badge>
  )
}

export function LevelBadge({ value, ...props }: Props<CommitmentView['level']>) {
  const { t } = useTranslation()
  return (
    <Badge color={levelColor[value]} {...props}>
      {t(`enums.level.${value}`)}
    </Badge>
  )
}

export function MilestoneStatusBadge({ value, ...props }: Props<Milestone['status']>) {
  const { t } = useTranslation()
  return (
    <Badge color={milestoneStatusColor[value]} {...props}>
      {t(`enums.milestoneStatus.${value}`)}
    </Badge>
  )
}

export function PillarBadge({ value, ...props }: Props<Pillar>) {
  const { t } = useTranslation()
  return (
    <Badge color={pillarColor[value]} variant="dot" {...props}>
      {t(`enums.pillar.${value}`)}
    </Badge>
  )
}

export function SectorBadge({ value, ...props }: Props<Sector>) {
  const { t } = useTranslation()
  return (
    <Badge color={sectorColor[value]} variant="light" tt="none" {...props}>
      {t(`enums.sector.${value}`)}
    </Badge>
  )
}
