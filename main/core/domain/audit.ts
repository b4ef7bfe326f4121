/** The bitácora: filtering and export of the audit trail. */
import { writeCsv } from './csv-out'
import type { AuditEntry } from '../model/schema'
import { mexicoDate } from './dates'
import { wordMatcher } from './text'

export interface AuditQuery {
  entity: AuditEntry['entity'] | null
  text: string
  from: string | null
  to: string | null
  limit: number
}

/** Newest first. Dates are calendar days in Guadalajara; the text matches as the search box does (wordMatcher). */
export function filterAudit(entries: readonly AuditEntry[], query: AuditQuery): AuditEntry[] {
  const matches = wordMatcher(query.text)
  const result: AuditEntry[] = []
  for (let index = entries.length - 1; index >= 0 && result.length < query.limit; index--) {
    const entry = entries[index]
    if (!entry) continue
    if (query.entity && entry.entity !== query.entity) continue
    if (query.from || query.to) {
      const day = mexicoDate(new Date(entry.at))
      if ((query.from && day < query.from) || (query.to && day > query.to)) continue
    }
    if (!matches(`${entry.summary} ${entry.profile}`)) continue
    result.push(entry)
  }
  return result
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) => [entry.at, entry.profile, entry.entity, entry.entityId, entry.action, entry.summary])
  return writeCsv(['fecha_hora', 'perfil', 'entidad', 'id_entidad', 'accion', 'resumen'], rows)
}
