/**
 * Follow-up of agreements: entries with evidence, state changes. A change
 * to an agreement shows in the agreements list, in the «Seguimiento de
 * acuerdos» of later sessions, in the dashboard, the search and the bitácora.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { InputOf } from '../../../main/core/contract/operations'
import { call } from './call'
import { queryKeys } from './query-keys'

/** Refreshes what an agreement change touches; `sessionId` is the session on screen, refetched at once. */
export function refreshAfterAgreementChange(client: QueryClient, sessionId: string | null = null): void {
  void client.invalidateQueries({ queryKey: queryKeys.agreements })
  void client.invalidateQueries({ queryKey: queryKeys.sessions, exact: true })
  // Every later session lists open agreements: mark them stale, refetch only the one in use.
  void client.invalidateQueries({ queryKey: queryKeys.sessions, refetchType: 'none' })
  if (sessionId) void client.invalidateQueries({ queryKey: queryKeys.session(sessionId) })
  void client.invalidateQueries({ queryKey: queryKeys.plan })
  void client.invalidateQueries({ queryKey: queryKeys.dashboard })
  void client.invalidateQueries({ queryKey: ['audit'] })
  void client.invalidateQueries({ queryKey: ['search'] })
}

export function useAddFollowUp() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: InputOf<'addFollowUp'>) => call('addFollowUp', input),
    onSuccess: (_agreement, input) => refreshAfterAgreementChange(client, input.sessionId),
  })
}

export function useRemoveFollowUp(sessionId: string | null = null) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: InputOf<'removeFollowUp'>) => call('removeFollowUp', input),
    onSuccess: () => refreshAfterAgreementChange(client, sessionId),
  })
}

export function useSetAgreementStatus(sessionId: string | null = null) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: InputOf<'setAgreementStatus'>) => call('setAgreementStatus', input),
    onSuccess: () => refreshAfterAgreementChange(client, sessionId),
  })
}
