/** Timing helpers: several runs after a warm-up, reported as median and 95th percentile. */
import { performance } from 'node:perf_hooks'

export interface Sample {
  p50: number
  p95: number
  runs: number
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? NaN
}

/** The middle value (the upper of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

export function summarize(times: readonly number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), runs: sorted.length }
}

export async function measure(runs: number, warmup: number, task: (run: number) => unknown): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await task(-1 - i)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await task(i)
    times.push(performance.now() - start)
  }
  return summarize(times)
}
