import { useQuery } from '@tanstack/react-query'
import { call } from './call'
import { queryKeys } from './query-keys'

/**
 * The dashboard is computed by the core from everything else: always fresh
 * when opened. `enabled: false` waits (the sessions list asks for it only
 * while there is no session, for the first steps).
 */
export function useDashboard({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.dashboard, queryFn: () => call('getDashboard'), staleTime: 0, enabled })
}
