/**
 * The item timer of the live minutes: counts the seconds an item has been
 * under discussion. The count lives here while running and is persisted
 * (setItemElapsed) every 15 seconds, on pause, on changing items and on
 * leaving the view.
 */
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AgendaItem } from '../../../main/core/model/schema'
import { call } from '../api/call'
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

export function useItemTimer(sessionId: string, item: AgendaItem | undefined, enabled: boolean) {
  const client = useQueryClient()
  const [run, setRun] = useState<Run | null>(null)
  const [now, setNow] = useState(0)
  // The count of the last pause, shown at once: the cached session learns it only when the query cache notifies.
  const [kept, setKept] = useState<{ itemId: string; seconds: number } | null>(null)
  const runRef = useRef<Run | null>(null)

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
  }, [persist])

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
  return { running, elapsed, toggle, stop }
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
