/**
 * One writer per data file: the lock is a file beside it, `<data>.lock`,
 * holding its owner's record (program, pid, host, user, since, and the
 * process's start on this host, which tells a reused pid from the owner).
 *
 * Taking it never shows a half-written lock to anyone: the record is written
 * in full to a unique temporary file, synced, and then hard-linked to the lock
 * name, which fails atomically if the name exists. Where the disk has no hard
 * links, the lock is created with O_EXCL and written; a reader then treats an
 * empty or unreadable lock that is still young as held, never as stale.
 *
 * A lock is stale only when its owner is this machine's process and that
 * process no longer exists (or the pid now belongs to another process). A
 * lock from another host (a shared folder) is always respected. Removing a
 * stale lock is guarded by a second, short-lived lock (`<data>.lock.breaking`):
 * the breaker takes it, reads the lock again, checks that the guard is still
 * its own, and removes the lock only if it is still, byte for byte and inode
 * for inode, the one it judged; so a lock that another process took after the
 * judgement is never removed. The removal itself is a rename to a unique name
 * (atomic: whatever was at the lock's name is then the breaker's alone)
 * followed by a check of what was moved; a file that turns out not to be the
 * judged one is put back. The owner's own release goes through the same guard.
 *
 * A guard left by a breaker that died is debris only once it is old by the
 * disk's clock (a guard lives for milliseconds), and it too is removed by
 * rename and check; a fresh guard moved by mistake is never put back (its
 * owner sees that the guard is no longer its own and stops).
 *
 * What remains: this is no lock of the operating system. Every path is a
 * short check followed by an action, so in principle a window of microseconds
 * remains between them; the store therefore checks, before every save, that
 * the lock still holds its record and stops writing if not. Where /proc does
 * not exist (Windows), a reused pid is not told from the owner.
 */
import { createHash, randomBytes } from 'node:crypto'
import { constants, lstatSync, readFileSync, unlinkSync } from 'node:fs'
import { hostname, userInfo } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../errors'
import { mexicoDate, mexicoTime, spanishDate } from '../domain/dates'
import { nodeFs, type DurableFs } from './durable-write'

/** The program names an owner record carries. */
export const APP_PROGRAM = 'Secretariado'
export const COMMAND_LINE_PROGRAM = 'línea de comandos'

/** How long the command line waits for the app's short saves before it gives up. */
export const COMMAND_LINE_WAIT_MS = 5_000

/**
 * An empty or unreadable lock younger than this (by the disk's own clock) is
 * one being written right now, and is held; older, it is debris of a crash.
 */
export const YOUNG_LOCK_MS = 10_000

/**
 * A guard (`.breaking`) younger than this (by the disk's clock) is respected
 * even when its owner is gone; older and not held by a live process of this
 * machine, it is debris: a guard lives for milliseconds.
 */
export const GUARD_STALE_MS = 30_000

/** How long the owner's release waits for a busy guard before leaving the lock to the exit handler. */
const RELEASE_WAIT_MS = 2_000

/** Pause between attempts while waiting for a lock. */
const RETRY_MS = 100

/** A lock record is a few hundred bytes; anything far larger is not one. */
const MAX_LOCK_BYTES = 16 * 1024

/** Link errors that mean "this disk has no hard links", since the temporary file beside the lock could be created. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EINVAL'])

export interface LockProgram {
  /** `APP_PROGRAM` or `COMMAND_LINE_PROGRAM`. */
  program: string
  /** The command, for the command line. */
  command?: string
}

export interface LockOwner {
  program: string
  command: string | null
  pid: number
  host: string
  user: string
  /** ISO instant, from the caller's clock. */
  since: string
  /** `<boot id>:<start time>` of the process on Linux; null where it cannot be known. */
  processStart: string | null
}

/** The file-system calls the lock makes; the store passes its own, so tests can make any of them fail. */
export type LockFs = Pick<DurableFs, 'open' | 'link' | 'unlink' | 'rename' | 'stat' | 'readFile'>

export interface LockOptions {
  /** The caller's clock, for the record's `since`. */
  now: () => Date
  /** Who takes the lock; the app unless told. */
  program?: LockProgram
  /** Keep trying for this long (ms) while another program holds it; 0 (the default) fails at once. */
  waitMs?: number
  fs?: LockFs
}

export interface FileLock {
  readonly path: string
  readonly owner: LockOwner
  /** Whether the lock file still holds this lock's record (nobody broke it). */
  isHeld(): Promise<boolean>
  /** Removes the lock if it is still this one; never throws. */
  release(): Promise<void>
}

/** Another program holds the lock. `owner` is null when its record cannot be read (it is being written, or unreadable). */
export class LockHeldError extends AppError {
  readonly owner: LockOwner | null
  /** Identifies exactly the lock that was judged: its bytes and inode. */
  readonly token: string
  constructor(owner: LockOwner | null, token: string) {
    super('BLOQUEADO', heldMessage(owner))
    this.name = 'LockHeldError'
    this.owner = owner
    this.token = token
  }
}

/** The lock could not be created at all: the folder cannot be written, the disk is full… */
export class LockCreateError extends AppError {
  readonly systemCode: string
  /** The short Spanish reason, e.g. «no hay permiso para escribir en la carpeta de datos». */
  readonly reason: string
  /** True when the folder simply cannot be written (permission, read-only medium): the data may still be read. */
  readonly cannotWrite: boolean
  constructor(error: unknown) {
    const code = errorCode(error)
    const reason = lockFailureReason(code)
    super('ESCRITURA', `No se pudo abrir el archivo de datos para modificarlo: ${reason}.`, { cause: error })
    this.name = 'LockCreateError'
    this.systemCode = code
    this.reason = reason
    this.cannotWrite = code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
  }
}

function lockFailureReason(code: string): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no queda espacio en el disco'
    case 'EROFS':
      return 'la carpeta de datos está en un medio de sólo lectura'
    case 'EACCES':
    case 'EPERM':
      return 'no hay permiso para escribir en la carpeta de datos'
    default:
      return `error del sistema ${code}`
  }
}

/** «…en Secretariado en el equipo sala-1 (usuario ana, proceso 4242) desde el 26 de noviembre de 2026 a las 09:00 (hora de Guadalajara)…» */
export function heldMessage(owner: LockOwner | null): string {
  if (!owner) {
    return 'El archivo de datos está bloqueado por otro programa, que lo está abriendo en este momento o cuyo candado no se puede leer. Espere unos segundos e intente de nuevo.'
  }
  const details = [owner.user ? `usuario ${owner.user}` : '', owner.host === hostname() ? `proceso ${owner.pid}` : ''].filter(Boolean).join(', ')
  return `El archivo de datos está abierto en ${programLabel(owner)} en el equipo ${owner.host}${details ? ` (${details})` : ''} desde ${sinceLabel(owner.since)}. Ciérrelo allí e intente de nuevo.`
}

/** «Secretariado» or «la línea de comandos (import-progress)». */
export function programLabel(owner: Pick<LockOwner, 'program' | 'command'>): string {
  if (owner.program === COMMAND_LINE_PROGRAM) return owner.command ? `la línea de comandos (${owner.command})` : 'la línea de comandos'
  return owner.program
}

/** «el 26 de noviembre de 2026 a las 09:00 (hora de Guadalajara)». */
export function sinceLabel(iso: string): string {
  const instant = new Date(iso)
  if (Number.isNaN(instant.getTime())) return 'una fecha desconocida'
  return `el ${spanishDate(mexicoDate(instant))} a las ${mexicoTime(instant)} (hora de Guadalajara)`
}

// ── taking the lock ─────────────────────────────────────────────────────

export async function acquireLock(dataFile: string, options: LockOptions): Promise<FileLock> {
  const fs = options.fs ?? nodeFs
  const deadline = performance.now() + Math.max(0, options.waitMs ?? 0)
  for (;;) {
    const outcome = await tryAcquire(fs, lockPathOf(dataFile), options).catch((error: unknown) => {
      throw error instanceof AppError ? error : new LockCreateError(error)
    })
    if ('lock' in outcome) return outcome.lock
    if (performance.now() + RETRY_MS > deadline) throw outcome.held
    await sleep(RETRY_MS)
  }
}

export function lockPathOf(dataFile: string): string {
  return `${dataFile}.lock`
}

function guardPathOf(lockPath: string): string {
  return `${lockPath}.breaking`
}

async function tryAcquire(fs: LockFs, path: string, options: LockOptions): Promise<{ lock: FileLock } | { held: LockHeldError }> {
  const owner = ownRecord(options)
  const bytes = encodeRecord(owner)
  const temp = await writeTemp(fs, path, bytes)
  try {
    let held: LockHeldError = new LockHeldError(null, '')
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await place(fs, temp, path, bytes)) return { lock: makeLock(fs, path, owner, bytes, await identityOf(fs, path)) }
      const snapshot = await readSnapshot(fs, path)
      if (!snapshot) continue // Released in the meantime: try again.
      const verdict = judge(snapshot, await diskNow(fs, temp))
      held = new LockHeldError(verdict.owner, tokenOf(snapshot))
      if (!verdict.stale) break
      // Another breaker is at it (the guard is busy): give it a moment to finish.
      if (!(await removeIfUnchanged(fs, path, snapshot, temp, bytes))) await sleep(10)
    }
    return { held }
  } finally {
    await fs.unlink(temp).catch(() => undefined)
  }
}

/**
 * Removes the lock the user chose to break (Desbloquear), whoever holds it, but
 * only if it is still exactly the one identified by `token`. Returns false when
 * the lock changed (or vanished) since it was shown.
 */
export async function breakLock(dataFile: string, token: string, options: LockOptions): Promise<boolean> {
  const fs = options.fs ?? nodeFs
  const path = lockPathOf(dataFile)
  const snapshot = await readSnapshot(fs, path)
  if (!snapshot || tokenOf(snapshot) !== token) return false
  const bytes = encodeRecord(ownRecord(options))
  const temp = await writeTemp(fs, path, bytes)
  try {
    return await removeIfUnchanged(fs, path, snapshot, temp, bytes)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('ESCRITURA', `No se pudo quitar el candado ${path}: ${lockFailureReason(errorCode(error))}.`, { cause: error })
  } finally {
    await fs.unlink(temp).catch(() => undefined)
  }
}

/** Who holds the lock now, as a `LockHeldError` (null when nobody does). Reads only. */
export async function inspectLock(dataFile: string, fs: LockFs = nodeFs): Promise<LockHeldError | null> {
  const snapshot = await readSnapshot(fs, lockPathOf(dataFile))
  return snapshot ? new LockHeldError(parseRecord(snapshot.bytes), tokenOf(snapshot)) : null
}

/**
 * Who holds the lock of `dataFile` when it is held by a live owner, by the
 * rules of `judge` (null when there is no lock or its owner is gone). Reads
 * only and breaks nothing; a record that cannot be read counts as held.
 */
export async function liveLockHolder(dataFile: string, fs: LockFs = nodeFs): Promise<LockHeldError | null> {
  const snapshot = await readSnapshot(fs, lockPathOf(dataFile))
  if (!snapshot) return null
  // Judged as if just written: an empty or cut-short record is one being written, never debris.
  const verdict = judge(snapshot, snapshot.mtimeMs)
  return verdict.stale ? null : new LockHeldError(verdict.owner, tokenOf(snapshot))
}

/** A unique temporary file beside the lock, holding the whole record, synced. */
async function writeTemp(fs: LockFs, lockPath: string, bytes: Buffer): Promise<string> {
  const temp = join(dirname(lockPath), `.${basename(lockPath)}.${process.pid}.${randomBytes(6).toString('hex')}.nuevo`)
  try {
    await writeExclusive(fs, temp, bytes)
  } catch (error) {
    throw new LockCreateError(error)
  }
  return temp
}

/** Creates `path` (failing if it exists) with `bytes`, synced; a failed write removes what it created. */
async function writeExclusive(fs: LockFs, path: string, bytes: Buffer): Promise<void> {
  const handle = await fs.open(path, 'wx', 0o600)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await fs.unlink(path).catch(() => undefined)
    throw error
  }
  await handle.close()
}

/** Puts the record at `target` if the name is free: true when it did, false when the name is taken. */
async function place(fs: LockFs, temp: string, target: string, bytes: Buffer): Promise<boolean> {
  try {
    await fs.link(temp, target)
    return true
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false
    if (!NO_HARD_LINKS.has(errorCode(error))) throw new LockCreateError(error)
  }
  // No hard links on this disk: create exclusively and write (readers treat a young empty lock as held).
  try {
    await writeExclusive(fs, target, bytes)
    return true
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false
    throw new LockCreateError(error)
  }
}

/** "Now" by the disk's clock: the modification time of the file this process just wrote. */
async function diskNow(fs: LockFs, temp: string): Promise<number> {
  return (await fs.stat(temp)).mtimeMs
}

// ── reading and judging a lock ──────────────────────────────────────────

/** What was at a lock's name: its exact bytes and which file it was. */
export interface LockSnapshot {
  bytes: Buffer
  ino: number
  dev: number
  mtimeMs: number
  /** The name exists but could not be opened for reading (another user's lock, for instance), or is not a regular file. */
  unreadable: boolean
}

// Never block on a planted FIFO, never follow a planted link.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)

async function readSnapshot(fs: LockFs, path: string): Promise<LockSnapshot | null> {
  let handle: Awaited<ReturnType<LockFs['open']>>
  try {
    handle = await fs.open(path, READ_FLAGS)
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null
    // A name that exists but cannot be read (another user's lock, a planted link) is held: only Desbloquear removes it.
    const info = await fs.stat(path).catch(() => null)
    return { bytes: Buffer.alloc(0), ino: info?.ino ?? 0, dev: info?.dev ?? 0, mtimeMs: info?.mtimeMs ?? 0, unreadable: true }
  }
  try {
    const info = await handle.stat()
    // A directory, FIFO or device at the name is no lock anyone wrote: held, never broken on its own (only by Desbloquear).
    if (!info.isFile()) return { bytes: Buffer.alloc(0), ino: info.ino, dev: info.dev, mtimeMs: info.mtimeMs, unreadable: true }
    const bytes = info.size <= MAX_LOCK_BYTES ? await handle.readFile() : Buffer.alloc(0)
    return { bytes, ino: info.ino, dev: info.dev, mtimeMs: info.mtimeMs, unreadable: false }
  } finally {
    await handle.close().catch(() => undefined)
  }
}

function sameSnapshot(a: LockSnapshot, b: LockSnapshot): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.bytes.equals(b.bytes)
}

/** A short identity of exactly one lock file: its bytes and inode. */
export function tokenOf(snapshot: LockSnapshot): string {
  return createHash('sha256').update(`${snapshot.dev}:${snapshot.ino}:`).update(snapshot.bytes).digest('hex')
}

interface Verdict {
  owner: LockOwner | null
  stale: boolean
}

/**
 * Stale: the owner is a process of this machine that is gone (or its pid was
 * reused), or the record is unreadable and old. Held otherwise, including
 * every lock from another host and every young unreadable one.
 */
export function judge(snapshot: LockSnapshot, diskNowMs: number): Verdict {
  if (snapshot.unreadable) return { owner: null, stale: false }
  const owner = parseRecord(snapshot.bytes)
  if (!owner) return { owner, stale: diskNowMs - snapshot.mtimeMs >= YOUNG_LOCK_MS }
  if (owner.host !== hostname()) return { owner, stale: false }
  return { owner, stale: !isAlive(owner) }
}

/**
 * Takes the guard, re-reads the lock and removes it only if it is still the
 * judged one and the guard is still this process's; releases the guard. False
 * when the guard is busy, the lock changed or vanished, or the race was lost.
 */
async function removeIfUnchanged(fs: LockFs, path: string, judged: LockSnapshot, temp: string, bytes: Buffer): Promise<boolean> {
  const guard = await takeGuard(fs, guardPathOf(path), temp, bytes)
  if (!guard) return false
  try {
    const current = await readSnapshot(fs, path)
    if (!current || !sameSnapshot(current, judged)) return false
    // A breaker that mistook this guard for debris may have moved it: then another may be at work, and this one stops.
    if (!(await guard.stillOwn())) return false
    return (await removeIfSame(fs, path, (moved) => sameSnapshot(moved, judged), true)) === 'removed'
  } finally {
    await guard.release()
  }
}

interface Guard {
  /** Whether the guard's name still holds this process's guard. */
  stillOwn(): Promise<boolean>
  release(): Promise<void>
}

/**
 * The guard is itself a lock with this process's record (the same bytes as
 * its temporary file). A guard that is old by the disk's clock and not held by
 * a live process of this machine is debris: it is moved aside under a unique
 * name and removed if what was moved is the guard that was judged. A fresh
 * guard moved by mistake is removed too, never put back: its owner checks its
 * guard before it removes anything and stops, and a guard put back after its
 * owner finished would block everyone.
 */
async function takeGuard(fs: LockFs, guardPath: string, temp: string, bytes: Buffer): Promise<Guard | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await place(fs, temp, guardPath, bytes)) {
      return { stillOwn: async () => ownsFile(fs, guardPath, bytes), release: () => removeOwn(fs, guardPath, bytes) }
    }
    const snapshot = await readSnapshot(fs, guardPath)
    if (!snapshot) continue
    if (!isDebrisGuard(snapshot, await diskNow(fs, temp))) return null
    if ((await removeIfSame(fs, guardPath, (moved) => sameSnapshot(moved, snapshot), false)) === 'changed') return null
  }
  return null
}

/** A guard lives for milliseconds: one older than `GUARD_STALE_MS` by the disk's clock is debris unless a live process of this machine holds it. */
function isDebrisGuard(snapshot: LockSnapshot, diskNowMs: number): boolean {
  if (diskNowMs - snapshot.mtimeMs < GUARD_STALE_MS) return false
  if (snapshot.unreadable) return false
  const owner = parseRecord(snapshot.bytes)
  return !(owner && owner.host === hostname() && isAlive(owner))
}

/**
 * Removes what is at `path` only if `matches` accepts it: moves it aside under
 * a unique name (atomic, so what was moved is this process's alone to judge),
 * then removes it or, when it is not the expected file, puts it back if
 * `putBack` (when the name was taken in the meantime the moved file stays
 * aside: its owner's ownership check then fails and it stops writing). A name
 * already gone is a race lost, never an error.
 */
async function removeIfSame(fs: LockFs, path: string, matches: (moved: LockSnapshot) => boolean, putBack: boolean): Promise<'removed' | 'changed' | 'gone'> {
  const aside = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.viejo`
  try {
    await fs.rename(path, aside)
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 'gone'
    throw error
  }
  const moved = await readSnapshot(fs, aside)
  if (moved && matches(moved)) {
    try {
      await fs.unlink(aside)
    } catch (error) {
      // Not a file (a directory at the lock's name, say): it goes back where it was, and the user is told.
      await restore(fs, aside, path)
      throw new AppError('ESCRITURA', `No se pudo quitar ${path}: no es un archivo (${errorCode(error)}). Quítelo a mano e intente de nuevo.`, { cause: error })
    }
    return 'removed'
  }
  if (putBack) await restore(fs, aside, path)
  else await fs.unlink(aside).catch(() => undefined)
  return 'changed'
}

/** Puts a moved file back at its name if the name is still free; otherwise leaves it aside. */
async function restore(fs: LockFs, aside: string, path: string): Promise<void> {
  try {
    await fs.link(aside, path)
  } catch (error) {
    if (!NO_HARD_LINKS.has(errorCode(error))) return // EEXIST: the name was taken meanwhile; the moved file stays aside.
    if (await readSnapshot(fs, path)) return
    await fs.rename(aside, path).catch(() => undefined)
    return
  }
  await fs.unlink(aside).catch(() => undefined)
}

/** Whether `path` holds exactly `bytes` (records are unique, so this is "still mine"). */
async function ownsFile(fs: LockFs, path: string, bytes: Buffer): Promise<boolean> {
  const current = await fs.readFile(path).catch(() => null)
  return current !== null && Buffer.from(current).equals(bytes)
}

/** Removes `path` only if it still holds `bytes`. */
async function removeOwn(fs: LockFs, path: string, bytes: Buffer): Promise<void> {
  if (await ownsFile(fs, path, bytes)) await fs.unlink(path).catch(() => undefined)
}

// ── the owner record ────────────────────────────────────────────────────

interface StoredRecord extends LockOwner {
  /** Makes every record unique, so "still mine" is a byte comparison. */
  nonce: string
}

function ownRecord(options: LockOptions): StoredRecord {
  const program = options.program ?? { program: APP_PROGRAM }
  return {
    program: program.program,
    command: program.command ?? null,
    pid: process.pid,
    host: hostname(),
    user: currentUser(),
    since: options.now().toISOString(),
    processStart: processStartOf(process.pid),
    nonce: randomBytes(8).toString('hex'),
  }
}

function encodeRecord(record: StoredRecord): Buffer {
  return Buffer.from(JSON.stringify(record), 'utf8')
}

const text = (value: unknown, max: number): string | null => (typeof value === 'string' && value.length <= max ? value : null)

/** The owner in a lock's bytes, or null when they are not a complete record (empty, cut short, garbage). Records of earlier versions (pid, host, since) are read too. */
export function parseRecord(bytes: Buffer): LockOwner | null {
  if (bytes.length === 0) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
  const record = parsed as Record<string, unknown>
  const pid = record.pid
  const host = text(record.host, 255)
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0 || !host) return null
  const since = text(record.since, 40) ?? ''
  return {
    program: text(record.program, 80) || APP_PROGRAM,
    command: text(record.command, 80) || null,
    pid,
    host,
    user: text(record.user, 255) ?? '',
    since: Number.isNaN(Date.parse(since)) ? '' : since,
    processStart: text(record.processStart, 120) || null,
  }
}

function currentUser(): string {
  try {
    return userInfo().username
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? ''
  }
}

let bootIdCache: string | undefined

function bootId(): string {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    } catch {
      bootIdCache = ''
    }
  }
  return bootIdCache
}

/**
 * When a process started, as `<boot id>:<clock ticks since boot>` (Linux,
 * /proc/<pid>/stat field 22); null where that cannot be read. Two processes
 * that share a pid never share this.
 */
export function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const start = fields[19]
    return start && /^\d+$/.test(start) ? `${bootId()}:${start}` : null
  } catch {
    return null
  }
}

/** Whether the owner process (of this host) still runs: its pid exists and, where known, started when the record says. */
function isAlive(owner: LockOwner): boolean {
  if (owner.pid !== process.pid) {
    try {
      process.kill(owner.pid, 0)
    } catch (error) {
      if (!isCode(error, 'EPERM')) return false
    }
  }
  if (owner.processStart === null) return true
  const current = processStartOf(owner.pid)
  return current === null || current === owner.processStart
}

// ── the held lock ───────────────────────────────────────────────────────

/** Which file a name points to, for the exit handler's check; null when it cannot be known. */
async function identityOf(fs: LockFs, path: string): Promise<{ ino: number; dev: number } | null> {
  const info = await fs.stat(path).catch(() => null)
  return info ? { ino: info.ino, dev: info.dev } : null
}

function makeLock(fs: LockFs, path: string, owner: LockOwner, bytes: Buffer, identity: { ino: number; dev: number } | null): FileLock {
  let released = false
  // If the process ends without closing the store (or its release gave up), the
  // lock goes with it, synchronously as 'exit' requires and without the guard:
  // only if the name still holds this very file, by bytes and then inode, read
  // right before removing it (a lock broken and retaken by another program in
  // the instant between the last check and the removal is the window left).
  const onExit = (): void => {
    try {
      if (!readFileSync(path).equals(bytes)) return
      const info = lstatSync(path)
      if (identity && (info.ino !== identity.ino || info.dev !== identity.dev)) return
      unlinkSync(path)
    } catch {
      // Already gone.
    }
  }
  process.on('exit', onExit)
  return {
    path,
    owner,
    isHeld: async () => {
      if (released) return false
      const current = await fs.readFile(path).catch((error: unknown) => {
        if (isCode(error, 'ENOENT')) return null
        throw error
      })
      return current !== null && Buffer.from(current).equals(bytes)
    },
    release: async () => {
      if (released) return
      released = true
      const done = await releaseGuarded(fs, path, bytes).catch(() => false)
      // A guard that stayed busy: the lock is left to the exit handler, which stays registered.
      if (done) process.off('exit', onExit)
    },
  }
}

/**
 * The owner's release takes the guard too, so it never removes a lock that a
 * breaker just replaced. True once the lock is gone (or is no longer this
 * one); false when the guard stayed busy for `RELEASE_WAIT_MS`.
 */
async function releaseGuarded(fs: LockFs, path: string, bytes: Buffer): Promise<boolean> {
  const record = parseRecord(bytes)
  const temp = await writeTemp(fs, path, bytes).catch(() => null)
  if (!temp || !record) {
    await removeOwn(fs, path, bytes)
    return !(await ownsFile(fs, path, bytes))
  }
  try {
    const deadline = performance.now() + RELEASE_WAIT_MS
    for (;;) {
      if (!(await ownsFile(fs, path, bytes))) return true
      const guard = await takeGuard(fs, guardPathOf(path), temp, bytes)
      if (guard) {
        try {
          if (await guard.stillOwn()) {
            // Whatever the outcome, the name no longer holds this lock: removed, gone, or another's (put back).
            await removeIfSame(fs, path, (moved) => moved.bytes.equals(bytes), true)
            return true
          }
        } finally {
          await guard.release()
        }
      }
      if (performance.now() > deadline) return false
      await sleep(10)
    }
  } finally {
    await fs.unlink(temp).catch(() => undefined)
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code
}

export function errorCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' ? code : 'error desconocido'
}
