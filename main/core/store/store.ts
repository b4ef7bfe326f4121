/**
 * The data file: one lowdb database over a durable JSON adapter, owned by one
 * process at a time.
 *
 * - Every change is an `update(recipe)`: the recipe edits an immer draft, so a
 *   recipe that throws changes nothing. The promise resolves once the new state
 *   is on disk; if the write fails the in-memory state returns to what is on
 *   disk and the caller gets a Spanish error.
 * - Saves run one at a time. Changes made while a save is running are written
 *   together by the next save (coalesced), so the latest change is never lost
 *   and never waits behind a queue of stale states.
 * - A file that does not parse or validate is moved aside, never overwritten;
 *   the store then waits in recovery mode for the user to pick a backup.
 */
import { randomUUID } from 'node:crypto'
import { rename } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Low, type Adapter } from 'lowdb'
import { produce, type Draft } from 'immer'
import { AppError, toErrorInfo } from '../errors'
import { emptyData, SCHEMA_VERSION, type AuditEntry, type Data } from '../model/schema'
import type { BackupInfo } from '../contract/views'
import { isBackupName, keepBackup, listBackups, backupFolder } from './backups'
import { nodeFs, ReplacedUnconfirmedError, writeFileDurable, type DurableFs } from './durable-write'
import { acquireLock, errorCode, isCode, type FileLock } from './lock'
import { parseDataBytes, readDataFile } from './read-data-file'
import { serializeData } from './data-format'

export interface StoreOptions {
  dataFile: string
  now?: () => Date
  fs?: DurableFs
  /** Keep rolling backups (on by default). */
  backups?: boolean
}

export type StoreState =
  | { kind: 'ready' }
  | { kind: 'recovery'; problem: string; quarantinedTo: string | null; canStartEmpty: boolean }

export interface UpdateTools {
  now: Date
  nowIso: string
  newId: (prefix: string) => string
  audit(entry: Pick<AuditEntry, 'entity' | 'entityId' | 'action' | 'summary'>): void
}

/** lowdb adapter that saves durably and keeps a backup of the state it replaces. */
class DurableJsonAdapter implements Adapter<Data> {
  constructor(
    private readonly file: string,
    private readonly fs: DurableFs,
    private readonly now: () => Date,
    private readonly backups: boolean,
  ) {}

  read(): Promise<Data | null> {
    return readDataFile(this.file)
  }

  write(data: Data): Promise<void> {
    return writeFileDurable(this.file, serializeData(data), {
      fs: this.fs,
      beforeReplace: this.backups ? async () => void (await keepBackup(this.file, this.now(), this.fs)) : undefined,
    })
  }
}

interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

export class Store {
  readonly dataFile: string
  readonly dataFolder: string
  /** The clock that stamps every change (the machine's, unless the caller gives one). */
  readonly now: () => Date
  private readonly fs: DurableFs
  private readonly db: Low<Data>
  private readonly lock: FileLock
  private stateValue: StoreState = { kind: 'ready' }
  /** The state last written to disk. */
  private persisted: Data | null = null
  /** The persisted state plus changes waiting for the next save. */
  private current: Data | null = null
  private waiters: Waiter[] = []
  private saving: Promise<void> | null = null

  private constructor(options: StoreOptions, lock: FileLock) {
    this.dataFile = options.dataFile
    this.dataFolder = dirname(options.dataFile)
    this.now = options.now ?? (() => new Date())
    this.fs = options.fs ?? nodeFs
    this.lock = lock
    this.db = new Low<Data>(new DurableJsonAdapter(this.dataFile, this.fs, this.now, options.backups ?? true), emptyData(this.now()))
  }

  /** Opens (or creates) the data file. Throws only when it cannot be locked or its folder created. */
  static async open(options: StoreOptions): Promise<Store> {
    await (options.fs ?? nodeFs).mkdir(dirname(options.dataFile), { recursive: true })
    const lock = acquireLock(options.dataFile)
    const store = new Store(options, lock)
    try {
      await store.load()
    } catch (error) {
      lock.release()
      throw error
    }
    return store
  }

  private async load(): Promise<void> {
    await this.removeStaleTempFiles()
    try {
      await this.db.read()
      this.accept(this.db.data)
    } catch (error) {
      if (error instanceof AppError && error.code === 'NO_ENCONTRADO') {
        const backups = await this.validBackups()
        if (backups.length > 0) {
          this.stateValue = {
            kind: 'recovery',
            problem: 'No se encontró el archivo de datos, pero hay copias de seguridad. Restaure una o empiece con datos vacíos.',
            quarantinedTo: null,
            canStartEmpty: true,
          }
          return
        }
        await this.replaceWith(emptyData(this.now()))
        return
      }
      if (error instanceof AppError && error.code === 'VERSION_NUEVA') {
        this.stateValue = { kind: 'recovery', problem: error.message, quarantinedTo: null, canStartEmpty: false }
        return
      }
      if (error instanceof AppError && error.code === 'ARCHIVO_DANADO') {
        const quarantinedTo = await this.quarantine()
        this.stateValue = {
          kind: 'recovery',
          problem: `El archivo de datos está dañado y no se puede usar. ${error.message} Se apartó sin modificarlo; puede restaurar una copia de seguridad.`,
          quarantinedTo,
          canStartEmpty: true,
        }
        return
      }
      throw error
    }
  }

  /** Temp files left by a save that was cut short; safe to remove because we hold the lock. */
  private async removeStaleTempFiles(): Promise<void> {
    const prefix = `.${basename(this.dataFile)}.`
    const names = await this.fs.readdir(this.dataFolder).catch(() => [] as string[])
    await Promise.all(
      names
        .filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'))
        .map((name) => this.fs.unlink(join(this.dataFolder, name)).catch(() => undefined)),
    )
  }

  private accept(data: Data): void {
    this.persisted = data
    this.current = data
    this.stateValue = { kind: 'ready' }
  }

  /** Moves a damaged file aside under a name that says what it is; never deletes it. */
  private async quarantine(): Promise<string> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-')
    const target = join(this.dataFolder, `${basename(this.dataFile, '.json')}.danado-${stamp}.json`)
    try {
      await rename(this.dataFile, target)
    } catch (error) {
      throw new AppError('ESCRITURA', `El archivo de datos está dañado y no se pudo apartar (${errorCode(error)}).`, { cause: error })
    }
    return target
  }

  get state(): StoreState {
    return this.stateValue
  }

  /** The current data. In recovery mode there is none, and callers get a Spanish error. */
  get data(): Data {
    if (!this.current || this.stateValue.kind !== 'ready') {
      throw new AppError('SIN_DATOS', 'Los datos no están disponibles: el archivo de datos necesita recuperarse (vea Configuración).')
    }
    return this.current
  }

  get schemaVersion(): number {
    return SCHEMA_VERSION
  }

  async update<T>(recipe: (draft: Draft<Data>, tools: UpdateTools) => T): Promise<T> {
    const base = this.data
    const now = this.now()
    const nowIso = now.toISOString()
    let result!: T
    const next = produce(base, (draft) => {
      const tools: UpdateTools = {
        now,
        nowIso,
        newId: (prefix) => `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 12)}`,
        audit: (entry) => {
          draft.audit.push({ id: `bit-${randomUUID().replace(/-/g, '').slice(0, 12)}`, at: nowIso, profile: draft.settings.profile.name, ...entry })
        },
      }
      result = recipe(draft, tools)
      draft.updatedAt = nowIso
    })
    this.current = next
    await this.save()
    return result
  }

  /** Resolves when the current state (including this caller's change) is on disk. */
  private save(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject })
      if (!this.saving) this.saving = this.drain().finally(() => (this.saving = null))
    })
  }

  private async drain(): Promise<void> {
    while (this.waiters.length > 0) {
      const batch = this.waiters.splice(0)
      const snapshot = this.current
      if (!snapshot) break
      try {
        this.db.data = snapshot
        await this.db.write()
        this.persisted = snapshot
        for (const waiter of batch) waiter.resolve()
      } catch (error) {
        if (error instanceof ReplacedUnconfirmedError) {
          // The file already holds the new state: memory follows the file, and the user is told the disk did not confirm it.
          this.persisted = snapshot
          const failure = new AppError('ESCRITURA', `El cambio quedó en el archivo, pero el disco no confirmó la escritura (${error.code}). Revise el disco y respalde la carpeta de datos.`, { cause: error })
          for (const waiter of batch) waiter.reject(failure)
          continue
        }
        // Nothing after the last good save is kept: memory matches the disk again.
        this.current = this.persisted
        const failure = saveError(error)
        for (const waiter of [...batch, ...this.waiters.splice(0)]) waiter.reject(failure)
      }
    }
  }

  /** Waits for any save in progress. */
  async flush(): Promise<void> {
    while (this.saving) await this.saving
  }

  async backups(): Promise<BackupInfo[]> {
    return listBackups(this.dataFile, this.fs)
  }

  /** Backups that load and validate, newest first. */
  async validBackups(): Promise<BackupInfo[]> {
    const all = await this.backups()
    const valid: BackupInfo[] = []
    for (const backup of all) {
      if (await this.readBackup(backup.name).then(() => true, () => false)) valid.push(backup)
    }
    return valid
  }

  private async readBackup(name: string): Promise<Data> {
    if (!isBackupName(name)) throw new AppError('VALIDACION', 'Nombre de copia de seguridad no válido.')
    return parseDataBytes(await this.fs.readFile(join(backupFolder(this.dataFile), name)))
  }

  /** Replaces the data with a backup; allowed only in recovery mode, so a good file is never overwritten by mistake. */
  async restoreBackup(name: string): Promise<void> {
    this.requireRecovery(true)
    const listed = (await this.backups()).some((backup) => backup.name === name)
    if (!listed) throw new AppError('NO_ENCONTRADO', 'No existe esa copia de seguridad.')
    let backup: Data
    try {
      backup = await this.readBackup(name)
    } catch (error) {
      throw new AppError('ARCHIVO_DANADO', `La copia de seguridad no se puede usar: ${toErrorInfo(error).message}`)
    }
    await this.replaceWith(backup)
    await this.update((_draft, tools) =>
      tools.audit({ entity: 'archivo', entityId: '', action: 'restaurar', summary: `Datos restaurados desde la copia ${name}` }),
    )
  }

  /** Starts over with empty data after the old file was set aside. */
  async startEmpty(): Promise<void> {
    this.requireRecovery(false)
    await this.replaceWith(emptyData(this.now()))
  }

  private requireRecovery(restoring: boolean): void {
    const state = this.stateValue
    if (state.kind !== 'recovery') throw new AppError('REGLA', 'El archivo de datos está en buen estado: no hay nada que recuperar.')
    if (!state.canStartEmpty) {
      throw new AppError('REGLA', restoring ? 'Este archivo es de una versión más reciente: no se reemplaza por una copia.' : 'Este archivo es de una versión más reciente: no se reemplaza.')
    }
  }

  private async replaceWith(data: Data): Promise<void> {
    this.db.data = data
    try {
      await this.db.write()
    } catch (error) {
      throw saveError(error)
    }
    this.accept(data)
  }

  /** Finishes pending saves and releases the lock. */
  async close(): Promise<void> {
    try {
      await this.flush()
    } finally {
      this.lock.release()
    }
  }
}

function saveError(error: unknown): AppError {
  if (error instanceof AppError) return error
  const reason = isCode(error, 'ENOSPC')
    ? 'no hay espacio en el disco'
    : isCode(error, 'EACCES') || isCode(error, 'EPERM')
      ? 'no hay permiso para escribir en la carpeta de datos'
      : isCode(error, 'EROFS')
        ? 'el disco es de sólo lectura'
        : `error del sistema ${errorCode(error)}`
  return new AppError('ESCRITURA', `No se pudo guardar el cambio: ${reason}. Sus datos siguen como estaban.`, { cause: error })
}
