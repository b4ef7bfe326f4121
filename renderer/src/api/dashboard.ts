import { useQuery } from '@tanstack/react-query'
import { call } from './call'
import { queryKeys } from './query-keys'

/** The dashboard is computed by the core from everything else: always fresh when opened. */
export function useDashboard() {
  return useQuery({ queryKey: queryKeys.dashboard, queryFn: () => call('getDashboard'), staleTime: 0 })
}
