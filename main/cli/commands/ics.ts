import { invitationOf } from '../../core/documents/icalendar'
import { sessionForInvitation } from '../../core/documents/select-session'
import { writePdfFile } from '../../core/documents/write-pdf'
import { mexicoDate } from '../../core/domain/dates'
import { sessionTitle } from '../../core/domain/session-title'
import { readDataFile } from '../../core/store/read-data-file'
import { referenceInstant } from '../reference-time'
import type { SessionPdfArgs } from './session-pdf'

/** Writes a session's calendar invitation (.ics): the request, or its cancellation once cancelled. The data file is only read. */
export async function runIcs(args: SessionPdfArgs): Promise<number> {
  const now = referenceInstant(args.today)
  const data = await readDataFile(args.file)
  const session = sessionForInvitation(data, args.session, mexicoDate(now))
  const invitation = invitationOf(data, session, now)
  const target = await writePdfFile(args.out, Buffer.from(invitation.text, 'utf8'), args.file)
  const what = invitation.method === 'CANCEL' ? 'Cancelación de la invitación' : 'Invitación'
  console.log(`${what} a la ${sessionTitle(session)} (versión ${session.invitationSequence}) escrita en ${target}.`)
  return 0
}
