import { renderAttendanceSheet } from '../../core/documents/attendance-sheet'
import { sessionForAttendanceSheet } from '../../core/documents/select-session'
import { writeSessionPdf, type SessionPdfArgs } from './session-pdf'

/** Writes the sign-in sheet of a session not yet held (or in course) as PDF/A; the data file is only read. */
export function runAttendanceSheet(args: SessionPdfArgs): Promise<number> {
  return writeSessionPdf(args, { heading: 'Lista de asistencia de la', select: sessionForAttendanceSheet, render: renderAttendanceSheet })
}
