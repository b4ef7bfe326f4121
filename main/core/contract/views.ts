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
}

export interface AgendaItemPlan {
  /** "1", "2", "2.1" … */
  number: string
  /** Scheduled start and end, HH:MM, from the session's start time and the estimated minutes. */
  start: string
  end: string
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
  /** The session before this one, whose agenda can be copied. */
  previous: { id: string; title: string } | null
  /** Agreements of earlier sessions still open (pending, in progress or overdue): the «Seguimiento de acuerdos» item. */
  pendingAgreements: AgreementRow[]
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
  responsibleNames: string[]
}

export interface MemberRow extends Member {
  /** Name of the titular this suplente stands in for, or of this titular's suplente. */
  pairedName: string | null
}

export interface MilestoneView extends Milestone {
  overdue: boolean
}

export interface CommitmentView extends Omit<Commitment, 'milestones'> {
  milestones: MilestoneView[]
  progress: number
  level: 'no-iniciado' | 'limitado' | 'sustancial' | 'completo'
  agreementKeys: string[]
}

export interface PlanOverview {
  plans: Plan[]
  commitments: CommitmentView[]
}

export type { AuditEntry }

export interface DashboardView {
  plan: { id: string; name: string } | null
  commitments: number
  averageProgress: number
  byLevel: { level: CommitmentView['level']; count: number }[]
  byPillar: { pillar: Commitment['pillars'][number]; progress: number; commitments: number }[]
  byInstitution: { institution: string; progress: number; commitments: number }[]
  /** Milestones not completed, due within the next 60 days or already overdue, soonest first. */
  milestonesDue: { commitmentId: string; commitmentNumber: number; commitmentTitle: string; milestoneId: string; title: string; dueDate: string; status: Milestone['status']; progress: number; overdue: boolean }[]
  agreementsByState: { state: AgreementState; count: number }[]
  overdueAgreements: AgreementRow[]
}

export interface SearchResult {
  kind: 'integrante' | 'sesion' | 'minuta' | 'acuerdo' | 'compromiso'
  id: string
  sessionId: string | null
  title: string
  snippet: string
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
