import { resolve } from 'node:path'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AppError } from '../../core/errors'
import { generateDemoData } from '../../demo/demo-data'
import { mexicoDate } from '../../core/domain/dates'
import { writeFileDurable } from '../../core/store/durable-write'
import { serializeData } from '../../core/store/data-format'
import { acquireLock } from '../../core/store/lock'

export interface DemoDataArgs {
  out: string
  sessions?: string
  seed?: string
  today?: string
  dense: boolean
}

/** Writes demo data: deterministic for a given seed, session count and reference date. */
export async function runDemoData(args: DemoDataArgs): Promise<number> {
  const sessions = parseInteger(args.sessions, '--sessions', 1, 2000) ?? 14
  const seed = parseInteger(args.seed, '--seed', 0, 2 ** 31 - 1) ?? 1
  const today = args.today ?? mexicoDate(new Date())
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new AppError('VALIDACION', '--today debe ser una fecha AAAA-MM-DD.')
  }
  const data = generateDemoData({ sessions, seed, today, dense: args.dense })
  const out = resolve(args.out)
  await mkdir(dirname(out), { recursive: true })
  // The same lock as the app: never overwrite a file someone has open.
  const lock = acquireLock(out)
  try {
    await writeFileDurable(out, serializeData(data))
  } finally {
    lock.release()
  }
  console.log(`Datos de demostración escritos en ${out}: ${data.members.length} integrantes, ${data.sessions.length} sesiones, ${data.agreements.length} acuerdos.`)
  return 0
}

function parseInteger(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new AppError('VALIDACION', `${flag} debe ser un número entero.`)
  const n = Number(value)
  if (n < min || n > max) throw new AppError('VALIDACION', `${flag} debe estar entre ${min} y ${max}.`)
  return n
}
