/**
 * The enum values the filters offer. Spelled out here (and checked against
 * the schema's types) because the renderer imports only types from main.
 */
import type { Session } from '../../../main/core/model/schema'

export const SESSION_TYPES = ['ordinaria', 'extraordinaria'] as const satisfies ReadonlyArray<Session['type']>
export const SESSION_STATUSES = [
  'borrador',
  'convocada',
  'en-curso',
  'concluida',
  'firmada',
  'cancelada',
] as const satisfies ReadonlyArray<Session['status']>
