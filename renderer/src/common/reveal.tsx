/**
 * A section that opens in place (an inline form under its button): mounted
 * while open, and once it has finished opening the field marked
 * `data-autofocus` takes the focus. A field cannot be focused while its
 * section is still collapsed, so focusing on mount would leave the focus on
 * the button and the first keystrokes would go nowhere.
 */
import { Collapse } from '@mantine/core'
import { useRef, type ReactNode } from 'react'

export function Reveal({ open, children }: { open: boolean; children: ReactNode }) {
  const body = useRef<HTMLDivElement>(null)
  const focusFirst = () => {
    const section = body.current
    // Someone already working in the section (a quick click on another field) keeps their place.
    if (!open || !section || section.contains(document.activeElement)) return
    section.querySelector<HTMLElement>('[data-autofocus]')?.focus()
  }
  return (
    <Collapse expanded={open} onTransitionEnd={focusFirst}>
      <div ref={body}>{open ? children : null}</div>
    </Collapse>
  )
}
