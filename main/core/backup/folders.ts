/**
 * The folders a backup carries (adjuntos/, actas/), as they are beside the
 * data file. Only a real folder there counts: a link named adjuntos/ that
 * points elsewhere (/etc, another user's folder) is not part of the data, so
 * nothing it points to is archived or counted.
 */
import type { Stats } from 'node:fs'
import { lstat, realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../errors'
import { errorCode, isCode } from '../store/lock'
import type { BackupFolder } from './format'

export async function realFolder(path: string): Promise<string> {
  try {
    return await realpath(path)
  } catch (error) {
    throw new AppError('LECTURA', `No se pudo leer la carpeta ${path} (${errorCode(error)}).`, { cause: error })
  }
}

/**
 * The folder beside the data file, when it is a real folder there: a link to
 * another folder (or a file with its name) is not part of the data, and what
 * it points to is never archived. Null when it is missing or left out.
 */
export async function ownFolder(dataFolder: string, realDataFolder: string, folder: BackupFolder): Promise<{ root: string; real: string; info: Stats } | null> {
  const root = join(dataFolder, folder)
  let info: Stats
  try {
    info = await lstat(root)
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null
    throw new AppError('LECTURA', `No se pudo leer la carpeta ${root} (${errorCode(error)}).`, { cause: error })
  }
  if (!info.isDirectory()) return null
  const real = await realFolder(root)
  return real === join(realDataFolder, folder) ? { root, real, info } : null
}
