/**
 * Read models the bridge returns: entities from the data file plus the values
 * derived from them (titles, progress, overdue state), computed in the core so
 * the renderer never re-implements a rule.
 */
import type {
  Agreement,
  AuditEntry,
  Commitment,
  Member,
  Milestone,
  Plan,
  Session,
} from '../model/schema'

export interface BackupInfo {
  name: string
  kind: 'guardado' | 'diario'
  savedAt: string
  size: number
}

export type AppStatus =
  | {
      state: 'listo'
      version: string
      dataFile: string
      dataFolder: string
      schemaVersion: number
      lastBackup: BackupInfo | null
      backups: BackupInfo[]
      /** Every change is refused (the folder cannot be written, or the user chose it); reading and exporting work. */
      readOnly: boolean
      /** Why, in Spanish, when read-only. */
      readOnlyReason: string | null
    }
  | {
      /** Another program holds the data file's lock; nothing was read or written. */
      state: 'bloqueado'
      version: string
      dataFile: string
      dataFolder: string
      schemaVersion: number
      /** The core's Spanish explanation, naming the owner. */
      problem: string
      /** Who holds it; null when its record cannot be read (being written right now). */
      owner: LockOwnerView | null
      /** Identifies the exact lock shown, so «Desbloquear» never removes a newer one. */
      token: string
    }
  | {
      /** The data file could not be used; nothing was overwritten. */
      state: 'recuperacion'
      version: string
      dataFile: string
      dataFolder: string
      schemaVersion: number
      problem: string
      /** Where the unreadable file was moved, when it was moved. */
      quarantinedTo: string | null
      /** Valid backups the user may restore, newest first. */
      backups: BackupInfo[]
      /** A file from a newer version is refused outright, never replaced. */
      canStartEmpty: boolean
      /** When the file may not be replaced: a newer version's, too big to load, or a folder that cannot be written. */
      keptBecause: 'version-nueva' | 'demasiado-grande' | 'solo-lectura' | null
    }

/** The owner record of a data file's lock, as the lock screen shows it. */
export interface LockOwnerView {
  /** «Secretariado» or «la línea de comandos (import-progress)». */
  program: string
  host: string
  /** Empty when unknown. */
  user: string
  /** ISO instant; empty when unknown. */
  since: string
  pid: number
  /** Whether the owner is on this machine (a lock from another machine comes from a shared folder). */
  sameHost: boolean
}

export type AgreementState = Agreement['status'] | 'vencido'

export interface SessionSummary {
  id: string
  title: string
  key: string
  type: Session['type']
  number: number
  year: number
  date: string
  startTime: string
  endTime: string | null
  modality: Session['modality']
  venue: string
  status: Session['status']
  actStatus: Session['actStatus']
  agendaItems: number
  present: number
  expected: number
  agreements: number
  /** The session took place (concluded or signed): isHeld in domain/session-rules. */
  held: boolean
}

export interface AgendaItemPlan {
  /** "1", "2", "2.1" … */
  number: string
  /** Scheduled start and end, HH:MM, from the session's start time and the estimated minutes. */
  start: string
  end: string
  /** The item reviews the follow-up of earlier agreements (isFollowUpItem in domain/agenda). */
  followUp: boolean
}

export interface RosterEntry {
  memberId: string
  fullName: string
  position: string
  institution: string
  sector: Member['sector']
  role: Member['role']
  voting: Member['voting']
  /** Suplentes who may stand in for this titular. */
  substitutes: { id: string; fullName: string }[]
  /** The attendance row, once the roll is open. */
  attendance: Session['attendance'][number] | null
  /** The member's answer to the notice, where the roll call starts from (domain/confirmations). */
  confirmation: { answer: 'confirmo' | 'declino'; substituteId: string | null } | null
}

export interface QuorumView {
  votingMembers: number
  present: number
  required: number
  reached: boolean
  call: 'primera' | 'segunda'
  secondCallAllowed: boolean
  /** Members who may vote now (titular present or suplente standing in), for named votes. */
  voters: { id: string; fullName: string; institution: string }[]
}

/** Before the session: the members' answers to the notice and the quorum they foresee (domain/confirmations). */
export interface ConfirmationsView {
  /** Answers are still taken (the session is to be held). */
  open: boolean
  rows: {
    memberId: string
    fullName: string
    institution: string
    sector: Member['sector']
    voting: Member['voting']
    answer: 'confirmo' | 'declino' | 'sin-respuesta'
    /** Who attends in the titular's place, when the answer names a suplente; `available` false once deactivated or reassigned (the seat is then not expected). */
    substitute: { id: string; fullName: string; available: boolean } | null
    /** Suplentes who may attend in this titular's place. */
    substitutes: { id: string; fullName: string }[]
    answeredAt: string | null
  }[]
  expected: {
    confirmed: number
    declined: number
    unanswered: number
    votingMembers: number
    expected: number
    required: number
    reached: boolean
  }
}

/** The notice's e-mail drafts just written: where, how many, and who got none for lack of an address. */
export interface MailDraftsView {
  folder: string
  files: string[]
  recipients: number
  withoutAddress: string[]
  /** What the secretary should know before sending (a draft without sender, characters the PDF could not draw). */
  warnings: string[]
}

/** What the room's projector shows of a session in course (domain/projection): no notes, no controls. */
export interface ProjectorView {
  sessionId: string
  title: string
  status: Session['status']
  /** The instant the view was built at (the core's clock): the remaining time counts from it. */
  asOf: string
  item: {
    id: string
    number: string
    title: string
    presenter: string
    /** The minutes the agenda gives the item; 0 when it has no time of its own. */
    plannedMinutes: number
    elapsedSeconds: number
    /** Planned minus elapsed, in seconds (negative once over time); null without planned time. */
    remainingSeconds: number | null
    running: boolean
  } | null
  quorum: { declared: boolean; present: number; required: number; votingMembers: number; reached: boolean; call: 'primera' | 'segunda' }
  lastAgreement: { key: string; text: string; itemNumber: string; vote: string } | null
  items: { treated: number; total: number }
}

export interface SessionDetail {
  session: Session
  title: string
  key: string
  agreements: Agreement[]
  plan: Record<string, AgendaItemPlan>
  expectedEnd: string
  roster: RosterEntry[]
  quorum: QuorumView
  allowedTransitions: Session['status'][]
  /** The session took place (concluded or signed), so its agreements are all adopted: isHeld in domain/session-rules. */
  held: boolean
  /** What the session's state lets the secretary change now (the core's own rule, so the UI never guesses). */
  editable: { datos: boolean; orden: boolean; asistencia: boolean; minuta: boolean }
  /** What the session's state allows now besides editing, by the same rules the operations apply. */
  can: {
    /** «Paquete de revisión»: not yet held, with an agenda. */
    exportPacket: boolean
    /** «Convocatoria»: not yet held (asked for without an agenda, the core says so). */
    convocatoria: boolean
    /** «Invitación de calendario»: not yet held, or cancelled (its cancellation). */
    invitation: boolean
    /** «Lista de asistencia»: the sign-in sheet, while the session is to be held or in course. */
    attendanceSheet: boolean
    /** «Preparar correos»: the notice's e-mail drafts, for a convened session with an agenda. */
    mailDrafts: boolean
    /** The live minutes tell the projector which item is open (setLiveItem): a session in course. */
    projector: boolean
    /** «Acta»: the session was held. */
    acta: boolean
    /** «Firmar acta», the first signature: held and not yet signed (further signers sign the signed acta). */
    signActa: boolean
    /** «Declarar quórum»: in course and not yet declared. */
    declareQuorum: boolean
    /** Follow-up of earlier agreements recorded in this session: neither signed nor cancelled. */
    recordFollowUp: boolean
    /** Members' comments imported into this session: neither signed nor cancelled. */
    importComments: boolean
    /** «Enviar a firma»: concluded, its acta not yet out for signature. */
    sendForSignature: boolean
    /** «Recibir acta firmada»: the acta is out for signature. */
    receiveSignature: boolean
  }
  /**
   * While the session can be started: the day it is scheduled for against today in Guadalajara
   * (startDate in domain/session-rules). When they differ, starting it asks the secretary to
   * confirm (`confirmDate`), and the session then takes today's date and the real start time.
   */
  startDate: { scheduled: string; today: string; differs: boolean } | null
  /** The session before this one, whose agenda can be copied. */
  previous: { id: string; title: string } | null
  /**
   * The «Seguimiento de acuerdos» item: agreements of earlier sessions still open (pending, in
   * progress or overdue), plus those closed by a follow-up recorded in this session.
   */
  pendingAgreements: AgreementRow[]
  /** The answers to the notice and the quorum they foresee. */
  confirmations: ConfirmationsView
}

export interface CsvImportReport {
  rows: { line: number; name: string; errors: string[] }[]
  valid: boolean
  imported: number
}

export interface AgreementRow extends Agreement {
  sessionTitle: string
  sessionDate: string
  /** `vencido` when pending or in progress past its due date. */
  state: AgreementState
  /** Pending or in progress, overdue or not: still under follow-up (isAgreementOpen). */
  open: boolean
  /** Days past the due date when `vencido`; null otherwise. */
  daysLate: number | null
  responsibleNames: string[]
}

export interface MemberRow extends Member {
  /** Name of the titular this suplente stands in for, or of this titular's suplente. */
  pairedName: string | null
}

export interface MilestoneView extends Milestone {
  /** Not completed and past its due date. */
  overdue: boolean
  /** Not completed, not overdue, and due within MILESTONE_DUE_SOON_DAYS (domain/progress). */
  dueSoon: boolean
  /** Days from today to the due date: 0 on the day, negative once past it. */
  daysLeft: number
}

export interface CommitmentView extends Omit<Commitment, 'milestones'> {
  milestones: MilestoneView[]
  progress: number
  level: 'no-iniciado' | 'limitado' | 'sustancial' | 'completo'
  agreementKeys: string[]
}

export interface PlanOverview {
  plans: Plan[]
  /** The plan in force today (else the most recent one), shown unless the user picks another. */
  currentPlanId: string | null
  commitments: CommitmentView[]
}

export type { AuditEntry }

export interface DashboardView {
  /** The day the figures are computed for, in Guadalajara (`YYYY-MM-DD`). */
  asOf: string
  plan: { id: string; name: string } | null
  commitments: number
  averageProgress: number
  byLevel: { level: CommitmentView['level']; count: number }[]
  byPillar: { pillar: Commitment['pillars'][number]; progress: number; commitments: number }[]
  byInstitution: { institution: string; progress: number; commitments: number }[]
  /** Milestones not completed, due within MILESTONE_DUE_SOON_DAYS (60) or already overdue, soonest first. */
  milestonesDue: { commitmentId: string; commitmentNumber: number; commitmentTitle: string; milestoneId: string; title: string; dueDate: string; status: Milestone['status']; progress: number; overdue: boolean; daysLeft: number }[]
  agreementsByState: { state: AgreementState; count: number }[]
  /** Agreements still open (pending, in progress or overdue). */
  openAgreements: number
  overdueAgreements: AgreementRow[]
  /** The «Primeros pasos» of a new secretariat, decided from the data (domain/first-steps.ts). */
  firstSteps: FirstStepsView
}

/** What a new secretariat has done of its first steps; `show` says whether the sessions list offers them. */
export interface FirstStepsView {
  /** No session yet (so the sessions list is empty): the steps are offered in its place. */
  show: boolean
  /** The settings (name of the body, key prefix, quórum…) were saved at least once, or differ from the defaults. */
  settings: boolean
  /** Members registered (active or not). */
  members: number
  /** A Plan de Acción is registered. */
  plan: boolean
  sessions: number
}

export interface SearchResult {
  kind: 'integrante' | 'sesion' | 'minuta' | 'acuerdo' | 'compromiso'
  id: string
  sessionId: string | null
  title: string
  snippet: string
  /** The day it belongs to (`YYYY-MM-DD`), for sessions and their minutes and agreements; null otherwise. Newest first among equal matches. */
  date: string | null
}

export interface ProgressImportReport {
  rows: { line: number; name: string; errors: string[] }[]
  valid: boolean
  /** Milestones whose values differ from the data (0 for an unchanged round trip). */
  changes: number
  applied: boolean
}

export interface OpenDataFile {
  fileName: string
  mimeType: string
  content: string
}

export interface FileDownload {
  fileName: string
  mimeType: string
  contentBase64: string
}

export interface JobView {
  id: string
  kind: 'acta' | 'convocatoria' | 'lista-asistencia' | 'reporte'
  state: 'en-curso' | 'listo' | 'error'
  /** 0 … 1 */
  progress: number
  error: { code: string; message: string } | null
  /** The finished PDF, once `listo`. */
  file: FileDownload | null
  /** What the user should know about the finished document (characters its fonts cannot draw, say). */
  warnings: string[]
}

export interface SignerView {
  name: string
  rfc: string | null
  curp: string | null
  representativeRfc: string | null
  issuer: string
  validFrom: string
  validTo: string
  serial: string
}

export interface SignatureView {
  signer: string | null
  rfc: string | null
  curp: string | null
  issuer: string | null
  signedAt: string | null
  intact: boolean
  coversWholeDocument: boolean
  trust: string
  trustExplanation: string
  reason: string | null
  location: string | null
  problems: string[]
  /** The signature field's name in the PDF. */
  field: string | null
  /** Something other than a later signature changed the document after this signature. */
  modifiedAfter: boolean
  /** Spanish descriptions of what changed after this signature. */
  changes: string[]
  /** This signature certifies the document (DocMDP): later, only form filling and signatures are allowed. */
  certified: boolean
}

/** One expected signer of an acta and whether their reserved field is signed. */
export interface ExpectedSignerView {
  memberId: string
  name: string
  /** «Presidencia», «Secretaría Técnica», «Integrante». */
  capacity: string
  field: string
  status: 'pendiente' | 'firmada'
  signedAt: string | null
}

/** The exact document a signer is about to sign, for the preview. */
export interface ActaSigningView {
  sessionId: string
  fileName: string
  /** SHA-256 of `contentBase64`'s bytes: what `signActa` must be given back. */
  sha256: string
  contentBase64: string
  /** The acta already carries signatures (this one is added to them). */
  alreadySigned: boolean
  signers: ExpectedSignerView[]
  /** Characters the fonts could not draw, and similar notes about the document. */
  warnings: string[]
}

/** One expected signer in the signature circuit. */
export interface CircuitSignerView {
  memberId: string
  name: string
  capacity: string
  field: string
  status: 'pendiente' | 'firmada'
  signedAt: string | null
  /** The certificate that signed: its holder, RFC and serial number. */
  certificate: { name: string; rfc: string | null; serial: string | null } | null
  /** The first pending signer in the order: who signs next. */
  next: boolean
}

/** The acta out for signature: who signed, who is pending, and the file to send. */
export interface SignatureCircuitView {
  sessionId: string
  state: 'sin-iniciar' | 'en-firma' | 'firmada'
  startedAt: string | null
  signers: CircuitSignerView[]
  /** The current revision: the file to send to the next signer. */
  current: { fileName: string; sha256: string; storedPath: string; signatures: number } | null
}

/** A signature field of a PDF received for signing. */
export interface SigningFieldView {
  field: string
  /** The field's description (/TU), e.g. «Firma de Mtra. Laura Gómez». */
  label: string
  signed: boolean
}

/** The signer's side: an acta received for signing, as the app read it. */
export interface ActaForSigningView {
  fileName: string
  sha256: string
  contentBase64: string
  title: string | null
  fields: SigningFieldView[]
  signatures: SignatureView[]
}

/** A trusted certificate authority, as listed in Configuración. */
export interface TrustedAuthorityView {
  id: string
  name: string
  issuer: string
  fingerprint: string
  validFrom: string
  validTo: string
  addedAt: string
}

export interface SignedActaCheck {
  /** The stored file still has the SHA-256 recorded when it was signed. */
  storedIntact: boolean
  sha256: string
  signatures: SignatureView[]
  /** When the core checked it (the certificates are judged at that moment). */
  checkedAt: string
}

// ── Offline review: packets (member mode) and members' comments ─────────

/** A file of a review packet, as listed in member mode. */
export interface PacketAttachmentView {
  id: string
  fileName: string
  /** The packet entry to ask `getPacketAttachment` for: `adjuntos/…`. */
  entry: string
  size: number
  sha256: string
  mimeType: string
}

export interface PacketItemView {
  id: string
  parentId: string | null
  /** "1", "2", "2.1" … */
  number: string
  title: string
  type: Session['agenda'][number]['type']
  presenter: string
  minutes: number
  start: string
  end: string
  attachments: PacketAttachmentView[]
}

/** The packet's own documents: the guide (paquete.pdf), the convocatoria, the previous acta. */
export interface PacketDocumentView {
  entry: string
  label: string
  size: number
  mimeType: string
}

/** A review packet opened read-only, verified entry by entry; nothing of it is stored. */
export interface PacketView {
  packetId: string
  /** SHA-256 of the packet's manifest: the packet's fingerprint, repeated in the comments file. */
  manifestSha256: string
  organization: string
  bodyName: string
  exportedBy: string
  exportedAt: string
  session: {
    id: string
    key: string
    title: string
    type: Session['type']
    date: string
    startTime: string
    expectedEnd: string
    modality: Session['modality']
    venue: string
    link: string
    status: Session['status']
  }
  items: PacketItemView[]
  documents: PacketDocumentView[]
  previousActa: {
    title: string
    key: string
    date: string
    actStatus: Session['actStatus']
    signed: boolean
    /** `acta-anterior.pdf`, to open with `getPacketAttachment`. */
    pdfEntry: string | null
    items: { number: string; title: string; status: Session['agenda'][number]['status']; notes: string }[]
    agreements: { key: string; itemNumber: string; text: string; vote: string; responsible: string; dueDate: string | null }[]
  } | null
  /** Agreements under follow-up («Seguimiento de acuerdos»). */
  pendingAgreements: { key: string; text: string; sessionTitle: string; responsible: string; dueDate: string | null; state: AgreementState }[]
}

export interface CommentsImportReport {
  sessionId: string
  sessionTitle: string
  sessionKey: string
  packetId: string
  author: string
  writtenAt: string
  /** Comments added now. */
  added: number
  /** Comments already imported before (from this file or an earlier one): nothing changed for them. */
  duplicates: number
  comments: {
    itemId: string | null
    /** The item's number and title today; null for a general comment. */
    itemNumber: string | null
    itemTitle: string | null
    text: string
    status: 'agregado' | 'ya-registrado'
  }[]
}

/** What a full backup archive (`.stlbak`) holds, as verified by the core. */
export interface FullBackupReport {
  /** When the archive was made (the clock of whoever made it). */
  createdAt: string
  appVersion: string
  schemaVersion: number
  organization: string
  bodyName: string
  counts: { members: number; sessions: number; agreements: number }
  /** Entries besides the manifest: the data file, attachments and actas. */
  files: number
  attachments: number
  actas: number
  /** The entries' bytes, uncompressed. */
  contentBytes: number
  /** The archive file itself. */
  archiveBytes: number
  archiveSha256: string
  /** What the user should know but does not refuse the archive (a file the data names but the archive lacks). */
  warnings: string[]
}

export interface FullBackupRecordView {
  at: string
  fileName: string
  sha256: string
  bytes: number
}

/** The «Respaldo completo» card of Configuración. */
export interface FullBackupStatusView {
  last: FullBackupRecordView | null
  /** Whole days since the last full backup, by the core's clock; null when there is none. */
  ageDays: number | null
  /** No full backup yet, or the last one is older than `reminderDays`: the card shows a reminder. */
  due: boolean
  reminderDays: number
  /** What a full backup made now would hold. */
  contents: { members: number; sessions: number; agreements: number; attachments: number; actas: number }
  /** Where the current data is moved before a restore: `respaldos/antes-de-restaurar-<fecha>` inside this folder. */
  asideFolder: string
  /** The largest archive the app creates or restores; larger ones go through the command line. */
  maxBytes: number
  /** The same, as the core writes sizes («300 MB»). */
  maxSizeLabel: string
}

/** A new archive, not yet recorded: `recordFullBackup` does that once the app has handed it to be saved. */
export interface FullBackupCreated {
  file: FileDownload
  report: FullBackupReport
}

export interface FullBackupRestored {
  status: AppStatus
  report: FullBackupReport
  /** Where the replaced data file and its folders were moved; null when there was nothing to move. */
  movedAsideTo: string | null
}

/** A picked archive, verified, and what restoring it would do here. */
export interface FullBackupInspection {
  report: FullBackupReport
  /** The data file that would be replaced. */
  dataFile: string
  /** The folder (`respaldos/` beside the data file) where the current data would be moved first, into `antes-de-restaurar-<fecha>`. */
  asideFolder: string
}
