/**
 * The moment a command works at: the current instant unless the user names
 * one, as a date (`--today AAAA-MM-DD`, midday in Guadalajara) or as an
 * instant (`--at AAAA-MM-DDTHH:MM[:SS]`, Guadalajara's wall clock unless an
 * offset or `Z` is given).
 */
import { mexicoOffset } from '../core/domain/dates'
import { AppError } from '../core/errors'

/** `--today AAAA-MM-DD` as midday in Guadalajara, or the current instant. */
export function referenceInstant(today: string | undefined): Date {
  if (today === undefined) return new Date()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new AppError('VALIDACION', '--today debe ser una fecha AAAA-MM-DD.')
  }
  return new Date(`${today}T12:00:00${mexicoOffset(today)}`)
}

/** `--at` as a clock that always answers that instant, or the machine's clock. */
export function referenceClock(at: string | undefined): () => Date {
  if (at === undefined) return () => new Date()
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/.exec(at)
  const instant = match ? new Date(`${match[1]}T${match[2]}${match[3] ?? ':00'}${match[4] ?? mexicoOffset(match[1] ?? '')}`) : null
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new AppError('VALIDACION', '--at debe ser una fecha y hora AAAA-MM-DDTHH:MM (hora del centro de México, o con Z o ±HH:MM).')
  }
  return () => new Date(instant.getTime())
}
