/**
 * Saving a generated document: all or nothing. The bytes go to a temporary
 * file that is synced and then renamed, so an interrupted save leaves no
 * partial PDF; the data file itself can never be the target.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { AppError } from '../errors'
import { writeFileDurable } from '../store/durable-write'

export async function writePdfFile(out: string, bytes: Uint8Array, dataFile?: string): Promise<string> {
  const target = resolve(out)
  if (dataFile !== undefined && resolve(dataFile) === target) {
    throw new AppError('VALIDACION', 'El archivo de salida no puede ser el archivo de datos.')
  }
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeFileDurable(target, bytes)
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'desconocido'
    throw new AppError('ESCRITURA', `No se pudo guardar ${target} (${code}).`, { cause: error })
  }
  return target
}
