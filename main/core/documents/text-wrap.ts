/**
 * Line breaking for the documents, independent of pdfkit: the layout measures
 * and breaks every line itself so it always knows where a page ends, and pdfkit
 * only draws lines that already fit (it never adds a page on its own).
 *
 * Text is a list of runs (each with its own font and colour); a word may span
 * runs ("STL-SO03-2026-02" in bold followed by "." in regular stays glued). A
 * word wider than the line (a long link) is broken between characters.
 */
import type { FontName } from './fonts'

export interface Run {
  text: string
  font?: FontName
  color?: string
}

/** Plain text, or runs with their own font or colour. */
export type RichText = string | readonly Run[]

export interface Piece {
  text: string
  font: FontName
  color: string | undefined
  width: number
  /** A space separates this piece from the previous one on the line. */
  spaceBefore: boolean
}

export interface Line {
  pieces: Piece[]
  /** Width of the pieces and the single spaces between them. */
  width: number
  /** Number of spaces between pieces (the places justification stretches). */
  spaces: number
  /** Last line of a paragraph or before a forced break: never justified. */
  last: boolean
  /** The line ends inside a word (a long key or link broken after a hyphen): no space follows it. */
  endsInWord: boolean
  /** The last line of the whole text. */
  final: boolean
}

export interface Measurer {
  width(text: string, font: FontName): number
}

interface Unit {
  pieces: Piece[]
  width: number
  spaceBefore: boolean
}

type Token = { kind: 'word'; text: string; font: FontName; color: string | undefined } | { kind: 'space' } | { kind: 'break' }

export function toRuns(text: RichText): readonly Run[] {
  return typeof text === 'string' ? [{ text }] : text
}

function tokenize(text: RichText, defaultFont: FontName): Token[] {
  const tokens: Token[] = []
  for (const run of toRuns(text)) {
    const font = run.font ?? defaultFont
    // Only ordinary spaces and tabs separate words; a no-break space glues.
    for (const match of run.text.replace(/\r\n?/g, '\n').matchAll(/\n|[ \t]+|[^ \t\n]+/g)) {
      const value = match[0]
      if (value === '\n') tokens.push({ kind: 'break' })
      else if (/^[ \t]+$/.test(value)) tokens.push({ kind: 'space' })
      else tokens.push({ kind: 'word', text: value, font, color: run.color })
    }
  }
  return tokens
}

/** Groups tokens into unbreakable units (words, glued across runs) and forced breaks. */
function units(tokens: Token[], measurer: Measurer): (Unit | 'break')[] {
  const out: (Unit | 'break')[] = []
  let current: Unit | null = null
  let pendingSpace = false
  for (const token of tokens) {
    if (token.kind === 'break') {
      if (current) out.push(current)
      current = null
      pendingSpace = false
      out.push('break')
    } else if (token.kind === 'space') {
      if (current) out.push(current)
      current = null
      pendingSpace = true
    } else {
      const piece: Piece = { text: token.text, font: token.font, color: token.color, width: measurer.width(token.text, token.font), spaceBefore: false }
      if (current) {
        current.pieces.push(piece)
        current.width += piece.width
      } else {
        current = { pieces: [piece], width: piece.width, spaceBefore: pendingSpace }
        pendingSpace = false
      }
    }
  }
  if (current) out.push(current)
  return out
}

/**
 * Breaks one unit wider than the line into chunks that fit: after a hyphen or
 * a slash when possible (keys, links), otherwise between characters.
 */
function splitUnit(unit: Unit, maxWidth: number, measurer: Measurer): Unit[] {
  const atoms = atomsOf(unit, measurer)
  const chunks: Unit[] = []
  let chunk: Unit = { pieces: [], width: 0, spaceBefore: unit.spaceBefore }
  const flush = (): void => {
    if (chunk.pieces.length > 0) chunks.push(chunk)
    chunk = { pieces: [], width: 0, spaceBefore: false }
  }
  const append = (atom: Piece): void => {
    chunk.pieces.push(atom)
    chunk.width += atom.width
  }
  for (const atom of atoms) {
    if (chunk.width + atom.width <= maxWidth + 0.01) {
      append(atom)
      continue
    }
    if (atom.width <= maxWidth) {
      flush()
      append(atom)
      continue
    }
    // Still too wide: fill the current line character by character.
    let text = ''
    for (const char of Array.from(atom.text)) {
      const candidate = text + char
      if (chunk.width + measurer.width(candidate, atom.font) > maxWidth && (text.length > 0 || chunk.pieces.length > 0)) {
        if (text) append({ ...atom, text, width: measurer.width(text, atom.font) })
        flush()
        text = char
      } else {
        text = candidate
      }
    }
    if (text) append({ ...atom, text, width: measurer.width(text, atom.font) })
  }
  flush()
  // Adjacent atoms of the same run are drawn as one piece again.
  return chunks.map((entry) => ({ ...entry, pieces: mergePieces(entry.pieces) }))
}

/** The unit cut after each hyphen or slash (not inside "//" nor right after "https://"). */
function atomsOf(unit: Unit, measurer: Measurer): Piece[] {
  const atoms: Piece[] = []
  for (const piece of unit.pieces) {
    // Never right after "://" nor between two delimiters.
    for (const part of piece.text.split(/(?<=[-/])(?<!:\/\/)(?![-/])/)) {
      if (part) atoms.push({ ...piece, text: part, width: measurer.width(part, piece.font), spaceBefore: false })
    }
  }
  return atoms
}

/** The longest start of `unit`, cut after a hyphen or slash, that fits in `room`; null when none does. */
function takeHead(unit: Unit, room: number, measurer: Measurer): { head: Unit; rest: Unit } | null {
  const atoms = atomsOf(unit, measurer)
  let width = 0
  let count = 0
  while (count < atoms.length - 1) {
    const atom = atoms[count]
    if (!atom || width + atom.width > room + 0.01) break
    width += atom.width
    count++
  }
  if (count === 0) return null
  const head = mergePieces(atoms.slice(0, count))
  const rest = mergePieces(atoms.slice(count))
  return {
    head: { pieces: head, width, spaceBefore: unit.spaceBefore },
    rest: { pieces: rest, width: rest.reduce((sum, piece) => sum + piece.width, 0), spaceBefore: false },
  }
}

function mergePieces(pieces: readonly Piece[]): Piece[] {
  const merged: Piece[] = []
  for (const piece of pieces) {
    const last = merged[merged.length - 1]
    if (last && last.font === piece.font && last.color === piece.color && !piece.spaceBefore) {
      merged[merged.length - 1] = { ...last, text: last.text + piece.text, width: last.width + piece.width }
    } else merged.push({ ...piece })
  }
  return merged
}

/** Greedy line breaking of `text` into lines no wider than `maxWidth`. */
export function wrapText(text: RichText, maxWidth: number, defaultFont: FontName, measurer: Measurer): Line[] {
  const lines: Line[] = []
  let line: Line = { pieces: [], width: 0, spaces: 0, last: false, endsInWord: false, final: false }
  const push = (last: boolean, endsInWord = false): void => {
    line.last = last
    line.endsInWord = endsInWord
    lines.push(line)
    line = { pieces: [], width: 0, spaces: 0, last: false, endsInWord: false, final: false }
  }
  const add = (unit: Unit, withSpace: boolean, spaceWidth: number): void => {
    unit.pieces.forEach((piece, index) => line.pieces.push({ ...piece, spaceBefore: index === 0 && withSpace }))
    line.width += unit.width + (withSpace ? spaceWidth : 0)
    if (withSpace) line.spaces++
  }
  for (let unit of units(tokenize(text, defaultFont), measurer)) {
    if (unit === 'break') {
      push(true)
      continue
    }
    const first = unit.pieces[0]
    const spaceWidth = first ? measurer.width(' ', first.font) : 0
    const withSpace = line.pieces.length > 0 && unit.spaceBefore
    if (line.width + (withSpace ? spaceWidth : 0) + unit.width <= maxWidth + 0.01) {
      add(unit, withSpace, spaceWidth)
      continue
    }
    // A long link or key that does not fit: fill the line up to a hyphen or slash, rather than leave a gap.
    const head = line.pieces.length > 0 && unit.width > maxWidth * 0.25 ? takeHead(unit, maxWidth - line.width - (withSpace ? spaceWidth : 0), measurer) : null
    if (head) {
      add(head.head, withSpace, spaceWidth)
      push(false, true)
      unit = head.rest
    }
    if (unit.width <= maxWidth) {
      if (line.pieces.length > 0) push(false)
      add(unit, false, spaceWidth)
    } else {
      // Too wide for any line: start it on a fresh line and break it between characters.
      if (line.pieces.length > 0) push(false)
      const chunks = splitUnit(unit, maxWidth, measurer)
      chunks.forEach((chunk, index) => {
        add(chunk, false, spaceWidth)
        if (index < chunks.length - 1) push(false, true)
      })
    }
  }
  if (line.pieces.length > 0 || lines.length === 0) push(true)
  const lastLine = lines[lines.length - 1]
  if (lastLine) lastLine.final = true
  return lines
}

/** Paragraphs of a long text: blank lines separate them; single line breaks stay inside. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, '').trim())
    .filter((paragraph) => paragraph.length > 0)
}
