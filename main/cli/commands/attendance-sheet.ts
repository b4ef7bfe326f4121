import { renderAttendanceSheet } from '../../core/documents/attendance-sheet'
import { missingCharacters } from '../../core/documents/common'
import { sessionForAttendanceSheet } from '../../core/documents/select-session'
import { writePdfFile } from '../../core/documents/write-pdf'
import { mexicoDate } from '../../core/domain/dates'
import { sessionTitle } from '../../core/domain/session-title'
import { readDataFile } from '../../core/store/read-data-file'
import { referenceInstant } from '../reference-time'
import { warnAbout } from '../warnings'

export interface AttendanceSheetArgs {
  file: string
  /** A session id or `next`. */
  session: string
  out: string
  /** `AAAA-MM-DD`: the day `next` is counted from; today by default. */
  today?: string
}

/** Writes the sign-in sheet of a session not yet held (or in course) as PDF/A; the data file is only read. */
export async function runAttendanceSheet(args: AttendanceSheetArgs): Promise<number> {
  const now = referenceInstant(args.today)
  const data = await readDataFile(args.file)
  const session = sessionForAttendanceSheet(data, args.session, mexicoDate(now))
  const missing = missingCharacters()
  const bytes = await renderAttendanceSheet(data, session.id, { now, onMissingCharacter: missing.onMissingCharacter })
  const target = await writePdfFile(args.out, bytes, args.file)
  console.log(`Lista de asistencia de la ${sessionTitle(session)} escrita en ${target} (${Math.ceil(bytes.length / 1024)} KB).`)
  warnAbout(missing.warning())
  return 0
}
