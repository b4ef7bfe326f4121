/**
 * What member mode keeps in the window's sessionStorage, so a reload (or a
 * visit to another section) does not lose the open packet or the comments
 * being written. sessionStorage dies with the window: nothing of a packet
 * outlives it, and nothing reaches the data file. Every access tolerates a
 * full or unavailable storage: drafts then live in memory only.
 */
import type { PacketView } from '../../../main/core/contract/views'

export interface CommentDraft {
  author: string
  general: string
  /** Comment per agenda item id; empty or missing for none. */
  items: Record<string, string>
}

export const emptyDraft: CommentDraft = { author: '', general: '', items: {} }

const PACKET_KEY = 'secretariado.revision.paquete'
const draftKey = (packetId: string) => `secretariado.revision.comentarios.${packetId}`

function read(key: string): unknown {
  try {
    const text = window.sessionStorage.getItem(key)
    return text === null ? null : (JSON.parse(text) as unknown)
  } catch {
    return null
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key)
    else window.sessionStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Quota exceeded or storage disabled: the state stays in memory.
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The packet the member had open in this window, if any. */
export function loadOpenPacket(): PacketView | null {
  const value = read(PACKET_KEY)
  if (!isRecord(value) || typeof value.packetId !== 'string' || !Array.isArray(value.items) || !isRecord(value.session)) return null
  return value as unknown as PacketView
}

export function storeOpenPacket(view: PacketView | null): void {
  write(PACKET_KEY, view)
}

export function loadDraft(packetId: string): CommentDraft {
  const value = read(draftKey(packetId))
  if (!isRecord(value)) return emptyDraft
  const items: Record<string, string> = {}
  if (isRecord(value.items)) {
    for (const [itemId, text] of Object.entries(value.items)) if (typeof text === 'string') items[itemId] = text
  }
  return {
    author: typeof value.author === 'string' ? value.author : '',
    general: typeof value.general === 'string' ? value.general : '',
    items,
  }
}

export function storeDraft(packetId: string, draft: CommentDraft | null): void {
  write(draftKey(packetId), draft)
}

/** The comments worth exporting: trimmed, empty ones left out, in agenda order. */
export function writtenComments(draft: CommentDraft, itemOrder: string[]): { general: string; items: { itemId: string; text: string }[] } {
  return {
    general: draft.general.trim(),
    items: itemOrder.flatMap((itemId) => {
      const text = (draft.items[itemId] ?? '').trim()
      return text ? [{ itemId, text }] : []
    }),
  }
}
