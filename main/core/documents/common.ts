/**
 * Pieces every document shares: the title block of the first page, the
 * running header and footer, and how the body is named as an author.
 */
import type { Settings } from '../model/schema'
import { COLORS, Layout, STYLES, type FrameText } from './layout'

/** "Gobierno Abierto Jalisco · Secretariado Técnico Local". */
export function headerLine(settings: Pick<Settings, 'organization' | 'bodyName'>): string {
  return `${settings.organization} · ${settings.bodyName}`
}

/** The author written to the PDF metadata: "Secretariado Técnico Local · Gobierno Abierto Jalisco". */
export function authorOf(settings: Pick<Settings, 'organization' | 'bodyName'>): string {
  return `${settings.bodyName} · ${settings.organization}`
}

export function frameFor(settings: Pick<Settings, 'organization' | 'bodyName'>, headerRight: string, footerLeft: string): FrameText {
  return { headerLeft: headerLine(settings), headerRight, footerLeft }
}

/** Centered title, subtitle and a small line (the key), then a rule. */
export function drawTitleBlock(layout: Layout, title: string, subtitle: string, detail: string): void {
  layout.gap(4)
  layout.y += layout.textAt(title, STYLES.title, layout.left, layout.y, layout.width, 'center', 'H1') + 2
  layout.y += layout.textAt(subtitle, STYLES.subtitle, layout.left, layout.y, layout.width, 'center') + 1
  if (detail) layout.y += layout.textAt(detail, { ...STYLES.small, size: 8.5 }, layout.left, layout.y, layout.width, 'center')
  layout.y += 8
  layout.hline(layout.y, layout.left, layout.right, COLORS.accent, 1.2)
  layout.y += 12
}
