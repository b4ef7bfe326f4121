/**
 * Child process for the lock race test (run with `node --import tsx`). It
 * waits for "go N" lines on stdin; on each it tries once to take the data
 * file's lock and, while holding it, appends "enter PID N" to the shared log,
 * sleeps a little, checks it still owns the lock ("lost PID N" if not),
 * appends "exit PID N" and releases. It answers "done N took|held" on stdout.
 *
 *   node --import tsx lock-race-child.ts DATA_FILE LOG_FILE
 */
import { appendFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { acquireLock, LockHeldError } from '../../main/core/store/lock'
import { fixedClock } from './clock'

const HOLD_MS = 15

async function attempt(dataFile: string, log: string, round: string): Promise<string> {
  let lock
  try {
    lock = await acquireLock(dataFile, { now: fixedClock(), program: { program: 'línea de comandos', command: 'prueba' } })
  } catch (error) {
    if (error instanceof LockHeldError) return 'held'
    throw error
  }
  try {
    appendFileSync(log, `enter ${process.pid} ${round}\n`)
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS))
    if (!(await lock.isHeld())) appendFileSync(log, `lost ${process.pid} ${round}\n`)
    appendFileSync(log, `exit ${process.pid} ${round}\n`)
  } finally {
    await lock.release()
  }
  return 'took'
}

function main(): void {
  const [dataFile, log] = process.argv.slice(2)
  if (!dataFile || !log) throw new Error('Uso: lock-race-child DATA_FILE LOG_FILE')
  const lines = createInterface({ input: process.stdin })
  lines.on('line', (line) => {
    const round = /^go (\d+)$/.exec(line)?.[1]
    if (round === undefined) return
    attempt(dataFile, log, round).then(
      (outcome) => process.stdout.write(`done ${round} ${outcome}\n`),
      (error: unknown) => process.stdout.write(`done ${round} error ${error instanceof Error ? error.message : String(error)}\n`),
    )
  })
  process.stdout.write('ready\n')
}

main()
