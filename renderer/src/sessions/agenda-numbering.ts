/**
 * Agenda numbers as the acta prints them (1, 2, 2.1 …): items keep their
 * order in the array, and a sub-item names its parent.
 */
import type { AgendaItem } from '../../../main/core/model/schema'

export interface NumberedItem {
  item: AgendaItem
  number: string
  depth: number
}

export function numberAgenda(items: readonly AgendaItem[]): NumberedItem[] {
  const ids = new Set(items.map((item) => item.id))
  const children = new Map<string | null, AgendaItem[]>()
  for (const item of items) {
    // A parent that does not exist makes the item a top-level one.
    const parent = item.parentId && item.parentId !== item.id && ids.has(item.parentId) ? item.parentId : null
    const siblings = children.get(parent) ?? []
    siblings.push(item)
    children.set(parent, siblings)
  }

  const numbered: NumberedItem[] = []
  const visited = new Set<string>()
  let topLevel = 0
  const walk = (parent: string | null, prefix: string, depth: number) => {
    let index = 0
    for (const item of children.get(parent) ?? []) {
      if (visited.has(item.id)) continue
      visited.add(item.id)
      index += 1
      if (depth === 0) topLevel = index
      const number = prefix ? `${prefix}.${index}` : String(index)
      numbered.push({ item, number, depth })
      walk(item.id, number, depth + 1)
    }
  }
  walk(null, '', 0)

  // Items caught in a parent cycle are never reached from the top: list them last rather than lose them.
  for (const item of items) {
    if (visited.has(item.id)) continue
    visited.add(item.id)
    topLevel += 1
    numbered.push({ item, number: String(topLevel), depth: 0 })
    walk(item.id, String(topLevel), 1)
  }
  return numbered
}
