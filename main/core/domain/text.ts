/** Text folding for matching: lower case, no accents ("Sesión" ~ "sesion"); ñ folds to n. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
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
