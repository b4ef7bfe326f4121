/**
 * Durable replacement of a file: a resolved write means the new bytes are on
 * disk under the final name, and a crash at any moment leaves either the old
 * file or the new one, never a mix.
 *
 *   write temp (with the old file's permission bits) → fsync temp →
 *   (keep the old file as a backup) → rename → fsync folder
 *
 * The file-system calls go through `DurableFs` so tests can make any one of
 * them fail.
 */
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export type DurableFs = Pick<typeof fsp, 'open' | 'rename' | 'unlink' | 'link' | 'copyFile' | 'mkdir' | 'readdir' | 'stat' | 'readFile'>

export const nodeFs: DurableFs = fsp

let tempCounter = 0

/**
 * The new file already replaced the old one, but syncing the folder failed:
 * the new content is what the file holds, though the disk did not confirm it.
 */
export class ReplacedUnconfirmedError extends Error {
  readonly code: string
  constructor(cause: unknown) {
    super('El archivo se reemplazó, pero el disco no confirmó el cambio de nombre.', { cause })
    const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined
    this.code = typeof code === 'string' ? code : 'EIO'
  }
}

export interface DurableWriteOptions {
  fs?: DurableFs
  /** Runs after the temp file is on disk and before it replaces the target (used for backups). */
  beforeReplace?: () => Promise<void>
}

export async function writeFileDurable(target: string, bytes: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs
  const dir = dirname(target)
  const temp = join(dir, `.${basename(target)}.${process.pid}.${++tempCounter}.tmp`)
  let renamed = false
  try {
    // A replaced file keeps its permission bits (someone may have opened it to a group); a new one is private.
    const mode = await fs.stat(target).then(
      (info) => info.mode & 0o7777,
      () => 0o600,
    )
    const handle = await fs.open(temp, 'w', 0o600)
    try {
      if (mode !== 0o600) await handle.chmod(mode)
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (options.beforeReplace) await options.beforeReplace()
    await fs.rename(temp, target)
    renamed = true
    try {
      await syncFolder(dir, fs)
    } catch (error) {
      throw new ReplacedUnconfirmedError(error)
    }
  } finally {
    if (!renamed) await fs.unlink(temp).catch(() => undefined)
  }
}

/** Makes a rename durable. Windows cannot open a folder for syncing, and needs no such step. */
export async function syncFolder(dir: string, fs: DurableFs = nodeFs): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
