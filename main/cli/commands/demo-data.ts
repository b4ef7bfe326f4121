import { resolve } from 'node:path'
import { mkdir, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AppError } from '../../core/errors'
import { generateDemoData } from '../../demo/demo-data'
import { mexicoDate } from '../../core/domain/dates'
import { writeFileDurable } from '../../core/store/durable-write'
import { serializeData } from '../../core/store/data-format'
import { BACKUP_FOLDER, keepBackup } from '../../core/store/backups'
import { acquireLock, COMMAND_LINE_PROGRAM, COMMAND_LINE_WAIT_MS } from '../../core/store/lock'

export interface DemoDataArgs {
  out: string
  sessions?: string
  seed?: string
  today?: string
  dense: boolean
  /** Replace an existing file (which is first kept in respaldos/). */
  force: boolean
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
  const exists = await stat(out).then((info) => info.isFile(), () => false)
  if (exists && !args.force) {
    throw new AppError('VALIDACION', `Ya existe ${out}: no se reemplaza. Para reemplazarlo use --force (antes se guarda una copia en ${BACKUP_FOLDER}/, junto al archivo).`)
  }
  await mkdir(dirname(out), { recursive: true })
  // The same lock as the app: never overwrite a file someone has open.
  const lock = await acquireLock(out, { now: () => new Date(), program: { program: COMMAND_LINE_PROGRAM, command: 'demo-data' }, waitMs: COMMAND_LINE_WAIT_MS })
  try {
    if (exists) {
      // The replaced state is kept where the app lists its backups, or nothing is written.
      const saved = await keepBackup(out, new Date())
      if (!saved) throw new AppError('ESCRITURA', `No se pudo respaldar ${out} antes de reemplazarlo; no se escribió nada.`)
      console.log(`El archivo anterior quedó respaldado en ${saved}.`)
    }
    await writeFileDurable(out, serializeData(data))
  } finally {
    await lock.release()
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
