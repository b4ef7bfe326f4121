import { planForReport, renderReporte } from '../../core/documents/reporte'
import { writePdfFile } from '../../core/documents/write-pdf'
import { mexicoDate } from '../../core/domain/dates'
import { AppError } from '../../core/errors'
import { readDataFile } from '../../core/store/read-data-file'

export interface ReporteArgs {
  file: string
  out: string
  /** The plan id; by default the plan in force. */
  plan?: string
  /** `AAAA-MM-DD`: the cut-off date of the report; today by default. */
  today?: string
}

/** `--today AAAA-MM-DD` as midday in Guadalajara, or the current instant. */
export function referenceInstant(today: string | undefined): Date {
  if (today === undefined) return new Date()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
    throw new AppError('VALIDACION', '--today debe ser una fecha AAAA-MM-DD.')
  }
  return new Date(`${today}T18:00:00Z`)
}

/** Writes the progress report of the Plan de Acción as PDF/A; the data file is only read. */
export async function runReporte(args: ReporteArgs): Promise<number> {
  const now = referenceInstant(args.today)
  const data = await readDataFile(args.file)
  const plan = planForReport(data, mexicoDate(now), args.plan)
  const bytes = await renderReporte(data, now, { planId: plan.id })
  const target = await writePdfFile(args.out, bytes, args.file)
  console.log(`Reporte de avance del ${plan.name} escrito en ${target} (${Math.ceil(bytes.length / 1024)} KB).`)
  return 0
}
