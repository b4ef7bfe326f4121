/**
 * One writer per data file. The lock is a file beside the data file holding
 * the owner's pid and host; a lock whose process no longer exists on this
 * host (the app was killed) is taken over, so a crash never leaves the user
 * locked out.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { AppError } from '../errors'

interface LockOwner {
  pid: number
  host: string
  since: string
}

export interface FileLock {
  readonly path: string
  release(): void
}

export function acquireLock(dataFile: string): FileLock {
  const path = `${dataFile}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600)
      const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
      writeSync(fd, JSON.stringify(owner))
      closeSync(fd)
      return makeLock(path)
    } catch (error) {
      if (!isCode(error, 'EEXIST')) {
        throw new AppError('ESCRITURA', `No se pudo crear el candado del archivo de datos (${errorCode(error)}).`, { cause: error })
      }
      const owner = readOwner(path)
      if (owner && isAlive(owner)) {
        const where = owner.host === hostname() ? `proceso ${owner.pid}` : `equipo ${owner.host}`
        throw new AppError(
          'BLOQUEADO',
          `El archivo de datos ya está abierto en otra ventana o programa (${where}). Ciérrelo e intente de nuevo.`,
        )
      }
      // The owner is gone (or the lock is unreadable): remove the stale lock and try once more.
      try {
        unlinkSync(path)
      } catch (unlinkError) {
        if (!isCode(unlinkError, 'ENOENT')) throw unlinkError
      }
    }
  }
  throw new AppError('BLOQUEADO', 'El archivo de datos está bloqueado por otro programa. Intente de nuevo.')
}

function makeLock(path: string): FileLock {
  let released = false
  const release = (): void => {
    if (released) return
    released = true
    process.off('exit', release)
    try {
      unlinkSync(path)
    } catch {
      // Already gone: nothing to release.
    }
  }
  process.on('exit', release)
  return { path, release }
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
    if (parsed && typeof parsed === 'object' && 'pid' in parsed && 'host' in parsed) {
      const { pid, host, since } = parsed as Record<string, unknown>
      if (typeof pid === 'number' && typeof host === 'string') return { pid, host, since: String(since) }
    }
    return null
  } catch {
    return null
  }
}

function isAlive(owner: LockOwner): boolean {
  // A lock from another machine (a shared folder) cannot be checked: respect it.
  if (owner.host !== hostname()) return true
  if (owner.pid === process.pid) return true
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    return isCode(error, 'EPERM')
  }
}

export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code
}

export function errorCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' ? code : 'error desconocido'
}
