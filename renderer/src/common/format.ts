/** Small, pure formatters shared by the screens. */
import { foldForSearch, matchesWords } from '../../../main/core/domain/text'

/** The core's folding (lower case, no accents), so "tlajomulco" finds "Tlajomulco de Zúñiga" here as in the search. */
export { foldForSearch }

const integer = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 })
const oneDecimal = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 })

/** "12.4 MB": file sizes in decimal units, as file managers show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${integer.format(bytes)} B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return `${oneDecimal.format(value)} ${units[unit]}`
}

const HONORIFIC = /^(?:(?:dr|dra|lic|mtro|mtra|ing|arq|c|prof|profa|mvz|cp)\.?\s+)+/i

/** A person's name without "Dr.", "Mtra.", "Lic."…, so lists sort by the name itself. */
export function nameSortKey(fullName: string): string {
  return foldForSearch(fullName.replace(HONORIFIC, ''))
}

/**
 * A list filter: true when every word of the query begins a word of one of
 * the fields, by the core's rule (matchesWords), so a filter finds what the
 * search box finds.
 */
export function matchesQuery(query: string, ...fields: Array<string | null | undefined>): boolean {
  return matchesWords(query, fields.filter(Boolean).join('\n'))
}
