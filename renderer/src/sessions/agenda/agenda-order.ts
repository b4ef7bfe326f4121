/**
 * The full order of ids to send to `reorderAgenda` after a drop. A main item
 * travels with its sub-items; a sub-item moves on its own. Whether the result
 * is acceptable (a sub-item must stay under its parent) is the core's call.
 */
import { arrayMove } from '@dnd-kit/sortable'
import type { AgendaItem } from '../../../../main/core/model/schema'

type Item = Pick<AgendaItem, 'id' | 'parentId'>

export function orderAfterDrop(agenda: readonly Item[], activeId: string, overId: string): string[] | null {
  if (activeId === overId) return null
  const active = agenda.find((item) => item.id === activeId)
  const over = agenda.find((item) => item.id === overId)
  if (!active || !over) return null
  if (active.parentId !== null) {
    const ids = agenda.map((item) => item.id)
    return arrayMove(ids, ids.indexOf(activeId), ids.indexOf(overId))
  }
  const blocks: string[][] = []
  for (const item of agenda) {
    const last = blocks[blocks.length - 1]
    if (item.parentId === null || !last) blocks.push([item.id])
    else last.push(item.id)
  }
  const from = blocks.findIndex((block) => block[0] === activeId)
  const overTop = over.parentId ?? over.id
  const to = blocks.findIndex((block) => block[0] === overTop)
  if (from === -1 || to === -1 || from === to) return null
  return arrayMove(blocks, from, to).flat()
}
