/**
 * Reading a data file: envelope and checksum, migrations, schema, references.
 * Never writes. Shared by the store, the backup list and the command line's
 * `check`.
 */
import { readFile } from 'node:fs/promises'
import { AppError, describeZodError } from '../errors'
import { dataSchema, type Data } from '../model/schema'
import { findIntegrityProblems } from '../domain/integrity'
import { openEnvelope } from './data-format'
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

export async function readDataFile(path: string): Promise<Data> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    if (isCode(error, 'ENOENT')) throw new AppError('NO_ENCONTRADO', `No existe el archivo ${path}.`)
    throw new AppError('LECTURA', `No se pudo leer el archivo ${path} (${errorCode(error)}).`, { cause: error })
  }
  return parseDataBytes(bytes)
}
