/**
 * Finding what a handler works on inside a draft, with the Spanish "not
 * found" messages in one place.
 */
import type { Draft } from 'immer'
import { AppError } from '../../errors'
import type { AgendaItem, Data, Session } from '../../model/schema'
import type { SessionDetail } from '../../contract/views'
import { checkEditable, type EditScope } from '../../domain/session-rules'
import type { Store, UpdateTools } from '../../store/store'
import { buildSessionDetail } from '../views'

export function sessionIn(draft: Draft<Data>, id: string): Draft<Session> {
  const session = draft.sessions.find((candidate) => candidate.id === id)
  if (!session) throw new AppError('NO_ENCONTRADO', 'La sesión no existe.')
  return session
}

export function itemIn(session: Draft<Session>, itemId: string): Draft<AgendaItem> {
  const item = session.agenda.find((candidate) => candidate.id === itemId)
  if (!item) throw new AppError('NO_ENCONTRADO', 'El punto del orden del día no existe.')
  return item
}

export function memberExists(draft: Draft<Data>, id: string | null, what: string): void {
  if (id !== null && !draft.members.some((member) => member.id === id)) throw new AppError('NO_ENCONTRADO', `${what} no existe en el padrón.`)
}

/** Applies a change to one session, after checking the session's state allows it, and returns the fresh detail. */
export async function changeSession(
  store: Store,
  sessionId: string,
  scope: EditScope,
  recipe: (session: Draft<Session>, draft: Draft<Data>, tools: UpdateTools) => void,
): Promise<SessionDetail> {
  await store.update((draft, tools) => {
    const session = sessionIn(draft, sessionId)
    checkEditable(session, scope)
    recipe(session, draft, tools)
    session.updatedAt = tools.nowIso
  })
  return buildSessionDetail(store.data, sessionId, store.now())
}
