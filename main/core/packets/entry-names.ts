/**
 * Names of the entries inside a packet. The writer only produces names from a
 * short list plus `adjuntos/<safe name>`; the reader accepts nothing else, so a
 * name can never point outside the packet when a member extracts it with any
 * zip tool, and every refusal says in Spanish what was wrong with the name.
 */
import { isWindowsReservedName } from '../domain/text'

export const MANIFEST_ENTRY = 'manifest.json'
export const AGENDA_ENTRY = 'agenda.json'
export const PACK_PDF_ENTRY = 'paquete.pdf'
export const CONVOCATORIA_ENTRY = 'convocatoria.pdf'
export const PREVIOUS_ACTA_JSON_ENTRY = 'acta-anterior.json'
export const PREVIOUS_ACTA_PDF_ENTRY = 'acta-anterior.pdf'
export const ATTACHMENTS_PREFIX = 'adjuntos/'

export const FIXED_ENTRIES = [MANIFEST_ENTRY, AGENDA_ENTRY, PACK_PDF_ENTRY, CONVOCATORIA_ENTRY, PREVIOUS_ACTA_JSON_ENTRY, PREVIOUS_ACTA_PDF_ENTRY] as const

const SAFE_ATTACHMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/
const MAX_NAME_CHARS = 200

/** Control characters (C0, DEL, C1: terminal escapes) and the marks that reorder text around them. */
// eslint-disable-next-line no-control-regex
export const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g

/** The name as it may be shown in a message: printable, in its own order, short. */
export function displayName(name: string): string {
  const printable = name.replace(UNSHOWABLE, '?')
  return printable.length > 80 ? `${printable.slice(0, 77)}…` : printable
}

/**
 * Why `name` is not acceptable as an entry of a packet, in Spanish, or null
 * when it is. The most specific reason comes first: a path trick is named as
 * such even when the name would fail for other reasons too.
 */
export function entryNameProblem(name: string): string | null {
  const shown = `«${displayName(name)}»`
  if (name.length === 0) return 'Hay una entrada sin nombre.'
  if (name.includes('\\')) return `La entrada ${shown} usa barras invertidas (\\) en su ruta; un paquete sólo usa «/».`
  if (name.startsWith('/')) return `La entrada ${shown} es una ruta absoluta; un paquete sólo contiene rutas relativas.`
  if (/^[A-Za-z]:/.test(name)) return `La entrada ${shown} indica una unidad de disco; un paquete sólo contiene rutas relativas.`
  if (name.split('/').some((segment) => segment === '..')) return `La entrada ${shown} intenta salir de la carpeta del paquete («../»).`
  if (/[^\u0020-\u007e]/.test(name)) return `La entrada ${shown} tiene caracteres no permitidos en su nombre.`
  if (name.length > MAX_NAME_CHARS) return `La entrada ${shown} tiene un nombre demasiado largo.`
  if ((FIXED_ENTRIES as readonly string[]).includes(name)) return null
  if (name.startsWith(ATTACHMENTS_PREFIX) && SAFE_ATTACHMENT_NAME.test(name.slice(ATTACHMENTS_PREFIX.length))) {
    const file = name.slice(ATTACHMENTS_PREFIX.length)
    // Extracted on Windows, «NUL.txt» is the null device and «informe.» loses its dot: neither is a file the member can open.
    if (isWindowsReservedName(file)) return `La entrada ${shown} usa un nombre que Windows reserva para un dispositivo (${file.split('.')[0]?.toUpperCase()}).`
    if (file.endsWith('.')) return `La entrada ${shown} termina en punto; Windows no conserva ese nombre.`
    return null
  }
  return `La entrada ${shown} no es parte de un paquete de revisión.`
}

export function isAttachmentEntry(name: string): boolean {
  return name.startsWith(ATTACHMENTS_PREFIX)
}

/** Lower-case key: two names that differ only in case would overwrite each other on Windows or macOS. */
export function nameKey(name: string): string {
  return name.toLowerCase()
}

/**
 * `adjuntos/punto-5.1-informe-de-avance.pdf`: ASCII only (accents folded), the
 * item number first so the folder lists in agenda order, unique within the
 * packet regardless of case.
 */
export function attachmentEntryName(itemNumber: string, fileName: string, extension: string, taken: Set<string>): string {
  const ext = extension.toLowerCase().replace(/[^a-z0-9.]/g, '').slice(0, 10)
  const base = fileName.slice(0, fileName.length - (fileName.toLowerCase().endsWith(ext) && ext ? ext.length : 0))
  const slug =
    base
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80) || 'documento'
  const stem = `punto-${itemNumber.replace(/[^0-9.]/g, '') || '0'}-${slug}`
  for (let n = 1; ; n++) {
    const name = `${ATTACHMENTS_PREFIX}${stem}${n === 1 ? '' : `-${n}`}${ext}`
    if (!taken.has(nameKey(name))) {
      taken.add(nameKey(name))
      return name
    }
  }
}
