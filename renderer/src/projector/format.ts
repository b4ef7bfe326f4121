/** The projector's clock face: display only, from the core's numbers. */

/** "07:05", "1:02:09"; a negative count shows its size with a plus sign ("+02:15"), the time over. */
export function formatClock(seconds: number): string {
  const size = Math.abs(seconds)
  const h = Math.floor(size / 3600)
  const m = Math.floor((size % 3600) / 60)
  const s = size % 60
  const mm = String(m).padStart(2, '0')
  const ss = String(s).padStart(2, '0')
  const face = h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
  return seconds < 0 ? `+${face}` : face
}

/**
 * Seconds since the core built the view (`asOf`), while the timer runs: the
 * clock ticks locally between two reads. Never negative.
 */
export function secondsSince(asOf: string, now: number): number {
  const at = Date.parse(asOf)
  if (Number.isNaN(at)) return 0
  return Math.max(0, Math.floor((now - at) / 1000))
}
