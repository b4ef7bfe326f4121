/**
 * The compiled command line's `check` beside a bare Node parse of the same
 * file, both as new processes (what a person or a script pays for each call).
 */
import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { CLI_OUTPUT } from '../main/cli/build.mjs'
import { summarize, type Sample } from './stats'

export interface CliFigures {
  check: Sample
  bareParse: Sample
  /** Median of check ÷ median of the bare parse. */
  ratio: number
}

const BARE_PARSE = "JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))"

function timed(args: string[]): number {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' })
  const elapsed = performance.now() - start
  if (result.status !== 0) throw new Error(`${args.join(' ')} terminó con ${result.status}: ${result.stderr}`)
  return elapsed
}

export function benchCli(dataFile: string, runs: number): CliFigures {
  const checks: number[] = []
  const parses: number[] = []
  // Alternating, so both see the same machine load and file cache.
  for (let i = -2; i < runs; i++) {
    const check = timed([CLI_OUTPUT, 'check', dataFile])
    const parse = timed(['-e', BARE_PARSE, dataFile])
    if (i < 0) continue
    checks.push(check)
    parses.push(parse)
  }
  const check = summarize(checks)
  const bareParse = summarize(parses)
  return { check, bareParse, ratio: check.p50 / bareParse.p50 }
}
