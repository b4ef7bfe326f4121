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

/** The words of a query, folded: what a match looks for, each on its own. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter((term) => term.length > 0)
}

const isWordCharacter = (char: string): boolean => /[\p{L}\p{N}]/u.test(char)

/**
 * Where `term` begins a word of `text`, both folded, searching from `from`
 * ("ordinaria" is not found inside "extraordinaria"), or -1.
 */
export function wordStart(text: string, term: string, from = 0): number {
  let index = text.indexOf(term, from)
  while (index > 0 && isWordCharacter(text.charAt(index - 1))) index = text.indexOf(term, index + 1)
  return index
}

/**
 * The test that every word of the query begins a word of a text, without
 * regard to accents or case: the rule of the search box, which the lists'
 * filters and the bitácora follow too. The query is folded once, for a
 * filter run over many texts. An empty query matches everything.
 */
export function wordMatcher(query: string): (text: string) => boolean {
  const terms = searchTerms(query)
  if (terms.length === 0) return () => true
  return (text) => {
    const folded = foldForSearch(text)
    return terms.every((term) => wordStart(folded, term) !== -1)
  }
}

/** Whether every word of the query begins a word of the text (wordMatcher, for one text). */
export function matchesWords(query: string, text: string): boolean {
  return wordMatcher(query)(text)
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

/**
 * Characters that reorder the text around them (U+202A–U+202E embeddings and
 * overrides, U+2066–U+2069 isolates, and the invisible marks U+200E, U+200F,
 * U+061C): in a file name they make «informe‮fdp.exe» look like «informeexe.pdf».
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '')
}

/** Names Windows keeps for devices, with or without an extension: «CON», «nul.txt», «COM1.pdf». */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i

export function isWindowsReservedName(name: string): boolean {
  return WINDOWS_RESERVED.test(name)
}

/**
 * A file name as it is kept and shown, and proposed when a file is saved: one
 * name with no folders, no control or reordering characters, none of the
 * characters Windows refuses, not a device name and not ending in a dot or a
 * space (Windows drops them); `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'archivo', maxChars = 255): string {
  const cleaned = withoutBidiControls(withoutControlCharacters(name))
    .replace(/[\\/:*?"<>|]/g, '_')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, maxChars)
  if (!cleaned) return fallback
  return isWindowsReservedName(cleaned) ? `_${cleaned}`.slice(0, maxChars) : cleaned
}

/**
 * Characters that show nothing: zero-width space, joiners and marks
 * (U+200B–U+200F), embeddings and overrides (U+202A–U+202E), word joiner,
 * invisible operators and isolates (U+2060–U+2069), the Arabic letter mark
 * (U+061C) and the zero-width no-break space (U+FEFF). In a name they make
 * «Ana Gó\u200Bmez» a different text from «Ana Gómez», or reorder what is shown.
 */
const INVISIBLE_FORMATTING = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff]/g

export function withoutInvisibleFormatting(text: string): string {
  return text.replace(INVISIBLE_FORMATTING, '')
}

/**
 * A short text a user enters (a name, an institution, a position), as it is
 * kept: composed (NFC, so «é» is one character however it was typed) and
 * without invisible formatting characters.
 */
export function cleanShortText(text: string): string {
  return withoutInvisibleFormatting(text).normalize('NFC')
}
