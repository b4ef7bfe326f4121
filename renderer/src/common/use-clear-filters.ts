import { useCallback } from 'react'
import { useSearchParams } from 'react-router'

/**
 * Clears several list filters kept in the address (see use-filter-param) in
 * one change: one setter per filter would each start from the same address
 * and only the last would count.
 */
export function useClearFilters(names: readonly string[]): () => void {
  const [, setParams] = useSearchParams()
  const key = names.join('\n')
  return useCallback(() => {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current)
        for (const name of key.split('\n')) updated.delete(name)
        return updated
      },
      { replace: true },
    )
  }, [key, setParams])
}
