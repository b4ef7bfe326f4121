/**
 * One color per state, used by every badge so a state looks the same on
 * every screen. Red is reserved for what needs attention.
 */
import type { MantineColor } from '@mantine/core'
import type { AgreementState, CommitmentView } from '../../../main/core/contract/views'
import type {
  AgendaItem,
  Attendance,
  Milestone,
  Pillar,
  Sector,
  Session,
} from '../../../main/core/model/schema'

export const sessionStatusColor: Record<Session['status'], MantineColor> = {
  borrador: 'gray',
  convocada: 'blue',
  'en-curso': 'orange',
  concluida: 'teal',
  'en-firma': 'grape',
  firmada: 'green',
  cancelada: 'red',
}

export const actStatusColor: Record<Session['actStatus'], MantineColor> = {
  borrador: 'gray',
  'en-revision': 'yellow',
  aprobada: 'teal',
  firmada: 'green',
}

export const agreementStateColor: Record<AgreementState, MantineColor> = {
  pendiente: 'yellow',
  'en-proceso': 'blue',
  cumplido: 'green',
  cancelado: 'gray',
  vencido: 'red',
}

export const agendaStatusColor: Record<AgendaItem['status'], MantineColor> = {
  pendiente: 'gray',
  tratado: 'green',
  diferido: 'orange',
  retirado: 'red',
}

export const agendaTypeColor: Record<AgendaItem['type'], MantineColor> = {
  tramite: 'gray',
  informativo: 'blue',
  deliberativo: 'grape',
  votacion: 'indigo',
  'asuntos-generales': 'cyan',
}

export const attendanceColor: Record<Attendance['status'], MantineColor> = {
  presente: 'green',
  ausente: 'red',
  justificada: 'yellow',
  suplente: 'violet',
}

export const levelColor: Record<CommitmentView['level'], MantineColor> = {
  'no-iniciado': 'gray',
  limitado: 'orange',
  sustancial: 'blue',
  completo: 'green',
}

export const milestoneStatusColor: Record<Milestone['status'], MantineColor> = {
  'no-iniciado': 'gray',
  'en-proceso': 'blue',
  completado: 'green',
}

export const pillarColor: Record<Pillar, MantineColor> = {
  transparencia: 'blue',
  'rendicion-de-cuentas': 'grape',
  'participacion-ciudadana': 'teal',
  'tecnologia-e-innovacion': 'orange',
}

export const sectorColor: Record<Sector, MantineColor> = {
  'gobierno-estatal': 'blue',
  'sociedad-civil': 'teal',
  'organo-garante': 'grape',
  academia: 'indigo',
  municipio: 'orange',
  otro: 'gray',
}
