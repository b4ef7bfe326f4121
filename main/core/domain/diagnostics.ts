/**
 * A diagnostic bundle for support: versions, sizes, counts, backups and the
 * shape of recent activity, with no personal data (no names, contacts, notes,
 * agreement texts or audit summaries).
 */
import type { Data } from '../model/schema'
import type { BackupInfo } from '../contract/views'

export interface DiagnosticsInput {
  data: Data
  appVersion: string
  dataFileBytes: number
  backups: BackupInfo[]
  runtime: Record<string, string>
  now: Date
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1
  return counts
}

export function buildDiagnostics(input: DiagnosticsInput): Record<string, unknown> {
  const { data } = input
  return {
    formato: 'secretariado-diagnostico',
    generado: input.now.toISOString(),
    aplicacion: { version: input.appVersion, ...input.runtime },
    archivo: {
      esquema: data.schemaVersion,
      bytes: input.dataFileBytes,
      creado: data.createdAt,
      actualizado: data.updatedAt,
    },
    respaldos: input.backups.map((backup) => ({ tipo: backup.kind, fecha: backup.savedAt, bytes: backup.size })),
    conteos: {
      integrantes: data.members.length,
      integrantesActivos: data.members.filter((member) => member.active).length,
      sesionesPorEstado: countBy(data.sessions, (session) => session.status),
      puntosDelOrdenDelDia: data.sessions.reduce((sum, session) => sum + session.agenda.length, 0),
      filasDeAsistencia: data.sessions.reduce((sum, session) => sum + session.attendance.length, 0),
      comentarios: data.sessions.reduce((sum, session) => sum + session.comments.length, 0),
      actasFirmadas: data.sessions.filter((session) => session.signedActa !== null).length,
      acuerdosPorEstado: countBy(data.agreements, (agreement) => agreement.status),
      seguimientos: data.agreements.reduce((sum, agreement) => sum + agreement.followUps.length, 0),
      planes: data.plans.length,
      compromisos: data.commitments.length,
      hitos: data.commitments.reduce((sum, commitment) => sum + commitment.milestones.length, 0),
      bitacora: data.audit.length,
    },
    configuracion: { reglaDeQuorum: data.settings.quorum.rule, segundaConvocatoria: data.settings.quorum.secondCallAllowed },
    // Only when and what kind of change: the summaries name people.
    actividadReciente: data.audit.slice(-50).map((entry) => ({ fecha: entry.at, entidad: entry.entity, accion: entry.action })),
  }
}
