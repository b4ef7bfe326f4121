/**
 * The item timer of the live minutes: counts the seconds an item has been
 * under discussion. The count lives here while running and is persisted
 * (setItemElapsed) every 15 seconds, on pause, on changing items and on
 * leaving the view. While the session is in course it also tells the core
 * which item is open and whether its timer runs (setLiveItem), when the item
 * changes and when the timer starts or pauses: the projector follows that.
 * Opening the page writes nothing unless a projector already follows the
 * session with something else; «Proyectar» tells the core first (`announce`).
 */
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AgendaItem, LiveItem } from '../../../main/core/model/schema'
import { call } from '../api/call'
import { reportLiveItem } from '../api/projector'
import { patchItem, patchSessionCache } from '../api/sessions'
import { notifyError } from '../common/notify'

const PERSIST_EVERY_MS = 15_000
const MAX_SECONDS = 86_400

interface Run {
  itemId: string
  startedAt: number
  base: number
}

const secondsAt = (run: Run, now: number) => Math.min(MAX_SECONDS, run.base + Math.max(0, Math.floor((now - run.startedAt) / 1000)))

export interface Projection {
  /** The projector may follow this page: the session is in course and its minutes are written. */
  follows: boolean
  /** What the core last heard from the live minutes (the session's `live`), as the cached session has it. */
  known: LiveItem | null
}

const NO_PROJECTION: Projection = { follows: false, known: null }

const stateKey = (itemId: string, running: boolean, seconds: number) => `${itemId}|${running}|${seconds}`

/** Whether the core already holds this state: the same item, running or paused alike, from the same count. */
function holds(known: LiveItem | null, itemId: string, running: boolean, seconds: number): boolean {
  return known !== null && known.itemId === itemId && (known.runningSince !== null) === running && known.baseSeconds === seconds
}

/** Reports go out in the order things happen; a refusal is only a notification, never in the way of typing. */
export function useItemTimer(sessionId: string, item: AgendaItem | undefined, enabled: boolean, projection: Projection = NO_PROJECTION) {
  const live = projection.follows
  const client = useQueryClient()
  const [run, setRun] = useState<Run | null>(null)
  const [now, setNow] = useState(0)
  // The count of the last pause, shown at once: the cached session learns it only when the query cache notifies.
  const [kept, setKept] = useState<{ itemId: string; seconds: number } | null>(null)
  const runRef = useRef<Run | null>(null)
  const liveRef = useRef(live)
  const knownRef = useRef(projection.known)
  const reported = useRef('')
  // The state the page opened in: reported only if a projector already follows something else.
  const opening = useRef<string | null>(null)

  useEffect(() => {
    liveRef.current = live
    knownRef.current = projection.known
  }, [live, projection.known])

  /** Tells the core what the live minutes show, once per change (`force`: even if it was told so already). */
  const report = useCallback(
    (itemId: string, running: boolean, elapsedSeconds: number, force = false) => {
      if (!liveRef.current) return
      const state = stateKey(itemId, running, elapsedSeconds)
      if (state === reported.current && !force) return
      reported.current = state
      reportLiveItem({ sessionId, itemId, running, elapsedSeconds })
        .then(() => {
          const live: LiveItem = { itemId, runningSince: running ? new Date().toISOString() : null, baseSeconds: elapsedSeconds }
          patchSessionCache(client, sessionId, (detail) => ({ ...detail, session: { ...detail.session, live } }))
        })
        .catch((error: unknown) => {
          reported.current = ''
          notifyError(error)
        })
    },
    [client, sessionId],
  )

  const persist = useCallback(
    (itemId: string, elapsedSeconds: number) => {
      patchSessionCache(client, sessionId, (detail) => patchItem(detail, itemId, { elapsedSeconds }))
      call('setItemElapsed', { sessionId, itemId, elapsedSeconds }).catch((error: unknown) => notifyError(error))
    },
    [client, sessionId],
  )

  const stop = useCallback(() => {
    const current = runRef.current
    if (!current) return
    runRef.current = null
    const seconds = secondsAt(current, Date.now())
    setKept({ itemId: current.itemId, seconds })
    setRun(null)
    persist(current.itemId, seconds)
    report(current.itemId, false, seconds)
  }, [persist, report])

  useEffect(() => {
    if (!run) return
    let lastSave = Date.now()
    const id = setInterval(() => {
      const at = Date.now()
      setNow(at)
      if (at - lastSave >= PERSIST_EVERY_MS) {
        lastSave = at
        persist(run.itemId, secondsAt(run, at))
      }
    }, 1000)
    return () => clearInterval(id)
  }, [run, persist])

  // Another item, or leaving the view, pauses the timer and keeps its count.
  const itemId = item?.id
  useEffect(() => () => stop(), [itemId, stop])

  const stored = item ? (kept?.itemId === item.id ? kept.seconds : item.elapsedSeconds) : 0
  const toggle = useCallback(() => {
    if (runRef.current) {
      stop()
      return
    }
    if (!item || !enabled) return
    const at = Date.now()
    const next = { itemId: item.id, startedAt: at, base: stored }
    runRef.current = next
    setNow(at)
    setRun(next)
  }, [item, enabled, stop, stored])

  const running = run !== null && run.itemId === item?.id
  const elapsed = running && run ? secondsAt(run, now) : stored
  // The count the core is told: where the run started, or where it stands paused.
  const reportedSeconds = running && run ? run.base : stored
  useEffect(() => {
    if (!itemId || !live) return
    const state = stateKey(itemId, running, reportedSeconds)
    opening.current ??= state
    // Nothing sent yet and nothing changed since the page opened: a write only if the core holds something else.
    const untouched = reported.current === '' && state === opening.current
    if (untouched && (knownRef.current === null || holds(knownRef.current, itemId, running, reportedSeconds))) return
    report(itemId, running, reportedSeconds)
  }, [itemId, running, reportedSeconds, live, report])

  /** «Proyectar»: the core hears what the page shows now, before the projector asks. */
  const announce = useCallback(() => {
    if (itemId) report(itemId, running, reportedSeconds, true)
  }, [itemId, running, reportedSeconds, report])
  return { running, elapsed, toggle, stop, announce }
}

/** "07:05" or "1:02:09". */
export function formatElapsed(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const mm = String(m).padStart(2, '0')
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}
