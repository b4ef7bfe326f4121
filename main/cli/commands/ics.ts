import { sessionInvitation } from '../../core/documents/icalendar'
import { sessionForInvitation } from '../../core/documents/select-session'
import { writePdfFile } from '../../core/documents/write-pdf'
import { mexicoDate } from '../../core/domain/dates'
import { invitationMethod } from '../../core/domain/invitations'
import { sessionTitle } from '../../core/domain/session-title'
import { readDataFile } from '../../core/store/read-data-file'
import { referenceInstant } from '../reference-time'

export interface IcsArgs {
  file: string
  /** A session id or `next`. */
  session: string
  out: string
  /** `AAAA-MM-DD`: the day `next` is counted from and the invitation's DTSTAMP (midday); today by default. */
  today?: string
}

/** Writes a session's calendar invitation (.ics): the request, or its cancellation once cancelled. The data file is only read. */
export async function runIcs(args: IcsArgs): Promise<number> {
  const now = referenceInstant(args.today)
  const data = await readDataFile(args.file)
  const session = sessionForInvitation(data, args.session, mexicoDate(now))
  const method = invitationMethod(session)
  const organizer = data.members.find((member) => member.id === session.secretaryId) ?? null
  const text = sessionInvitation({ session, settings: data.settings, members: data.members, organizer, method, sequence: session.invitationSequence, now })
  const target = await writePdfFile(args.out, Buffer.from(text, 'utf8'), args.file)
  const what = method === 'CANCEL' ? 'Cancelación de la invitación' : 'Invitación'
  console.log(`${what} a la ${sessionTitle(session)} (versión ${session.invitationSequence}) escrita en ${target}.`)
  return 0
}
