import { renderConvocatoria } from '../../core/documents/convocatoria'
import { missingCharacters } from '../../core/documents/common'
import { invitationOf } from '../../core/documents/icalendar'
import { checkNoticeMail, composeNoticeMails, writeMailDrafts } from '../../core/documents/notice-mail'
import { sessionForConvocatoria } from '../../core/documents/select-session'
import { mexicoDate } from '../../core/domain/dates'
import { sessionTitle } from '../../core/domain/session-title'
import { readDataFile } from '../../core/store/read-data-file'
import { referenceInstant } from '../reference-time'
import { warnAbout } from '../warnings'
import type { SessionPdfArgs } from './session-pdf'

export interface NoticeMailArgs extends SessionPdfArgs {
  /** One draft with everyone in Bcc instead of one per member. */
  bcc: boolean
}

/** Writes the notice's e-mail drafts (.eml, with the convocatoria PDF and the invitation) into a folder; the data file is only read. */
export async function runNoticeMail(args: NoticeMailArgs): Promise<number> {
  const now = referenceInstant(args.today)
  const data = await readDataFile(args.file)
  const session = sessionForConvocatoria(data, args.session, mexicoDate(now))
  checkNoticeMail(session)
  const missing = missingCharacters()
  const convocatoria = await renderConvocatoria(data, session.id, { now, onMissingCharacter: missing.onMissingCharacter })
  const mails = await composeNoticeMails({ data, session, mode: args.bcc ? 'bcc' : 'individual', convocatoria, invitation: invitationOf(data, session, now), now })
  const written = await writeMailDrafts(args.out, mails.drafts, args.file)
  const what = args.bcc ? `1 borrador con ${mails.drafts[0]?.recipients.length ?? 0} destinatarios en copia oculta` : `${written.length} borradores`
  console.log(`Correos de la convocatoria a la ${sessionTitle(session)}: ${what}, en ${args.out}.`)
  for (const path of written) console.log(`  ${path}`)
  if (mails.withoutAddress.length > 0) warnAbout(`sin correo electrónico registrado, no se preparó correo para: ${mails.withoutAddress.map((member) => member.fullName).join(', ')}.`)
  for (const warning of mails.warnings) warnAbout(warning)
  warnAbout(missing.warning())
  return 0
}
