/**
 * How the documents word things, in the formal Spanish of a Mexican
 * collegiate body: labels, votes, times and dates (always in Guadalajara).
 */
import type { CompletionLevel } from '../domain/progress'
import type { AgreementState } from '../contract/views'
import type { AgendaItem, Attendance, Member, Milestone, Pillar, Sector, Session, Settings, Vote } from '../model/schema'

export const SECTOR_LABELS: Record<Sector, string> = {
  'gobierno-estatal': 'Gobierno del Estado',
  'sociedad-civil': 'Sociedad civil',
  'organo-garante': 'Órgano garante',
  academia: 'Academia',
  municipio: 'Municipio invitado',
  otro: 'Otro',
}

export const MODALITY_LABELS: Record<Session['modality'], string> = {
  presencial: 'Presencial',
  virtual: 'Virtual',
  hibrida: 'Híbrida (presencial y virtual)',
}

export const ITEM_TYPE_LABELS: Record<AgendaItem['type'], string> = {
  tramite: 'Trámite',
  informativo: 'Informativo',
  deliberativo: 'Deliberativo',
  votacion: 'Votación',
  'asuntos-generales': 'Asuntos generales',
}

export const ITEM_STATUS_LABELS: Record<AgendaItem['status'], string> = {
  pendiente: 'Pendiente',
  tratado: 'Tratado',
  diferido: 'Diferido',
  retirado: 'Retirado',
}

export const PILLAR_LABELS: Record<Pillar, string> = {
  transparencia: 'Transparencia y acceso a la información pública',
  'rendicion-de-cuentas': 'Rendición de cuentas',
  'participacion-ciudadana': 'Participación ciudadana (co-creación)',
  'tecnologia-e-innovacion': 'Tecnología e innovación',
}

export const COMPLETION_LABELS: Record<CompletionLevel, string> = {
  'no-iniciado': 'No iniciado',
  limitado: 'Limitado',
  sustancial: 'Sustancial',
  completo: 'Completo',
}

export const MILESTONE_STATUS_LABELS: Record<Milestone['status'], string> = {
  'no-iniciado': 'No iniciado',
  'en-proceso': 'En proceso',
  completado: 'Completado',
}

export const AGREEMENT_STATE_LABELS: Record<AgreementState, string> = {
  pendiente: 'Pendiente',
  'en-proceso': 'En proceso',
  cumplido: 'Cumplido',
  cancelado: 'Cancelado',
  vencido: 'Vencido',
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/** "11:00 horas". */
export function hours(time: string): string {
  return `${time} horas`
}

/** "18/12/2026", for narrow table columns. */
export function shortDate(date: string): string {
  const [year, month, day] = date.split('-')
  return `${day}/${month}/${year}`
}

/** The vote as the acta records it. */
export function voteWording(vote: Vote): string {
  if (vote.unanimous) return `Aprobado por unanimidad (${plural(vote.favor, 'voto', 'votos')} a favor).`
  const parts = [plural(vote.favor, 'voto a favor', 'votos a favor'), `${vote.contra} en contra`, plural(vote.abstenciones, 'abstención', 'abstenciones')]
  return `Aprobado por mayoría: ${parts[0]}, ${parts[1]} y ${parts[2]}.`
}

export const NAMED_VOTE_LABELS: Record<Vote['named'][number]['vote'], string> = {
  favor: 'a favor',
  contra: 'en contra',
  abstencion: 'abstención',
}

/** "Representado por suplente: Lic. …" and the other attendance states. */
export function attendanceWording(row: Attendance, members: ReadonlyMap<string, Member>, session: Pick<Session, 'startTime' | 'endTime'>): string {
  switch (row.status) {
    case 'presente': {
      const notes: string[] = []
      if (row.arrivedAt && row.arrivedAt > session.startTime) notes.push(`llegó ${row.arrivedAt}`)
      if (row.leftAt && session.endTime && row.leftAt < session.endTime) notes.push(`se retiró ${row.leftAt}`)
      return notes.length > 0 ? `Presente (${notes.join('; ')})` : 'Presente'
    }
    case 'ausente':
      return 'Ausente'
    case 'justificada':
      return 'Inasistencia justificada'
    case 'suplente': {
      const substitute = row.substituteId ? members.get(row.substituteId) : undefined
      return substitute ? `Representado por suplente: ${substitute.fullName}` : 'Representado por suplente'
    }
  }
}

/** How the quorum rule reads in the declaration. */
export function quorumRuleWording(rule: Settings['quorum']): string {
  switch (rule.rule) {
    case 'mitad-mas-uno':
      return 'la mitad más uno de las personas integrantes con derecho a voto'
    case 'dos-tercios':
      return 'las dos terceras partes de las personas integrantes con derecho a voto'
    case 'porcentaje':
      return `el ${rule.percent}% de las personas integrantes con derecho a voto`
  }
}

/** "Ing. César Cisneros Cervantes (Secretaría de …)" for responsible members. */
export function responsibleWording(memberIds: readonly string[], institutions: readonly string[], members: ReadonlyMap<string, Member>): string {
  const people = memberIds.map((id) => members.get(id)).filter((member): member is Member => member !== undefined)
  const named = people.map((member) => `${member.fullName} (${member.institution})`)
  const covered = new Set(people.map((member) => member.institution))
  const others = institutions.filter((institution) => !covered.has(institution))
  const all = [...named, ...others]
  return all.length > 0 ? all.join('; ') : 'Sin responsable asignado'
}
