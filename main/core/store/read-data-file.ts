/**
 * Reading a data file: envelope and checksum, migrations, schema, references.
 * Never writes. Shared by the store, the backup list and the command line's
 * `check`.
 */
import * as fsp from 'node:fs/promises'
import { AppError, describeZodError } from '../errors'
import { dataSchema, type Data } from '../model/schema'
import { findIntegrityProblems } from '../domain/integrity'
import { DataFileTooLargeError, MAX_DATA_FILE_BYTES, openEnvelope } from './data-format'
import { isCode, errorCode } from './lock'
import { migrate, type JsonObject } from './migrations'

export function parseDataBytes(bytes: Buffer): Data {
  const raw = openEnvelope(bytes)
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new AppError('ARCHIVO_DANADO', 'El archivo no contiene un objeto de datos de Secretariado.')
  }
  const migrated = migrate(raw as JsonObject)
  const parsed = dataSchema.safeParse(migrated)
  if (!parsed.success) {
    throw new AppError('ARCHIVO_DANADO', `El contenido no es válido: ${describeZodError(parsed.error, 3)}.`)
  }
  const problems = findIntegrityProblems(parsed.data)
  if (problems.length > 0) {
    const more = problems.length > 3 ? ` (y ${problems.length - 3} más)` : ''
    throw new AppError('ARCHIVO_DANADO', `El contenido es incoherente: ${problems.slice(0, 3).join('; ')}${more}.`)
  }
  return parsed.data
}

/**
 * The data file's name holds something that is not a regular file (a folder, a
 * named pipe, a device): it is neither read (a pipe would block forever) nor
 * moved; the user moves it aside by hand.
 */
export class DataFileNotRegularError extends AppError {
  constructor(path: string) {
    super(
      'LECTURA',
      `${path} no es un archivo común (es una carpeta, una tubería o un dispositivo): no se leyó, no se modificó ni se apartó. Para seguir trabajando, cierre la aplicación, mueva eso a otra carpeta y ábrala de nuevo: podrá restaurar una copia de seguridad.`,
    )
    this.name = 'DataFileNotRegularError'
  }
}

export interface ReadDataFileOptions {
  /** The file-system calls (the store's, so tests can inject a size or a failure). */
  fs?: Pick<typeof fsp, 'stat' | 'readFile'>
  /** Larger files are refused before they are read; `MAX_DATA_FILE_BYTES` by default. */
  maxBytes?: number
}

export async function readDataFile(path: string, options: ReadDataFileOptions = {}): Promise<Data> {
  return parseDataBytes(await readDataBytes(path, options))
}

/** The file's bytes, once its size is known to fit: a huge file is refused with a Spanish message before any of it is read. */
export async function readDataBytes(path: string, options: ReadDataFileOptions = {}): Promise<Buffer> {
  const fs = options.fs ?? fsp
  const limit = options.maxBytes ?? MAX_DATA_FILE_BYTES
  let size = 0
  try {
    const info = await fs.stat(path)
    // Checked before reading: opening a named pipe would wait forever for a writer.
    if (!info.isFile()) throw new DataFileNotRegularError(path)
    size = info.size
    if (size > limit) throw new DataFileTooLargeError(size, limit)
    const bytes = await fs.readFile(path)
    // The file may have grown between the two calls.
    if (bytes.length > limit) throw new DataFileTooLargeError(bytes.length, limit)
    return bytes
  } catch (error) {
    if (error instanceof AppError) throw error
    if (isCode(error, 'ENOENT')) throw new AppError('NO_ENCONTRADO', `No existe el archivo ${path}.`)
    // Node refuses to read a file over 2 GiB into one buffer, and memory may run out before that.
    if (error instanceof RangeError || isCode(error, 'ERR_FS_FILE_TOO_LARGE')) throw new DataFileTooLargeError(size, limit, { cause: error })
    throw new AppError('LECTURA', `No se pudo leer el archivo ${path} (${errorCode(error)}).`, { cause: error })
  }
}
