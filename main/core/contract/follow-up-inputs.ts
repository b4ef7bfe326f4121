/**
 * Input schemas of follow-up: agreement follow-ups, the Plan de Acción
 * (plans, commitments, milestones), search, open data and the audit log.
 */
import { z } from 'zod'
import { AGREEMENT_STATUSES, AUDIT_ENTITIES, MILESTONE_STATUSES, PILLARS, dateSchema, idSchema } from '../model/schema'
import { MAX_ATTACHMENT_BYTES, csvFileFields } from './session-inputs'
import { PROGRESS_CSV_MAX_BYTES } from '../domain/csv-columns'

const trimmed = (max: number) => z.string().trim().max(max, `Máximo ${max} caracteres`)
const required = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Máximo ${max} caracteres`)
const webLink = z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'La evidencia debe ser una dirección web (https://…)' })])

export const addFollowUpSchema = z
  .object({
    agreementId: idSchema,
    date: dateSchema,
    note: required(4000, 'La nota de seguimiento es obligatoria'),
    evidenceUrl: webLink,
    evidenceFile: z
      .object({
        fileName: required(255, 'El nombre del archivo es obligatorio'),
        contentBase64: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'El archivo supera el máximo de 50 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Contenido de archivo no válido'),
      })
      .strict()
      .nullable(),
    /** The session whose follow-up item records this entry, if any. */
    sessionId: idSchema.nullable(),
    /** Optionally move the agreement to a new state with the same entry. */
    status: z.enum(AGREEMENT_STATUSES).nullable(),
  })
  .strict()
export const removeFollowUpSchema = z.object({ agreementId: idSchema, followUpId: idSchema }).strict()
export const setAgreementStatusSchema = z.object({ id: idSchema, status: z.enum(AGREEMENT_STATUSES) }).strict()

export const planFieldsSchema = z
  .object({
    name: required(120, 'El nombre del plan es obligatorio'),
    startYear: z.number({ message: 'Indique un año entre 2000 y 2100' }).int('Indique un año entre 2000 y 2100').min(2000, 'Indique un año entre 2000 y 2100').max(2100, 'Indique un año entre 2000 y 2100'),
    endYear: z.number({ message: 'Indique un año entre 2000 y 2100' }).int('Indique un año entre 2000 y 2100').min(2000, 'Indique un año entre 2000 y 2100').max(2100, 'Indique un año entre 2000 y 2100'),
  })
  .strict()
  .refine((plan) => plan.endYear >= plan.startYear, { message: 'El año final no puede ser anterior al inicial', path: ['endYear'] })
export const createPlanSchema = planFieldsSchema
export const updatePlanSchema = z.object({ id: idSchema, plan: planFieldsSchema }).strict()

export const commitmentFieldsSchema = z
  .object({
    planId: idSchema,
    title: required(400, 'El título del compromiso es obligatorio'),
    pillars: z.array(z.enum(PILLARS)).min(1, 'Elija al menos un pilar').max(4),
    problem: trimmed(8000),
    baseline: trimmed(4000),
    objective: trimmed(4000),
    expectedResult: trimmed(4000),
    leadInstitution: required(200, 'La institución responsable es obligatoria'),
    coLeadInstitution: trimmed(200),
    startDate: dateSchema,
    endDate: dateSchema,
  })
  .strict()
  .refine((commitment) => commitment.endDate >= commitment.startDate, { message: 'La fecha final no puede ser anterior a la inicial', path: ['endDate'] })
export const createCommitmentSchema = commitmentFieldsSchema
export const updateCommitmentSchema = z.object({ id: idSchema, commitment: commitmentFieldsSchema }).strict()

export const milestoneFieldsSchema = z
  .object({
    title: required(400, 'El título del hito es obligatorio'),
    dueDate: dateSchema,
    deliverable: trimmed(1000),
    status: z.enum(MILESTONE_STATUSES),
    progress: z.number({ message: 'El avance va de 0 a 100' }).int('El avance va de 0 a 100').min(0, 'El avance va de 0 a 100').max(100, 'El avance va de 0 a 100'),
    evidence: trimmed(2000),
    weight: z.number({ message: 'El peso va de 1 a 100' }).int('El peso va de 1 a 100').min(1, 'El peso va de 1 a 100').max(100, 'El peso va de 1 a 100'),
  })
  .strict()
export const addMilestoneSchema = z.object({ commitmentId: idSchema, milestone: milestoneFieldsSchema }).strict()
export const updateMilestoneSchema = z.object({ commitmentId: idSchema, milestoneId: idSchema, milestone: milestoneFieldsSchema }).strict()
export const removeMilestoneSchema = z.object({ commitmentId: idSchema, milestoneId: idSchema }).strict()

export const searchSchema = z.object({ query: z.string().max(200, 'La búsqueda admite hasta 200 caracteres'), limit: z.number().int().min(1).max(500).default(50) }).strict()

export const OPEN_DATA_SETS = ['acuerdos', 'compromisos'] as const
export const OPEN_DATA_FORMATS = ['csv', 'json'] as const
export const exportOpenDataSchema = z.object({ what: z.enum(OPEN_DATA_SETS), format: z.enum(OPEN_DATA_FORMATS) }).strict()
/** A progress CSV as chosen (see csvFileFields). */
export const importProgressCsvSchema = z
  .object({
    ...csvFileFields(PROGRESS_CSV_MAX_BYTES),
    apply: z.boolean(),
  })
  .strict()

export const auditQuerySchema = z
  .object({
    entity: z.enum(AUDIT_ENTITIES).nullable().default(null),
    text: trimmed(200).default(''),
    from: dateSchema.nullable().default(null),
    to: dateSchema.nullable().default(null),
    limit: z.number().int().min(1).max(100_000).default(500),
  })
  .strict()
