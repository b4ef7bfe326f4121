import { warnAbout } from '../warnings'
import { renderActa } from '../../core/documents/acta'
import { missingCharacters } from '../../core/documents/common'
import { sessionForActa } from '../../core/documents/select-session'
import { writePdfFile } from '../../core/documents/write-pdf'
import { sessionTitle } from '../../core/domain/session-title'
import { readDataFile } from '../../core/store/read-data-file'

export interface ActaArgs {
  file: string
  /** A session id or `latest`. */
  session: string
  out: string
}

/** Writes the acta of a held session as PDF/A; the data file is only read. */
export async function runActa(args: ActaArgs): Promise<number> {
  const data = await readDataFile(args.file)
  const session = sessionForActa(data, args.session)
  const missing = missingCharacters()
  const bytes = await renderActa(data, session.id, { onMissingCharacter: missing.onMissingCharacter })
  const target = await writePdfFile(args.out, bytes, args.file)
  console.log(`Acta de la ${sessionTitle(session)} escrita en ${target} (${Math.ceil(bytes.length / 1024)} KB).`)
  warnAbout(missing.warning())
  return 0
}
