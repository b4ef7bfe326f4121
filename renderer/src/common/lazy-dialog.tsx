/**
 * A dialog whose code is loaded the first time it opens (React.lazy), so the
 * first screen does not carry it. Its first render is closed and the next one
 * open, as if it had always been there: the dialog sees itself open, keeps
 * the element that had the focus and gives it back on closing. Once loaded it
 * stays mounted, so it can animate closed and keep its state.
 */
import { cloneElement, Suspense, useEffect, useState, type ReactElement } from 'react'

export function LazyDialog({ opened, children }: { opened: boolean; children: ReactElement<{ opened: boolean }> }) {
  const [wanted, setWanted] = useState(opened)
  const [loaded, setLoaded] = useState(false)
  if (opened && !wanted) setWanted(true)
  if (!wanted) return null
  return (
    <Suspense fallback={null}>
      <Loaded onLoaded={() => setLoaded(true)} />
      {cloneElement(children, { opened: opened && loaded })}
    </Suspense>
  )
}

/** Commits together with the dialog once its code has arrived. */
function Loaded({ onLoaded }: { onLoaded: () => void }) {
  useEffect(onLoaded, [onLoaded])
  return null
}
