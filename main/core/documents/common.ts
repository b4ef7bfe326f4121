/**
 * Pieces every document shares: the title block of the first page, the
 * running header and footer, and how the body is named as an author.
 */
import type { AgendaItem, Session, Settings } from '../model/schema'
import { longSpanishDate } from '../domain/dates'
import { COLORS, Layout, STYLES, type FrameText } from './layout'
import type { Run } from './text-wrap'
import { hours, ITEM_TYPE_LABELS, MODALITY_LABELS } from './wording'

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

/** When and where a session meets, as rows of a two-column table (notice and packet guide). */
export function sessionFactRows(
  session: Pick<Session, 'date' | 'startTime' | 'modality' | 'venue' | 'link'>,
  expectedEnd: string,
  venueFallback = 'Por confirmar',
): [string, string][] {
  return [
    ['Fecha', longSpanishDate(session.date)],
    ['Horario', `De ${hours(session.startTime)} a ${hours(expectedEnd)} (duración estimada)`],
    ['Modalidad', MODALITY_LABELS[session.modality]],
    ...(session.modality !== 'virtual' ? [['Sede', session.venue || venueFallback] as [string, string]] : []),
    ...(session.modality !== 'presencial' ? [['Enlace de conexión', session.link || 'Se enviará antes de la sesión'] as [string, string]] : []),
  ]
}

/** An agenda item's subject cell: the title (bold for main items, indented for sub-items) over its type. */
export function agendaSubject(item: Pick<AgendaItem, 'title' | 'parentId' | 'type'>): Run[] {
  const subject: Run[] = item.parentId ? [{ text: `\u2003${item.title}` }] : [{ text: item.title, font: 'condensedBold' }]
  subject.push({ text: `\n${item.parentId ? '\u2003' : ''}${ITEM_TYPE_LABELS[item.type]}`, color: COLORS.muted })
  return subject
}

/**
 * Collects the characters a document's fonts cannot draw (see
 * RenderOptions.onMissingCharacter) and words the warning the user gets.
 */
export function missingCharacters(): { onMissingCharacter: (character: string) => void; warning: () => string | null } {
  const found = new Set<string>()
  return {
    onMissingCharacter: (character) => void found.add(character),
    warning: () => {
      if (found.size === 0) return null
      const shown = [...found].slice(0, 10).map((character) => `«${character}» (U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
      const more = found.size > 10 ? ` y ${found.size - 10} más` : ''
      return `Las fuentes del documento no tienen ${found.size === 1 ? 'el carácter' : `${found.size} caracteres`} ${shown.join(', ')}${more}: ${found.size === 1 ? 'aparece' : 'aparecen'} como «?». Revise el texto original.`
    },
  }
}
