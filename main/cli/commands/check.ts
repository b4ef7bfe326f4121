import { readDataFile } from '../../core/store/read-data-file'

/** Validates a data file without writing anything. */
export async function runCheck(file: string): Promise<number> {
  const data = await readDataFile(file)
  console.log(
    `Archivo válido (esquema ${data.schemaVersion}): ${data.members.length} integrantes, ${data.sessions.length} sesiones, ${data.agreements.length} acuerdos, ${data.commitments.length} compromisos.`,
  )
  return 0
}
