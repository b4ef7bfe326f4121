import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InputOf, MemberInput } from '../../../main/core/contract/operations'
import { call } from './call'
import { queryKeys } from './query-keys'

export function useMembers() {
  return useQuery({ queryKey: queryKeys.members, queryFn: () => call('listMembers') })
}

/** Member names appear in sessions, agreements and the audit trail: refresh everything. */
function useMemberMutation<T, R>(fn: (input: T) => Promise<R>) {
  const client = useQueryClient()
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries() })
}

export function useCreateMember() {
  return useMemberMutation((member: MemberInput) => call('createMember', member))
}

export function useUpdateMember() {
  return useMemberMutation((input: { id: string; member: MemberInput }) => call('updateMember', input))
}

export function useSetMemberActive() {
  return useMemberMutation((input: { id: string; active: boolean }) => call('setMemberActive', input))
}

/**
 * Checks a CSV file (`apply: false`) or imports it (`apply: true`): its bytes
 * go to the core, which detects the encoding; a file with any bad row imports
 * nothing, and `existing` says what becomes of people already registered.
 */
export function useImportMembersCsv() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: InputOf<'importMembersCsv'>) => call('importMembersCsv', input),
    onSuccess: (report) => {
      if (report.imported > 0) void client.invalidateQueries()
    },
  })
}
