/**
 * Open data: agreements and commitments (with their milestones) as CSV and
 * JSON. The columns are documented in the README ("Datos abiertos"); the JSON
 * shapes are the zod schemas below, so a test can hold the export to them.
 * CSV is UTF-8 with a byte-order mark so spreadsheet programs read accents.
 */
import { writeCsv } from './csv-out'
import { z } from 'zod'
import type { Data } from '../model/schema'
import { mexicoDate } from './dates'
import { agreementState, commitmentProgress, completionLevel } from './progress'
import { agendaNumbers } from './agenda'
import { sessionTitle } from './session-title'

export const AGREEMENT_COLUMNS = [
  'clave', 'sesion', 'fecha_sesion', 'punto', 'texto', 'votos_a_favor', 'votos_en_contra', 'abstenciones', 'unanimidad',
  'responsables', 'instituciones_responsables', 'fecha_limite', 'estado', 'compromiso', 'seguimientos', 'ultimo_seguimiento',
] as const

export const COMMITMENT_COLUMNS = [
  'plan', 'compromiso_id', 'compromiso_numero', 'compromiso', 'pilares', 'institucion_responsable', 'institucion_corresponsable',
  'fecha_inicio', 'fecha_fin', 'avance_compromiso', 'nivel_cumplimiento', 'hito_id', 'hito', 'hito_fecha_limite', 'hito_entregable',
  'hito_estado', 'hito_avance', 'hito_peso', 'hito_evidencia',
] as const

const agreementRecord = z.object({
  clave: z.string(),
  sesion: z.string(),
  fecha_sesion: z.string(),
  punto: z.string(),
  texto: z.string(),
  votos_a_favor: z.number().int(),
  votos_en_contra: z.number().int(),
  abstenciones: z.number().int(),
  unanimidad: z.boolean(),
  responsables: z.array(z.string()),
  instituciones_responsables: z.array(z.string()),
  fecha_limite: z.string().nullable(),
  estado: z.enum(['pendiente', 'en-proceso', 'cumplido', 'cancelado', 'vencido']),
  compromiso: z.number().int().nullable(),
  seguimientos: z.array(z.object({ fecha: z.string(), nota: z.string(), evidencia: z.string() }).strict()),
}).strict()

const milestoneRecord = z.object({
  id: z.string(),
  hito: z.string(),
  fecha_limite: z.string(),
  entregable: z.string(),
  estado: z.enum(['no-iniciado', 'en-proceso', 'completado']),
  avance: z.number().int().min(0).max(100),
  peso: z.number().int().min(1).max(100),
  evidencia: z.string(),
}).strict()

const commitmentRecord = z.object({
  id: z.string(),
  plan: z.string(),
  numero: z.number().int(),
  compromiso: z.string(),
  pilares: z.array(z.string()).min(1),
  problema: z.string(),
  linea_base: z.string(),
  objetivo: z.string(),
  resultado_esperado: z.string(),
  institucion_responsable: z.string(),
  institucion_corresponsable: z.string(),
  fecha_inicio: z.string(),
  fecha_fin: z.string(),
  avance: z.number().int().min(0).max(100),
  nivel_cumplimiento: z.enum(['no-iniciado', 'limitado', 'sustancial', 'completo']),
  hitos: z.array(milestoneRecord),
}).strict()

const envelope = <T extends z.ZodType>(set: string, record: T) =>
  z.object({ conjunto: z.literal(set), fuente: z.string(), generado: z.string(), licencia: z.string(), registros: z.array(record) }).strict()

export const openDataJsonSchemas = {
  acuerdos: envelope('acuerdos', agreementRecord),
  compromisos: envelope('compromisos', commitmentRecord),
}

export type OpenDataSet = keyof typeof openDataJsonSchemas
export type OpenDataFormat = 'csv' | 'json'

const LICENSE = 'Términos de Libre Uso de Datos Abiertos (datos.gob.mx)'

function agreementRecords(data: Data, today: string): z.infer<typeof agreementRecord>[] {
  const sessions = new Map(data.sessions.map((session) => [session.id, session]))
  const names = new Map(data.members.map((member) => [member.id, member.fullName]))
  const commitments = new Map(data.commitments.map((commitment) => [commitment.id, commitment.number]))
  const numbers = new Map<string, Map<string, string>>()
  return [...data.agreements]
    .sort((a, b) => (sessions.get(a.sessionId)?.date ?? '').localeCompare(sessions.get(b.sessionId)?.date ?? '') || a.key.localeCompare(b.key))
    .map((agreement) => {
      const session = sessions.get(agreement.sessionId)
      if (session && !numbers.has(session.id)) numbers.set(session.id, agendaNumbers(session.agenda))
      const item = session?.agenda.find((candidate) => candidate.id === agreement.itemId)
      return {
        clave: agreement.key,
        sesion: session ? sessionTitle(session) : '',
        fecha_sesion: session?.date ?? '',
        punto: item ? `${numbers.get(session?.id ?? '')?.get(item.id) ?? ''}. ${item.title}` : '',
        texto: agreement.text,
        votos_a_favor: agreement.vote.favor,
        votos_en_contra: agreement.vote.contra,
        abstenciones: agreement.vote.abstenciones,
        unanimidad: agreement.vote.unanimous,
        responsables: agreement.responsibleMemberIds.map((id) => names.get(id) ?? id),
        instituciones_responsables: agreement.responsibleInstitutions,
        fecha_limite: agreement.dueDate,
        estado: agreementState(agreement, today),
        compromiso: agreement.commitmentId ? (commitments.get(agreement.commitmentId) ?? null) : null,
        seguimientos: agreement.followUps.map((entry) => ({ fecha: entry.date, nota: entry.note, evidencia: entry.evidenceUrl || entry.evidenceFile?.fileName || '' })),
      }
    })
}

function commitmentRecords(data: Data): z.infer<typeof commitmentRecord>[] {
  const plans = new Map(data.plans.map((plan) => [plan.id, plan.name]))
  return [...data.commitments]
    .sort((a, b) => a.planId.localeCompare(b.planId) || a.number - b.number)
    .map((commitment) => {
      const progress = commitmentProgress(commitment.milestones)
      return {
        id: commitment.id,
        plan: plans.get(commitment.planId) ?? '',
        numero: commitment.number,
        compromiso: commitment.title,
        pilares: commitment.pillars,
        problema: commitment.problem,
        linea_base: commitment.baseline,
        objetivo: commitment.objective,
        resultado_esperado: commitment.expectedResult,
        institucion_responsable: commitment.leadInstitution,
        institucion_corresponsable: commitment.coLeadInstitution,
        fecha_inicio: commitment.startDate,
        fecha_fin: commitment.endDate,
        avance: progress,
        nivel_cumplimiento: completionLevel(progress),
        hitos: commitment.milestones.map((milestone) => ({
          id: milestone.id,
          hito: milestone.title,
          fecha_limite: milestone.dueDate,
          entregable: milestone.deliverable,
          estado: milestone.status,
          avance: milestone.progress,
          peso: milestone.weight,
          evidencia: milestone.evidence,
        })),
      }
    })
}

const list = (values: readonly string[]): string => values.join('; ')

export function exportOpenData(data: Data, what: OpenDataSet, format: OpenDataFormat, now: Date): string {
  const today = mexicoDate(now)
  const source = `${data.settings.organization} · ${data.settings.bodyName}`
  if (what === 'acuerdos') {
    const records = agreementRecords(data, today)
    if (format === 'json') return JSON.stringify({ conjunto: 'acuerdos', fuente: source, generado: now.toISOString(), licencia: LICENSE, registros: records }, null, 2) + '\n'
    const rows = records.map((record) => ({
      ...record,
      unanimidad: record.unanimidad ? 'sí' : 'no',
      responsables: list(record.responsables),
      instituciones_responsables: list(record.instituciones_responsables),
      fecha_limite: record.fecha_limite ?? '',
      compromiso: record.compromiso ?? '',
      seguimientos: record.seguimientos.length,
      ultimo_seguimiento: record.seguimientos.at(-1)?.fecha ?? '',
    }))
    return writeCsv(AGREEMENT_COLUMNS, rows.map((row) => AGREEMENT_COLUMNS.map((column) => row[column])))
  }
  const records = commitmentRecords(data)
  if (format === 'json') return JSON.stringify({ conjunto: 'compromisos', fuente: source, generado: now.toISOString(), licencia: LICENSE, registros: records }, null, 2) + '\n'
  const rows: (string | number)[][] = []
  for (const record of records) {
    const common = [record.plan, record.id, record.numero, record.compromiso, list(record.pilares), record.institucion_responsable, record.institucion_corresponsable, record.fecha_inicio, record.fecha_fin, record.avance, record.nivel_cumplimiento]
    if (record.hitos.length === 0) rows.push([...common, '', '', '', '', '', '', '', ''])
    for (const hito of record.hitos) rows.push([...common, hito.id, hito.hito, hito.fecha_limite, hito.entregable, hito.estado, hito.avance, hito.peso, hito.evidencia])
  }
  return writeCsv(COMMITMENT_COLUMNS, rows)
}
