import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AppStatus } from '../../../main/core/contract/views'
import { call } from './call'
import { queryKeys } from './query-keys'

export function useStatus() {
  return useQuery({ queryKey: queryKeys.status, queryFn: () => call('getStatus') })
}

/** After a restore or a fresh start every cached read is stale: drop them all. */
function useRecoveryMutation<T>(fn: (input: T) => Promise<AppStatus>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: async (status) => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'status' })
      client.setQueryData(queryKeys.status, status)
      await client.invalidateQueries({ queryKey: queryKeys.status })
    },
    // A refusal may come with a new state (the lock changed hands): show it.
    onError: () => client.invalidateQueries({ queryKey: queryKeys.status }),
  })
}

export function useRestoreBackup() {
  return useRecoveryMutation((name: string) => call('restoreBackup', { name }))
}

export function useStartEmpty() {
  return useRecoveryMutation(() => call('startEmpty'))
}

/** «Reintentar» on the lock screen: the core takes the lock if it is free now. */
export function useRetryOpen() {
  return useRecoveryMutation(() => call('retryOpen'))
}

/** «Abrir en solo lectura»: the core loads the data without the lock and refuses every change. */
export function useOpenReadOnly() {
  return useRecoveryMutation(() => call('openReadOnly'))
}

/** «Desbloquear»: the core removes exactly the lock that was shown (its token) and opens the file. */
export function useUnlockDataFile() {
  return useRecoveryMutation((token: string) => call('unlockDataFile', { token }))
}
