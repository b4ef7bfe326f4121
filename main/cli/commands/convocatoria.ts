import { missingCharacters } from '../../core/documents/common'
import { warnAbout } from '../warnings'
import { renderConvocatoria } from '../../core/documents/convocatoria'
import { sessionForConvocatoria } from '../../core/documents/select-session'
import { writePdfFile } from '../../core/documents/write-pdf'
import { mexicoDate } from '../../core/domain/dates'
import { sessionTitle } from '../../core/domain/session-title'
import { readDataFile } from '../../core/store/read-data-file'
import { referenceInstant } from '../reference-time'

export interface ConvocatoriaArgs {
  file: string
  /** A session id or `next`. */
  session: string
  out: string
  /** `AAAA-MM-DD`: the date of the notice and the day `next` is counted from; today by default. */
  today?: string
}

/** Writes the convocatoria of a session not yet held as PDF/A; the data file is only read. */
export async function runConvocatoria(args: ConvocatoriaArgs): Promise<number> {
  const now = referenceInstant(args.today)
  const data = await readDataFile(args.file)
  const session = sessionForConvocatoria(data, args.session, mexicoDate(now))
  const missing = missingCharacters()
  const bytes = await renderConvocatoria(data, session.id, { now, onMissingCharacter: missing.onMissingCharacter })
  const target = await writePdfFile(args.out, bytes, args.file)
  console.log(`Convocatoria a la ${sessionTitle(session)} escrita en ${target} (${Math.ceil(bytes.length / 1024)} KB).`)
  warnAbout(missing.warning())
  return 0
}
