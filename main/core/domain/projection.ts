/**
 * The projector follows the live minutes: they tell the core which item is
 * open and whether its timer runs (`session.live`); the projector's view
 * (ipc/projector-view.ts) takes the rest from the session itself.
 */
import { AppError } from '../errors'
import type { LiveItem, Session } from '../model/schema'
import { checkProjection } from './session-rules'

const MAX_SECONDS = 86_400

/** The live item is set while the minutes can be written and the session is in course. */
export function checkLiveItem(session: Session, itemId: string): void {
  checkProjection(session)
  if (!session.agenda.some((item) => item.id === itemId)) throw new AppError('NO_ENCONTRADO', 'El punto no existe en el orden del día.')
}

/** The open item's record: its timer running from `now`, or paused at `elapsedSeconds`. */
export function liveItem(itemId: string, running: boolean, elapsedSeconds: number, nowIso: string): LiveItem {
  return { itemId, runningSince: running ? nowIso : null, baseSeconds: Math.min(MAX_SECONDS, elapsedSeconds) }
}

/** Seconds the live item has been under discussion at `now`. */
export function liveElapsed(live: LiveItem, now: Date): number {
  if (live.runningSince === null) return live.baseSeconds
  const since = Date.parse(live.runningSince)
  return Math.min(MAX_SECONDS, live.baseSeconds + Math.max(0, Math.floor((now.getTime() - since) / 1000)))
}
