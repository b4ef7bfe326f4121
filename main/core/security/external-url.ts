/**
 * Which links may leave the app for the system browser or mail program: only
 * well-formed http(s) URLs with a host, and mailto: with an address. Anything
 * else (file:, javascript:, custom schemes, credentials in the URL) is refused.
 */
import { hasControlCharacters } from '../domain/text'

export function parseExternalUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return null
  // Whitespace or control characters would be silently dropped or rewritten by the URL parser.
  if (/\s/.test(value) || hasControlCharacters(value)) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (!url.hostname || url.username || url.password) return null
    return url
  }
  if (url.protocol === 'mailto:') {
    return /^[^@\s/\\]+@[^@\s/\\]+\.[^@\s/\\]+$/.test(decodeURIComponent(url.pathname)) ? url : null
  }
  return null
}

export async function openExternalUrl(value: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  const url = parseExternalUrl(value)
  if (!url) return false
  await open(url.href)
  return true
}
