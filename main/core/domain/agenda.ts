/**
 * The orden del día: the standard template, numbering (1, 2, 2.1 …) derived
 * from order and parent, the computed schedule, and moves that keep every
 * sub-item right after its parent.
 */
import { AppError } from '../errors'
import type { AgendaItem } from '../model/schema'
import { addMinutes } from './dates'
import { foldForSearch } from './text'

export type AgendaItemDraft = Pick<AgendaItem, 'title' | 'type' | 'presenter' | 'minutes'>

/**
 * Most items (sub-items included) an orden del día may have. One limit for
 * every operation: adding, reordering, copying, and the review packet's
 * reader, so a session never holds an agenda its own packet could not carry.
 */
export const MAX_AGENDA_ITEMS = 500

/** Refuses an agenda that would grow past MAX_AGENDA_ITEMS by `adding` items. */
export function checkAgendaRoom(agenda: readonly unknown[], adding = 1): void {
  if (agenda.length + adding > MAX_AGENDA_ITEMS) {
    throw new AppError('REGLA', `El orden del día admite como máximo ${MAX_AGENDA_ITEMS} puntos y subpuntos; tiene ${agenda.length}.`)
  }
}

export const STANDARD_AGENDA: readonly AgendaItemDraft[] = [
  { title: 'Lista de asistencia y declaración de quórum', type: 'tramite', presenter: 'Secretaría Técnica', minutes: 10 },
  { title: 'Lectura y, en su caso, aprobación del orden del día', type: 'votacion', presenter: 'Secretaría Técnica', minutes: 5 },
  { title: 'Lectura y, en su caso, aprobación del acta de la sesión anterior', type: 'votacion', presenter: 'Secretaría Técnica', minutes: 10 },
  { title: 'Seguimiento de acuerdos', type: 'informativo', presenter: 'Secretaría Técnica', minutes: 20 },
  { title: 'Asuntos generales', type: 'asuntos-generales', presenter: 'Coordinación', minutes: 15 },
  { title: 'Clausura de la sesión', type: 'tramite', presenter: 'Coordinación', minutes: 5 },
]

export function blankItem(id: string, draft: AgendaItemDraft, parentId: string | null = null): AgendaItem {
  return { id, parentId, ...draft, notes: '', status: 'pendiente', attachments: [], interventions: [], elapsedSeconds: 0 }
}

/** "1", "2", "2.1" … for each item id. */
export function agendaNumbers(agenda: readonly Pick<AgendaItem, 'id' | 'parentId'>[]): Map<string, string> {
  const numbers = new Map<string, string>()
  let top = 0
  const children = new Map<string, number>()
  for (const item of agenda) {
    if (item.parentId === null) {
      top++
      numbers.set(item.id, String(top))
    } else {
      const n = (children.get(item.parentId) ?? 0) + 1
      children.set(item.parentId, n)
      numbers.set(item.id, `${numbers.get(item.parentId) ?? '?'}.${n}`)
    }
  }
  return numbers
}

/** The item whose minutes record the follow-up of earlier agreements: «Seguimiento de acuerdos» (any case or accents). */
export function isFollowUpItem(title: string): boolean {
  return foldForSearch(title).startsWith('seguimiento de acuerdos')
}

export interface ScheduledItem {
  id: string
  number: string
  start: string
  end: string
}

/**
 * Start and end of each item from the session's start time. A parent with
 * sub-items is scheduled as the span of its sub-items plus its own minutes.
 */
export function agendaSchedule(agenda: readonly AgendaItem[], startTime: string): { items: ScheduledItem[]; end: string } {
  const numbers = agendaNumbers(agenda)
  let clock = startTime
  const items: ScheduledItem[] = []
  const parentStart = new Map<string, number>()
  for (const item of agenda) {
    const start = clock
    clock = addMinutes(clock, item.minutes)
    items.push({ id: item.id, number: numbers.get(item.id) ?? '', start, end: clock })
    if (item.parentId === null) parentStart.set(item.id, items.length - 1)
    else {
      const index = parentStart.get(item.parentId)
      const parent = index === undefined ? undefined : items[index]
      if (parent) parent.end = clock
    }
  }
  return { items, end: clock }
}

/** The item and its sub-items, as a contiguous block. */
function blockOf(agenda: readonly AgendaItem[], id: string): { start: number; length: number } {
  const start = agenda.findIndex((item) => item.id === id)
  if (start === -1) throw new AppError('NO_ENCONTRADO', 'El punto del orden del día no existe.')
  let length = 1
  while (agenda[start + length]?.parentId === id) length++
  return { start, length }
}

/** Moves an item (with its sub-items) one place up or down among its siblings. */
export function moveItem(agenda: readonly AgendaItem[], id: string, direction: 'up' | 'down'): AgendaItem[] {
  const list = [...agenda]
  const item = list.find((candidate) => candidate.id === id)
  if (!item) throw new AppError('NO_ENCONTRADO', 'El punto del orden del día no existe.')
  const siblings = list.filter((candidate) => candidate.parentId === item.parentId)
  const position = siblings.findIndex((candidate) => candidate.id === id)
  const neighbour = siblings[direction === 'up' ? position - 1 : position + 1]
  if (!neighbour) return list
  const [first, second] = direction === 'up' ? [neighbour.id, id] : [id, neighbour.id]
  const a = blockOf(list, first)
  const b = blockOf(list, second)
  const blockA = list.slice(a.start, a.start + a.length)
  const blockB = list.slice(b.start, b.start + b.length)
  list.splice(a.start, a.length + b.length, ...blockB, ...blockA)
  return list
}

/** Makes an item a sub-item of the item above it, or a sub-item a main item again. */
export function indentItem(agenda: readonly AgendaItem[], id: string, direction: 'in' | 'out'): AgendaItem[] {
  const list = agenda.map((item) => ({ ...item }))
  const index = list.findIndex((item) => item.id === id)
  const item = list[index]
  if (!item) throw new AppError('NO_ENCONTRADO', 'El punto del orden del día no existe.')
  if (direction === 'in') {
    if (item.parentId !== null) throw new AppError('REGLA', 'El orden del día admite un solo nivel de subpuntos.')
    if (list.some((other) => other.parentId === id)) throw new AppError('REGLA', 'Un punto con subpuntos no puede volverse subpunto.')
    const above = list.slice(0, index).reverse().find((other) => other.parentId === null)
    if (!above) throw new AppError('REGLA', 'El primer punto no puede ser subpunto.')
    item.parentId = above.id
    return list
  }
  if (item.parentId === null) return list
  // Leaving its parent: it becomes the main item right after the parent's block.
  const parentId = item.parentId
  list.splice(index, 1)
  item.parentId = null
  const parentBlock = blockOf(list, parentId)
  list.splice(parentBlock.start + parentBlock.length, 0, item)
  return list
}

/** Applies a full order given by ids (drag and drop); sub-items must stay after their parent. */
export function reorderAgenda(agenda: readonly AgendaItem[], order: readonly string[]): AgendaItem[] {
  if (order.length !== agenda.length || new Set(order).size !== order.length) {
    throw new AppError('VALIDACION', 'El nuevo orden no corresponde a los puntos de la sesión.')
  }
  const byId = new Map(agenda.map((item) => [item.id, item]))
  const list = order.map((id) => {
    const item = byId.get(id)
    if (!item) throw new AppError('VALIDACION', 'El nuevo orden no corresponde a los puntos de la sesión.')
    return item
  })
  let currentTop: string | null = null
  for (const item of list) {
    if (item.parentId === null) currentTop = item.id
    else if (item.parentId !== currentTop) throw new AppError('REGLA', 'Cada subpunto debe quedar debajo de su punto principal.')
  }
  return list
}

/** Removes an item and its sub-items. */
export function removeItem(agenda: readonly AgendaItem[], id: string): AgendaItem[] {
  const { start, length } = blockOf(agenda, id)
  return [...agenda.slice(0, start), ...agenda.slice(start + length)]
}
