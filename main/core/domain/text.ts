/**
 * Text folding for matching: lower case, no accents ("Sesión" ~ "sesion"); ñ
 * folds to n. Pure and without imports, so the renderer folds with it too.
 */
export function foldForSearch(text: string): string {
  return foldCharacter(text).trim()
}

/**
 * The same folding without the trim, for one character at a time: a space
 * stays a space, so each folded position traces back to its original
 * character (to mark where a match is).
 */
export function foldCharacter(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

const isControl = (char: string): boolean => {
  const code = char.charCodeAt(0)
  return code < 0x20 || code === 0x7f
}

export function hasControlCharacters(text: string): boolean {
  return [...text].some(isControl)
}

export function withoutControlCharacters(text: string): string {
  return [...text].filter((char) => !isControl(char)).join('')
}
