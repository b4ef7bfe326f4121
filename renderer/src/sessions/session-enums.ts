/**
 * The enum values the forms and filters offer. Spelled out here (and checked
 * against the schema's types) because the renderer imports only types from main.
 */
import type { AgendaItem, Attendance, Session } from '../../../main/core/model/schema'

export const SESSION_TYPES = ['ordinaria', 'extraordinaria'] as const satisfies ReadonlyArray<Session['type']>
export const SESSION_STATUSES = [
  'borrador',
  'convocada',
  'en-curso',
  'concluida',
  'firmada',
  'cancelada',
] as const satisfies ReadonlyArray<Session['status']>
export const MODALITIES = ['presencial', 'virtual', 'hibrida'] as const satisfies ReadonlyArray<Session['modality']>
export const AGENDA_ITEM_TYPES = [
  'tramite',
  'informativo',
  'deliberativo',
  'votacion',
  'asuntos-generales',
] as const satisfies ReadonlyArray<AgendaItem['type']>
export const AGENDA_ITEM_STATUSES = ['pendiente', 'tratado', 'diferido', 'retirado'] as const satisfies ReadonlyArray<AgendaItem['status']>
export const ATTENDANCE_STATUSES = ['presente', 'ausente', 'justificada', 'suplente'] as const satisfies ReadonlyArray<Attendance['status']>
