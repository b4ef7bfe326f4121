/**
 * The demo's convened session, as found through the bridge, and started with
 * the roll taken and the quorum declared: where the tests of the live minutes
 * begin.
 */
import type { Page } from '@playwright/test'

export interface LiveSessionOptions {
  /** Every n-th titular stays absent (0: everyone attends). */
  absentEvery?: number
}

/** The demo's session convened for today: its id and title. */
export async function convenedSession(page: Page): Promise<{ id: string; title: string }> {
  return page.evaluate(async () => {
    const sessions = await window.api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const found = sessions.value.find((session) => session.status === 'convocada')
    if (!found) throw new Error('sin sesión convocada')
    return { id: found.id, title: found.title }
  })
}

/** Starts the convened session, takes the roll and declares the quorum; returns the session's id. */
export async function startLiveSession(page: Page, { absentEvery = 0 }: LiveSessionOptions = {}): Promise<string> {
  return page.evaluate(async (skip) => {
    const api = window.api
    const sessions = await api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const summary = sessions.value.find((session) => session.status === 'convocada')
    if (!summary) throw new Error('sin sesión convocada')
    const started = await api.changeSessionStatus({ id: summary.id, status: 'en-curso', confirmDate: true })
    if (!started.ok) throw new Error(started.error.message)
    const detail = await api.getSession({ id: summary.id })
    if (!detail.ok) throw new Error(detail.error.message)
    let titular = 0
    for (const entry of detail.value.roster) {
      // Suplentes attend through their titular's row.
      if (entry.role === 'suplente') continue
      titular++
      if (skip > 0 && titular % skip === 0) continue
      const arrivedAt = `09:${String(48 + (titular % 12)).padStart(2, '0')}`
      await api.setAttendance({ sessionId: summary.id, memberId: entry.memberId, status: 'presente', substituteId: null, arrivedAt, leftAt: null })
    }
    const quorum = await api.declareQuorum({ sessionId: summary.id, call: 'primera' })
    if (!quorum.ok) throw new Error(quorum.error.message)
    return summary.id
  }, absentEvery)
}
