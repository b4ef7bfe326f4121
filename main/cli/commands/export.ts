import { resolve } from 'node:path'
import { AppError } from '../../core/errors'
import { OPEN_DATA_FORMATS, OPEN_DATA_SETS } from '../../core/contract/follow-up-inputs'
import { exportOpenData } from '../../core/domain/open-data'
import { writeFileDurable } from '../../core/store/durable-write'
import { readDataFile } from '../../core/store/read-data-file'
import { referenceInstant } from '../reference-time'

export interface ExportArgs {
  file: string
  what: string | undefined
  format: string | undefined
  out: string
  /** `AAAA-MM-DD`: the cut-off date of the export (which agreements are overdue); today by default. */
  today?: string
}

/** Open data from a data file, which is only read. */
export async function runExport(args: ExportArgs): Promise<number> {
  const what = OPEN_DATA_SETS.find((set) => set === args.what)
  const format = OPEN_DATA_FORMATS.find((candidate) => candidate === args.format)
  if (!what) throw new AppError('VALIDACION', '--what debe ser «acuerdos» o «compromisos».')
  if (!format) throw new AppError('VALIDACION', '--format debe ser «csv» o «json».')
  const data = await readDataFile(args.file)
  const content = exportOpenData(data, what, format, referenceInstant(args.today))
  const out = resolve(args.out)
  await writeFileDurable(out, content)
  console.log(`Datos abiertos de ${what} (${format.toUpperCase()}) escritos en ${out}.`)
  return 0
}
