import { useQuery } from '@tanstack/react-query'
import { call } from './call'
import { queryKeys } from './query-keys'

export function useAudit(limit: number) {
  return useQuery({ queryKey: queryKeys.audit(limit), queryFn: () => call('listAudit', { limit }) })
}
