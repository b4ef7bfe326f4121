import { useQuery } from '@tanstack/react-query'
import { call } from './call'
import { queryKeys } from './query-keys'

export function useSessions() {
  return useQuery({ queryKey: queryKeys.sessions, queryFn: () => call('listSessions') })
}

export function useSession(id: string) {
  return useQuery({ queryKey: queryKeys.session(id), queryFn: () => call('getSession', { id }) })
}
