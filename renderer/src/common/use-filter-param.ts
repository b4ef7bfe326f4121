import { useCallback } from 'react'
import { useSearchParams } from 'react-router'

/**
 * A list filter kept in the URL (?estado=…), so returning from a detail page
 * finds the list filtered as it was left.
 */
export function useFilterParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams()
  const value = params.get(name)
  const setValue = useCallback(
    (next: string | null) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current)
          if (next) updated.set(name, next)
          else updated.delete(name)
          return updated
        },
        { replace: true },
      )
    },
    [name, setParams],
  )
  return [value, setValue]
}
