import { QueryClient } from '@tanstack/react-query'

/**
 * The data lives on this machine: no refetch on focus, and no retries, since
 * a failed operation fails the same way twice and its message says why.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  })
}
