/**
 * Deterministic demo data: a plausible year (or, in dense mode, a decade) of
 * the Secretariado Técnico Local of Gobierno Abierto Jalisco, with the real
 * public bodies and fictional people.
 *
 * Pure by design: no clock, no Math.random(), no I/O. The same options always
 * give byte-identical JSON, so tests, screenshots and benchmarks can rely on it;
 * `today` anchors the calendar (past sessions concluded, the next one convened).
 */
import { DEFAULT_SETTINGS, SCHEMA_VERSION, type AuditEntry, type Data } from '../core/model/schema'
import { AgreementBook } from './agreement-book'
import { addDays, assertDate, mexicoInstant } from '../core/domain/dates'
import { buildRegistry } from './members'
import { buildPlan } from './plan'
import { Random } from './random'
import { layoutSessions } from './schedule'
import { buildSessions } from './session-builder'

export interface DemoOptions {
  /** Number of sessions, past and future; 14 ≈ one year (monthly ordinarias and two extraordinarias). */
  sessions?: number
  seed?: number
  /** The day the demo is "seen" from, `YYYY-MM-DD` in Guadalajara. */
  today: string
  /** Every held session full (20+ items with long notes, 40+ attendance rows, 3+ agreements): for benchmarks. */
  dense?: boolean
}

export const DEFAULT_DEMO_SESSIONS = 14
export const DEFAULT_DEMO_SEED = 1

export function generateDemoData(options: DemoOptions): Data {
  const { today } = options
  assertDate(today)
  const count = options.sessions ?? DEFAULT_DEMO_SESSIONS
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Número de sesiones no válido: ${count}`)
  const seed = options.seed ?? DEFAULT_DEMO_SEED
  if (!Number.isFinite(seed)) throw new RangeError(`Semilla no válida: ${seed}`)
  const dense = options.dense ?? false
  const rng = new Random(Math.trunc(seed) >>> 0)
  // Nothing in the record happened on or after `today` except the demo's own import.
  const lastDay = addDays(today, -1)

  const slots = layoutSessions(rng.fork('calendario'), today, count, dense)
  const past = slots.filter((slot) => slot.date < today)
  const firstDate = slots[0] && slots[0].date < today ? slots[0].date : today
  const createdOn = addDays(firstDate, -30)
  // The two former members left midway through the record.
  const deactivatedOn = past[Math.floor(past.length * 0.4)]?.date ?? lastDay

  const registry = buildRegistry(rng.fork('integrantes'), { dense, createdOn, deactivatedOn: deactivatedOn < createdOn ? createdOn : deactivatedOn })
  const planBuild = buildPlan(rng.fork('pal'), today)
  const settings = structuredClone(DEFAULT_SETTINGS)
  const book = new AgreementBook(rng.fork('acuerdos'), { dense, lastDay })
  const sessions = buildSessions({ rng: rng.fork('sesiones'), dense, today, lastDay, registry, planBuild, settings, book }, slots)
  book.finish()

  const audit = importAudit(today, settings.profile.name, {
    members: registry.members.length,
    active: registry.members.filter((member) => member.active).length,
    held: sessions.filter((session) => session.status === 'concluida').length,
    upcoming: sessions.filter((session) => session.status === 'convocada' || session.status === 'borrador').length,
    cancelled: sessions.filter((session) => session.status === 'cancelada').length,
    agreements: book.agreements.length,
    followUps: book.agreements.reduce((sum, agreement) => sum + agreement.followUps.length, 0),
    planId: planBuild.plan.id,
    planName: planBuild.plan.name,
    commitments: planBuild.commitments.length,
  })

  return {
    schemaVersion: SCHEMA_VERSION,
    createdAt: mexicoInstant(createdOn, 9 * 60),
    updatedAt: audit[audit.length - 1]?.at ?? mexicoInstant(today, 8 * 60),
    settings,
    members: registry.members,
    sessions,
    agreements: book.agreements,
    plans: [planBuild.plan],
    commitments: planBuild.commitments,
    trustedAuthorities: [],
    lastFullBackup: null,
    audit,
  }
}

/** The bitácora records the demo's own import, early on `today`, one entry per kind of record. */
function importAudit(
  today: string,
  profile: string,
  counts: {
    members: number
    active: number
    held: number
    upcoming: number
    cancelled: number
    agreements: number
    followUps: number
    planId: string
    planName: string
    commitments: number
  },
): AuditEntry[] {
  const entries: Omit<AuditEntry, 'id' | 'at' | 'profile'>[] = [
    { entity: 'configuracion', entityId: '', action: 'importar', summary: 'Se cargaron los datos de demostración del Secretariado Técnico Local.' },
    {
      entity: 'integrante',
      entityId: '',
      action: 'importar',
      summary: `Se registraron ${plural(counts.members, 'integrante', 'integrantes')} (${plural(counts.active, 'activo', 'activos')}).`,
    },
    {
      entity: 'plan',
      entityId: counts.planId,
      action: 'crear',
      summary: `Se registró el ${counts.planName} con ${plural(counts.commitments, 'compromiso', 'compromisos')} y sus hitos.`,
    },
    {
      entity: 'sesion',
      entityId: '',
      action: 'importar',
      summary: `Se registraron ${plural(counts.held + counts.upcoming + counts.cancelled, 'sesión', 'sesiones')}: ${plural(counts.held, 'concluida', 'concluidas')}, ${plural(counts.upcoming, 'programada', 'programadas')} y ${plural(counts.cancelled, 'cancelada', 'canceladas')}.`,
    },
    {
      entity: 'acuerdo',
      entityId: '',
      action: 'importar',
      summary: `Se registraron ${plural(counts.agreements, 'acuerdo', 'acuerdos')} con ${plural(counts.followUps, 'entrada', 'entradas')} de seguimiento.`,
    },
  ]
  return entries.map((entry, index) => ({
    id: `aud-demo-${String(index + 1).padStart(2, '0')}`,
    at: mexicoInstant(today, 8 * 60, index),
    profile,
    ...entry,
  }))
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}
