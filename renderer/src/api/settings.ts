import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TrustedAuthorityView } from '../../../main/core/contract/views'
import type { Settings } from '../../../main/core/model/schema'
import { call } from './call'
import { queryKeys } from './query-keys'

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => call('getSettings') })
}

export function useUpdateSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (settings: Settings) => call('updateSettings', settings),
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.settings, saved)
      // Keys, quorum summaries and the audit trail may all read settings.
      await client.invalidateQueries()
    },
  })
}

/** The trusted certificate authorities of Configuración. */
const trustedAuthoritiesKey = ['trusted-authorities'] as const

export function useTrustedAuthorities() {
  return useQuery({ queryKey: trustedAuthoritiesKey, queryFn: () => call('listTrustedAuthorities') })
}

function useTrustedAuthoritiesChange<Input>(change: (input: Input) => Promise<TrustedAuthorityView[]>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: async (authorities) => {
      client.setQueryData(trustedAuthoritiesKey, authorities)
      // Signature checks already shown and the audit trail both depend on them.
      await client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== trustedAuthoritiesKey[0] })
    },
  })
}

export function useAddTrustedAuthority() {
  return useTrustedAuthoritiesChange((input: { fileName: string; contentBase64: string }) => call('addTrustedAuthority', input))
}

export function useRemoveTrustedAuthority() {
  return useTrustedAuthoritiesChange((id: string) => call('removeTrustedAuthority', { id }))
}
