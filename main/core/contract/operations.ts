/**
 * The bridge contract: every operation the renderer may call, with its input
 * schema and output type. Main implements each one (core/ipc/handlers.ts), the
 * preload exposes exactly these names, and the renderer uses their types.
 * A new operation is one entry here plus one handler.
 */
import { z } from 'zod'
import { defineOperation, type Operation, type Result } from './operation'
import { channelOf, operationNames, type OperationName } from './operation-names'
import {
  CURP_PATTERN,
  MUNICIPALITIES,
  RFC_PATTERN,
  SECTORS,
  idSchema,
  settingsSchema,
  type Member,
  type Settings,
} from '../model/schema'
import type {
  AgreementRow,
  AppStatus,
  AuditEntry,
  CommitmentView,
  DashboardView,
  FileDownload,
  JobView,
  SignatureView,
  ActaSigningView,
  ActaForSigningView,
  SignatureCircuitView,
  TrustedAuthorityView,
  SignedActaCheck,
  SignerView,
  OpenDataFile,
  SearchResult,
  MemberRow,
  PlanOverview,
  SessionDetail,
  SessionSummary,
  MailDraftsView,
  ProjectorView,
} from './views'
import type { Agreement } from '../model/schema'
import * as input from './session-inputs'
import * as follow from './follow-up-inputs'
import * as doc from './document-inputs'
import * as packet from './packet-inputs'
import type { CommentsImportReport, FileDownload as PacketFile, PacketView } from './views'
import type { FullBackupCreated, FullBackupInspection, FullBackupRestored, FullBackupStatusView } from './views'
import * as backup from '../backup/inputs'
import { cleanShortText } from '../domain/text'
import type { MemberImportReport } from '../domain/member-csv'
import type { ProgressImportReport } from '../domain/progress-csv'

const none = z.undefined()

/**
 * The fields a user edits about a member, each with its own limits; ids and
 * timestamps belong to the store. A plain object, so forms can check one
 * field at a time (`memberFieldsSchema.shape.email`) and others can derive
 * from it; `memberInputSchema` adds the rules that tie fields together.
 * The texts are kept composed (NFC) and without invisible formatting
 * characters (cleanShortText), whichever way they come: the form, a CSV, the
 * command line.
 */
export const memberFieldsSchema = z
  .object({
    fullName: z.string().overwrite(cleanShortText).trim().min(1, 'El nombre es obligatorio').max(160, 'Máximo 160 caracteres'),
    position: z.string().overwrite(cleanShortText).trim().max(160, 'Máximo 160 caracteres'),
    institution: z.string().overwrite(cleanShortText).trim().min(1, 'La institución es obligatoria').max(200, 'Máximo 200 caracteres'),
    sector: z.enum(SECTORS, { message: 'Elija un sector' }),
    /** Required for the municipal sector; optional for the others (a member may still name one). */
    municipality: z.enum(MUNICIPALITIES).nullable(),
    role: z.enum(['titular', 'suplente']),
    substituteFor: idSchema.nullable(),
    voting: z.enum(['voz-y-voto', 'voz']),
    email: z.union([z.literal(''), z.email({ message: 'Correo electrónico no válido' })]),
    phone: z.string().overwrite(cleanShortText).trim().max(40, 'Máximo 40 caracteres'),
    /** Optional, as written in the member's e.firma: matches their signature to them. */
    rfc: z
      .string()
      .trim()
      .toUpperCase()
      .refine((value) => value === '' || RFC_PATTERN.test(value), 'RFC no válido: 12 o 13 caracteres, como GOMA800101AB1')
      .default(''),
    curp: z
      .string()
      .trim()
      .toUpperCase()
      .refine((value) => value === '' || CURP_PATTERN.test(value), 'CURP no válida: 18 caracteres, como GOMA800101MJCRRN09')
      .default(''),
  })
  .strict()

/** Whether a member of this sector must name the municipality they represent (the form marks the field from this). */
export function requiresMunicipality(sector: Member['sector'] | null): boolean {
  return sector === 'municipio'
}

/** What a user edits about a member, checked whole: its fields, and a member of the municipal sector names the municipality. */
export const memberInputSchema = memberFieldsSchema.refine((member) => !requiresMunicipality(member.sector) || member.municipality !== null, {
  message: 'Elija el municipio que representa',
  path: ['municipality'],
})
export type MemberInput = z.infer<typeof memberInputSchema>

export const operations = {
  getStatus: defineOperation<AppStatus>()(none),
  restoreBackup: defineOperation<AppStatus>()(z.object({ name: z.string().min(1).max(200) }).strict()),
  startEmpty: defineOperation<AppStatus>()(none),
  retryOpen: defineOperation<AppStatus>()(none),
  openReadOnly: defineOperation<AppStatus>()(none),
  unlockDataFile: defineOperation<AppStatus>()(z.object({ token: z.string().regex(/^[a-f0-9]{64}$/, 'Identificador de candado no válido') }).strict()),

  getSettings: defineOperation<Settings>()(none),
  updateSettings: defineOperation<Settings>()(settingsSchema.strict()),

  listMembers: defineOperation<MemberRow[]>()(none),
  createMember: defineOperation<Member>()(memberInputSchema),
  updateMember: defineOperation<Member>()(z.object({ id: idSchema, member: memberInputSchema }).strict()),
  setMemberActive: defineOperation<Member>()(z.object({ id: idSchema, active: z.boolean() }).strict()),

  importMembersCsv: defineOperation<MemberImportReport>()(input.importMembersCsvSchema),

  listSessions: defineOperation<SessionSummary[]>()(none),
  getSession: defineOperation<SessionDetail>()(z.object({ id: idSchema }).strict()),
  createSession: defineOperation<SessionDetail>()(input.createSessionSchema),
  updateSession: defineOperation<SessionDetail>()(input.updateSessionSchema),
  changeSessionStatus: defineOperation<SessionDetail>()(input.changeSessionStatusSchema),

  addAgendaItem: defineOperation<SessionDetail>()(input.addAgendaItemSchema),
  updateAgendaItem: defineOperation<SessionDetail>()(input.updateAgendaItemSchema),
  removeAgendaItem: defineOperation<SessionDetail>()(input.agendaItemRefSchema),
  moveAgendaItem: defineOperation<SessionDetail>()(input.moveAgendaItemSchema),
  reorderAgenda: defineOperation<SessionDetail>()(input.reorderAgendaSchema),
  replaceAgenda: defineOperation<SessionDetail>()(input.replaceAgendaSchema),
  addAttachment: defineOperation<SessionDetail>()(input.addAttachmentSchema),
  removeAttachment: defineOperation<SessionDetail>()(input.removeAttachmentSchema),

  setAttendance: defineOperation<SessionDetail>()(input.setAttendanceSchema),
  declareQuorum: defineOperation<SessionDetail>()(input.declareQuorumSchema),
  setConfirmation: defineOperation<SessionDetail>()(input.setConfirmationSchema),

  saveItemNotes: defineOperation<{ savedAt: string }>()(input.saveItemNotesSchema),
  setItemStatus: defineOperation<SessionDetail>()(input.setItemStatusSchema),
  setItemElapsed: defineOperation<null>()(input.setItemElapsedSchema),
  /** The live minutes tell the core which item is open (what the projector shows). */
  setLiveItem: defineOperation<null>()(input.setLiveItemSchema),
  /** What the room's projector shows of a session in course. */
  projectorView: defineOperation<ProjectorView>()(z.object({ sessionId: idSchema }).strict()),
  /** Opens the projector's window (on the second display where there is one). */
  openProjector: defineOperation<null>()(z.object({ sessionId: idSchema }).strict()),
  addIntervention: defineOperation<SessionDetail>()(input.addInterventionSchema),
  removeIntervention: defineOperation<SessionDetail>()(input.removeInterventionSchema),

  createAgreement: defineOperation<Agreement>()(input.createAgreementSchema),
  updateAgreement: defineOperation<Agreement>()(input.updateAgreementSchema),
  deleteAgreement: defineOperation<null>()(input.deleteAgreementSchema),

  listAgreements: defineOperation<AgreementRow[]>()(none),
  addFollowUp: defineOperation<Agreement>()(follow.addFollowUpSchema),
  removeFollowUp: defineOperation<Agreement>()(follow.removeFollowUpSchema),
  setAgreementStatus: defineOperation<Agreement>()(follow.setAgreementStatusSchema),

  getPlanOverview: defineOperation<PlanOverview>()(none),
  createPlan: defineOperation<PlanOverview>()(follow.createPlanSchema),
  updatePlan: defineOperation<PlanOverview>()(follow.updatePlanSchema),
  createCommitment: defineOperation<CommitmentView>()(follow.createCommitmentSchema),
  updateCommitment: defineOperation<CommitmentView>()(follow.updateCommitmentSchema),
  addMilestone: defineOperation<CommitmentView>()(follow.addMilestoneSchema),
  updateMilestone: defineOperation<CommitmentView>()(follow.updateMilestoneSchema),
  removeMilestone: defineOperation<CommitmentView>()(follow.removeMilestoneSchema),
  getDashboard: defineOperation<DashboardView>()(none),

  search: defineOperation<SearchResult[]>()(follow.searchSchema),
  exportOpenData: defineOperation<OpenDataFile>()(follow.exportOpenDataSchema),
  /** The session's calendar invitation (.ics): the request, or its cancellation once cancelled. */
  exportInvitation: defineOperation<OpenDataFile>()(z.object({ sessionId: idSchema }).strict()),
  /** «Preparar correos»: the notice's .eml drafts in a new folder beside the data file, which is then opened. */
  prepareMailDrafts: defineOperation<MailDraftsView>()(z.object({ sessionId: idSchema, mode: z.enum(['individual', 'bcc']) }).strict()),
  importProgressCsv: defineOperation<ProgressImportReport>()(follow.importProgressCsvSchema),

  listAudit: defineOperation<AuditEntry[]>()(follow.auditQuerySchema),
  exportAudit: defineOperation<OpenDataFile>()(follow.auditQuerySchema),

  startDocument: defineOperation<{ jobId: string }>()(doc.startDocumentSchema),
  getJob: defineOperation<JobView>()(doc.jobRefSchema),
  openJobInViewer: defineOperation<null>()(doc.jobRefSchema),

  describeCredentials: defineOperation<SignerView>()(doc.describeCredentialsSchema),
  prepareActaSigning: defineOperation<ActaSigningView>()(doc.sessionRefSchema),
  signActa: defineOperation<SessionDetail>()(doc.signActaSchema),
  verifyPdf: defineOperation<SignatureView[]>()(doc.verifyPdfSchema),
  verifySignedActa: defineOperation<SignedActaCheck>()(doc.sessionRefSchema),
  getSignedActa: defineOperation<FileDownload>()(doc.sessionRefSchema),
  addErrata: defineOperation<SessionDetail>()(doc.addErrataSchema),

  // The signature circuit: the acta travels to each signer and comes back with one more signature (handlers/circuit.ts).
  startSignatureCircuit: defineOperation<SessionDetail>()(doc.startSignatureCircuitSchema),
  setSignatureOrder: defineOperation<SessionDetail>()(doc.setSignatureOrderSchema),
  getSignatureCircuit: defineOperation<SignatureCircuitView>()(doc.sessionRefSchema),
  getCurrentActa: defineOperation<FileDownload>()(doc.sessionRefSchema),
  receiveSignedActa: defineOperation<SessionDetail>()(doc.receiveSignedActaSchema),
  openActaForSigning: defineOperation<ActaForSigningView>()(doc.openActaForSigningSchema),
  signActaFile: defineOperation<FileDownload>()(doc.signActaFileSchema),

  // Offline review: a packet out for members, their comments back (handlers/packets.ts).
  exportPacket: defineOperation<PacketFile>()(packet.exportPacketSchema),
  openPacket: defineOperation<PacketView>()(packet.openPacketSchema),
  getPacketAttachment: defineOperation<PacketFile>()(packet.packetAttachmentSchema),
  exportComments: defineOperation<PacketFile>()(packet.exportCommentsSchema),
  importComments: defineOperation<CommentsImportReport>()(packet.importCommentsSchema),

  listTrustedAuthorities: defineOperation<TrustedAuthorityView[]>()(none),
  addTrustedAuthority: defineOperation<TrustedAuthorityView[]>()(doc.addTrustedAuthoritySchema),
  removeTrustedAuthority: defineOperation<TrustedAuthorityView[]>()(doc.trustedAuthorityRefSchema),

  // The full backup (.stlbak): everything of the data folder in one archive (handlers/backup.ts).
  getFullBackupStatus: defineOperation<FullBackupStatusView>()(none),
  createFullBackup: defineOperation<FullBackupCreated>()(none),
  inspectFullBackup: defineOperation<FullBackupInspection>()(backup.inspectFullBackupSchema),
  recordFullBackup: defineOperation<FullBackupStatusView>()(backup.recordFullBackupSchema),
  restoreFullBackup: defineOperation<FullBackupRestored>()(backup.restoreFullBackupSchema),

  exportDiagnostics: defineOperation<FileDownload>()(none),
  openDataFolder: defineOperation<null>()(none),
  /** The folder of the signed actas and of the actas out for signature (actas/ in the data folder). */
  openActasFolder: defineOperation<null>()(none),

  openExternal: defineOperation<null>()(z.object({ url: z.string().max(2048) }).strict()),
} as const

export type Operations = typeof operations
export type { OperationName }
export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>
export type OutputOf<K extends OperationName> = Operations[K] extends Operation<z.ZodType, infer O> ? O : never

export { channelOf, operationNames }

/** Compile-time proof that the contract declares exactly the names of operation-names.ts, no more and no fewer. */
type SameKeys<A, B> = [Exclude<keyof A, B>, Exclude<B, keyof A>] extends [never, never] ? true : never
const contractMatchesNames: SameKeys<Operations, OperationName> = true
void contractMatchesNames

/** The shape of `window.api`: one function per operation, each resolving to a Result. */
export type Api = {
  [K in OperationName]: InputOf<K> extends undefined
    ? () => Promise<Result<OutputOf<K>>>
    : (input: InputOf<K>) => Promise<Result<OutputOf<K>>>
}
