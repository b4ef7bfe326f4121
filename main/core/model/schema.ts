/**
 * The shape of the data file, as zod schemas. The same schemas validate the
 * file on load, the command line's `check`, and the bridge's inputs, so a
 * value the app accepts is always a value it can store and read back.
 */
import { z } from 'zod'

export const SCHEMA_VERSION = 7

export const idSchema = z.string().min(1, 'Identificador no válido').max(64, 'Identificador no válido').regex(/^[A-Za-z0-9_-]+$/, 'Identificador no válido')
/** A calendar date, `YYYY-MM-DD`, read in America/Mexico_City. */
export const dateSchema = z.iso.date({ message: 'Fecha no válida (AAAA-MM-DD)' })
/** A wall-clock time, `HH:MM`, in America/Mexico_City. */
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Hora no válida (HH:MM)')
/** An instant, ISO 8601 with offset. */
export const instantSchema = z.iso.datetime({ offset: true, message: 'Fecha y hora no válidas' })
const text = (max: number) => z.string().max(max, `Máximo ${max} caracteres`)
const requiredText = (max: number, what: string) =>
  z.string().trim().min(1, `${what} es obligatorio`).max(max, `Máximo ${max} caracteres`)

export const SECTORS = ['gobierno-estatal', 'sociedad-civil', 'organo-garante', 'academia', 'municipio', 'otro'] as const
export const MUNICIPALITIES = [
  'Guadalajara',
  'Zapopan',
  'Tlajomulco de Zúñiga',
  'San Pedro Tlaquepaque',
  'Tonalá',
] as const
export const PILLARS = ['transparencia', 'rendicion-de-cuentas', 'participacion-ciudadana', 'tecnologia-e-innovacion'] as const

/** An RFC of a person (13) or a company (12): letters, birth or founding date, homoclave. */
export const RFC_PATTERN = /^[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}$/
/** A CURP: 18 characters, the sex letter in the eleventh place. */
export const CURP_PATTERN = /^[A-Z][AEIOUX][A-Z]{2}\d{6}[HM][A-Z]{5}[A-Z0-9]\d$/

export const memberSchema = z.object({
  id: idSchema,
  fullName: requiredText(160, 'El nombre'),
  position: text(160),
  institution: requiredText(200, 'La institución'),
  sector: z.enum(SECTORS),
  municipality: z.enum(MUNICIPALITIES).nullable(),
  role: z.enum(['titular', 'suplente']),
  /** For a suplente: the titular this member stands in for. */
  substituteFor: idSchema.nullable(),
  voting: z.enum(['voz-y-voto', 'voz']),
  active: z.boolean(),
  email: z.union([z.literal(''), z.email({ message: 'Correo electrónico no válido' })]),
  phone: text(40),
  /** Optional: what the member's e.firma says (RFC, CURP), to match their signature; empty when unknown. */
  rfc: z.union([z.literal(''), z.string().regex(RFC_PATTERN, 'RFC no válido')]),
  curp: z.union([z.literal(''), z.string().regex(CURP_PATTERN, 'CURP no válida')]),
  createdAt: instantSchema,
  updatedAt: instantSchema,
})

export const attachmentSchema = z.object({
  id: idSchema,
  fileName: requiredText(255, 'El nombre del archivo'),
  /** Relative to the data folder, always under `adjuntos/`. */
  storedPath: z.string().regex(/^adjuntos\/[A-Za-z0-9._-]+$/, 'Ruta de adjunto no válida'),
  sha256: z.string().regex(/^[a-f0-9]{64}$/, 'SHA-256 no válido'),
  size: z.number().int().nonnegative(),
  addedAt: instantSchema,
})

export const AGENDA_ITEM_TYPES = ['tramite', 'informativo', 'deliberativo', 'votacion', 'asuntos-generales'] as const
export const AGENDA_ITEM_STATUSES = ['pendiente', 'tratado', 'diferido', 'retirado'] as const

export const interventionSchema = z.object({
  id: idSchema,
  memberId: idSchema.nullable(),
  speaker: text(160),
  summary: text(4000),
  at: instantSchema,
})

export const agendaItemSchema = z.object({
  id: idSchema,
  /** A sub-item (2.1) names its parent; items keep their order in the array. */
  parentId: idSchema.nullable(),
  title: requiredText(400, 'El título del punto'),
  type: z.enum(AGENDA_ITEM_TYPES),
  presenter: text(200),
  minutes: z.number().int().min(0).max(600),
  notes: text(200_000),
  status: z.enum(AGENDA_ITEM_STATUSES),
  attachments: z.array(attachmentSchema),
  interventions: z.array(interventionSchema),
  /** Seconds the item has been under discussion (the live item timer). */
  elapsedSeconds: z.number().int().nonnegative(),
})

export const ATTENDANCE_STATUSES = ['presente', 'ausente', 'justificada', 'suplente'] as const

/** Whether a roll-call status puts the seat in the room: the titular, or the suplente standing in. */
export function countsAsPresent(status: (typeof ATTENDANCE_STATUSES)[number]): boolean {
  return status === 'presente' || status === 'suplente'
}

export const attendanceSchema = z.object({
  memberId: idSchema,
  status: z.enum(ATTENDANCE_STATUSES),
  /** When status is `suplente`: the member who attended in place of this one. */
  substituteId: idSchema.nullable(),
  arrivedAt: timeSchema.nullable(),
  leftAt: timeSchema.nullable(),
})

export const quorumDeclarationSchema = z.object({
  declaredAt: instantSchema,
  call: z.enum(['primera', 'segunda']),
  votingMembers: z.number().int().nonnegative(),
  present: z.number().int().nonnegative(),
  required: z.number().int().nonnegative(),
  reached: z.boolean(),
})

/** Before a session: whether a member said they will attend (and whether their suplente comes in their place) or not. */
export const CONFIRMATION_RESPONSES = ['confirmo', 'declino'] as const

export const confirmationSchema = z.object({
  memberId: idSchema,
  response: z.enum(CONFIRMATION_RESPONSES),
  /** With `confirmo`: the titular's registered suplente who attends in their place; null when the titular attends. */
  substituteId: idSchema.nullable(),
  at: instantSchema,
})

/** The item the live minutes have open now, and its timer: what the projector shows. */
export const liveItemSchema = z.object({
  itemId: idSchema,
  /** When the item's timer was started; null while paused. */
  runningSince: instantSchema.nullable(),
  /** The item's elapsed seconds when the timer was started (or paused). */
  baseSeconds: z.number().int().nonnegative().max(86_400),
})

/** A member's comment on the agenda, written offline in a review packet and imported by the secretariat. */
export const commentSchema = z.object({
  id: idSchema,
  /** The agenda item commented on; null for a general comment. */
  itemId: idSchema.nullable(),
  author: requiredText(160, 'El nombre de quien comenta'),
  text: requiredText(8000, 'El comentario'),
  writtenAt: instantSchema,
  importedAt: instantSchema,
  /** The review packet the comment answers. */
  packetId: z.string().min(1).max(64),
  /** SHA-256 of the comment's content: importing the same comment twice changes nothing. */
  digest: z.string().regex(/^[a-f0-9]{64}$/),
})

/** The signed acta, kept in the data folder once signed; the session is then locked. */
export const signedActaSchema = z.object({
  storedPath: z.string().regex(/^actas\/[A-Za-z0-9._-]+\.pdf$/, 'Ruta de acta no válida'),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  signedAt: instantSchema,
  signers: z
    .array(
      z.object({
        name: text(300),
        rfc: text(13).nullable(),
        signedAt: instantSchema,
        /** The expected signer whose reserved field this signature filled (null: a field added at signing). */
        memberId: idSchema.nullable(),
        /** The signature field's name in the PDF. */
        field: text(200).nullable(),
        /** The serial number of the certificate that signed. */
        serial: text(100).nullable(),
      }),
    )
    .min(1),
})

/**
 * The acta out for signature: the signing order of the expected signers and
 * every revision of the file (the first, unsigned, as sent; each later one
 * with one more signature). The last revision is the file to send next.
 */
export const signatureCircuitSchema = z.object({
  startedAt: instantSchema,
  order: z.array(idSchema).min(1),
  revisions: z
    .array(
      z.object({
        storedPath: z.string().regex(/^actas\/[A-Za-z0-9._-]+\.pdf$/, 'Ruta de acta no válida'),
        sha256: z.string().regex(/^[a-f0-9]{64}$/),
        length: z.number().int().positive(),
        at: instantSchema,
        /** Who added the signature this revision carries (null: the unsigned acta as sent). */
        memberId: idSchema.nullable(),
      }),
    )
    .min(1),
})

/** A correction to a signed acta (fe de erratas): the signed text never changes, corrections are appended. */
export const errataSchema = z.object({
  id: idSchema,
  at: instantSchema,
  profile: text(160),
  text: requiredText(8000, 'El texto de la fe de erratas'),
})

export const SESSION_TYPES = ['ordinaria', 'extraordinaria'] as const
export const SESSION_STATUSES = ['borrador', 'convocada', 'en-curso', 'concluida', 'en-firma', 'firmada', 'cancelada'] as const
export const ACT_STATUSES = ['borrador', 'en-revision', 'aprobada', 'firmada'] as const
export const MODALITIES = ['presencial', 'virtual', 'hibrida'] as const

export const sessionSchema = z.object({
  id: idSchema,
  type: z.enum(SESSION_TYPES),
  /** Number within its type and year: the 3 of "Tercera Sesión Ordinaria 2026". */
  number: z.number().int().min(1).max(99),
  year: z.number().int().min(2000).max(2100),
  date: dateSchema,
  startTime: timeSchema,
  endTime: timeSchema.nullable(),
  modality: z.enum(MODALITIES),
  venue: text(300),
  link: text(500),
  status: z.enum(SESSION_STATUSES),
  chairId: idSchema.nullable(),
  secretaryId: idSchema.nullable(),
  agenda: z.array(agendaItemSchema),
  attendance: z.array(attendanceSchema),
  quorum: quorumDeclarationSchema.nullable(),
  actStatus: z.enum(ACT_STATUSES),
  /** The later session in which this session's acta was approved. */
  actApprovedInSessionId: idSchema.nullable(),
  cancelReason: text(1000),
  /**
   * The calendar invitation's SEQUENCE (RFC 5545): 0 as first sent, one more
   * each time the convened session moves (date, times, place, link, modality)
   * and when it is cancelled, so calendars replace the earlier one.
   */
  invitationSequence: z.number().int().min(0).max(10_000),
  /** Answers to the notice, one per titular who answered (no entry: «sin respuesta»). */
  confirmations: z.array(confirmationSchema),
  /** The item under discussion in the live minutes; null outside them. */
  live: liveItemSchema.nullable(),
  comments: z.array(commentSchema),
  signedActa: signedActaSchema.nullable(),
  signatureCircuit: signatureCircuitSchema.nullable(),
  errata: z.array(errataSchema),
  createdAt: instantSchema,
  updatedAt: instantSchema,
})

export const AGREEMENT_STATUSES = ['pendiente', 'en-proceso', 'cumplido', 'cancelado'] as const

/** Most votes of one kind an agreement records: far above any body's membership, so a typo is caught. */
export const MAX_VOTE_COUNT = 999
const voteCount = z.number().int().nonnegative().max(MAX_VOTE_COUNT, `Máximo ${MAX_VOTE_COUNT} votos`)

export const voteSchema = z.object({
  favor: voteCount,
  contra: voteCount,
  abstenciones: voteCount,
  unanimous: z.boolean(),
  named: z.array(z.object({ memberId: idSchema, vote: z.enum(['favor', 'contra', 'abstencion']) })),
})

export const followUpSchema = z.object({
  id: idSchema,
  date: dateSchema,
  note: requiredText(4000, 'La nota de seguimiento'),
  evidenceUrl: text(1000),
  evidenceFile: attachmentSchema.nullable(),
  /** The session whose follow-up item recorded this entry, when there was one. */
  sessionId: idSchema.nullable(),
})

export const agreementSchema = z.object({
  id: idSchema,
  /** Readable key, e.g. STL-SO03-2026-02. */
  key: z.string().regex(/^[A-Z0-9]+-S[OE]\d{2}-\d{4}-\d{2,3}$/, 'Clave de acuerdo no válida'),
  sessionId: idSchema,
  itemId: idSchema,
  text: requiredText(8000, 'El texto del acuerdo'),
  vote: voteSchema,
  responsibleMemberIds: z.array(idSchema),
  responsibleInstitutions: z.array(requiredText(200, 'La institución')),
  dueDate: dateSchema.nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  commitmentId: idSchema.nullable(),
  followUps: z.array(followUpSchema),
  createdAt: instantSchema,
  updatedAt: instantSchema,
})

export const MILESTONE_STATUSES = ['no-iniciado', 'en-proceso', 'completado'] as const

export const milestoneSchema = z.object({
  id: idSchema,
  title: requiredText(400, 'El título del hito'),
  dueDate: dateSchema,
  deliverable: text(1000),
  status: z.enum(MILESTONE_STATUSES),
  /** Percent done, 0–100. */
  progress: z.number().int().min(0).max(100),
  evidence: text(2000),
  /** Relative weight within its commitment. */
  weight: z.number().int().min(1).max(100),
})

export const planSchema = z.object({
  id: idSchema,
  name: requiredText(120, 'El nombre del plan'),
  startYear: z.number().int().min(2000).max(2100),
  endYear: z.number().int().min(2000).max(2100),
})

export const commitmentSchema = z.object({
  id: idSchema,
  planId: idSchema,
  number: z.number().int().min(1).max(999),
  title: requiredText(400, 'El título del compromiso'),
  pillars: z.array(z.enum(PILLARS)).min(1, 'Elija al menos un pilar'),
  problem: text(8000),
  baseline: text(4000),
  objective: text(4000),
  expectedResult: text(4000),
  leadInstitution: requiredText(200, 'La institución responsable'),
  coLeadInstitution: text(200),
  startDate: dateSchema,
  endDate: dateSchema,
  milestones: z.array(milestoneSchema),
})

export const QUORUM_RULES = ['mitad-mas-uno', 'dos-tercios', 'porcentaje'] as const

/** The presidency and the technical secretary of the session, or every member present with vote. */
export const SIGNATURE_SIGNER_RULES = ['presidencia-y-secretaria', 'presentes-con-voto'] as const

export const settingsSchema = z.object({
  organization: requiredText(200, 'El nombre de la organización'),
  bodyName: requiredText(200, 'El nombre del órgano'),
  /** Prefix of agreement keys: STL → STL-SO03-2026-02. */
  keyPrefix: z.string().regex(/^[A-Z0-9]{2,10}$/, 'El prefijo debe tener de 2 a 10 letras mayúsculas o dígitos'),
  defaultVenue: text(300),
  quorum: z.object({
    rule: z.enum(QUORUM_RULES),
    /** Used by the `porcentaje` rule: the share of voting members required, 1–100. */
    percent: z.number({ message: 'Indique un porcentaje entre 1 y 100' }).int('Indique un porcentaje entre 1 y 100').min(1, 'Indique un porcentaje entre 1 y 100').max(100, 'Indique un porcentaje entre 1 y 100'),
    secondCallAllowed: z.boolean(),
    /** On a second call: the minimum present with vote to proceed (0 = whoever is present). */
    secondCallMinimum: z.number({ message: 'Indique un número entre 0 y 500' }).int('Indique un número entre 0 y 500').min(0, 'Indique un número entre 0 y 500').max(500, 'Indique un número entre 0 y 500'),
  }),
  profile: z.object({
    name: requiredText(160, 'El nombre del perfil'),
    role: text(160),
  }),
  /** Who is expected to sign the acta: one reserved field each on its «Firmas» page. */
  signatureSigners: z.enum(SIGNATURE_SIGNER_RULES),
})

/** A certificate authority the secretariat trusts: a signature whose chain reaches it is «confiable». */
export const trustedAuthoritySchema = z.object({
  id: idSchema,
  name: text(300),
  issuer: text(300),
  /** SHA-256 of the certificate's DER bytes, lower-case hex. */
  fingerprint: z.string().regex(/^[a-f0-9]{64}$/),
  validFrom: instantSchema,
  validTo: instantSchema,
  /** The certificate itself (DER), base64. */
  derBase64: z.string().min(1).max(40_000).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  addedAt: instantSchema,
})

export const AUDIT_ENTITIES = ['integrante', 'sesion', 'acuerdo', 'compromiso', 'plan', 'configuracion', 'archivo'] as const

export const auditEntrySchema = z.object({
  id: idSchema,
  at: instantSchema,
  profile: text(160),
  entity: z.enum(AUDIT_ENTITIES),
  entityId: z.string().max(64),
  action: z.enum(['crear', 'editar', 'eliminar', 'importar', 'restaurar', 'estado']),
  summary: text(1000),
})

/** The last full backup archive (`.stlbak`) made of this data: when, under what name, its SHA-256 and size. */
export const fullBackupRecordSchema = z.object({
  at: instantSchema,
  fileName: text(255),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  bytes: z.number().int().nonnegative(),
})

export const dataSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  settings: settingsSchema,
  members: z.array(memberSchema),
  sessions: z.array(sessionSchema),
  agreements: z.array(agreementSchema),
  plans: z.array(planSchema),
  commitments: z.array(commitmentSchema),
  audit: z.array(auditEntrySchema),
  trustedAuthorities: z.array(trustedAuthoritySchema),
  lastFullBackup: fullBackupRecordSchema.nullable(),
})

export type Member = z.infer<typeof memberSchema>
export type Attachment = z.infer<typeof attachmentSchema>
export type AgendaItem = z.infer<typeof agendaItemSchema>
export type Intervention = z.infer<typeof interventionSchema>
export type Attendance = z.infer<typeof attendanceSchema>
export type QuorumDeclaration = z.infer<typeof quorumDeclarationSchema>
export type Session = z.infer<typeof sessionSchema>
export type Confirmation = z.infer<typeof confirmationSchema>
export type LiveItem = z.infer<typeof liveItemSchema>
export type SignatureCircuit = z.infer<typeof signatureCircuitSchema>
export type Comment = z.infer<typeof commentSchema>
export type Vote = z.infer<typeof voteSchema>
export type FollowUp = z.infer<typeof followUpSchema>
export type Agreement = z.infer<typeof agreementSchema>
export type Milestone = z.infer<typeof milestoneSchema>
export type Plan = z.infer<typeof planSchema>
export type Commitment = z.infer<typeof commitmentSchema>
export type Settings = z.infer<typeof settingsSchema>
export type AuditEntry = z.infer<typeof auditEntrySchema>
export type TrustedAuthority = z.infer<typeof trustedAuthoritySchema>
export type FullBackupRecord = z.infer<typeof fullBackupRecordSchema>
export type SignatureSignerRule = (typeof SIGNATURE_SIGNER_RULES)[number]
export type Data = z.infer<typeof dataSchema>
export type Sector = (typeof SECTORS)[number]
export type Pillar = (typeof PILLARS)[number]
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const DEFAULT_SETTINGS: Settings = {
  organization: 'Gobierno Abierto Jalisco',
  bodyName: 'Secretariado Técnico Local',
  keyPrefix: 'STL',
  defaultVenue: '',
  quorum: { rule: 'mitad-mas-uno', percent: 51, secondCallAllowed: true, secondCallMinimum: 0 },
  profile: { name: 'Secretaría Técnica', role: 'Secretaría Técnica del STL' },
  signatureSigners: 'presidencia-y-secretaria',
}

export function emptyData(now: Date): Data {
  const at = now.toISOString()
  return {
    schemaVersion: SCHEMA_VERSION,
    createdAt: at,
    updatedAt: at,
    settings: DEFAULT_SETTINGS,
    members: [],
    sessions: [],
    agreements: [],
    plans: [],
    commitments: [],
    audit: [],
    trustedAuthorities: [],
    lastFullBackup: null,
  }
}
