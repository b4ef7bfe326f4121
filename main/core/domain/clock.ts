/** Wall-clock arithmetic on `HH:MM` strings (the meeting's local time). */
export function toMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** Adds minutes, wrapping past midnight. */
export function addMinutes(time: string, minutes: number): string {
  const total = (((toMinutes(time) + minutes) % 1440) + 1440) % 1440
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}
