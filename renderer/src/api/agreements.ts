import { useQuery } from '@tanstack/react-query'
import { call } from './call'
import { queryKeys } from './query-keys'

export function useAgreements() {
  return useQuery({ queryKey: queryKeys.agreements, queryFn: () => call('listAgreements') })
}
