/** Small, pure formatters shared by the screens. */
import { foldForSearch } from '../../../main/core/domain/text'

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

/** True when every word of the query appears somewhere in the haystack. */
export function matchesQuery(query: string, ...fields: Array<string | null | undefined>): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = foldForSearch(fields.filter(Boolean).join(' '))
  return words.every((word) => haystack.includes(word))
}
