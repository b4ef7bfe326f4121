/**
 * The visible appearance of a digital signature: the content stream of the
 * Form XObject a signature widget shows in its box on the page.
 *
 * The documents are PDF/A-2b, which forbids unembedded fonts, and embedding a
 * font subset in every signature would weigh too much; so the text is drawn as
 * filled vector outlines of the DejaVu glyphs (read with fontkit, shaped with
 * its kerning and mark positioning). The stream needs no resources: only path
 * operators, DeviceGray colours and the graphics state.
 *
 * Everything is in the box's own space (0,0 bottom-left, BBox [0 0 width
 * height]); the output is deterministic for the same input.
 */
import { resolve } from 'node:path'
import { openSync, type Font, type Glyph } from 'fontkit'
import { AppError } from '../errors'
import { defaultFontsDir, fontPaths, type FontName } from '../documents/fonts'
import { mexicoDate, mexicoTime, spanishDate } from '../domain/dates'

export interface AppearanceLine {
  text: string
  bold?: boolean
  /** points; the line shrinks to fit the width */
  size?: number
}

export interface SignatureAppearance {
  /** the content stream (uncompressed PDF operators) */
  content: Buffer
  width: number
  height: number
  /** characters no font could draw (drawn as nothing, never as another glyph) */
  missing: string[]
}

/** Size of a line that names none. */
export const DEFAULT_LINE_SIZE = 7
/** A line never shrinks below this to fit the width (a smaller requested size is kept); past it, it is cut with "…". */
export const MIN_LINE_SIZE = 4.5
/** Smallest box the appearance accepts, in points. */
const MIN_BOX = { width: 10, height: 8 }
/** PDF's largest page side (ISO 32000-1 Annex C: 14 400 units). */
const MAX_BOX = 14_400
const BORDER_INSET = 1
const BORDER_WIDTH = 0.5
const BORDER_GRAY = 0.3
const BACKGROUND_GRAY = 0.97
const TEXT_GRAY = 0
const ELLIPSIS = '…'

type Family = 'normal' | 'condensed'

/** The font a line uses first, then the ones that may supply a glyph it lacks. */
const FALLBACKS: Record<Family, Record<'regular' | 'bold', FontName[]>> = {
  normal: {
    regular: ['regular', 'bold', 'condensed', 'condensedBold', 'italic'],
    bold: ['bold', 'regular', 'condensedBold', 'condensed', 'italic'],
  },
  condensed: {
    regular: ['condensed', 'regular', 'condensedBold', 'bold', 'italic'],
    bold: ['condensedBold', 'bold', 'condensed', 'regular', 'italic'],
  },
}

// ── fonts ───────────────────────────────────────────────────────────────

type Op = { op: 'm' | 'l'; x: number; y: number } | { op: 'c'; x1: number; y1: number; x2: number; y2: number; x: number; y: number } | { op: 'h' }

/** A glyph's outline in em units (y up), with the bounds of every point it names, control points included. */
interface Outline {
  ops: Op[]
  minX: number
  minY: number
  maxX: number
  maxY: number
}

interface LoadedFont {
  font: Font
  unitsPerEm: number
  /** ascent and descent (positive, below the baseline) in em units */
  ascent: number
  descent: number
  outlines: Map<number, Outline>
}

/** Loaded fonts, per resolved folder, per font name. */
const fontCache = new Map<string, Map<FontName, LoadedFont>>()

class FontSet {
  private readonly paths: Record<FontName, string>
  private readonly loaded: Map<FontName, LoadedFont>

  constructor(folder: string) {
    this.paths = fontPaths(folder)
    let loaded = fontCache.get(folder)
    if (!loaded) {
      loaded = new Map()
      fontCache.set(folder, loaded)
    }
    this.loaded = loaded
  }

  get(name: FontName): LoadedFont {
    let entry = this.loaded.get(name)
    if (!entry) {
      const opened = openSync(this.paths[name])
      if (!('layout' in opened)) throw new AppError('LECTURA', `La fuente ${this.paths[name]} no es un archivo TrueType de una sola fuente.`)
      const unitsPerEm = opened.unitsPerEm
      entry = { font: opened, unitsPerEm, ascent: opened.ascent / unitsPerEm, descent: -opened.descent / unitsPerEm, outlines: new Map() }
      this.loaded.set(name, entry)
    }
    return entry
  }
}

/** The glyph's path in em units: quadratic curves become cubic ones, every contour is closed. */
function outlineOf(entry: LoadedFont, glyph: Glyph): Outline {
  const cached = entry.outlines.get(glyph.id)
  if (cached) return cached
  const k = 1 / entry.unitsPerEm
  const ops: Op[] = []
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  const see = (x: number, y: number): void => {
    if (x < minX) minX = x
    if (x > maxX) maxX = x
    if (y < minY) minY = y
    if (y > maxY) maxY = y
  }
  // Current point and start of the current contour, in em units.
  let cx = 0
  let cy = 0
  let sx = 0
  let sy = 0
  let open = false
  for (const { command, args } of glyph.path.commands) {
    const a = args.map((value) => value * k)
    if (command === 'moveTo') {
      if (open) ops.push({ op: 'h' })
      const [x = 0, y = 0] = a
      ops.push({ op: 'm', x, y })
      see(x, y)
      cx = sx = x
      cy = sy = y
      open = true
    } else if (command === 'lineTo') {
      const [x = 0, y = 0] = a
      ops.push({ op: 'l', x, y })
      see(x, y)
      cx = x
      cy = y
    } else if (command === 'quadraticCurveTo') {
      const [qx = 0, qy = 0, x = 0, y = 0] = a
      // The cubic with the same curve: control points two thirds of the way to the quadratic's.
      const x1 = cx + (2 / 3) * (qx - cx)
      const y1 = cy + (2 / 3) * (qy - cy)
      const x2 = x + (2 / 3) * (qx - x)
      const y2 = y + (2 / 3) * (qy - y)
      ops.push({ op: 'c', x1, y1, x2, y2, x, y })
      see(x1, y1)
      see(x2, y2)
      see(x, y)
      cx = x
      cy = y
    } else if (command === 'bezierCurveTo') {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0, x = 0, y = 0] = a
      ops.push({ op: 'c', x1, y1, x2, y2, x, y })
      see(x1, y1)
      see(x2, y2)
      see(x, y)
      cx = x
      cy = y
    } else if (command === 'closePath') {
      if (open) ops.push({ op: 'h' })
      open = false
      cx = sx
      cy = sy
    }
  }
  if (open) ops.push({ op: 'h' })
  const outline: Outline = ops.length ? { ops, minX, minY, maxX, maxY } : { ops, minX: 0, minY: 0, maxX: 0, maxY: 0 }
  entry.outlines.set(glyph.id, outline)
  return outline
}

// ── shaping ─────────────────────────────────────────────────────────────

interface PlacedGlyph {
  outline: Outline
  /** origin of the glyph in em units from the line's pen start and baseline */
  x: number
  y: number
}

/** A line shaped at 1 pt: every length is in em units and scales with the size. */
interface ShapedLine {
  glyphs: PlacedGlyph[]
  advance: number
  /** leftmost and rightmost ink (or pen) positions */
  left: number
  right: number
  /** above and below the baseline, at least the main font's ascent and descent */
  ascent: number
  descent: number
  missing: string[]
}

function extent(line: ShapedLine): number {
  return line.right - line.left
}

/** Spaces for tabs and line breaks, one space between words, none at the ends; composed accents. */
function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

function shape(fonts: FontSet, text: string, family: Family, bold: boolean): ShapedLine {
  const chain = FALLBACKS[family][bold ? 'bold' : 'regular']
  const main = fonts.get(chain[0] ?? 'regular')
  const missing: string[] = []
  const addMissing = (character: string): void => {
    if (!missing.includes(character)) missing.push(character)
  }

  // Runs of consecutive characters drawn by the same font; a combining mark stays with its base's font when it can.
  const runs: { name: FontName; text: string }[] = []
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0
    const last = runs[runs.length - 1]
    let name: FontName | undefined
    if (last && /\p{M}/u.test(character) && fonts.get(last.name).font.hasGlyphForCodePoint(codePoint)) name = last.name
    else name = chain.find((candidate) => fonts.get(candidate).font.hasGlyphForCodePoint(codePoint))
    if (!name) {
      addMissing(character)
      continue
    }
    if (last && last.name === name) last.text += character
    else runs.push({ name, text: character })
  }

  const glyphs: PlacedGlyph[] = []
  let pen = 0
  let left = 0
  let right = 0
  let ascent = main.ascent
  let descent = main.descent
  for (const run of runs) {
    const entry = fonts.get(run.name)
    const k = 1 / entry.unitsPerEm
    const shaped = entry.font.layout(run.text)
    ascent = Math.max(ascent, entry.ascent)
    descent = Math.max(descent, entry.descent)
    shaped.glyphs.forEach((glyph, index) => {
      const position = shaped.positions[index]
      if (glyph.id === 0) {
        // Never draw .notdef (an empty box): the character is reported and takes no room.
        addMissing(String.fromCodePoint(...glyph.codePoints))
        return
      }
      const outline = outlineOf(entry, glyph)
      const x = pen + (position?.xOffset ?? 0) * k
      const y = (position?.yOffset ?? 0) * k
      if (outline.ops.length) {
        glyphs.push({ outline, x, y })
        left = Math.min(left, x + outline.minX)
        right = Math.max(right, x + outline.maxX)
        ascent = Math.max(ascent, y + outline.maxY)
        descent = Math.max(descent, -(y + outline.minY))
      }
      pen += (position?.xAdvance ?? glyph.advanceWidth) * k
    })
  }
  right = Math.max(right, pen)
  return { glyphs, advance: pen, left, right, ascent, descent, missing }
}

interface FittedLine {
  shaped: ShapedLine
  size: number
}

/** The line at its size if it fits the width; else condensed; else condensed and smaller; else cut with "…" at the smallest size. */
function fitLine(fonts: FontSet, line: AppearanceLine, availableWidth: number): FittedLine {
  const text = cleanText(line.text)
  const bold = line.bold === true
  const requested = line.size !== undefined && Number.isFinite(line.size) && line.size > 0 ? line.size : DEFAULT_LINE_SIZE
  const normal = shape(fonts, text, 'normal', bold)
  if (extent(normal) * requested <= availableWidth) return { shaped: normal, size: requested }
  const condensed = shape(fonts, text, 'condensed', bold)
  if (extent(condensed) * requested <= availableWidth) return { shaped: condensed, size: requested }
  const smallest = Math.min(MIN_LINE_SIZE, requested)
  const shrunk = Math.floor((availableWidth / extent(condensed)) * 100) / 100
  if (shrunk >= smallest) return { shaped: condensed, size: shrunk }

  // Too long even at the smallest size: keep as many whole characters (graphemes) as fit before an ellipsis.
  const graphemes = Array.from(new Intl.Segmenter('es-MX', { granularity: 'grapheme' }).segment(text), (part) => part.segment)
  const cut = (count: number): ShapedLine => shape(fonts, `${graphemes.slice(0, count).join('').trimEnd()}${ELLIPSIS}`, 'condensed', bold)
  let low = 0
  let high = graphemes.length - 1
  let best = cut(0)
  while (low <= high) {
    const middle = Math.floor((low + high) / 2)
    const candidate = cut(middle)
    if (extent(candidate) * smallest <= availableWidth) {
      best = candidate
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  // Characters cut away are not drawn either, but they are not missing from the fonts: report only what the full line lacked.
  best.missing = condensed.missing
  const size = extent(best) * smallest <= availableWidth ? smallest : Math.floor((availableWidth / extent(best)) * 100) / 100
  return { shaped: best, size }
}

// ── the content stream ──────────────────────────────────────────────────

/** A PDF number with at most two decimals, never in exponent notation, never "-0". */
function num(value: number): string {
  const text = value.toFixed(2).replace(/\.?0+$/, '')
  return text === '-0' || text === '' ? '0' : text
}

function emitGlyph(out: string[], glyph: PlacedGlyph, originX: number, baseline: number, size: number): void {
  const px = (x: number): string => num(originX + (glyph.x + x) * size)
  const py = (y: number): string => num(baseline + (glyph.y + y) * size)
  const parts: string[] = []
  for (const op of glyph.outline.ops) {
    if (op.op === 'h') parts.push('h')
    else if (op.op === 'c') parts.push(`${px(op.x1)} ${py(op.y1)} ${px(op.x2)} ${py(op.y2)} ${px(op.x)} ${py(op.y)} c`)
    else parts.push(`${px(op.x)} ${py(op.y)} ${op.op}`)
  }
  // Non-zero winding: a glyph's overlapping contours (a base and its accent) add up instead of cancelling.
  parts.push('f')
  out.push(parts.join(' '))
}

/** The appearance stream of a signature box showing `lines`, top-down and left-aligned. */
export function buildSignatureAppearance(input: { width: number; height: number; lines: AppearanceLine[]; fontsDir?: string }): SignatureAppearance {
  const { width, height } = input
  if (!Number.isFinite(width) || !Number.isFinite(height) || width < MIN_BOX.width || height < MIN_BOX.height || width > MAX_BOX || height > MAX_BOX) {
    throw new AppError(
      'VALIDACION',
      `El recuadro de la firma visible mide ${String(width)} × ${String(height)} puntos; debe medir entre ${MIN_BOX.width} × ${MIN_BOX.height} y ${MAX_BOX} × ${MAX_BOX}.`,
    )
  }
  const fonts = new FontSet(resolve(input.fontsDir ?? defaultFontsDir()))
  const padding = Math.max(1.5, Math.min(3, width * 0.04, height * 0.06))
  const availableWidth = width - 2 * padding
  const availableHeight = height - 2 * padding

  const fitted = input.lines.map((line) => fitLine(fonts, line, availableWidth))
  const total = fitted.reduce((sum, line) => sum + (line.shaped.ascent + line.shaped.descent) * line.size, 0)
  // Too tall: every line shrinks by the same factor (narrower too, so the widths still fit).
  const scale = total > availableHeight ? Math.floor((availableHeight / total) * 10_000) / 10_000 : 1

  const inner = { x: BORDER_INSET, y: BORDER_INSET, w: width - 2 * BORDER_INSET, h: height - 2 * BORDER_INSET }
  const out: string[] = [
    'q',
    `${num(BACKGROUND_GRAY)} g ${num(inner.x)} ${num(inner.y)} ${num(inner.w)} ${num(inner.h)} re f`,
    `${num(BORDER_WIDTH)} w ${num(BORDER_GRAY)} G ${num(inner.x)} ${num(inner.y)} ${num(inner.w)} ${num(inner.h)} re S`,
    `${num(TEXT_GRAY)} g`,
  ]
  const missing: string[] = []
  let top = height - padding
  for (const { shaped, size: fittedSize } of fitted) {
    const size = fittedSize * scale
    const baseline = top - shaped.ascent * size
    const originX = padding - shaped.left * size
    for (const glyph of shaped.glyphs) emitGlyph(out, glyph, originX, baseline, size)
    for (const character of shaped.missing) if (!missing.includes(character)) missing.push(character)
    top -= (shaped.ascent + shaped.descent) * size
  }
  out.push('Q')
  return { content: Buffer.from(`${out.join('\n')}\n`, 'latin1'), width, height, missing }
}

// ── the standard lines ──────────────────────────────────────────────────

/** "2 de diciembre de 2026, 10:15 h (hora del centro de México)". */
export function appearanceDateTime(instant: Date): string {
  return `${spanishDate(mexicoDate(instant))}, ${mexicoTime(instant)} h (hora del centro de México)`
}

/** The lines of a signature box: who signed, with which certificate, when and why. */
export function signatureAppearanceLines(input: { signer: string; rfc?: string; serialNumber: string; signingTime: Date; reason?: string }): AppearanceLine[] {
  const lines: AppearanceLine[] = [{ text: 'Firmado digitalmente por' }, { text: input.signer, bold: true, size: 10 }]
  if (input.rfc?.trim()) lines.push({ text: `RFC: ${input.rfc.trim()}` })
  lines.push({ text: `Certificado núm. ${input.serialNumber}` })
  lines.push({ text: `Fecha: ${appearanceDateTime(input.signingTime)}` })
  if (input.reason?.trim()) lines.push({ text: `Motivo: ${input.reason.trim()}` })
  return lines
}
