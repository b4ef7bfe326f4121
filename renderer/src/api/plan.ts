import { useQuery } from '@tanstack/react-query'
import { call } from './call'
import { queryKeys } from './query-keys'

export function usePlanOverview() {
  return useQuery({ queryKey: queryKeys.plan, queryFn: () => call('getPlanOverview') })
}
