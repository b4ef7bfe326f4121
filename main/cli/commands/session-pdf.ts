import { missingCharacters } from '../../core/documents/common'
import type { RenderOptions } from '../../core/documents/pdf-document'
import { writePdfFile } from '../../core/documents/write-pdf'
import { mexicoDate } from '../../core/domain/dates'
import { sessionTitle } from '../../core/domain/session-title'
import type { Data, Session } from '../../core/model/schema'
import { readDataFile } from '../../core/store/read-data-file'
import { referenceInstant } from '../reference-time'
import { warnAbout } from '../warnings'

export interface SessionPdfArgs {
  file: string
  /** A session id or `next`. */
  session: string
  out: string
  /** `AAAA-MM-DD`: the document's date and the day `next` is counted from; today by default. */
  today?: string
}

export interface SessionPdfKind {
  /** The document's name at the start of the report line, e.g. «Convocatoria a la». */
  heading: string
  select: (data: Data, reference: string, today: string) => Session
  render: (data: Data, sessionId: string, options: RenderOptions) => Promise<Buffer>
}

/** Writes one PDF/A document about a session still to be held; the data file is only read. A character the fonts cannot draw is reported after the result. */
export async function writeSessionPdf(args: SessionPdfArgs, kind: SessionPdfKind): Promise<number> {
  const now = referenceInstant(args.today)
  const data = await readDataFile(args.file)
  const session = kind.select(data, args.session, mexicoDate(now))
  const missing = missingCharacters()
  const bytes = await kind.render(data, session.id, { now, onMissingCharacter: missing.onMissingCharacter })
  const target = await writePdfFile(args.out, bytes, args.file)
  console.log(`${kind.heading} ${sessionTitle(session)} escrita en ${target} (${Math.ceil(bytes.length / 1024)} KB).`)
  warnAbout(missing.warning())
  return 0
}
