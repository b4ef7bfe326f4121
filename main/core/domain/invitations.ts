/**
 * When a session's calendar invitation changes version (its SEQUENCE,
 * RFC 5545 §3.8.7.4): once the session is convened, the members hold the
 * invitation in their calendars, so moving it (date, times, place, link,
 * modality) or cancelling it re-issues it one version higher. A draft has
 * sent nothing yet: its changes keep version 0.
 */
import type { Session } from '../model/schema'

/** What the invitation shows of the session's schedule. */
export const SCHEDULE_FIELDS = ['date', 'startTime', 'endTime', 'venue', 'link', 'modality'] as const satisfies readonly (keyof Session)[]

/** Whether changing `before` into `after` re-issues the invitation. */
export function movesInvitation(before: Pick<Session, (typeof SCHEDULE_FIELDS)[number] | 'status'>, after: Pick<Session, (typeof SCHEDULE_FIELDS)[number]>): boolean {
  if (before.status !== 'convocada') return false
  return SCHEDULE_FIELDS.some((field) => before[field] !== after[field])
}

/** The invitation's method for a session: a cancellation once cancelled, otherwise a request. */
export function invitationMethod(session: Pick<Session, 'status'>): 'REQUEST' | 'CANCEL' {
  return session.status === 'cancelada' ? 'CANCEL' : 'REQUEST'
}
