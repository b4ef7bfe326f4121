import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
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
