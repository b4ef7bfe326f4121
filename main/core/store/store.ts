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
 * - The lock (./lock.ts) makes it the file's only writer. When another program
 *   holds it, the app's store waits in the `locked` state for the user to
 *   retry, open read-only or break the lock (Desbloquear).
 * - Read-only (the folder cannot be written, or the user chose it): the data
 *   is loaded without the lock and every change is refused before anything
 *   is touched; no backup, temporary or quarantine file is ever written.
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
import { acquireLock, breakLock, errorCode, heldMessage, inspectLock, isCode, LockCreateError, LockHeldError, programLabel, sinceLabel, type FileLock, type LockOwner, type LockProgram } from './lock'
import { DataFileNotRegularError, parseDataBytes, readDataBytes, readDataFile } from './read-data-file'
import { DataFileTooLargeError, MAX_DATA_FILE_BYTES, serializeData } from './data-format'

export { MAX_DATA_FILE_BYTES }

export interface StoreOptions {
  dataFile: string
  now?: () => Date
  fs?: DurableFs
  /** Keep rolling backups (on by default). */
  backups?: boolean
  /** Who opens the file, as the lock's owner record names it; the app unless told. */
  program?: LockProgram
  /** How long (ms) to wait for another program's lock before giving up; 0 by default (the app does not wait). */
  waitForLockMs?: number
  /**
   * When another program holds the lock: 'fail' (the default) throws its
   * Spanish message; 'report' opens the store in the `locked` state, for the
   * user to decide (the app's lock screen).
   */
  whenLocked?: 'fail' | 'report'
  /** Open without the lock and refuse every change. */
  readOnly?: boolean
  /** Larger data files are not loaded (recovery, file untouched); `MAX_DATA_FILE_BYTES` by default. */
  maxDataFileBytes?: number
}

/** Why a recovery may not replace the file: a newer version's, too big to load, or a folder that cannot be written. */
export type KeptBecause = 'version-nueva' | 'demasiado-grande' | 'solo-lectura'

export type StoreState =
  | { kind: 'ready' }
  | { kind: 'recovery'; problem: string; quarantinedTo: string | null; canStartEmpty: boolean; keptBecause: KeptBecause | null }
  | { kind: 'locked'; problem: string; owner: LockOwner | null; token: string }

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
    private readonly maxBytes: number,
  ) {}

  read(): Promise<Data | null> {
    return readDataFile(this.file, { fs: this.fs, maxBytes: this.maxBytes })
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
  private readonly options: StoreOptions
  private lock: FileLock | null
  /** Why changes are refused, when the store is read-only. */
  private readOnlyReason: string | null = null
  private stateValue: StoreState = { kind: 'ready' }
  /** The state last written to disk. */
  private persisted: Data | null = null
  /** The persisted state plus changes waiting for the next save. */
  private current: Data | null = null
  private waiters: Waiter[] = []
  private saving: Promise<void> | null = null

  private constructor(options: StoreOptions, lock: FileLock | null) {
    this.options = options
    this.dataFile = options.dataFile
    this.dataFolder = dirname(options.dataFile)
    this.now = options.now ?? (() => new Date())
    this.fs = options.fs ?? nodeFs
    this.lock = lock
    this.db = new Low<Data>(
      new DurableJsonAdapter(this.dataFile, this.fs, this.now, options.backups ?? true, options.maxDataFileBytes ?? MAX_DATA_FILE_BYTES),
      emptyData(this.now()),
    )
  }

  /**
   * Opens (or creates) the data file. Throws when its folder cannot be created,
   * when the lock cannot be created for a reason other than an unwritable
   * folder (which opens read-only), and when another program holds the lock
   * (unless `whenLocked: 'report'`).
   */
  static async open(options: StoreOptions): Promise<Store> {
    if (options.readOnly) return Store.openWithoutLock(options, 'se abrió en sólo lectura')
    await (options.fs ?? nodeFs).mkdir(dirname(options.dataFile), { recursive: true })
    let lock: FileLock
    try {
      lock = await acquireLock(options.dataFile, Store.lockOptions(options, options.waitForLockMs ?? 0))
    } catch (error) {
      if (error instanceof LockHeldError && options.whenLocked === 'report') {
        const store = new Store(options, null)
        store.stateValue = lockedState(error)
        return store
      }
      if (error instanceof LockCreateError && error.cannotWrite) return Store.openWithoutLock(options, error.reason)
      throw error
    }
    const store = new Store(options, lock)
    try {
      await store.load()
    } catch (error) {
      await lock.release()
      throw error
    }
    return store
  }

  private static async openWithoutLock(options: StoreOptions, reason: string): Promise<Store> {
    const store = new Store(options, null)
    store.readOnlyReason = reason
    await store.load()
    return store
  }

  private static lockOptions(options: StoreOptions, waitMs: number) {
    return { now: options.now ?? (() => new Date()), program: options.program, waitMs, fs: options.fs ?? nodeFs }
  }

  private async load(): Promise<void> {
    const readOnly = this.readOnlyReason !== null
    if (!readOnly) {
      await this.assertStillOwner()
      await this.removeStaleTempFiles()
    }
    try {
      await this.db.read()
      this.accept(this.db.data)
    } catch (error) {
      if (error instanceof DataFileTooLargeError || error instanceof DataFileNotRegularError) {
        // Not damaged, only too big (or no file at all): nothing is moved, replaced or written; the user moves it aside by hand, as the recovery screen says for a file kept as it is.
        this.stateValue = { kind: 'recovery', problem: error.message, quarantinedTo: null, canStartEmpty: false, keptBecause: 'demasiado-grande' }
        return
      }
      if (readOnly && error instanceof AppError && (error.code === 'NO_ENCONTRADO' || error.code === 'ARCHIVO_DANADO')) {
        const problem = error.code === 'NO_ENCONTRADO' ? 'No existe el archivo de datos y no se puede crear' : `El archivo de datos está dañado y no se puede usar. ${error.message} No se apartó ni se modificó`
        this.stateValue = { kind: 'recovery', problem: `${problem}: ${this.readOnlyReason ?? ''}.`, quarantinedTo: null, canStartEmpty: false, keptBecause: 'solo-lectura' }
        return
      }
      if (error instanceof AppError && error.code === 'NO_ENCONTRADO') {
        const backups = await this.validBackups()
        if (backups.length > 0) {
          this.stateValue = {
            kind: 'recovery',
            problem: 'No se encontró el archivo de datos, pero hay copias de seguridad. Restaure una o empiece con datos vacíos.',
            quarantinedTo: null,
            canStartEmpty: true,
            keptBecause: null,
          }
          return
        }
        await this.replaceWith(emptyData(this.now()))
        return
      }
      if (error instanceof AppError && error.code === 'VERSION_NUEVA') {
        this.stateValue = { kind: 'recovery', problem: error.message, quarantinedTo: null, canStartEmpty: false, keptBecause: 'version-nueva' }
        return
      }
      if (error instanceof AppError && error.code === 'ARCHIVO_DANADO') {
        await this.assertStillOwner()
        const quarantinedTo = await this.quarantine()
        this.stateValue = {
          kind: 'recovery',
          problem: `El archivo de datos está dañado y no se puede usar. ${error.message} Se apartó sin modificarlo; puede restaurar una copia de seguridad.`,
          quarantinedTo,
          canStartEmpty: true,
          keptBecause: null,
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

  /** The current data. In recovery mode or while locked there is none, and callers get a Spanish error. */
  get data(): Data {
    if (this.stateValue.kind === 'locked') throw new AppError('SIN_DATOS', `Los datos no están disponibles: ${this.stateValue.problem}`)
    if (!this.current || this.stateValue.kind !== 'ready') {
      throw new AppError('SIN_DATOS', 'Los datos no están disponibles: el archivo de datos necesita recuperarse (vea Configuración).')
    }
    return this.current
  }

  /** Set when every change is refused, with the reason in Spanish. */
  get readOnly(): { reason: string } | null {
    return this.readOnlyReason === null ? null : { reason: this.readOnlyReason }
  }

  /** Refuses any change in read-only mode, before anything is touched. */
  private assertWritable(): void {
    if (this.readOnlyReason !== null) {
      throw new AppError('SOLO_LECTURA', `El archivo de datos está abierto en sólo lectura: ${this.readOnlyReason}. No se guardó ningún cambio.`)
    }
  }

  /**
   * For code that writes a file into the data folder (an attachment, a signed
   * acta) before it records it: refuses, before anything is touched, when the
   * store is read-only, locked, in recovery, or has lost its lock to another
   * program, with the same Spanish message the change itself would get.
   */
  async assertCanWrite(): Promise<void> {
    this.assertWritable()
    void this.data
    await this.assertStillOwner()
  }

  get schemaVersion(): number {
    return SCHEMA_VERSION
  }

  async update<T>(recipe: (draft: Draft<Data>, tools: UpdateTools) => T): Promise<T> {
    this.assertWritable()
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
        await this.assertStillOwner()
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

  /**
   * A lock broken by hand from another program (Desbloquear) means this store
   * is no longer the writer: saving now would overwrite that program's
   * changes. The store goes back to the `locked` state instead.
   */
  private async assertStillOwner(): Promise<void> {
    if (!this.lock || (await this.lock.isHeld())) return
    const lost = this.lock
    this.lock = null
    await lost.release()
    const holder = await inspectLock(this.dataFile, this.fs).catch(() => null)
    this.stateValue = lockedState(holder ?? new LockHeldError(null, ''))
    throw new AppError('BLOQUEADO', `Otro programa desbloqueó el archivo de datos y lo abrió: este cambio no se guardó, para no reemplazar sus cambios. ${holder ? holder.message : ''}`.trim())
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
    return parseDataBytes(await readDataBytes(join(backupFolder(this.dataFile), name), { fs: this.fs, maxBytes: this.options.maxDataFileBytes }))
  }

  /** Replaces the data with a backup; allowed only in recovery mode, so a good file is never overwritten by mistake. */
  async restoreBackup(name: string): Promise<void> {
    this.assertWritable()
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
    this.assertWritable()
    this.requireRecovery(false)
    await this.replaceWith(emptyData(this.now()))
  }

  /** «Reintentar» on the lock screen: takes the lock if it is free (or stale) now and opens the file; otherwise the owner is read again. */
  async retryOpen(): Promise<void> {
    this.requireLocked()
    await this.takeLockAndLoad(() => acquireLock(this.dataFile, Store.lockOptions(this.options, 0)))
  }

  /** «Abrir en solo lectura» on the lock screen: the data is loaded without the lock, and every change is refused. */
  async openReadOnly(): Promise<void> {
    const state = this.requireLocked()
    const where = state.owner ? `${programLabel(state.owner)} en el equipo ${state.owner.host}` : 'otro programa'
    this.readOnlyReason = `se eligió abrirlo así mientras sigue abierto en ${where}`
    await this.load()
  }

  /**
   * «Desbloquear»: the user says the lock's owner is not really running. The
   * lock shown (`token`) is removed even if its owner looks alive, through the
   * same guarded protocol as a stale lock, and only if it is still that one;
   * then the file opens normally and the audit log records who was unlocked.
   */
  async unlock(token: string): Promise<void> {
    const state = this.requireLocked()
    const options = Store.lockOptions(this.options, 0)
    const removed = await breakLock(this.dataFile, token, options)
    if (!removed) {
      const holder = await inspectLock(this.dataFile, this.fs)
      if (holder) {
        this.stateValue = lockedState(holder)
        throw new AppError('BLOQUEADO', `El candado cambió mientras decidía y no se quitó. ${holder.message}`)
      }
    }
    await this.takeLockAndLoad(() => acquireLock(this.dataFile, options))
    if (this.stateValue.kind !== 'ready') return
    const who = state.owner ? `abierto en ${programLabel(state.owner)} en el equipo ${state.owner.host}${state.owner.user ? ` (usuario ${state.owner.user})` : ''} desde ${sinceLabel(state.owner.since)}` : 'bloqueado por un programa desconocido'
    await this.update((_draft, tools) =>
      tools.audit({ entity: 'archivo', entityId: '', action: 'estado', summary: `Se desbloqueó a mano el archivo de datos, que estaba ${who}` }),
    )
  }

  private requireLocked(): Extract<StoreState, { kind: 'locked' }> {
    const state = this.stateValue
    if (state.kind !== 'locked') throw new AppError('REGLA', 'El archivo de datos no está bloqueado por otro programa.')
    return state
  }

  private async takeLockAndLoad(take: () => Promise<FileLock>): Promise<void> {
    try {
      this.lock = await take()
    } catch (error) {
      if (error instanceof LockHeldError) {
        this.stateValue = lockedState(error)
        return
      }
      throw error
    }
    try {
      await this.load()
    } catch (error) {
      await this.lock.release()
      this.lock = null
      throw error
    }
  }

  private requireRecovery(restoring: boolean): void {
    const state = this.stateValue
    if (state.kind !== 'recovery') throw new AppError('REGLA', 'El archivo de datos está en buen estado: no hay nada que recuperar.')
    if (!state.canStartEmpty) {
      const what = restoring ? 'no se reemplaza por una copia' : 'no se reemplaza'
      const why =
        state.keptBecause === 'demasiado-grande'
          ? 'Este archivo es demasiado grande para abrirlo'
          : state.keptBecause === 'solo-lectura'
            ? 'La carpeta de datos no se puede modificar'
            : 'Este archivo es de una versión más reciente'
      throw new AppError('REGLA', `${why}: ${what}.`)
    }
  }

  private async replaceWith(data: Data): Promise<void> {
    // In recovery the lock may have been broken by hand (Desbloquear) from another program: its file is not replaced.
    await this.assertStillOwner()
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
      await this.lock?.release()
    }
  }

  /**
   * Replaces the data file and the folders beside it with restored ones
   * (a full backup), holding the lock this store already has. `install`
   * moves the current files aside and the restored ones into place, all or
   * nothing, and returns the restored data, which becomes this store's state.
   * Saves in progress finish first; a change asked for meanwhile is refused,
   * as it was made on the data being replaced. If `install` fails, memory and
   * disk stay as they were.
   */
  async replaceWithRestored(install: (target: { dataFile: string; dataFolder: string }) => Promise<Data>): Promise<void> {
    this.assertWritable()
    if (this.stateValue.kind === 'locked') throw new AppError('BLOQUEADO', `No se puede restaurar: ${this.stateValue.problem}`)
    await this.flush()
    const swap = (async () => {
      try {
        await this.assertStillOwner()
        this.accept(await install({ dataFile: this.dataFile, dataFolder: this.dataFolder }))
      } finally {
        const stale = this.waiters.splice(0)
        this.current = this.persisted
        const refused = new AppError('REGLA', 'Los datos se estaban restaurando desde un respaldo completo: este cambio no se guardó. Revise los datos restaurados e intente de nuevo.')
        for (const waiter of stale) waiter.reject(refused)
      }
    })()
    // Saves wait behind the swap, as behind any save; the lock on `saving` is gone before this method returns.
    this.saving = swap.then(
      () => undefined,
      () => undefined,
    ).finally(() => (this.saving = null))
    await this.saving
    await swap
  }
}

function lockedState(held: LockHeldError): StoreState {
  return { kind: 'locked', problem: heldMessage(held.owner), owner: held.owner, token: held.token }
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
