/**
 * Vector charts for the progress report, drawn with pdfkit paths: horizontal
 * progress bars with a 0–100 % scale, a legend of completion levels, and a row
 * of key figures. Levels differ in lightness (and the value and level are
 * printed beside each bar), so the charts read the same in grayscale.
 *
 * These functions draw inside a Figure element the layout has opened, so they
 * only use drawing primitives and `drawLines` (no nested marked content).
 */
import type { CompletionLevel } from '../domain/progress'
import { COLORS, STYLES, type Layout, type TextStyle } from './layout'
import { COMPLETION_LABELS } from './wording'

/** Light to dark as the level rises. */
export const LEVEL_FILLS: Record<CompletionLevel, string> = {
  'no-iniciado': '#ffffff',
  limitado: '#b7c2d0',
  sustancial: '#677c98',
  completo: '#1f3a5f',
}

export interface Bar {
  label: string
  /** Percent, 0–100. */
  value: number
  level: CompletionLevel
}

const LABEL_STYLE: TextStyle = { ...STYLES.table, size: 8.5, lineGap: 1 }
const VALUE_STYLE: TextStyle = { ...STYLES.table, font: 'condensedBold', size: 8.5, lineGap: 0 }
const AXIS_STYLE: TextStyle = { ...STYLES.small, font: 'condensed', size: 7, lineGap: 0 }

interface ChartGeometry {
  labelWidth: number
  barX: number
  barWidth: number
  valueX: number
  rows: { lines: ReturnType<Layout['wrap']>; height: number }[]
  height: number
}

function geometry(layout: Layout, bars: readonly Bar[], labelWidth: number): ChartGeometry {
  const valueWidth = 92
  const barX = layout.left + labelWidth + 10
  const barWidth = layout.width - labelWidth - 10 - valueWidth
  const lineHeight = layout.lineHeight(LABEL_STYLE)
  const rows = bars.map((bar) => {
    const lines = layout.wrap(bar.label, LABEL_STYLE, labelWidth)
    return { lines, height: Math.max(16, lines.length * lineHeight + 6) }
  })
  const axis = 16
  return { labelWidth, barX, barWidth, valueX: barX + barWidth + 8, rows, height: rows.reduce((sum, row) => sum + row.height, 0) + axis + 4 }
}

export function barChartHeight(layout: Layout, bars: readonly Bar[], labelWidth = 170): number {
  return geometry(layout, bars, labelWidth).height
}

export function describeBars(bars: readonly Bar[]): string {
  return bars.map((bar) => `${bar.label}: ${bar.value}% (${COMPLETION_LABELS[bar.level].toLowerCase()})`).join('; ')
}

/** Horizontal bars with a 0–100 % scale, gridlines every 25 %, value and level beside each bar. */
export function drawBarChart(layout: Layout, bars: readonly Bar[], top: number, labelWidth = 170): void {
  const doc = layout.doc
  const g = geometry(layout, bars, labelWidth)
  const plotHeight = g.height - 20
  // Gridlines and scale.
  doc.save().lineWidth(0.4).strokeColor(COLORS.light).dash(2, { space: 2 })
  for (const tick of [25, 50, 75, 100]) {
    const x = g.barX + (g.barWidth * tick) / 100
    doc.moveTo(x, top).lineTo(x, top + plotHeight).stroke()
  }
  doc.undash().restore()
  doc.save().lineWidth(0.8).strokeColor(COLORS.rule).moveTo(g.barX, top).lineTo(g.barX, top + plotHeight).stroke().restore()
  for (const tick of [0, 25, 50, 75, 100]) {
    const label = `${tick}%`
    const x = g.barX + (g.barWidth * tick) / 100 - layout.textWidth(label, AXIS_STYLE) / 2
    layout.drawLines(layout.wrap(label, AXIS_STYLE, 40), AXIS_STYLE, x, top + plotHeight + 4, 40)
  }
  // Bars.
  let y = top
  bars.forEach((bar, index) => {
    const row = g.rows[index]
    if (!row) return
    const labelHeight = row.lines.length * layout.lineHeight(LABEL_STYLE)
    layout.drawLines(row.lines, LABEL_STYLE, layout.left, y + (row.height - labelHeight) / 2 + 1, g.labelWidth)
    const barHeight = 10
    const barY = y + (row.height - barHeight) / 2
    doc.save().rect(g.barX, barY, g.barWidth, barHeight).lineWidth(0.5).strokeColor(COLORS.light).stroke().restore()
    const width = (g.barWidth * Math.max(0, Math.min(100, bar.value))) / 100
    if (width > 0) doc.save().rect(g.barX, barY, width, barHeight).fillAndStroke(LEVEL_FILLS[bar.level], COLORS.accent).restore()
    const value = `${bar.value}% · ${COMPLETION_LABELS[bar.level]}`
    layout.drawLines(layout.wrap(value, VALUE_STYLE, 100), VALUE_STYLE, g.valueX, barY, 100)
    y += row.height
  })
}

export const LEGEND_HEIGHT = 16

/** The completion levels with their fills, on one line. */
export function drawLegend(layout: Layout, top: number): void {
  const doc = layout.doc
  let x = layout.left
  const style: TextStyle = { ...STYLES.small, font: 'condensed', size: 8 }
  layout.drawLines(layout.wrap('Nivel de cumplimiento:', style, 120), style, x, top + 2, 120)
  x += layout.textWidth('Nivel de cumplimiento:', style) + 10
  for (const level of Object.keys(LEVEL_FILLS) as CompletionLevel[]) {
    doc.save().rect(x, top + 2, 18, 9).lineWidth(0.5).fillAndStroke(LEVEL_FILLS[level], COLORS.accent).restore()
    const label = COMPLETION_LABELS[level]
    layout.drawLines(layout.wrap(label, style, 100), style, x + 22, top + 2, 100)
    x += 22 + layout.textWidth(label, style) + 16
  }
}

/** A thin progress bar (inside a commitment's section). */
export function drawMiniBar(layout: Layout, top: number, value: number, level: CompletionLevel, width = 160): void {
  const doc = layout.doc
  doc.save().rect(layout.left, top + 1, width, 7).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore()
  const filled = (width * Math.max(0, Math.min(100, value))) / 100
  if (filled > 0) doc.save().rect(layout.left, top + 1, filled, 7).fillAndStroke(LEVEL_FILLS[level], COLORS.accent).restore()
  const text = `Avance: ${value}% · Nivel de cumplimiento: ${COMPLETION_LABELS[level]}`
  layout.drawLines(layout.wrap(text, VALUE_STYLE, layout.width - width - 10), VALUE_STYLE, layout.left + width + 10, top, layout.width - width - 10)
}

export interface KeyFigure {
  value: string
  label: string
}

export const KEY_FIGURES_HEIGHT = 58

/** A row of boxes with a large number and a caption. */
export function drawKeyFigures(layout: Layout, figures: readonly KeyFigure[], top: number): void {
  const doc = layout.doc
  const gap = 10
  const width = (layout.width - gap * (figures.length - 1)) / figures.length
  const valueStyle: TextStyle = { font: 'bold', size: 18, color: COLORS.accent, lineGap: 0 }
  const labelStyle: TextStyle = { ...STYLES.small, font: 'condensed', size: 8, lineGap: 1 }
  figures.forEach((figure, index) => {
    const x = layout.left + index * (width + gap)
    doc.save().rect(x, top, width, KEY_FIGURES_HEIGHT - 6).lineWidth(0.6).fillAndStroke(COLORS.zebra, COLORS.light).restore()
    layout.drawLines(layout.wrap(figure.value, valueStyle, width - 12), valueStyle, x + 6, top + 6, width - 12, 'center')
    layout.drawLines(layout.wrap(figure.label, labelStyle, width - 12), labelStyle, x + 6, top + 30, width - 12, 'center')
  })
}
