import { QueryClient } from '@tanstack/react-query'

/**
 * The data lives on this machine: no refetch on focus, and no retries, since
 * a failed operation fails the same way twice and its message says why.
 * Queries and saves never wait for a network: a meeting room without Wi-Fi
 * (the browser then reports itself offline) must keep reading and saving.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: 30_000, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    },
  })
}
