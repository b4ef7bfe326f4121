/**
 * Schema migrations. Each step takes a file of version N to N+1; a file is
 * migrated in memory on load and written in the new version by the next save.
 * A schema change adds a step here and raises SCHEMA_VERSION.
 */
import { AppError } from '../errors'
import { SCHEMA_VERSION } from '../model/schema'

export type JsonObject = Record<string, unknown>
export type Migration = (data: JsonObject) => JsonObject

/** Keyed by the version a step produces. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  /** 2: sessions gain members' comments, the signed acta and its fe de erratas. */
  2: (data) => ({
    ...data,
    sessions: Array.isArray(data.sessions)
      ? data.sessions.map((session: unknown) => (isObject(session) ? { comments: [], signedActa: null, errata: [], ...session } : session))
      : data.sessions,
  }),
  /**
   * 3: the settings name who signs the acta; each recorded signer says which
   * reserved field it filled; the data file keeps the trusted certificate authorities.
   */
  3: (data) => ({
    ...data,
    settings: isObject(data.settings) ? { signatureSigners: 'presidencia-y-secretaria', ...data.settings } : data.settings,
    sessions: Array.isArray(data.sessions) ? data.sessions.map(withSignerFields) : data.sessions,
    trustedAuthorities: Array.isArray(data.trustedAuthorities) ? data.trustedAuthorities : [],
  }),
  /** 4: members may carry the RFC and CURP of their e.firma; sessions may have their acta out for signature. */
  4: (data) => ({
    ...data,
    members: Array.isArray(data.members) ? data.members.map((member: unknown) => (isObject(member) ? { rfc: '', curp: '', ...member } : member)) : data.members,
    sessions: Array.isArray(data.sessions)
      ? data.sessions.map((session: unknown) => (isObject(session) ? withSignerSerials({ signatureCircuit: null, ...session }) : session))
      : data.sessions,
  }),
  /** 5: the data file remembers its last full backup archive (none yet). */
  5: (data) => ({ lastFullBackup: null, ...data }),
  /** 6: sessions count the versions of their calendar invitation (none re-issued yet). */
  6: (data) => ({
    ...data,
    sessions: Array.isArray(data.sessions) ? data.sessions.map((session: unknown) => (isObject(session) ? { invitationSequence: 0, ...session } : session)) : data.sessions,
  }),
  /** 7: sessions keep the members' answers to the notice (none yet) and the item the live minutes show on the projector (none). */
  7: (data) => ({
    ...data,
    sessions: Array.isArray(data.sessions) ? data.sessions.map((session: unknown) => (isObject(session) ? { confirmations: [], live: null, ...session } : session)) : data.sessions,
  }),
}

function withSignerSerials(session: JsonObject): JsonObject {
  if (!isObject(session.signedActa) || !Array.isArray(session.signedActa.signers)) return session
  const signers = session.signedActa.signers.map((signer: unknown) => (isObject(signer) ? { serial: null, ...signer } : signer))
  return { ...session, signedActa: { ...session.signedActa, signers } }
}

function withSignerFields(session: unknown): unknown {
  if (!isObject(session) || !isObject(session.signedActa) || !Array.isArray(session.signedActa.signers)) return session
  const signers = session.signedActa.signers.map((signer: unknown) => (isObject(signer) ? { memberId: null, field: null, ...signer } : signer))
  return { ...session, signedActa: { ...session.signedActa, signers } }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function migrate(data: JsonObject, target = SCHEMA_VERSION, steps: Readonly<Record<number, Migration>> = MIGRATIONS): JsonObject {
  const from = data.schemaVersion
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    throw new AppError('ARCHIVO_DANADO', 'El archivo no indica una versión de esquema válida.')
  }
  if (from > target) {
    throw new AppError(
      'VERSION_NUEVA',
      `El archivo fue creado por una versión más reciente de Secretariado (esquema ${from}; esta versión usa el ${target}). No se modificó: actualice la aplicación para abrirlo.`,
    )
  }
  let current = data
  for (let version = from + 1; version <= target; version++) {
    const step = steps[version]
    if (!step) throw new AppError('INTERNO', `Falta la migración al esquema ${version}.`)
    current = { ...step(current), schemaVersion: version }
  }
  return current
}
