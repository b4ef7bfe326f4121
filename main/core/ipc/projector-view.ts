/**
 * What the room's projector shows of a session in course: its title, the
 * item open in the live minutes with its presenter and remaining time, the
 * quorum, the last agreement adopted with its vote, how many items were dealt
 * with. Never the notes.
 */
import { AppError } from '../errors'
import type { ProjectorView } from '../contract/views'
import type { Data } from '../model/schema'
import { voteWording } from '../documents/wording'
import { agendaNumbers } from '../domain/agenda'
import { liveElapsed } from '../domain/projection'
import { computeQuorum } from '../domain/quorum'
import { sessionTitle } from '../domain/session-title'

export function buildProjectorView(data: Data, sessionId: string, now: Date): ProjectorView {
  const session = data.sessions.find((candidate) => candidate.id === sessionId)
  if (!session) throw new AppError('NO_ENCONTRADO', 'La sesión no existe.')
  const numbers = agendaNumbers(session.agenda)
  const live = session.status === 'en-curso' ? session.live : null
  const open = live ? session.agenda.find((item) => item.id === live.itemId) : undefined
  let item: ProjectorView['item'] = null
  if (live && open) {
    const elapsedSeconds = liveElapsed(live, now)
    item = {
      id: open.id,
      number: numbers.get(open.id) ?? '',
      title: open.title,
      presenter: open.presenter,
      plannedMinutes: open.minutes,
      elapsedSeconds,
      remainingSeconds: open.minutes > 0 ? open.minutes * 60 - elapsedSeconds : null,
      running: live.runningSince !== null,
    }
  }
  const call = session.quorum?.call ?? 'primera'
  const quorum = computeQuorum(session.attendance, data.members, data.settings.quorum, call)
  const adopted = data.agreements.filter((agreement) => agreement.sessionId === sessionId)
  const last = adopted.reduce<(typeof adopted)[number] | null>((latest, agreement) => (latest === null || agreement.createdAt >= latest.createdAt ? agreement : latest), null)
  return {
    sessionId,
    title: sessionTitle(session),
    status: session.status,
    asOf: now.toISOString(),
    item,
    quorum: {
      declared: session.quorum?.reached === true,
      present: quorum.present,
      required: quorum.required,
      votingMembers: quorum.votingMembers,
      reached: quorum.reached,
      call,
    },
    lastAgreement: last ? { key: last.key, text: last.text, itemNumber: numbers.get(last.itemId) ?? '', vote: voteWording(last.vote) } : null,
    items: { treated: session.agenda.filter((entry) => entry.status !== 'pendiente').length, total: session.agenda.length },
  }
}
