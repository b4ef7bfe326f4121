/**
 * The visible appearance of a signature: glyph outlines as PDF paths, fitted
 * into the widget's box, judged by parsing the operators and by rendering a
 * hand-written PDF with poppler (pdftoppm) and checking it with qpdf.
 */
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSignatureAppearance, signatureAppearanceLines, type AppearanceLine, type SignatureAppearance } from '../../main/core/signatures/appearance'
import { AppError } from '../../main/core/errors'

const FONTS = resolve(__dirname, '../../resources/fonts')
const SIGNING_TIME = new Date('2026-12-02T16:15:00Z') // 10:15 in Guadalajara (UTC−6)

const STANDARD_LINES: AppearanceLine[] = signatureAppearanceLines({
  signer: 'María Begoña Ibáñez Muñoz',
  rfc: 'IAMB800101AB1',
  serialNumber: '00001000000504465028',
  signingTime: SIGNING_TIME,
  reason: 'Aprobación del acta de la sesión ordinaria',
})

function build(lines: AppearanceLine[], width = 240, height = 80): SignatureAppearance {
  return buildSignatureAppearance({ width, height, lines, fontsDir: FONTS })
}

// ── reading the content stream back ─────────────────────────────────────

interface Point {
  x: number
  y: number
}

interface Parsed {
  operators: string[]
  /** every point named by m, l, c and the corners of re */
  points: Point[]
  /** points of the glyph outlines only (m, l, c) */
  glyphPoints: Point[]
  numbers: string[]
}

const ALLOWED_OPERATORS = new Set(['q', 'Q', 'g', 'G', 'w', 're', 'f', 'S', 'm', 'l', 'c', 'h'])
const OPERAND_COUNT: Record<string, number> = { q: 0, Q: 0, g: 1, G: 1, w: 1, re: 4, f: 0, S: 0, m: 2, l: 2, c: 6, h: 0 }

function parse(content: Buffer): Parsed {
  const tokens = content.toString('latin1').split(/\s+/).filter(Boolean)
  const parsed: Parsed = { operators: [], points: [], glyphPoints: [], numbers: [] }
  let operands: number[] = []
  for (const token of tokens) {
    if (/^-?\d+(\.\d+)?$/.test(token)) {
      operands.push(Number(token))
      parsed.numbers.push(token)
      continue
    }
    parsed.operators.push(token)
    expect(operands.length, `operandos de ${token}`).toBe(OPERAND_COUNT[token] ?? -1)
    if (token === 're') {
      const [x = NaN, y = NaN, w = NaN, h = NaN] = operands
      parsed.points.push({ x, y }, { x: x + w, y: y + h })
    } else if (token === 'm' || token === 'l' || token === 'c') {
      for (let i = 0; i < operands.length; i += 2) {
        const point = { x: operands[i] ?? NaN, y: operands[i + 1] ?? NaN }
        parsed.points.push(point)
        parsed.glyphPoints.push(point)
      }
    }
    operands = []
  }
  expect(operands, 'operandos sin operador al final').toEqual([])
  return parsed
}

function bounds(points: Point[]): { minX: number; minY: number; maxX: number; maxY: number } {
  return {
    minX: Math.min(...points.map((p) => p.x)),
    minY: Math.min(...points.map((p) => p.y)),
    maxX: Math.max(...points.map((p) => p.x)),
    maxY: Math.max(...points.map((p) => p.y)),
  }
}

function expectInsideBox(appearance: SignatureAppearance): void {
  const { points } = parse(appearance.content)
  expect(points.length).toBeGreaterThan(0)
  for (const point of points) {
    expect(point.x, `x de ${JSON.stringify(point)}`).toBeGreaterThanOrEqual(0)
    expect(point.x, `x de ${JSON.stringify(point)}`).toBeLessThanOrEqual(appearance.width)
    expect(point.y, `y de ${JSON.stringify(point)}`).toBeGreaterThanOrEqual(0)
    expect(point.y, `y de ${JSON.stringify(point)}`).toBeLessThanOrEqual(appearance.height)
  }
}

// ── the content ─────────────────────────────────────────────────────────

describe('buildSignatureAppearance', () => {
  it('dibuja sólo trayectos y estado gráfico: ni texto ni fuentes', () => {
    const appearance = build(STANDARD_LINES)
    const { operators, numbers } = parse(appearance.content)
    for (const operator of operators) expect(ALLOWED_OPERATORS.has(operator), `operador ${operator}`).toBe(true)
    const text = appearance.content.toString('latin1')
    expect(text).not.toMatch(/\b(BT|ET|Tf|Tj|TJ|Do|gs|cs|CS|sc|scn|rg|RG|k|K)\b/)
    expect(text).not.toContain('/')
    // Glyphs are filled outlines: each begins with m, and curves are cubic (c).
    expect(operators.filter((op) => op === 'm').length).toBeGreaterThan(100)
    expect(operators).toContain('c')
    expect(operators.filter((op) => op === 'f').length).toBeGreaterThan(100)
    expect(operators[0]).toBe('q')
    expect(operators[operators.length - 1]).toBe('Q')
    for (const number of numbers) expect(number).toMatch(/^-?\d+(\.\d{1,3})?$/)
    expect(appearance.width).toBe(240)
    expect(appearance.height).toBe(80)
    expect(appearance.missing).toEqual([])
  })

  it('cada coordenada queda dentro del recuadro, también en recuadros de otros tamaños', () => {
    expectInsideBox(build(STANDARD_LINES))
    expectInsideBox(build(STANDARD_LINES, 150, 50))
    expectInsideBox(build(STANDARD_LINES, 400, 60))
    expectInsideBox(build(STANDARD_LINES, 120, 120))
    const many = Array.from({ length: 14 }, (_, i): AppearanceLine => ({ text: `Renglón ${i + 1}: jÁgÜy ÑÇ`, size: 9 }))
    expectInsideBox(build(many))
  })

  it('deja el margen: la tinta del texto empieza y termina dentro del borde', () => {
    const { glyphPoints } = parse(build(STANDARD_LINES).content)
    const box = bounds(glyphPoints)
    expect(box.minX).toBeGreaterThanOrEqual(2)
    expect(box.maxX).toBeLessThanOrEqual(238)
    expect(box.minY).toBeGreaterThanOrEqual(2)
    expect(box.maxY).toBeLessThanOrEqual(78)
    // Left-aligned, top-down: the text starts near the left edge and the top.
    expect(box.minX).toBeLessThan(6)
    expect(box.maxY).toBeGreaterThan(70)
  })

  it('un nombre más largo se reduce hasta caber en el ancho', () => {
    const short = 'Ana Ibáñez '
    const long = short.repeat(5)
    const shortInk = bounds(parse(build([{ text: short, bold: true, size: 10 }]).content).glyphPoints)
    const longAppearance = build([{ text: long, bold: true, size: 10 }])
    const longInk = bounds(parse(longAppearance.content).glyphPoints)
    // The same glyphs, so the ink's height is proportional to the size.
    const shortHeight = shortInk.maxY - shortInk.minY
    const longHeight = longInk.maxY - longInk.minY
    expect(longHeight).toBeLessThan(shortHeight * 0.8)
    expect(longHeight).toBeGreaterThan(shortHeight * 0.3)
    expect(longInk.maxX).toBeLessThanOrEqual(240 - 2)
    // And it uses the width it has: it was shrunk to fit, not to a fixed small size.
    expect(longInk.maxX).toBeGreaterThan(240 * 0.9)
    expectInsideBox(longAppearance)
  })

  it('las letras quedan derechas y sin reflejar, con el acento encima', () => {
    // «L»: the stem on the left reaches the top, the foot spans the bottom to the right.
    const points = parse(build([{ text: 'L', size: 40 }]).content).glyphPoints
    const ink = bounds(points)
    const near = (value: number, target: number): boolean => Math.abs(value - target) < 0.5
    const top = bounds(points.filter((p) => near(p.y, ink.maxY)))
    const bottom = bounds(points.filter((p) => near(p.y, ink.minY)))
    expect(bottom.maxX - bottom.minX).toBeGreaterThan(2 * (top.maxX - top.minX))
    expect(top.maxX).toBeLessThan(ink.minX + (ink.maxX - ink.minX) / 2)
    // «Á» is «A» with ink above it, on the same baseline.
    const plain = bounds(parse(build([{ text: 'A', size: 20 }]).content).glyphPoints)
    const accented = bounds(parse(build([{ text: 'Á', size: 20 }]).content).glyphPoints)
    expect(accented.minY).toBeCloseTo(plain.minY, 1)
    expect(accented.maxY).toBeGreaterThan(plain.maxY + 2)
  })

  it('un renglón corto conserva su tamaño', () => {
    const at10 = bounds(parse(build([{ text: 'Ana', bold: true, size: 10 }]).content).glyphPoints)
    const at20 = bounds(parse(build([{ text: 'Ana', bold: true, size: 20 }]).content).glyphPoints)
    expect((at20.maxY - at20.minY) / (at10.maxY - at10.minY)).toBeCloseTo(2, 1)
  })

  it('si los renglones no caben en la altura, todos se reducen juntos', () => {
    const line: AppearanceLine = { text: 'Certificado núm. 0001', size: 8 }
    const one = bounds(parse(build([line]).content).glyphPoints)
    const twenty = build(Array.from({ length: 20 }, () => line))
    const all = bounds(parse(twenty.content).glyphPoints)
    expect(all.maxY - all.minY).toBeLessThanOrEqual(80)
    expectInsideBox(twenty)
    // Same text on every line: the first line alone is now narrower than before.
    expect(all.maxX).toBeLessThan(one.maxX * 0.6)
  })

  it('el mismo contenido da los mismos bytes; otro texto, otro contenido', () => {
    const first = build(STANDARD_LINES)
    const second = build(STANDARD_LINES.map((line) => ({ ...line })))
    expect(second.content.equals(first.content)).toBe(true)
    const other = build(STANDARD_LINES.map((line, i) => (i === 1 ? { ...line, text: 'María Begoña Ibáñez Muñiz' } : line)))
    expect(other.content.equals(first.content)).toBe(false)
    const otherBox = build(STANDARD_LINES, 200, 80)
    expect(otherBox.content.equals(first.content)).toBe(false)
  })

  it('informa los caracteres que ninguna fuente dibuja y no dibuja nada en su lugar', () => {
    const withMissing = build([{ text: 'AB\uE000C\u{1F642}D\uE000', bold: true }])
    expect(withMissing.missing).toEqual(['\uE000', '\u{1F642}'])
    const without = build([{ text: 'ABCD', bold: true }])
    expect(without.missing).toEqual([])
    // Not a .notdef box nor any other glyph: exactly what the text without them draws.
    expect(withMissing.content.equals(without.content)).toBe(true)
    const everyLine = build([{ text: 'x\uE000' }, { text: '\uE000y\u{10FFFD}' }])
    expect(everyLine.missing).toEqual(['\uE000', '\u{10FFFD}'])
  })

  it('compone acentos: la letra descompuesta se dibuja igual que la compuesta', () => {
    const composed = build([{ text: 'Muñoz Ibáñez' }])
    const decomposed = build([{ text: 'Mun\u0303oz Iba\u0301n\u0303ez' }])
    expect(decomposed.content.equals(composed.content)).toBe(true)
    expect(decomposed.missing).toEqual([])
  })

  it('un renglón que no cabe ni con la letra mínima se corta con puntos suspensivos, dentro del recuadro', () => {
    const endless = build([{ text: 'Nombre '.repeat(80) }], 120, 40)
    expectInsideBox(endless)
    const ink = bounds(parse(endless.content).glyphPoints)
    expect(ink.maxX).toBeLessThanOrEqual(118)
    expect(endless.missing).toEqual([])
  })

  it('sin renglones dibuja sólo el fondo y el borde', () => {
    const empty = build([])
    expect(parse(empty.content).glyphPoints).toEqual([])
    expect(parse(empty.content).operators).toEqual(['q', 'g', 're', 'f', 'w', 'G', 're', 'S', 'g', 'Q'])
  })

  it('rechaza un recuadro sin medidas válidas', () => {
    for (const [width, height] of [
      [0, 80],
      [240, -1],
      [Number.NaN, 80],
      [240, Number.POSITIVE_INFINITY],
      [4, 4],
    ] as const) {
      expect(() => build(STANDARD_LINES, width, height)).toThrow(AppError)
    }
  })

  it('encuentra las fuentes sin que se le indique la carpeta', () => {
    const found = buildSignatureAppearance({ width: 240, height: 80, lines: STANDARD_LINES })
    expect(found.content.equals(build(STANDARD_LINES).content)).toBe(true)
  })
})

describe('signatureAppearanceLines', () => {
  it('arma los renglones con la fecha en la hora del centro de México', () => {
    expect(STANDARD_LINES).toEqual([
      { text: 'Firmado digitalmente por' },
      { text: 'María Begoña Ibáñez Muñoz', bold: true, size: 10 },
      { text: 'RFC: IAMB800101AB1' },
      { text: 'Certificado núm. 00001000000504465028' },
      { text: 'Fecha: 2 de diciembre de 2026, 10:15 h (hora del centro de México)' },
      { text: 'Motivo: Aprobación del acta de la sesión ordinaria' },
    ])
  })

  it('omite el RFC y el motivo cuando no los hay', () => {
    const lines = signatureAppearanceLines({ signer: 'Juan Pérez', serialNumber: '1234', signingTime: new Date('2026-01-05T23:05:00Z'), rfc: '  ' })
    expect(lines.map((line) => line.text)).toEqual(['Firmado digitalmente por', 'Juan Pérez', 'Certificado núm. 1234', 'Fecha: 5 de enero de 2026, 17:05 h (hora del centro de México)'])
  })
})

// ── rendered by poppler ─────────────────────────────────────────────────

const PAGE = { width: 300, height: 120 }
const AT = { x: 30, y: 20 }
const DPI = 100

/** A one-page PDF whose page draws the appearance as the XObject /Sig at `AT`, with a correct cross-reference table. */
function pdfWith(appearance: SignatureAppearance): Buffer {
  const pageContent = Buffer.from(`q 1 0 0 1 ${AT.x} ${AT.y} cm /Sig Do Q\n`, 'latin1')
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'),
    Buffer.from(`<< /Type /Pages /Kids [3 0 R] /Count 1 >>`, 'latin1'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /XObject << /Sig 5 0 R >> >> /Contents 4 0 R >>`, 'latin1'),
    Buffer.concat([Buffer.from(`<< /Length ${pageContent.length} >>\nstream\n`, 'latin1'), pageContent, Buffer.from('endstream', 'latin1')]),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Form /BBox [0 0 ${appearance.width} ${appearance.height}] /Resources << >> /Length ${appearance.content.length} >>\nstream\n`,
        'latin1',
      ),
      appearance.content,
      Buffer.from('endstream', 'latin1'),
    ]),
  ]
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let offset = parts[0]?.length ?? 0
  const offsets: number[] = []
  objects.forEach((body, index) => {
    offsets.push(offset)
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')])
    parts.push(object)
    offset += object.length
  })
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n')
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'))
  return Buffer.concat(parts)
}

interface Gray {
  width: number
  height: number
  pixels: Buffer
}

/** Renders the page to an 8-bit grey map (binary PGM, whose header is plain text). */
function render(file: string, prefix: string): Promise<Gray> {
  const result = spawnSync('pdftoppm', ['-r', String(DPI), '-gray', '-singlefile', file, prefix], { encoding: 'utf8' })
  if (result.error) throw result.error
  expect(result.status, result.stderr).toBe(0)
  return readFile(`${prefix}.pgm`).then((data) => {
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'))
    if (!header) throw new Error('pdftoppm no escribió un PGM binario')
    const [whole, width = '0', height = '0', max] = header
    expect(max).toBe('255')
    return { width: Number(width), height: Number(height), pixels: data.subarray(whole.length) }
  })
}

/** Pixels darker than mid-grey inside a rectangle given in page points (y up). */
function darkPixels(image: Gray, rect: { x: number; y: number; width: number; height: number }): number {
  const k = DPI / 72
  const x0 = Math.floor(rect.x * k)
  const x1 = Math.ceil((rect.x + rect.width) * k)
  const y0 = Math.floor((PAGE.height - rect.y - rect.height) * k)
  const y1 = Math.ceil((PAGE.height - rect.y) * k)
  let count = 0
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(image.width, x1); x++) {
      if ((image.pixels[y * image.width + x] ?? 255) < 128) count++
    }
  }
  return count
}

describe('la firma visible, dibujada por poppler', () => {
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'secretariado-appearance-'))
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('qpdf acepta el PDF y el texto se ve dentro del recuadro, arriba y a la izquierda', async () => {
    const signed = join(folder, 'firma.pdf')
    const blank = join(folder, 'vacia.pdf')
    await writeFile(signed, pdfWith(build(STANDARD_LINES)))
    await writeFile(blank, pdfWith(build([])))

    for (const file of [signed, blank]) {
      const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' })
      if (check.error) throw check.error
      expect(check.stdout).toMatch(/No syntax or stream encoding errors found/)
      expect(check.stdout + check.stderr).not.toMatch(/WARNING/i)
      expect(check.status, check.stdout + check.stderr).toBe(0)
    }

    const text = await render(signed, join(folder, 'firma'))
    const empty = await render(blank, join(folder, 'vacia'))
    expect(text.width).toBe(Math.round((PAGE.width * DPI) / 72))
    const box = { x: AT.x, y: AT.y, width: 240, height: 80 }
    // Inside the border (2 pt in), only the text is dark.
    const inner = { x: AT.x + 2, y: AT.y + 2, width: 236, height: 76 }
    expect(darkPixels(empty, inner)).toBe(0)
    const inked = darkPixels(text, inner)
    expect(inked).toBeGreaterThan(0.04 * ((236 * 76 * DPI * DPI) / 72 / 72))
    // The border shows in both; nothing is drawn outside the box.
    expect(darkPixels(empty, box)).toBeGreaterThan(500)
    const page = { x: 0, y: 0, width: PAGE.width, height: PAGE.height }
    expect(darkPixels(text, page) - darkPixels(text, box)).toBe(0)
    // Top-down and left-aligned: the top line and the left half carry ink, the bold name most of all.
    const topLine = darkPixels(text, { x: AT.x + 2, y: AT.y + 68, width: 100, height: 10 })
    const nameLine = darkPixels(text, { x: AT.x + 2, y: AT.y + 55, width: 120, height: 13 })
    const rightEdge = darkPixels(text, { x: AT.x + 225, y: AT.y + 2, width: 13, height: 76 })
    expect(topLine).toBeGreaterThan(50)
    expect(nameLine).toBeGreaterThan(topLine)
    expect(rightEdge).toBeLessThan(nameLine / 5)
  })
})
