import { renderConvocatoria } from '../../core/documents/convocatoria'
import { sessionForConvocatoria } from '../../core/documents/select-session'
import { writeSessionPdf, type SessionPdfArgs } from './session-pdf'

/** Writes the convocatoria of a session not yet held as PDF/A; the data file is only read. */
export function runConvocatoria(args: SessionPdfArgs): Promise<number> {
  return writeSessionPdf(args, { heading: 'Convocatoria a la', select: sessionForConvocatoria, render: renderConvocatoria })
}
