/**
 * Page layout shared by the acta, the convocatoria and the report.
 *
 * The layout breaks every line itself (text-wrap.ts) and tracks the vertical
 * position, so it decides every page break: paragraphs flow across pages
 * without clipping (no single line left alone at either side of a break),
 * table rows move or split with the header row repeated, and nothing is drawn
 * outside the content frame. pdfkit only draws lines that already fit.
 *
 * Headings (and short labels) are deferred: they wait until the next block is
 * placed, and then go on the page where that block's first piece goes (the
 * first lines of a paragraph, the header and first row of a table, a whole
 * figure or signature row), so no heading ever ends a page. Every placement
 * can be reported (`onLayout`), which is how tests check the page breaks.
 *
 * The document is tagged: headings, paragraphs, tables and figures become
 * structure elements; rules, shading, running headers and footers are
 * artifacts. Running headers and footers ("Página X de Y") are stamped at the
 * end, when the page count is known (the document buffers its pages).
 */
import type { FontName } from './fonts'
import { PAGE, type ArchivalDocument } from './pdf-document'
import { toRuns, wrapText, type Line, type Measurer, type RichText } from './text-wrap'

export type Align = 'left' | 'center' | 'right' | 'justify'

export interface TextStyle {
  font: FontName
  size: number
  color: string
  /** Extra space after each line, in points. */
  lineGap: number
}

/** Grays and one dark blue: every distinction survives grayscale printing. */
export const COLORS = {
  text: '#1a1a1a',
  muted: '#555555',
  accent: '#1f3a5f',
  rule: '#8a8a8a',
  light: '#c8c8c8',
  headerFill: '#e3e7ed',
  zebra: '#f3f3f3',
  white: '#ffffff',
} as const

export const STYLES = {
  body: { font: 'regular', size: 9.5, color: COLORS.text, lineGap: 3.4 },
  bodyBold: { font: 'bold', size: 9.5, color: COLORS.text, lineGap: 3.4 },
  italic: { font: 'italic', size: 9, color: COLORS.text, lineGap: 3 },
  small: { font: 'regular', size: 8, color: COLORS.muted, lineGap: 2 },
  table: { font: 'condensed', size: 8.5, color: COLORS.text, lineGap: 1.8 },
  tableHeader: { font: 'condensedBold', size: 8.5, color: COLORS.text, lineGap: 1.8 },
  title: { font: 'bold', size: 16, color: COLORS.accent, lineGap: 4 },
  subtitle: { font: 'regular', size: 10.5, color: COLORS.muted, lineGap: 3 },
  h1: { font: 'bold', size: 12, color: COLORS.accent, lineGap: 3 },
  h2: { font: 'bold', size: 10, color: COLORS.text, lineGap: 3 },
  running: { font: 'regular', size: 7.5, color: COLORS.muted, lineGap: 0 },
} satisfies Record<string, TextStyle>

/** The content frame of every page (points from the top left). */
export const FRAME = { left: 64, right: PAGE.width - 64, top: 84, bottom: PAGE.height - 70 } as const

export type LayoutEventKind = 'heading' | 'label' | 'paragraph' | 'table-header' | 'table-row' | 'figure' | 'block' | 'signature-row' | 'signature-box'

/** Something the layout placed: a heading, a piece of a paragraph or table row, a block. */
export interface LayoutEvent {
  kind: LayoutEventKind
  /** Page number, from 1. */
  page: number
  /** Top and bottom of what was placed, in points from the top of the page. */
  top: number
  bottom: number
  /** Headings, labels and paragraphs: their text; figures: their alternate text. */
  text?: string
  /** Headings: 1 (section), 2 (item) or 3 (sub-heading). */
  level?: 1 | 2 | 3
  /** Paragraphs and table rows: lines placed in this piece, and lines of the whole block. */
  lines?: number
  totalLines?: number
  /** Paragraphs and table rows: this piece continues one begun on an earlier page. */
  continued?: boolean
  /** Table headers: a header repeated at the top of a page, not the table's first. */
  repeated?: boolean
}

export interface FrameText {
  /** Running header, left: "Gobierno Abierto Jalisco · Secretariado Técnico Local". */
  headerLeft: string
  /** Running header, right: the document kind. */
  headerRight: string
  /** Footer, left: the session key (or the plan, for the report). */
  footerLeft: string
}

export interface Column {
  header: string
  /** Relative width. */
  weight: number
  align?: Exclude<Align, 'justify'>
  /** Font of the column's cells (the header row always uses the bold style). */
  font?: FontName
  /** Each body cell of the column is a box to write in by hand (a signature, a time). */
  box?: boolean
}

export interface TableSpec {
  columns: readonly Column[]
  rows: readonly (readonly RichText[])[]
  style?: TextStyle
  headerStyle?: TextStyle
  /** Draw (and repeat on every page) the header row. Default true. */
  header?: boolean
  zebra?: boolean
  /** Thin rule under every row. Default true. */
  rules?: boolean
  padX?: number
  padY?: number
  /** Left indent of the whole table. */
  indent?: number
  gapAfter?: number
}

export interface ParagraphOptions {
  style?: TextStyle
  align?: Align
  indent?: number
  width?: number
  /** Structure type: P by default. */
  tag?: string
  gapAfter?: number
  /** A short label (up to three lines) that, like a heading, goes on the page of the block that follows it. */
  keepWithNext?: boolean
}

export interface HeadingOptions {
  /** Points of what follows that must fit with the heading, beyond the first piece of the next block. */
  keepWithNext?: number
  outline?: boolean
}

export type HeadingLevel = 1 | 2 | 3

const HEADING_STYLES: Record<HeadingLevel, TextStyle> = { 1: STYLES.h1, 2: STYLES.h2, 3: STYLES.bodyBold }
const HEADING_SPACE: Record<HeadingLevel, { before: number; after: number }> = { 1: { before: 16, after: 7 }, 2: { before: 10, after: 4 }, 3: { before: 6, after: 2 } }

/** A heading or label waiting for the block it belongs with. */
interface Deferred {
  height: number
  before: number
  after: number
  /** Points of the next block the caller asked to keep with it. */
  keep: number
  draw: () => void
}

type StructureElement = PDFKit.PDFStructureElement

export class Layout {
  readonly doc: PDFKit.PDFDocument
  readonly left: number = FRAME.left
  readonly right: number = FRAME.right
  readonly top: number = FRAME.top
  readonly bottom: number = FRAME.bottom
  /** Vertical position of the next block on the current page (headings still deferred are not counted). */
  y = 0
  private readonly root: StructureElement
  private deferred: Deferred[] = []
  private readonly onLayout: ((event: LayoutEvent) => void) | undefined
  private readonly widths = new Map<string, number>()
  private readonly heights = new Map<string, number>()

  private readonly fonts: Record<FontName, string>
  private readonly onMissingCharacter: (character: string) => void

  constructor({ doc, fonts, onMissingCharacter, onLayout }: ArchivalDocument) {
    this.doc = doc
    this.fonts = fonts
    this.onMissingCharacter = onMissingCharacter ?? (() => undefined)
    this.onLayout = onLayout
    this.root = doc.struct('Document')
    doc.addStructure(this.root)
    this.newPage()
  }

  get width(): number {
    return this.right - this.left
  }

  /** Nothing has been placed on the current page yet. */
  get atTop(): boolean {
    return this.y <= this.top + 0.01
  }

  /**
   * Room for the next block on the page where it will go: below the headings
   * that wait for it, on this page or, when what they must keep with them no
   * longer fits here, on the next.
   */
  get remaining(): number {
    const waiting = this.deferredHeight()
    const keep = Math.max(0, ...this.deferred.map((entry) => entry.keep))
    if (this.deferred.length > 0 && !this.atTop && this.y + waiting + keep > this.bottom + 0.01) return this.bottom - this.top - this.deferredHeight(this.deferred, true)
    return this.bottom - this.y - waiting
  }

  get pageCount(): number {
    return this.doc.bufferedPageRange().count
  }

  // ── measuring ──────────────────────────────────────────────────────────

  /** Width of `text` at size 1 in `font`, cached: widths scale linearly with size. */
  private unitWidth(text: string, font: FontName): number {
    const key = `${font}\u0000${text}`
    let width = this.widths.get(key)
    if (width === undefined) {
      this.useFont(font, 100)
      width = this.doc.widthOfString(text) / 100
      this.widths.set(key, width)
    }
    return width
  }

  /** Selects a font (by path, see pdf-document.ts) and size for what is drawn next. */
  useFont(font: FontName, size: number): PDFKit.PDFDocument {
    return this.doc.font(this.fonts[font]).fontSize(size)
  }

  measurer(size: number): Measurer {
    return { width: (text, font) => this.unitWidth(text, font) * size }
  }

  lineHeight(style: TextStyle): number {
    const key = `${style.font}\u0000${style.size}`
    let height = this.heights.get(key)
    if (height === undefined) {
      height = this.useFont(style.font, style.size).currentLineHeight(false)
      this.heights.set(key, height)
    }
    return height + style.lineGap
  }

  wrap(text: RichText, style: TextStyle, width: number): Line[] {
    return wrapText(this.clean(text, style.font), width, style.font, this.measurer(style.size))
  }

  /**
   * Text the fonts can show: control characters become spaces and a character
   * without a glyph (an emoji, say) becomes "?", because PDF/A forbids drawing
   * the .notdef glyph; each such character is reported (onMissingCharacter).
   */
  clean(text: RichText, defaultFont: FontName): RichText {
    if (typeof text === 'string') return this.cleanString(text, defaultFont)
    return text.map((run) => ({ ...run, text: this.cleanString(run.text, run.font ?? defaultFont) }))
  }

  cleanString(text: string, font: FontName): string {
    // eslint-disable-next-line no-control-regex
    const plain = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    // Latin, Latin-1 and Latin Extended are always covered: skip the per-character check.
    if (!/[^\t\n -\u024f]/.test(plain)) return plain
    const covers = this.coverage(font)
    return Array.from(plain, (char) => {
      if (covers(char.codePointAt(0) ?? 0)) return char
      this.onMissingCharacter(char)
      return '?'
    }).join('')
  }

  private readonly coverages = new Map<FontName, (codePoint: number) => boolean>()

  private coverage(font: FontName): (codePoint: number) => boolean {
    let covers = this.coverages.get(font)
    if (!covers) {
      this.useFont(font, 10)
      // pdfkit keeps the fontkit font of the current font in `_font.font` (not in its typings).
      const fontkitFont = (this.doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean } } })._font?.font
      const test = fontkitFont?.hasGlyphForCodePoint?.bind(fontkitFont)
      covers = test ? (codePoint) => codePoint === 0x0a || codePoint === 0x20 || test(codePoint) : () => true
      this.coverages.set(font, covers)
    }
    return covers
  }

  textWidth(text: string, style: TextStyle): number {
    return this.unitWidth(text, style.font) * style.size
  }

  heightOf(text: RichText, style: TextStyle, width: number): number {
    return this.wrap(text, style, width).length * this.lineHeight(style)
  }

  // ── pages ──────────────────────────────────────────────────────────────

  /** Starts a new page; deferred headings go to it, with the block they head. */
  newPage(): void {
    this.doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 })
    this.y = this.top
  }

  /**
   * Starts a new page unless `height` (with the deferred headings) still fits
   * below the current position, then places the deferred headings.
   * Returns whether a page was started.
   */
  ensure(height: number): boolean {
    return this.settle(height)
  }

  private breakUnlessFits(height: number): boolean {
    if (this.y + height > this.bottom + 0.01 && !this.atTop) {
      this.newPage()
      return true
    }
    return false
  }

  /** Vertical space; never carried over to the top of a new page. After a deferred heading, it widens the heading's space below. */
  gap(height: number): void {
    const last = this.deferred[this.deferred.length - 1]
    if (last) {
      last.after += height
      return
    }
    if (this.atTop) return
    if (this.y + height > this.bottom) this.newPage()
    else this.y += height
  }

  /** Height the deferred headings take at the current position. */
  private deferredHeight(entries: readonly Deferred[] = this.deferred, atTop = this.atTop): number {
    let first = true
    let height = 0
    for (const entry of entries) {
      height += (first && atTop ? 0 : entry.before) + entry.height + entry.after
      first = false
    }
    return height
  }

  /**
   * Places the deferred headings where the first `next` points of the block
   * that follows also fit (a new page if they do not); without deferred
   * headings, only makes room for `next`. Returns whether a page was started.
   */
  private settle(next: number): boolean {
    const waiting = this.deferred
    if (waiting.length === 0) return this.breakUnlessFits(next)
    this.deferred = []
    const keep = Math.max(next, ...waiting.map((entry) => entry.keep))
    const broke = this.breakUnlessFits(this.deferredHeight(waiting) + keep)
    for (const entry of waiting) {
      if (!this.atTop) this.y += entry.before
      entry.draw()
      this.y += entry.after
    }
    return broke
  }

  /** Tells `onLayout` what was just placed on the current page. */
  private report(event: Omit<LayoutEvent, 'page'>): void {
    if (this.onLayout) this.onLayout({ ...event, page: this.pageCount })
  }

  // ── tagging ────────────────────────────────────────────────────────────

  private element(tag: string, parent: StructureElement = this.root, options?: PDFKit.Mixins.StructureElementOptions): StructureElement {
    const element = options ? this.doc.struct(tag, options) : this.doc.struct(tag)
    parent.add(element)
    return element
  }

  private marked(tag: string, element: StructureElement, draw: () => void): void {
    const content = this.doc.markStructureContent(tag)
    draw()
    this.doc.endMarkedContent()
    element.add(content)
  }

  /** Decoration that is not content (rules, shading, running headers). */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type })
    draw()
    this.doc.endMarkedContent()
  }

  // ── drawing primitives (no page breaks) ───────────────────────────────

  /** Draws already-broken lines from (x, y); returns the height used. */
  drawLines(lines: readonly Line[], style: TextStyle, x: number, y: number, width: number, align: Align = 'left'): number {
    const lineHeight = this.lineHeight(style)
    const measure = this.measurer(style.size)
    lines.forEach((line, index) => this.drawLine(line, style, x, y + index * lineHeight, width, align, measure))
    return lines.length * lineHeight
  }

  private drawLine(line: Line, style: TextStyle, x: number, y: number, width: number, align: Align, measure: Measurer): void {
    const doc = this.doc
    const stretch = line.spaces > 0 ? Math.max(0, (width - line.width) / line.spaces) : 0
    // A line that would need spaces wider than about four normal ones stays ragged instead.
    const justify = align === 'justify' && !line.last && line.spaces > 0 && stretch <= 3 * measure.width(' ', style.font)
    const extra = justify ? stretch : 0
    let cursor = x
    if (align === 'center') cursor += Math.max(0, (width - line.width) / 2)
    if (align === 'right') cursor += Math.max(0, width - line.width)
    // Consecutive pieces in the same font and colour are drawn as one string; when justifying,
    // each word is drawn at its own position instead of using pdfkit's wordSpacing, which drops
    // the space glyphs: the text keeps its real spaces (for copying, searching and tags).
    let index = 0
    while (index < line.pieces.length) {
      const first = line.pieces[index]
      if (!first) break
      if (first.spaceBefore && index > 0) cursor += measure.width(' ', first.font) + extra
      let text = first.text
      let segmentWidth = first.width
      let next = index + 1
      for (; next < line.pieces.length; next++) {
        const piece = line.pieces[next]
        if (!piece || piece.font !== first.font || piece.color !== first.color || (justify && piece.spaceBefore)) break
        if (piece.spaceBefore) {
          text += ' '
          segmentWidth += measure.width(' ', piece.font)
        }
        text += piece.text
        segmentWidth += piece.width
      }
      // The space after a segment (or at the end of any line but the text's last) is part of its text.
      const following = line.pieces[next]
      const trailing = following ? following.spaceBefore : !line.final && !line.endsInWord
      this.useFont(first.font, style.size).fillColor(first.color ?? style.color)
      doc.text(trailing ? `${text} ` : text, cursor, y, { lineBreak: false })
      cursor += segmentWidth
      index = next
    }
  }

  /** Text at a fixed place (inside a block already made to fit), tagged as `tag`; returns its height. */
  textAt(text: RichText, style: TextStyle, x: number, y: number, width: number, align: Align = 'left', tag = 'P'): number {
    const lines = this.wrap(text, style, width)
    let height = 0
    this.marked(tag, this.element(tag), () => {
      height = this.drawLines(lines, style, x, y, width, align)
    })
    return height
  }

  hline(y: number, x1 = this.left, x2 = this.right, color: string = COLORS.rule, lineWidth = 0.5): void {
    this.artifact(() => {
      this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(lineWidth).strokeColor(color).stroke().restore()
    })
  }

  // ── flowing blocks ────────────────────────────────────────────────────

  /**
   * A paragraph that flows across pages: at least two lines on each side of a
   * break (a paragraph of up to three lines is never broken). A label
   * (`keepWithNext`) waits, like a heading, for the block that follows it.
   */
  paragraph(text: RichText, options: ParagraphOptions = {}): void {
    const style = options.style ?? STYLES.body
    const indent = options.indent ?? 0
    const width = options.width ?? this.width - indent
    const x = this.left + indent
    const tag = options.tag ?? 'P'
    const align = options.align ?? 'left'
    const lines = this.wrap(text, style, width)
    const lineHeight = this.lineHeight(style)
    if (options.keepWithNext && lines.length <= 3) {
      this.deferred.push({
        height: lines.length * lineHeight,
        before: 0,
        after: options.gapAfter ?? 0,
        keep: 0,
        draw: () => {
          const top = this.y
          this.marked(tag, this.element(tag), () => {
            this.drawLines(lines, style, x, top, width, align)
          })
          this.y = top + lines.length * lineHeight
          this.report({ kind: 'label', top, bottom: this.y, text: plainText(text), lines: lines.length, totalLines: lines.length })
        },
      })
      return
    }
    this.settle(lineHeight * (lines.length <= 3 ? lines.length : 2))
    const element = this.element(tag)
    let start = 0
    while (start < lines.length) {
      const fit = Math.floor((this.bottom - this.y + 0.01) / lineHeight)
      if (fit < 1) {
        this.newPage()
        continue
      }
      let count = Math.min(fit, lines.length - start)
      const left = lines.length - start - count
      // Never leave a single line alone at the top of the next page.
      if (left === 1 && count >= 3) count--
      else if (left === 1 && count === 2 && start === 0) count = 0
      if (count === 0) {
        this.newPage()
        continue
      }
      const slice = lines.slice(start, start + count)
      const top = this.y
      this.marked(tag, element, () => {
        this.drawLines(slice, style, x, top, width, align)
      })
      this.y += count * lineHeight
      this.report({ kind: 'paragraph', top, bottom: this.y, text: plainText(text), lines: count, totalLines: lines.length, continued: start > 0 })
      start += count
      if (start < lines.length) this.newPage()
    }
    element.end()
    if (options.gapAfter) this.gap(options.gapAfter)
  }

  /** Several paragraphs separated by a small gap. */
  paragraphs(texts: readonly RichText[], options: ParagraphOptions = {}): void {
    texts.forEach((text, index) => this.paragraph(text, { ...options, gapAfter: index < texts.length - 1 ? 4 : options.gapAfter }))
  }

  /**
   * A heading, placed when the next block is: on the page where that block's
   * first piece goes (see `settle`). `keepWithNext` asks for more of what
   * follows on the same page (a chart and its legend, say).
   */
  heading(text: string, level: HeadingLevel, options: HeadingOptions = {}): void {
    const style = HEADING_STYLES[level]
    const { before, after } = HEADING_SPACE[level]
    const lines = this.wrap(text, style, this.width)
    const height = lines.length * this.lineHeight(style)
    this.deferred.push({
      height,
      before,
      after,
      keep: options.keepWithNext ?? 0,
      draw: () => {
        const top = this.y
        if (level === 1 && options.outline !== false) this.bookmark(text)
        const tag = `H${level}`
        this.marked(tag, this.element(tag), () => {
          this.drawLines(lines, style, this.left, top, this.width)
        })
        this.y = top + height
        if (level === 1) this.hline(this.y + 1, this.left, this.right, COLORS.accent, 0.8)
        this.report({ kind: 'heading', level, top, bottom: this.y, text })
      },
    })
  }

  /** An entry in the viewer's bookmarks pointing at the current position. */
  bookmark(title: string): void {
    // pdfkit computes the destination as (page width − left, page height − top).
    const addItem = this.doc.outline.addItem.bind(this.doc.outline) as (title: string, options: { top: number; left: number }) => unknown
    addItem(title, { top: Math.max(0, this.y - 12), left: PAGE.width })
  }

  /** A figure (chart) of fixed height, with alternate text for readers that cannot see it. */
  figure(alt: string, height: number, draw: (top: number) => void, gapAfter = 8): void {
    this.settle(height)
    const element = this.element('Figure', this.root, { alt })
    const top = this.y
    this.marked('Figure', element, () => draw(top))
    element.end()
    this.y = top + height
    this.report({ kind: 'figure', top, bottom: this.y, text: alt })
    this.gap(gapAfter)
  }

  /** A block of fixed height that must not be split (e.g. a row of signatures), drawn by `draw`. */
  block(height: number, draw: (top: number) => void, kind: Extract<LayoutEventKind, 'block' | 'signature-row' | 'signature-box'> = 'block'): void {
    this.settle(height)
    const top = this.y
    draw(top)
    this.y = top + height
    this.report({ kind, top, bottom: this.y })
  }

  // ── tables ────────────────────────────────────────────────────────────

  private tableGeometry(spec: TableSpec) {
    const style = spec.style ?? STYLES.table
    const headerStyle = spec.headerStyle ?? STYLES.tableHeader
    const padX = spec.padX ?? 4
    const padY = spec.padY ?? 3.5
    const indent = spec.indent ?? 0
    const showHeader = spec.header ?? true
    const x0 = this.left + indent
    const totalWidth = this.width - indent
    const weights = spec.columns.reduce((sum, column) => sum + column.weight, 0)
    const widths = spec.columns.map((column) => (column.weight / weights) * totalWidth)
    const xs = widths.map((_, index) => x0 + widths.slice(0, index).reduce((sum, w) => sum + w, 0))
    const lineHeight = this.lineHeight(style)
    const headerLineHeight = this.lineHeight(headerStyle)
    const headerLines = spec.columns.map((column, index) => this.wrap(column.header, headerStyle, (widths[index] ?? 0) - 2 * padX))
    const headerHeight = showHeader ? Math.max(...headerLines.map((lines) => lines.length)) * headerLineHeight + 2 * padY : 0
    const cellLines = spec.rows.map((row) =>
      spec.columns.map((column, index) => this.wrap(row[index] ?? '', column.font ? { ...style, font: column.font } : style, (widths[index] ?? 0) - 2 * padX)),
    )
    return { style, headerStyle, padX, padY, showHeader, x0, totalWidth, widths, xs, lineHeight, headerLines, headerHeight, cellLines }
  }

  /** Height of a table laid out on a single page (to keep short tables with what precedes them). */
  tableHeight(spec: TableSpec): number {
    const { headerHeight, cellLines, lineHeight, padY } = this.tableGeometry(spec)
    return headerHeight + cellLines.reduce((sum, cells) => sum + Math.max(1, ...cells.map((lines) => lines.length)) * lineHeight + 2 * padY, 0)
  }

  /**
   * A table that continues across pages: the header row is repeated on every
   * page; a short row moves whole to the next page, a tall one is split
   * between lines.
   */
  table(spec: TableSpec): void {
    const { style, headerStyle, padX, padY, showHeader, x0, totalWidth, widths, xs, lineHeight, headerLines, headerHeight, cellLines } = this.tableGeometry(spec)
    const rules = spec.rules ?? true
    const table = this.element('Table')

    const drawHeader = (real: boolean): void => {
      if (!showHeader) return
      const top = this.y
      this.report({ kind: 'table-header', top, bottom: top + headerHeight, repeated: !real })
      this.artifact(() => {
        this.doc.save().rect(x0, top, totalWidth, headerHeight).fill(COLORS.headerFill).restore()
        this.doc.save().moveTo(x0, top + headerHeight).lineTo(x0 + totalWidth, top + headerHeight).lineWidth(0.8).strokeColor(COLORS.rule).stroke().restore()
      })
      const drawCells = (): void => {
        headerLines.forEach((lines, index) => {
          const column = spec.columns[index]
          this.drawLines(lines, headerStyle, (xs[index] ?? 0) + padX, top + padY, (widths[index] ?? 0) - 2 * padX, column?.align ?? 'left')
        })
      }
      if (real) {
        const row = this.element('TR', table)
        headerLines.forEach((lines, index) => {
          const column = spec.columns[index]
          this.marked('TH', this.element('TH', row), () => {
            this.drawLines(lines, headerStyle, (xs[index] ?? 0) + padX, top + padY, (widths[index] ?? 0) - 2 * padX, column?.align ?? 'left')
          })
        })
        row.end()
      } else {
        // The repeated header is a reading aid, not content.
        this.artifact(drawCells)
      }
      this.y = top + headerHeight
    }

    const freshHeight = this.bottom - this.top - headerHeight
    // A row that fits on a fresh page and is not too tall moves whole; a taller one splits after two lines or more.
    const movesWhole = (needed: number): boolean => needed <= Math.min(freshHeight, 0.4 * (this.bottom - this.top))
    const firstRow = cellLines[0]
    const firstNeeded = firstRow ? Math.max(1, ...firstRow.map((lines) => lines.length)) * lineHeight + 2 * padY : 0
    // The header (and any heading before the table) stays with the first row, or the part of it that goes first.
    this.settle(headerHeight + (firstRow ? (movesWhole(firstNeeded) ? firstNeeded : 2 * lineHeight + 2 * padY) : 0))
    drawHeader(true)

    cellLines.forEach((cells, rowIndex) => {
      const count = Math.max(1, ...cells.map((lines) => lines.length))
      const row = this.element('TR', table)
      const tds = cells.map(() => this.element('TD', row))
      let start = 0
      while (start < count) {
        const left = count - start
        const needed = left * lineHeight + 2 * padY
        let take = left
        if (needed > this.remaining + 0.01) {
          const fit = Math.floor((this.remaining - 2 * padY + 0.01) / lineHeight)
          const moveWhole = start === 0 && movesWhole(needed)
          if (moveWhole || fit < 2 || left - fit < 2) {
            if (fit >= 2 && left - fit === 1 && fit >= 3 && !moveWhole) take = fit - 1
            else {
              this.newPage()
              drawHeader(false)
              continue
            }
          } else take = fit
        }
        const top = this.y
        const height = take * lineHeight + 2 * padY
        this.artifact(() => {
          if (spec.zebra && rowIndex % 2 === 1) this.doc.save().rect(x0, top, totalWidth, height).fill(COLORS.zebra).restore()
          if (rules) this.doc.save().moveTo(x0, top + height).lineTo(x0 + totalWidth, top + height).lineWidth(0.4).strokeColor(COLORS.light).stroke().restore()
          spec.columns.forEach((column, index) => {
            if (!column.box) return
            const inset = Math.min(padX, 4)
            this.doc
              .save()
              .rect((xs[index] ?? 0) + inset, top + inset, (widths[index] ?? 0) - 2 * inset, height - 2 * inset)
              .lineWidth(0.6)
              .strokeColor(COLORS.rule)
              .stroke()
              .restore()
          })
        })
        cells.forEach((lines, index) => {
          const slice = lines.slice(start, start + take)
          const td = tds[index]
          if (slice.length === 0 || !td) return
          const column = spec.columns[index]
          const cellStyle = column?.font ? { ...style, font: column.font } : style
          this.marked('TD', td, () => {
            this.drawLines(slice, cellStyle, (xs[index] ?? 0) + padX, top + padY, (widths[index] ?? 0) - 2 * padX, column?.align ?? 'left')
          })
        })
        this.y = top + height
        this.report({ kind: 'table-row', top, bottom: this.y, lines: take, totalLines: count, continued: start > 0 })
        start += take
        if (start < count) {
          this.newPage()
          drawHeader(false)
        }
      }
      tds.forEach((td) => td.end())
      row.end()
    })
    table.end()
    this.gap(spec.gapAfter ?? 10)
  }

  // ── finishing ─────────────────────────────────────────────────────────

  /** Running header and footer on every page, now that the page count is known. */
  stampPages(frame: FrameText): void {
    // A heading nothing followed still goes on the page.
    this.settle(0)
    const { start, count } = this.doc.bufferedPageRange()
    const style = STYLES.running
    const headerY = 40
    const footerY = PAGE.height - 52
    for (let index = 0; index < count; index++) {
      this.doc.switchToPage(start + index)
      const pageLabel = `Página ${index + 1} de ${count}`
      const pageWidth = this.textWidth(pageLabel, style)
      const headerLeft = this.fit(this.cleanString(frame.headerLeft, style.font), style, this.width * 0.5 - 8)
      const headerRight = this.fit(this.cleanString(frame.headerRight, style.font), style, this.width - this.textWidth(headerLeft, style) - 16)
      const footerLeft = this.fit(this.cleanString(frame.footerLeft, style.font), style, this.width - pageWidth - 16)
      const rightWidth = this.textWidth(headerRight, style)
      this.artifact(() => {
        const doc = this.doc
        this.useFont(style.font, style.size).fillColor(COLORS.accent)
        doc.text(headerLeft, this.left, headerY, { lineBreak: false })
        doc.fillColor(style.color).text(headerRight, this.right - rightWidth, headerY, { lineBreak: false })
        doc.save().moveTo(this.left, headerY + 14).lineTo(this.right, headerY + 14).lineWidth(0.6).strokeColor(COLORS.accent).stroke().restore()
        doc.save().moveTo(this.left, footerY - 6).lineTo(this.right, footerY - 6).lineWidth(0.4).strokeColor(COLORS.rule).stroke().restore()
        this.useFont(style.font, style.size).fillColor(style.color)
        doc.text(footerLeft, this.left, footerY, { lineBreak: false })
        doc.text(pageLabel, this.right - pageWidth, footerY, { lineBreak: false })
      }, 'Pagination')
    }
  }

  /** `text` shortened with an ellipsis to fit one line of `width`. */
  fit(text: string, style: TextStyle, width: number): string {
    if (this.textWidth(text, style) <= width) return text
    const chars = Array.from(text)
    while (chars.length > 1 && this.textWidth(`${chars.join('').trimEnd()}…`, style) > width) chars.pop()
    return `${chars.join('').trimEnd()}…`
  }

  /** Closes the structure tree; call once, before `doc.end()`. */
  finish(): void {
    this.settle(0)
    this.root.end()
  }
}

/** The characters of rich text, without fonts or colours. */
export function plainText(text: RichText): string {
  return toRuns(text)
    .map((run) => run.text)
    .join('')
}
