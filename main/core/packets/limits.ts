/**
 * Limits of a review packet and of a comments file. A packet arrives from
 * outside (e-mail, USB stick): every size is bounded before anything is read,
 * so a hostile file (a zip bomb, a header that lies) costs at most these bytes.
 *
 * The total is 300 MB rather than more because the window receives a packet
 * as base64 over the bridge: 300 MB is 400 M characters, safely below V8's
 * longest string (about 512 M characters).
 */
export const MB = 1024 * 1024

/** Largest entry, uncompressed. Attachments themselves are limited to 50 MB when added. */
export const MAX_ENTRY_BYTES = 100 * MB
/** Largest packet: the sum of its entries uncompressed, and the packet file itself. */
export const MAX_PACKET_BYTES = 300 * MB
/** Most entries a packet may hold (the central directory is read entry by entry). */
export const MAX_ENTRIES = 1000
/** manifest.json */
export const MAX_MANIFEST_BYTES = 1 * MB
/** agenda.json and acta-anterior.json (the acta carries the development of every item). */
export const MAX_JSON_ENTRY_BYTES = 32 * MB
/** A member's comments file: a few KB of comments plus the packet's manifest. */
export const MAX_COMMENTS_FILE_BYTES = 4 * MB
/** Comments in one file. */
export const MAX_COMMENTS = 500
export const MAX_COMMENT_CHARS = 8000
export const MAX_AUTHOR_CHARS = 160

/** "12.5 MB", "830 KB", "95 bytes". */
export function sizeLabel(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`
  return `${bytes} bytes`
}
