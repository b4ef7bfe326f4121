/**
 * Names of sessions: "Tercera Sesión Ordinaria 2026" and the short key
 * "SO03-2026" used in page footers and in the keys of the session's
 * agreements ("STL-SO03-2026-01").
 */
import type { Agreement, Session, Settings } from '../model/schema'

const UNITS = ['', 'Primera', 'Segunda', 'Tercera', 'Cuarta', 'Quinta', 'Sexta', 'Séptima', 'Octava', 'Novena']
const TENS = ['', 'Décima', 'Vigésima', 'Trigésima', 'Cuadragésima', 'Quincuagésima', 'Sexagésima', 'Septuagésima', 'Octogésima', 'Nonagésima']

/** Feminine ordinal in words, 1–99: 11 → "Décima Primera". */
export function feminineOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`Ordinal fuera de rango: ${n}`)
  const tens = TENS[Math.floor(n / 10)] ?? ''
  const units = UNITS[n % 10] ?? ''
  return [tens, units].filter(Boolean).join(' ')
}

export function sessionTitle(session: Pick<Session, 'type' | 'number' | 'year'>): string {
  const kind = session.type === 'ordinaria' ? 'Ordinaria' : 'Extraordinaria'
  return `${feminineOrdinal(session.number)} Sesión ${kind} ${session.year}`
}

export function sessionCode(session: Pick<Session, 'type' | 'number' | 'year'>): string {
  return `${session.type === 'ordinaria' ? 'SO' : 'SE'}${String(session.number).padStart(2, '0')}-${session.year}`
}

/** "STL-SO03-2026". */
export function sessionKey(prefix: string, session: Pick<Session, 'type' | 'number' | 'year'>): string {
  return `${prefix}-${sessionCode(session)}`
}

/** The next key of a session's agreement, one past the highest in use (a gap left by a deletion is not filled): STL-SO03-2026-01, -02 … */
export function nextAgreementKey(
  data: { agreements: readonly Pick<Agreement, 'sessionId' | 'key'>[]; settings: Pick<Settings, 'keyPrefix'> },
  session: Pick<Session, 'id' | 'type' | 'number' | 'year'>,
): string {
  const used = data.agreements.filter((agreement) => agreement.sessionId === session.id).map((agreement) => Number(agreement.key.split('-').pop()))
  const next = used.length === 0 ? 1 : Math.max(...used) + 1
  return `${sessionKey(data.settings.keyPrefix, session)}-${String(next).padStart(2, '0')}`
}
