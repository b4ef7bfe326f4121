/**
 * The agreements of the demo and their life after the session that adopted
 * them: each one is given a fate when adopted (fulfilled after a few
 * sessions, cancelled, or stalled), and every later session's "Seguimiento de
 * acuerdos" records progress towards it, so statuses, follow-ups and overdue
 * agreements tell one consistent story.
 */
import type { Agreement, FollowUp } from '../core/model/schema'
import { addDays, daysBetween, mexicoInstant } from '../core/domain/dates'
import { FOLLOW_UP_CANCELLED, FOLLOW_UP_DONE, FOLLOW_UP_NOTIFIED, FOLLOW_UP_PROGRESS } from './phrases'
import type { Random } from './random'
import { capitalize, fill, tidySpanish } from './text'

type Fate = 'cumplir' | 'cancelar' | 'estancar'

interface Tracker {
  agreement: Agreement
  fate: Fate
  /** Later sessions until the agreement is closed. */
  resolveAfter: number
  seen: number
  progressCount: number
  closed: boolean
  /** The responsible institution as running text ("la Contraloría del Estado"). */
  institution: string
  sessionDate: string
  /** Never reports progress: guarantees an overdue, still pending agreement in the demo. */
  silent: boolean
}

export interface ReviewLine {
  key: string
  text: string
}

export interface ReviewSession {
  id: string
  date: string
  /** Minute of day when the follow-up item was discussed. */
  minute: number
}

const MAX_PROGRESS_FOLLOW_UPS = 4
const MAX_REVIEW_LINES = 12

export class AgreementBook {
  readonly agreements: Agreement[] = []
  private readonly trackers: Tracker[] = []

  constructor(
    private readonly rng: Random,
    private readonly options: { dense: boolean; lastDay: string },
  ) {}

  /** Registers an agreement adopted at a session and decides what will become of it. */
  add(agreement: Agreement, context: { institution: string; sessionDate: string; endMinute: number; silent: boolean }): void {
    const nothingLeftToDo = agreement.dueDate === null
    const fate: Fate = context.silent ? 'estancar' : nothingLeftToDo ? 'cumplir' : this.rng.weighted<Fate>([['cumplir', 84], ['cancelar', 4], ['estancar', 12]])
    const tracker: Tracker = {
      agreement,
      fate,
      // Most agreements are settled at the next session or the one after.
      resolveAfter: nothingLeftToDo ? 1 : this.rng.weighted([[1, 40], [2, 35], [3, 15], [4, 10]] as const),
      seen: 0,
      progressCount: 0,
      closed: false,
      institution: context.institution,
      sessionDate: context.sessionDate,
      silent: context.silent,
    }
    this.agreements.push(agreement)
    this.trackers.push(tracker)
    // The secretariat notifies agreements right after the session; dense data always records it.
    if (this.options.dense || this.rng.chance(0.4)) {
      const date = minDate(addDays(context.sessionDate, this.rng.int(1, 3)), this.options.lastDay, context.sessionDate)
      this.push(tracker, { date, minute: date === context.sessionDate ? context.endMinute + 30 : 10 * 60, note: this.rng.pick(FOLLOW_UP_NOTIFIED), evidence: false, sessionId: null })
    }
  }

  /** Follows up every open agreement at a later session; returns the lines its notes report. */
  review(session: ReviewSession, previousDate: string | null): ReviewLine[] {
    const lines: ReviewLine[] = []
    let quiet = 0
    for (const tracker of this.trackers) {
      if (tracker.closed || tracker.sessionDate >= session.date) continue
      tracker.seen++
      const { agreement } = tracker
      const here = { date: session.date, minute: session.minute, sessionId: session.id }
      if (tracker.fate === 'cumplir' && tracker.seen >= tracker.resolveAfter) {
        this.push(tracker, { ...here, note: this.note(FOLLOW_UP_DONE, tracker), evidence: true })
        tracker.closed = true
        agreement.status = 'cumplido'
        lines.push({ key: agreement.key, text: `${agreement.key}: se da por cumplido con la evidencia presentada por ${tracker.institution}.` })
      } else if (tracker.fate === 'cancelar' && tracker.seen >= tracker.resolveAfter) {
        this.push(tracker, { ...here, note: this.note(FOLLOW_UP_CANCELLED, tracker), evidence: false })
        tracker.closed = true
        agreement.status = 'cancelado'
        lines.push({ key: agreement.key, text: `${agreement.key}: se da por cancelado al haber quedado sin materia.` })
      } else if (!tracker.silent && tracker.progressCount < MAX_PROGRESS_FOLLOW_UPS && this.rng.chance(0.55)) {
        // Some progress arrives by e-mail between sessions, not at the table.
        const between =
          previousDate !== null && daysBetween(previousDate, session.date) > 10 && daysBetween(tracker.sessionDate, session.date) > 10 && this.rng.chance(0.25)
        const date = between ? addDays(session.date, -this.rng.int(2, 5)) : session.date
        this.push(tracker, {
          date,
          minute: between ? 12 * 60 : session.minute,
          note: this.note(FOLLOW_UP_PROGRESS, tracker),
          evidence: this.rng.chance(0.5),
          sessionId: between ? null : session.id,
        })
        tracker.progressCount++
        agreement.status = 'en-proceso'
        lines.push({ key: agreement.key, text: `${agreement.key}: en proceso; ${tracker.institution} reportó avances.` })
      } else if (agreement.dueDate !== null && agreement.dueDate < session.date) {
        lines.push({ key: agreement.key, text: `${agreement.key}: vencido sin avance reportado; se exhorta a ${tracker.institution} a atenderlo.` })
      } else {
        quiet++
      }
    }
    const shown = lines.slice(0, MAX_REVIEW_LINES)
    const rest = lines.length - shown.length + quiet
    if (rest === 1) shown.push({ key: '', text: 'El acuerdo restante se mantiene en seguimiento dentro de su plazo.' })
    if (rest > 1) shown.push({ key: '', text: `Los ${rest} acuerdos restantes se mantienen en seguimiento dentro de sus plazos.` })
    return shown.map((line) => ({ ...line, text: tidySpanish(line.text) }))
  }

  /** Open agreements are 'pendiente' until someone reports progress; timestamps follow the last follow-up. */
  finish(): void {
    for (const { agreement } of this.trackers) {
      agreement.followUps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      agreement.followUps.forEach((followUp, index) => {
        followUp.id = `${agreement.id}-s${index + 1}`
      })
    }
  }

  private note(pool: readonly string[], tracker: Tracker): string {
    return capitalize(tidySpanish(fill(this.rng.pick(pool), { institution: tracker.institution })))
  }

  private push(
    tracker: Tracker,
    entry: { date: string; minute: number; note: string; evidence: boolean; sessionId: string | null },
  ): void {
    const { agreement } = tracker
    const n = agreement.followUps.length + 1
    const followUp: FollowUp = {
      id: `${agreement.id}-s${n}`,
      date: entry.date,
      note: entry.note,
      evidenceUrl: entry.evidence ? `https://transparencia.example.org/stl/acuerdos/${agreement.key.toLowerCase()}/evidencia-${n}.pdf` : '',
      evidenceFile: null,
      sessionId: entry.sessionId,
    }
    agreement.followUps.push(followUp)
    const at = mexicoInstant(entry.date, entry.minute)
    if (Date.parse(at) > Date.parse(agreement.updatedAt)) agreement.updatedAt = at
  }
}

/** The earlier of a and b, but never before floor. */
function minDate(a: string, b: string, floor: string): string {
  const earlier = a < b ? a : b
  return earlier < floor ? floor : earlier
}
