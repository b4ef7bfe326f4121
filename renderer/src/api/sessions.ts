/**
 * Sessions: the list, one session's detail, and every operation that changes
 * a session. Operations that return the fresh SessionDetail put it straight
 * into the cache, so the screen shows what the core computed (numbers,
 * schedule, quorum, allowed transitions) without a second round trip.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { InputOf, OperationName, OutputOf } from '../../../main/core/contract/operations'
import type { SessionDetail } from '../../../main/core/contract/views'
import { call } from './call'
import { queryKeys } from './query-keys'

export function useSessions() {
  return useQuery({ queryKey: queryKeys.sessions, queryFn: () => call('listSessions') })
}

export function useSession(id: string) {
  return useQuery({ queryKey: queryKeys.session(id), queryFn: () => call('getSession', { id }) })
}

/** Operations whose answer is the session's fresh detail. */
export type SessionOperation = {
  [K in OperationName]: OutputOf<K> extends SessionDetail ? (InputOf<K> extends undefined ? never : K) : never
}[OperationName]

/** Calls an operation that takes an input; the overloads of `call` cannot be picked by a generic name. */
export function invoke<K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  return (call as unknown as (name: K, input: InputOf<K>) => Promise<OutputOf<K>>)(name, input)
}

/** Lists, agreements, the plan and the audit trail may all show what a session change touched. */
export function refreshAround(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: queryKeys.sessions, exact: true })
  void client.invalidateQueries({ queryKey: queryKeys.agreements })
  void client.invalidateQueries({ queryKey: queryKeys.plan })
  void client.invalidateQueries({ queryKey: ['audit'] })
}

export function useSessionOperation<K extends SessionOperation>(name: K) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: InputOf<K>) => invoke(name, input) as Promise<SessionDetail>,
    onSuccess: (detail) => {
      client.setQueryData(queryKeys.session(detail.session.id), detail)
      refreshAround(client)
    },
  })
}

/** Applies a change to the cached detail of a session, e.g. notes the core saved without returning the detail. */
export function patchSessionCache(client: QueryClient, sessionId: string, change: (detail: SessionDetail) => SessionDetail): void {
  client.setQueryData<SessionDetail>(queryKeys.session(sessionId), (detail) => (detail ? change(detail) : detail))
}

export function patchItem(detail: SessionDetail, itemId: string, patch: Partial<SessionDetail['session']['agenda'][number]>): SessionDetail {
  return {
    ...detail,
    session: {
      ...detail.session,
      agenda: detail.session.agenda.map((item) => (item.id === itemId ? { ...item, ...patch } : item)),
    },
  }
}
