/** Small string helpers for composing Spanish demo text. */

/** Replaces `{name}` placeholders; an unknown placeholder is a bug in a pool, so it throws. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`Falta el valor de {${name}} en: ${template}`)
    return String(value)
  })
}

/** "a", "a y b", "a, b y c". */
export function joinSpanish(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`
}

/** Lowercase ASCII for e-mail addresses and links: "Íñiguez" → "iniguez". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** First letter in upper case: interventions are stored as sentences. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * Spanish contractions after filling placeholders with "el …" names:
 * "de el ITEI" → "del ITEI", "a el Ayuntamiento" → "al Ayuntamiento".
 * Capitalised "El" is part of a proper name (El Colegio de Jalisco) and stays.
 */
export function tidySpanish(text: string): string {
  return text.replace(/\b([Dd]e) el /g, '$1l ').replace(/(^|[\s(])([Aa]) el /g, '$1$2l ')
}
