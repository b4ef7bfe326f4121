import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { call } from './call'
import { queryKeys } from './query-keys'

export const SEARCH_LIMIT = 60

/** Accent-insensitive search over members, sessions, minutes, agreements and commitments. */
export function useSearch(query: string) {
  const text = query.trim()
  return useQuery({
    queryKey: queryKeys.search(text),
    queryFn: () => call('search', { query: text, limit: SEARCH_LIMIT }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}
