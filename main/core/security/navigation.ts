/**
 * Where the app's window may go: only to the page it was loaded from (a
 * reload), never elsewhere. Pure, so it is tested with hostile tables.
 */
export function isAppUrl(target: string, appUrl: string): boolean {
  let a: URL
  let b: URL
  try {
    a = new URL(target)
    b = new URL(appUrl)
  } catch {
    return false
  }
  if (a.protocol !== b.protocol) return false
  if (a.protocol === 'file:') return a.pathname === b.pathname && a.host === b.host
  return a.origin === b.origin
}
