/**
 * The part of fontkit 2 (which ships no typings) that the signature
 * appearance uses: open a TrueType font, shape a string, read glyph outlines.
 */
declare module 'fontkit' {
  export interface BBox {
    minX: number
    minY: number
    maxX: number
    maxY: number
  }

  export type PathCommandName = 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'

  export interface PathCommand {
    command: PathCommandName
    /** Coordinates in font units, y up: moveTo/lineTo (x, y), quadraticCurveTo (cx, cy, x, y), bezierCurveTo (c1x, c1y, c2x, c2y, x, y). */
    args: number[]
  }

  export interface Path {
    commands: PathCommand[]
    bbox: BBox
  }

  export interface Glyph {
    /** 0 is `.notdef`: the font has no glyph for these code points. */
    id: number
    codePoints: number[]
    name: string
    path: Path
    bbox: BBox
    advanceWidth: number
  }

  export interface GlyphPosition {
    xAdvance: number
    yAdvance: number
    xOffset: number
    yOffset: number
  }

  export interface GlyphRun {
    glyphs: Glyph[]
    positions: GlyphPosition[]
    advanceWidth: number
  }

  export interface Font {
    postscriptName: string
    familyName: string
    unitsPerEm: number
    ascent: number
    descent: number
    bbox: BBox
    hasGlyphForCodePoint(codePoint: number): boolean
    layout(text: string, features?: string[] | Record<string, boolean>): GlyphRun
  }

  export interface FontCollection {
    fonts: Font[]
    getFont(name: string): Font | null
  }

  export function openSync(filename: string, postscriptName?: string): Font | FontCollection
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection
}
