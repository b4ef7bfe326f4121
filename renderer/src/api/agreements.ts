import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InputOf } from '../../../main/core/contract/operations'
import { call } from './call'
import { queryKeys } from './query-keys'
import { refreshAround } from './sessions'

export function useAgreements() {
  return useQuery({ queryKey: queryKeys.agreements, queryFn: () => call('listAgreements') })
}

/** Records an agreement on an agenda item; the core checks the vote against those present with vote. */
export function useCreateAgreement() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: InputOf<'createAgreement'>) => call('createAgreement', input),
    onSuccess: async (agreement) => {
      refreshAround(client)
      await client.invalidateQueries({ queryKey: queryKeys.session(agreement.sessionId) })
    },
  })
}
