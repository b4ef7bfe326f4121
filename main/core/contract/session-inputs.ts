/**
 * Input schemas of the session workflow: sessions, agenda, attendance,
 * minutes and agreements. Kept beside operations.ts, which names them.
 */
import { z } from 'zod'
import { MAX_AGENDA_ITEMS } from '../domain/agenda'
import {
  AGENDA_ITEM_STATUSES,
  AGENDA_ITEM_TYPES,
  AGREEMENT_STATUSES,
  ATTENDANCE_STATUSES,
  MODALITIES,
  SESSION_STATUSES,
  SESSION_TYPES,
  dateSchema,
  idSchema,
  timeSchema,
  voteSchema,
} from '../model/schema'
import { EXISTING_MEMBER_CHOICES, MEMBER_CSV_MAX_BYTES } from '../domain/csv-columns'

const trimmed = (max: number) => z.string().trim().max(max, `Máximo ${max} caracteres`)
const required = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Máximo ${max} caracteres`)
const sessionRef = { sessionId: idSchema }
const itemRef = { sessionId: idSchema, itemId: idSchema }

export const sessionFieldsSchema = z
  .object({
    date: dateSchema,
    startTime: timeSchema,
    modality: z.enum(MODALITIES),
    venue: trimmed(300),
    link: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'El enlace debe ser una dirección web (https://…)' })]),
    chairId: idSchema.nullable(),
    secretaryId: idSchema.nullable(),
  })
  .strict()

export const createSessionSchema = sessionFieldsSchema
  .extend({
    type: z.enum(SESSION_TYPES),
    /** Where the agenda starts from: the standard template, a copy of the previous session's, or empty. */
    agendaSource: z.enum(['estandar', 'anterior', 'vacio']),
  })
  .strict()

export const updateSessionSchema = sessionFieldsSchema.extend({ id: idSchema, endTime: timeSchema.nullable() }).strict()

export const changeSessionStatusSchema = z
  .object({
    id: idSchema,
    status: z.enum(SESSION_STATUSES),
    reason: trimmed(1000).default(''),
    /** Starting on another day than the session's date: the secretary confirms it is held today (see checkStartDate). */
    confirmDate: z.boolean().optional(),
  })
  .strict()

export const agendaItemFieldsSchema = z
  .object({
    title: required(400, 'El título del punto es obligatorio'),
    type: z.enum(AGENDA_ITEM_TYPES),
    presenter: trimmed(200),
    minutes: z.number().int().min(0, 'Los minutos no pueden ser negativos').max(600, 'Máximo 600 minutos'),
  })
  .strict()

export const addAgendaItemSchema = agendaItemFieldsSchema.extend({ ...sessionRef, parentId: idSchema.nullable() }).strict()
export const updateAgendaItemSchema = agendaItemFieldsSchema.extend(itemRef).strict()
export const agendaItemRefSchema = z.object(itemRef).strict()
export const moveAgendaItemSchema = z.object({ ...itemRef, direction: z.enum(['up', 'down', 'in', 'out']) }).strict()
export const reorderAgendaSchema = z.object({ ...sessionRef, order: z.array(idSchema).max(MAX_AGENDA_ITEMS, `El orden del día admite como máximo ${MAX_AGENDA_ITEMS} puntos`) }).strict()
export const replaceAgendaSchema = z.object({ ...sessionRef, source: z.enum(['estandar', 'anterior']) }).strict()

/** 50 MB of file, as base64 (4 characters per 3 bytes). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
export const addAttachmentSchema = z
  .object({
    ...itemRef,
    fileName: required(255, 'El nombre del archivo es obligatorio'),
    contentBase64: z
      .string()
      .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'El archivo supera el máximo de 50 MB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Contenido de archivo no válido'),
  })
  .strict()
export const removeAttachmentSchema = z.object({ ...itemRef, attachmentId: idSchema }).strict()

export const setAttendanceSchema = z
  .object({
    ...sessionRef,
    memberId: idSchema,
    status: z.enum(ATTENDANCE_STATUSES),
    substituteId: idSchema.nullable(),
    arrivedAt: timeSchema.nullable(),
    leftAt: timeSchema.nullable(),
  })
  .strict()

export const declareQuorumSchema = z.object({ ...sessionRef, call: z.enum(['primera', 'segunda']) }).strict()

export const saveItemNotesSchema = z.object({ ...itemRef, notes: z.string().max(200_000, 'Las notas superan el máximo de 200 000 caracteres') }).strict()
export const setItemStatusSchema = z.object({ ...itemRef, status: z.enum(AGENDA_ITEM_STATUSES) }).strict()
export const setItemElapsedSchema = z.object({ ...itemRef, elapsedSeconds: z.number().int().min(0).max(86_400) }).strict()
export const addInterventionSchema = z
  .object({ ...itemRef, memberId: idSchema.nullable(), speaker: trimmed(160), summary: trimmed(4000) })
  .strict()
  .refine((value) => value.memberId !== null || value.speaker.length > 0, { message: 'Indique quién intervino', path: ['speaker'] })
export const removeInterventionSchema = z.object({ ...itemRef, interventionId: idSchema }).strict()

export const agreementFieldsSchema = z
  .object({
    text: required(8000, 'El texto del acuerdo es obligatorio'),
    vote: voteSchema.strict(),
    responsibleMemberIds: z.array(idSchema).max(100),
    responsibleInstitutions: z.array(required(200, 'La institución es obligatoria')).max(50),
    dueDate: dateSchema.nullable(),
    commitmentId: idSchema.nullable(),
  })
  .strict()
export const createAgreementSchema = agreementFieldsSchema.extend(itemRef).strict()
export const updateAgreementSchema = agreementFieldsSchema.extend({ id: idSchema, status: z.enum(AGREEMENT_STATUSES) }).strict()
export const deleteAgreementSchema = z.object({ id: idSchema }).strict()

/** A CSV file as an import dialog sends it: its name, for the messages, and its bytes as base64 (the core detects the encoding). */
export function csvFileFields(maxBytes: number) {
  return {
    fileName: z.string().trim().min(1, 'Falta el nombre del archivo').max(260, 'El nombre del archivo es demasiado largo'),
    contentBase64: z
      .string()
      .min(1, 'El archivo está vacío')
      .max(Math.ceil(maxBytes / 3) * 4, `El archivo CSV supera el máximo de ${maxBytes / 1_000_000} MB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Contenido de archivo no válido'),
  }
}

/** A members CSV as chosen, and what becomes of people already registered. */
export const importMembersCsvSchema = z
  .object({
    ...csvFileFields(MEMBER_CSV_MAX_BYTES),
    apply: z.boolean(),
    existing: z.enum(EXISTING_MEMBER_CHOICES).default('omitir'),
  })
  .strict()

/** An answer to the notice: `sin-respuesta` takes a recorded answer back; a suplente attends in the titular's place only with `confirmo`. */
export const setConfirmationSchema = z
  .object({
    sessionId: idSchema,
    memberId: idSchema,
    answer: z.enum(['confirmo', 'declino', 'sin-respuesta']),
    substituteId: idSchema.nullable(),
  })
  .strict()

/** The item the live minutes have open, and whether its timer runs (with the seconds counted so far). */
export const setLiveItemSchema = z.object({ ...itemRef, running: z.boolean(), elapsedSeconds: z.number().int().min(0).max(86_400) }).strict()
