import { Fragment, type ReactNode } from 'react'
import { foldCharacter, searchTerms, wordStart } from '../../../main/core/domain/text'

/**
 * Marks where the query's words begin words of a text, ignoring accents and
 * case, as the search matches them (wordStart): «sesion» marks «Sesión», not
 * the middle of a word. Returns plain text when nothing matches.
 */
export function highlight(text: string, query: string, className: string): ReactNode {
  const terms = [...new Set(searchTerms(query))]
  if (terms.length === 0) return text
  // The folded text, and for each folded position the index of the original character.
  let folded = ''
  const origin: number[] = []
  const chars = [...text]
  let offset = 0
  for (const char of chars) {
    const piece = foldCharacter(char)
    for (let index = 0; index < piece.length; index++) origin.push(offset)
    folded += piece
    offset += char.length
  }
  origin.push(text.length)
  const marked = new Array<boolean>(text.length).fill(false)
  for (const term of terms) {
    let at = wordStart(folded, term)
    while (at !== -1) {
      const start = origin[at] ?? 0
      const end = origin[at + term.length] ?? text.length
      for (let index = start; index < end; index++) marked[index] = true
      at = wordStart(folded, term, at + term.length)
    }
  }
  const parts: ReactNode[] = []
  let start = 0
  for (let index = 1; index <= text.length; index++) {
    if (index === text.length || marked[index] !== marked[start]) {
      const piece = text.slice(start, index)
      parts.push(
        marked[start] ? (
          <mark key={start} className={className}>
            {piece}
          </mark>
        ) : (
          <Fragment key={start}>{piece}</Fragment>
        ),
      )
      start = index
    }
  }
  return parts
}
