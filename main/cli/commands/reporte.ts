import { missingCharacters } from '../../core/documents/common'
import { warnAbout } from '../warnings'
import { planForReport, renderReporte } from '../../core/documents/reporte'
import { writePdfFile } from '../../core/documents/write-pdf'
import { mexicoDate } from '../../core/domain/dates'
import { readDataFile } from '../../core/store/read-data-file'
import { referenceInstant } from '../reference-time'

export interface ReporteArgs {
  file: string
  out: string
  /** The plan id; by default the plan in force. */
  plan?: string
  /** `AAAA-MM-DD`: the cut-off date of the report; today by default. */
  today?: string
}

/** Writes the progress report of the Plan de Acción as PDF/A; the data file is only read. */
export async function runReporte(args: ReporteArgs): Promise<number> {
  const now = referenceInstant(args.today)
  const data = await readDataFile(args.file)
  const plan = planForReport(data, mexicoDate(now), args.plan)
  const missing = missingCharacters()
  const bytes = await renderReporte(data, now, { planId: plan.id, onMissingCharacter: missing.onMissingCharacter })
  const target = await writePdfFile(args.out, bytes, args.file)
  console.log(`Reporte de avance del ${plan.name} escrito en ${target} (${Math.ceil(bytes.length / 1024)} KB).`)
  warnAbout(missing.warning())
  return 0
}
