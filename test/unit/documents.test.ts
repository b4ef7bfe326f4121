/**
 * The documents (acta, convocatoria, progress report) judged by the real
 * tools: qpdf for structure, pdffonts for embedding, pdfinfo for PDF/A
 * metadata, pdftotext for the Spanish text and for where every word sits.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderActa } from '../../main/core/documents/acta'
import { renderAttendanceSheet } from '../../main/core/documents/attendance-sheet'
import { renderConvocatoria } from '../../main/core/documents/convocatoria'
import { defaultFontsDir, FONT_FILES } from '../../main/core/documents/fonts'
import { Layout } from '../../main/core/documents/layout'
import { createArchivalDocument, metadataText } from '../../main/core/documents/pdf-document'
import { planForReport, renderReporte } from '../../main/core/documents/reporte'
import { latestHeldSession, nextUpcomingSession, sessionForActa, sessionForConvocatoria } from '../../main/core/documents/select-session'
import { splitParagraphs, wrapText, type Measurer } from '../../main/core/documents/text-wrap'
import { agreementState } from '../../main/core/domain/progress'
import { sessionKey, sessionTitle } from '../../main/core/domain/session-title'
import { AppError } from '../../main/core/errors'
import type { Data } from '../../main/core/model/schema'
import { serializeData } from '../../main/core/store/data-format'
import { demoData, largeActaData, NOW, pageCount, textOf, TODAY, tool, wordBoxes } from './documents-helpers'
import { tempFolder } from './helpers'
import { CLI } from '../support/cli'

const ROOT = resolve(__dirname, '../..')

/** qpdf's verdict: exit 0 and not a single warning. */
function expectQpdfClean(file: string): void {
  const result = tool('qpdf', '--check', file)
  expect(result.stderr, 'qpdf no debe advertir nada').toBe('')
  expect(result.stdout).not.toMatch(/WARNING/i)
  expect(result.stdout).toMatch(/No syntax or stream encoding errors found/)
  expect(result.status, result.stdout).toBe(0)
}

/** Every font embedded (and a subset), none of the standard 14. */
function expectFontsEmbedded(file: string): void {
  const lines = tool('pdffonts', file).stdout.trim().split('\n').slice(2)
  expect(lines.length).toBeGreaterThan(0)
  for (const line of lines) {
    // name type encoding emb sub uni object ID: the three yes/no columns precede the object number.
    const flags = /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line)
    expect(flags, line).not.toBeNull()
    expect(flags?.[1], `fuente sin incrustar: ${line}`).toBe('yes')
    expect(line).toMatch(/DejaVuSans/)
    expect(line).not.toMatch(/Helvetica|Times|Courier/)
  }
}

/** PDF/A-2b identification, output intent, language, tagging, title and author. */
async function expectArchival(file: string, title: string): Promise<void> {
  const meta = tool('pdfinfo', '-meta', file).stdout
  expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/)
  expect(meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/)
  expect(meta).toContain(`<rdf:li xml:lang="x-default">${title}</rdf:li>`)
  const info = tool('pdfinfo', file).stdout
  expect(info).toMatch(new RegExp(`^Title:\\s+${title}$`, 'm'))
  expect(info).toMatch(/^Author:\s+Secretariado Técnico Local · Gobierno Abierto Jalisco$/m)
  expect(info).toMatch(/^Tagged:\s+yes$/m)
  expect(info).toMatch(/^PDF version:\s+1\.7$/m)
  expect(info).toMatch(/^Page size:\s+612 x 792 pts \(letter\)$/m)
  // pdfkit writes no object streams: the catalogue's entries can be read in the bytes.
  const bytes = (await readFile(file)).toString('latin1')
  expect(bytes).toMatch(/\/OutputIntents \[\d+ 0 R\]/)
  expect(bytes).toMatch(/\/S \/GTS_PDFA1/)
  expect(bytes).toContain('/Lang (es-MX)')
  expect(bytes).toMatch(/\/MarkInfo \d+ 0 R/)
  expect(bytes).toMatch(/\/StructTreeRoot \d+ 0 R/)
}

/** Every page says "Página i de N" and carries `footer`; no word lies outside the page or the frame. */
function expectPagesNumberedAndInside(file: string, footer: string): number {
  const pages = pageCount(file)
  expect(pages).toBeGreaterThan(0)
  for (let page = 1; page <= pages; page++) {
    const text = textOf(file, page)
    expect(text, `página ${page}`).toContain(`Página ${page} de ${pages}`)
    expect(text, `página ${page}`).toContain(footer)
  }
  const { pages: sizes, words } = wordBoxes(file)
  expect(sizes).toHaveLength(pages)
  for (const word of words) {
    const size = sizes[word.page - 1]
    expect(size).toBeDefined()
    const where = `«${word.text}» en la página ${word.page} (${word.xMin}, ${word.yMin})–(${word.xMax}, ${word.yMax})`
    // Inside the page, and inside the margins (64 pt each side).
    expect(word.xMin, where).toBeGreaterThanOrEqual(63)
    expect(word.xMax, where).toBeLessThanOrEqual((size?.width ?? 0) - 63)
    expect(word.yMin, where).toBeGreaterThanOrEqual(30)
    expect(word.yMax, where).toBeLessThanOrEqual((size?.height ?? 0) - 30)
    // Body text stays between the running header (ends at 54 pt) and the footer (starts at 734 pt).
    const running = word.yMax <= 56 || word.yMin >= 736
    if (!running) {
      expect(word.yMin, where).toBeGreaterThanOrEqual(83)
      expect(word.yMax, where).toBeLessThanOrEqual(723)
    }
  }
  return pages
}

// The documents are written once per group (beforeAll) and read by several tests, so they live
// in a folder of their own for the whole file (tempFolder() is emptied after every test).
let outputFolder = ''
beforeAll(async () => {
  outputFolder = await mkdtemp(join(tmpdir(), 'secretariado-documentos-'))
})
afterAll(async () => {
  if (outputFolder) await rm(outputFolder, { recursive: true, force: true })
})

async function writeTemp(name: string, bytes: Buffer): Promise<string> {
  const file = join(outputFolder, name)
  await writeFile(file, bytes)
  return file
}

describe('tipografías', () => {
  it('las fuentes DejaVu y su licencia están en resources/fonts y se encuentran desde el código fuente', () => {
    const dir = defaultFontsDir()
    expect(dir).toBe(join(ROOT, 'resources/fonts'))
    for (const file of Object.values(FONT_FILES)) expect(existsSync(join(dir, file)), file).toBe(true)
    expect(existsSync(join(dir, 'LICENSE'))).toBe(true)
  })

  it('una carpeta de fuentes incompleta se rechaza con un mensaje en español', () => {
    expect(() => createArchivalDocument({ title: 't', author: 'a', subject: 's' }, { fontsDir: '/no/existe' })).toThrow(/Faltan fuentes tipográficas/)
  })

  it('los metadatos se limpian para que Info y XMP coincidan y el XML sea válido', () => {
    expect(metadataText('Datos & <abiertos>\n2026')).toBe('Datos y abiertos 2026')
  })
})

describe('partición de líneas', () => {
  // A monospaced measurer: 1 point per character.
  const mono: Measurer = { width: (text) => Array.from(text).length }

  it('ninguna línea excede el ancho; los saltos forzados y los párrafos se respetan', () => {
    const lines = wrapText('uno dos tres cuatro cinco seis siete\nocho', 12, 'regular', mono)
    expect(lines.map((line) => line.pieces.map((piece) => (piece.spaceBefore ? ' ' : '') + piece.text).join(''))).toEqual(['uno dos tres', 'cuatro cinco', 'seis siete', 'ocho'])
    expect(lines.every((line) => line.width <= 12)).toBe(true)
    expect(lines.map((line) => line.last)).toEqual([false, false, true, true])
    expect(splitParagraphs('uno\n\n\n dos\ntres \n\n')).toEqual(['uno', 'dos\ntres'])
  })

  it('una clave o un enlace largos se cortan tras un guion o una diagonal, y si no, entre caracteres', () => {
    const key = wrapText('STL-SO10-2026-01', 10, 'regular', mono).map((line) => line.pieces.map((piece) => piece.text).join(''))
    expect(key).toEqual(['STL-SO10-', '2026-01'])
    const word = wrapText('abcdefghijklmnopqrstuvwxyz', 10, 'regular', mono).map((line) => line.pieces.map((piece) => piece.text).join(''))
    expect(word).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz'])
    const link = wrapText('ver https://example.org/datos/abiertos', 20, 'regular', mono)
    expect(link.every((line) => line.width <= 20)).toBe(true)
    expect(link.map((line) => line.pieces.map((piece) => piece.text).join('')).join('')).toBe('verhttps://example.org/datos/abiertos')
  })

  it('las partes en negritas se mantienen unidas a la puntuación que sigue', () => {
    const lines = wrapText([{ text: 'Clave', font: 'bold' }, { text: '. Texto' }], 40, 'regular', mono)
    expect(lines[0]?.pieces.map((piece) => [piece.text, piece.font, piece.spaceBefore])).toEqual([
      ['Clave', 'bold', false],
      ['.', 'regular', false],
      ['Texto', 'regular', true],
    ])
  })
})

describe('selección de sesión', () => {
  const data = demoData()

  it('«latest» es la sesión celebrada más reciente y «next» la próxima por celebrar', () => {
    expect(latestHeldSession(data.sessions)?.id).toBe('ses-2026-so10')
    expect(nextUpcomingSession(data.sessions, TODAY)?.id).toBe('ses-2026-so11')
    expect(nextUpcomingSession(data.sessions, '2030-01-01')).toBeNull()
    expect(sessionForActa(data, 'latest').id).toBe('ses-2026-so10')
    expect(sessionForConvocatoria(data, 'next', TODAY).id).toBe('ses-2026-so11')
  })

  it('una sesión inexistente o sin datos para el documento se rechaza en español', () => {
    const refusal = (action: () => unknown): string => {
      try {
        action()
      } catch (error) {
        expect(error).toBeInstanceOf(AppError)
        return (error as AppError).message
      }
      throw new Error('se esperaba un rechazo')
    }
    expect(refusal(() => sessionForActa(data, 'ses-no-existe'))).toBe('No existe la sesión «ses-no-existe».')
    expect(refusal(() => sessionForActa(data, 'ses-2026-so11'))).toMatch(/Décima Primera Sesión Ordinaria 2026 está convocada y aún no se celebra/)
    expect(refusal(() => sessionForActa(data, 'ses-2026-se01'))).toMatch(/fue cancelada/)
    expect(refusal(() => sessionForConvocatoria(data, 'ses-2026-so03', TODAY))).toMatch(/Tercera Sesión Ordinaria 2026 ya concluyó/)
    expect(refusal(() => sessionForConvocatoria(data, 'next', '2030-01-01'))).toMatch(/No hay una próxima sesión programada/)
    const empty: Data = { ...data, sessions: data.sessions.filter((session) => session.status !== 'concluida') }
    expect(refusal(() => sessionForActa(empty, 'latest'))).toMatch(/Aún no hay sesiones celebradas/)
    expect(refusal(() => planForReport({ ...data, plans: [], commitments: [] }, TODAY))).toMatch(/No hay un Plan de Acción Local registrado/)
  })
})

describe('acta de la Tercera Sesión Ordinaria 2026 (datos de demostración)', () => {
  const data = demoData()
  const session = data.sessions.find((candidate) => candidate.id === 'ses-2026-so03')
  let file = ''
  const fractions: number[] = []

  beforeAll(async () => {
    file = await writeTemp('acta.pdf', await renderActa(data, 'ses-2026-so03', { now: NOW, onProgress: (fraction) => fractions.push(fraction) }))
  })

  it('qpdf no encuentra errores ni advertencias', () => expectQpdfClean(file))
  it('todas las fuentes están incrustadas', () => expectFontsEmbedded(file))
  it('es PDF/A-2b etiquetado, en es-MX, con título y autor', () => expectArchival(file, 'Acta de la Tercera Sesión Ordinaria 2026'))
  it('el proyecto lleva su marca; el acta que se firma, no', async () => {
    const draft = { ...data, sessions: data.sessions.map((candidate) => (candidate.id === 'ses-2026-so03' ? { ...candidate, actStatus: 'en-revision' as const } : candidate)) }
    expect(textOf(await writeTemp('acta-proyecto.pdf', await renderActa(draft, 'ses-2026-so03', { now: NOW })))).toContain('Proyecto de acta (en revisión)')
    const final = textOf(await writeTemp('acta-final.pdf', await renderActa(draft, 'ses-2026-so03', { now: NOW, final: true })))
    // The mark names the review state; the minutes may still speak of «el proyecto de acta» of an earlier session.
    expect(final).not.toMatch(/Proyecto de acta|\(borrador\)|\(en revisión\)/)
    expect(final).toContain('Clave de la sesión: STL-SO03-2026')
  })

  it('contiene el texto esperado, con acentos, ñ, ¿ y ¡', () => {
    if (!session) throw new Error('falta la sesión')
    const text = textOf(file)
    expect(text).toContain('Acta de la Tercera Sesión Ordinaria 2026')
    expect(text).toContain('Gobierno Abierto Jalisco · Secretariado Técnico Local')
    expect(text).toContain('Clave de la sesión: STL-SO03-2026')
    expect(text).toContain('miércoles 29 de abril de 2026')
    expect(text).toContain('09:30 horas')
    for (const heading of ['I. Lista de asistencia', 'II. Declaración de quórum', 'III. Orden del día', 'IV. Desarrollo de la sesión', 'V. Acuerdos', 'VI. Clausura', 'VII. Firmas']) {
      expect(text).toContain(heading)
    }
    const members = new Map(data.members.map((member) => [member.id, member]))
    for (const row of session.attendance) expect(text).toContain(members.get(row.memberId)?.fullName)
    expect(text).toMatch(/Representado por suplente: \S/)
    expect(text).toMatch(/A las \d\d:\d\d horas, en primera convocatoria, la Secretaría Técnica verificó la asistencia de \d+ de las \d+ personas integrantes con derecho a voto/)
    for (const item of session.agenda) expect(text).toContain(item.title)
    const agreements = data.agreements.filter((agreement) => agreement.sessionId === session.id)
    expect(agreements.length).toBeGreaterThan(0)
    for (const agreement of agreements) expect(text).toContain(`Acuerdo ${agreement.key}`)
    expect(text).toMatch(/Aprobado por (unanimidad|mayoría)/)
    expect(text).toContain(`a las ${session.endTime} horas`)
    expect(text).toContain('Mtra. Begoña Ibáñez Muñoz')
    expect(text).toContain('¿Cuándo se publicará el informe del año? ¡Es urgente que la ciudadanía lo conozca!')
    expect(text).toContain('Tlajomulco de Zúñiga')
  })

  it('numera sus páginas y nada queda fuera de la página', () => {
    expectPagesNumberedAndInside(file, 'Sesión STL-SO03-2026')
  })

  it('informa su avance de 0 a 1', () => {
    expect(fractions[0]).toBe(0)
    expect(fractions[fractions.length - 1]).toBe(1)
    expect(fractions.every((fraction, index) => index === 0 || fraction >= (fractions[index - 1] ?? 0))).toBe(true)
  })
})

describe('acta de una sesión de 40 puntos, 60 integrantes y 30 acuerdos', () => {
  const { data, sessionId } = largeActaData()
  const session = data.sessions.find((candidate) => candidate.id === sessionId)
  let file = ''

  beforeAll(async () => {
    file = await writeTemp('acta-grande.pdf', await renderActa(data, sessionId, { now: NOW }))
  }, 60_000)

  it('los datos tienen el tamaño pedido', () => {
    expect(session?.agenda).toHaveLength(40)
    expect(session?.attendance).toHaveLength(60)
    expect(data.agreements.filter((agreement) => agreement.sessionId === sessionId)).toHaveLength(30)
  })

  it('pasa qpdf sin advertencias, con las fuentes incrustadas y como PDF/A-2b', async () => {
    expectQpdfClean(file)
    expectFontsEmbedded(file)
    if (!session) throw new Error('falta la sesión')
    await expectArchival(file, `Acta de la ${sessionTitle(session)}`)
  })

  it('cada página dice «Página X de Y» con la clave de la sesión, y ningún texto sale de la página', () => {
    if (!session) throw new Error('falta la sesión')
    const pages = expectPagesNumberedAndInside(file, `Sesión ${sessionKey('STL', session)}`)
    expect(pages).toBeGreaterThan(20)
  }, 60_000)

  it('contiene los 40 puntos, los 30 acuerdos y una firma por cada persona presente', () => {
    if (!session) throw new Error('falta la sesión')
    const text = textOf(file)
    for (const item of session.agenda) expect(text).toContain(item.title)
    for (const agreement of data.agreements.filter((candidate) => candidate.sessionId === sessionId)) expect(text).toContain(`Acuerdo ${agreement.key}`)
    expect(text).toContain('Votación nominal')
    expect(text).toMatch(/Aprobado por mayoría: 20 votos a favor, 5 en contra y 2 abstenciones\./)
    expect(text).toContain('¿Se consideró la accesibilidad? ¡Es indispensable!')
    const signatures = text.slice(text.lastIndexOf('VII. Firmas'))
    const members = new Map(data.members.map((member) => [member.id, member]))
    for (const row of session.attendance.filter((candidate) => candidate.status === 'presente')) {
      expect(signatures).toContain(members.get(row.memberId)?.fullName)
    }
    for (const row of session.attendance.filter((candidate) => candidate.status === 'ausente')) {
      expect(signatures).not.toContain(`${members.get(row.memberId)?.fullName} `)
    }
  })

  it('ningún encabezado queda solo al pie de una página', () => {
    const { words } = wordBoxes(file)
    // The agreement headings ("Acuerdo STL-…") and the section headings ("IV. Desarrollo…").
    const headings = words.filter((word, index) => (word.text === 'Acuerdo' && /^STL-/.test(words[index + 1]?.text ?? '')) || /^(I|II|III|IV|V|VI|VII)\.$/.test(word.text))
    expect(headings.length).toBeGreaterThanOrEqual(30 + 7)
    for (const heading of headings) {
      const below = words.filter((word) => word.page === heading.page && word.yMin > heading.yMax + 2 && word.yMin < 736)
      expect(below.length, `encabezado «${heading.text}» sin texto debajo en la página ${heading.page}`).toBeGreaterThanOrEqual(5)
    }
  })
})

describe('convocatoria de la próxima sesión', () => {
  const data = demoData()
  let file = ''

  beforeAll(async () => {
    file = await writeTemp('convocatoria.pdf', await renderConvocatoria(data, 'next', { now: NOW }))
  })

  it('pasa qpdf, incrusta sus fuentes y es PDF/A-2b', async () => {
    expectQpdfClean(file)
    expectFontsEmbedded(file)
    await expectArchival(file, 'Convocatoria a la Décima Primera Sesión Ordinaria 2026')
  })

  it('convoca a las personas integrantes con el orden del día, quién presenta y el horario', () => {
    const session = data.sessions.find((candidate) => candidate.id === 'ses-2026-so11')
    if (!session) throw new Error('falta la sesión')
    const text = textOf(file)
    expect(text).toContain('Convocatoria')
    expect(text).toContain('Décima Primera Sesión Ordinaria 2026')
    expect(text).toContain('Guadalajara, Jalisco, a jueves 26 de noviembre de 2026.')
    expect(text).toContain('martes 8 de diciembre de 2026 a las 12:00 horas')
    expect(text).toContain('Orden del día')
    for (const item of session.agenda) {
      expect(text).toContain(item.title)
      expect(text).toContain(item.presenter)
    }
    // The schedule: start time plus each item's minutes.
    const first = session.agenda[0]
    expect(text).toContain(`12:00–12:${String(first?.minutes ?? 0).padStart(2, '0')}`)
    expect(text).toContain('Atentamente')
    // Signed by the session's technical secretary, with the position, not by the app's profile.
    const secretary = data.members.find((member) => member.id === session.secretaryId)
    if (!secretary) throw new Error('la sesión de demostración no tiene secretaría técnica')
    expect(text).toContain(`Atentamente ${secretary.fullName} ${secretary.position}`)
    expect(text).toContain('Personas integrantes convocadas')
    expectPagesNumberedAndInside(file, 'Sesión STL-SO11-2026')
  })
})

describe('reporte de avance del Plan de Acción Local', () => {
  const data = demoData()
  let file = ''

  beforeAll(async () => {
    file = await writeTemp('reporte.pdf', await renderReporte(data, NOW))
  })

  it('pasa qpdf, incrusta sus fuentes y es PDF/A-2b', async () => {
    expectQpdfClean(file)
    expectFontsEmbedded(file)
    await expectArchival(file, 'Reporte de avance del PAL 2025–2027')
  })

  it('agrupa los compromisos por pilar con su avance, sus hitos y los acuerdos vencidos', () => {
    const text = textOf(file)
    expect(text).toContain('Reporte de avance del Plan de Acción Local')
    expect(text).toContain('Corte al jueves 26 de noviembre de 2026')
    for (const pillar of ['Pilar: Transparencia y acceso a la información pública', 'Avance por pilar', 'Avance por compromiso', 'Acuerdos vencidos']) {
      expect(text).toContain(pillar)
    }
    for (const commitment of data.commitments) {
      expect(text).toContain(`Compromiso ${commitment.number}. ${commitment.title}`)
      for (const milestone of commitment.milestones) expect(text).toContain(milestone.title)
    }
    expect(text).toMatch(/Avance: \d+% · Nivel de cumplimiento: (No iniciado|Limitado|Sustancial|Completo)/)
    const overdue = data.agreements.filter((agreement) => agreementState(agreement, TODAY) === 'vencido')
    expect(overdue.length).toBeGreaterThan(0)
    for (const agreement of overdue) expect(text).toContain(agreement.key)
    for (const agreement of data.agreements.filter((candidate) => agreementState(candidate, TODAY) === 'cumplido')) {
      expect(text.slice(text.lastIndexOf('Acuerdos vencidos'))).not.toContain(agreement.key)
    }
    expectPagesNumberedAndInside(file, 'PAL 2025–2027')
  })

  it('dibuja las gráficas como vectores (sin imágenes)', async () => {
    const bytes = (await readFile(file)).toString('latin1')
    expect(bytes).not.toContain('/Subtype /Image')
    expect(bytes).toContain('/S /Figure')
    expect(tool('pdfimages', '-list', file).stdout.trim().split('\n').length).toBeLessThanOrEqual(2)
  })
})

describe('una página de prueba del diseño', () => {
  it('un párrafo muy largo fluye por varias páginas sin perder líneas', async () => {
    const archival = createArchivalDocument({ title: 'Prueba', author: 'Secretariado Técnico Local · Gobierno Abierto Jalisco', subject: 'Prueba' }, { now: NOW })
    const layout = new Layout(archival)
    const words = Array.from({ length: 3000 }, (_, index) => `palabra${index}`)
    layout.paragraph(words.join(' '), { align: 'justify' })
    layout.stampPages({ headerLeft: 'Encabezado', headerRight: 'Prueba', footerLeft: 'Pie' })
    layout.finish()
    const done = new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = []
      archival.doc.on('data', (chunk: Buffer) => chunks.push(chunk))
      archival.doc.on('end', () => resolve(Buffer.concat(chunks)))
    })
    archival.doc.end()
    const file = await writeTemp('largo.pdf', await done)
    expectQpdfClean(file)
    const text = textOf(file)
    const found = [...text.matchAll(/palabra(\d+)/g)].map((match) => Number(match[1]))
    expect(found).toEqual(words.map((_, index) => index))
    expectPagesNumberedAndInside(file, 'Pie')
  })
})

describe('caracteres sin glifo', () => {
  it('un emoji o un ideograma se sustituyen por «?» en lugar de dibujar .notdef (prohibido en PDF/A)', async () => {
    const archival = createArchivalDocument({ title: 'Prueba', author: 'Secretariado Técnico Local · Gobierno Abierto Jalisco', subject: 'Prueba' }, { now: NOW })
    const layout = new Layout(archival)
    layout.paragraph('Gracias 👍 por el apoyo 漢字, señora Ibáñez.\u0007')
    layout.stampPages({ headerLeft: 'Encabezado 🙂', headerRight: 'Prueba', footerLeft: 'Pie' })
    layout.finish()
    const done = new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = []
      archival.doc.on('data', (chunk: Buffer) => chunks.push(chunk))
      archival.doc.on('end', () => resolve(Buffer.concat(chunks)))
    })
    archival.doc.end()
    const file = await writeTemp('glifos.pdf', await done)
    expectQpdfClean(file)
    const text = textOf(file)
    expect(text).toContain('Gracias ? por el apoyo ??, señora Ibáñez.')
    expect(text).toContain('Encabezado ?')
  })
})

describe('línea de comandos: acta, convocatoria y reporte', () => {
  function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT })
    return { status: result.status, stdout: result.stdout, stderr: result.stderr }
  }

  it('avisa en la salida de errores de un carácter que las fuentes no dibujan, y termina bien', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'datos.json')
    const data = demoData()
    const latest = data.sessions.filter((session) => session.status === 'concluida').at(-1)
    const item = latest?.agenda[0]
    if (!item) throw new Error('demo')
    item.notes = 'Aprobado 👏.'
    await writeFile(dataFile, serializeData(data))
    const acta = cli('acta', dataFile, '--session', 'latest', '--out', join(folder, 'acta.pdf'))
    expect(acta.status, acta.stderr).toBe(0)
    expect(acta.stderr).toMatch(/^Aviso: Las fuentes del documento no tienen el carácter «👏» \(U\+1F44F\): aparece como «\?»/)
  })

  it('genera los tres documentos sin tocar el archivo de datos', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'datos.json')
    await writeFile(dataFile, serializeData(demoData()))
    const before = await readFile(dataFile)
    const acta = cli('acta', dataFile, '--session', 'latest', '--out', join(folder, 'acta.pdf'))
    expect(acta.status, acta.stderr).toBe(0)
    expect(acta.stdout).toMatch(/^Acta de la Décima Sesión Ordinaria 2026 escrita en /)
    const convocatoria = cli('convocatoria', dataFile, '--session', 'next', '--today', TODAY, '--out', join(folder, 'salida', 'convocatoria.pdf'))
    expect(convocatoria.status, convocatoria.stderr).toBe(0)
    expect(convocatoria.stdout).toMatch(/^Convocatoria a la Décima Primera Sesión Ordinaria 2026 escrita en /)
    const reporte = cli('reporte', dataFile, '--today', TODAY, '--out', join(folder, 'reporte.pdf'))
    expect(reporte.status, reporte.stderr).toBe(0)
    expect(reporte.stdout).toMatch(/^Reporte de avance del PAL 2025–2027 escrito en /)
    for (const name of ['acta.pdf', 'salida/convocatoria.pdf', 'reporte.pdf']) expectQpdfClean(join(folder, name))
    expect(textOf(join(folder, 'acta.pdf'))).toContain('Acta de la Décima Sesión Ordinaria 2026')
    expect(await readFile(dataFile)).toEqual(before)
  }, 60_000)

  it('una sesión inexistente o sin datos para el documento: mensaje en español, salida 1 y ningún archivo', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'datos.json')
    await writeFile(dataFile, serializeData(demoData()))
    const out = join(folder, 'no.pdf')
    const cases: [string[], RegExp][] = [
      [['acta', dataFile, '--session', 'ses-no-existe', '--out', out], /^Error: No existe la sesión «ses-no-existe»\.$/],
      [['acta', dataFile, '--session', 'ses-2026-so11', '--out', out], /^Error: La Décima Primera Sesión Ordinaria 2026 está convocada y aún no se celebra: sólo una sesión celebrada tiene acta\.$/],
      [['convocatoria', dataFile, '--session', 'ses-2026-so03', '--out', out], /^Error: La Tercera Sesión Ordinaria 2026 ya concluyó: sólo se convoca una sesión que aún no se celebra\.$/],
      [['convocatoria', dataFile, '--session', 'next', '--today', '2030-01-01', '--out', out], /^Error: No hay una próxima sesión programada/],
      [['reporte', dataFile, '--plan', 'pal-1999', '--out', out], /^Error: No existe el plan «pal-1999»\.$/],
      [['acta', join(folder, 'no-existe.json'), '--session', 'latest', '--out', out], /^Error: No existe el archivo /],
      [['acta', dataFile, '--session', 'latest', '--out', dataFile], /^Error: El archivo de salida no puede ser el archivo de datos\.$/],
    ]
    for (const [args, message] of cases) {
      const result = cli(...args)
      expect(result.status, args.join(' ')).toBe(1)
      expect(result.stderr.trim(), args.join(' ')).toMatch(message)
      expect(existsSync(out), args.join(' ')).toBe(false)
    }
    const withoutSession = cli('acta', dataFile, '--out', out)
    expect(withoutSession.status).toBe(2)
    expect(withoutSession.stderr).toMatch(/Falta --session ID\|latest/)
    expect(cli('check', dataFile).status).toBe(0)
  }, 60_000)
})

describe('lista de asistencia para firma autógrafa', () => {
  const data = demoData()
  let file = ''

  beforeAll(async () => {
    file = await writeTemp('lista-de-asistencia.pdf', await renderAttendanceSheet(data, 'next', { now: NOW }))
  })

  it('pasa qpdf, incrusta sus fuentes, es PDF/A-2b y numera sus páginas sin salir del marco', async () => {
    expectQpdfClean(file)
    expectFontsEmbedded(file)
    await expectArchival(file, 'Lista de asistencia de la Décima Primera Sesión Ordinaria 2026')
    expect(expectPagesNumberedAndInside(file, 'Sesión STL-SO11-2026')).toBeGreaterThan(1)
  })

  it('lista a cada integrante activo por sector, con su carácter y las columnas de firma y hora', () => {
    const text = textOf(file)
    expect(text).toContain('Lista de asistencia')
    expect(text).toContain('martes 8 de diciembre de 2026')
    for (const label of ['Firma', 'Hora', 'Carácter', 'Gobierno del Estado', 'Sociedad civil']) expect(text).toContain(label)
    const flat = text.replace(/\s+/g, ' ')
    for (const member of data.members.filter((candidate) => candidate.active)) expect(flat, member.fullName).toContain(member.fullName)
    for (const member of data.members.filter((candidate) => !candidate.active)) expect(flat).not.toContain(member.fullName)
    expect(flat).toMatch(/Suplente de \S/)
  })

  it('cada integrante tiene un recuadro para firmar y otro para la hora', async () => {
    const plain = join(await tempFolder(), 'sin-comprimir.pdf')
    const qdf = spawnSync('qpdf', ['--qdf', '--object-streams=disable', file, plain], { encoding: 'utf8' })
    expect(qdf.status, qdf.stderr).toBe(0)
    // Stroked rectangles (`x y w h re` … `S`) in the page contents: two per member listed.
    const content = (await readFile(plain)).toString('latin1')
    const boxes = content.match(/ re\n0\.6 w\n\/DeviceRGB CS\n[^\n]* SCN\nS\n/g) ?? []
    expect(boxes.length).toBe(2 * data.members.filter((member) => member.active).length)
  })

  it('se niega para una sesión ya celebrada, y por línea de comandos escribe el mismo documento', async () => {
    const held = latestHeldSession(data.sessions)
    if (!held) throw new Error('sin sesión celebrada')
    await expect(renderAttendanceSheet(data, held.id, { now: NOW })).rejects.toThrow(/la lista de asistencia se firma en una sesión por celebrarse o en curso/)
    const folder = await tempFolder()
    const dataFile = join(folder, 'datos.json')
    await writeFile(dataFile, serializeData(data))
    const out = join(folder, 'lista.pdf')
    const made = spawnSync(process.execPath, [CLI, 'attendance-sheet', dataFile, '--session', 'next', '--out', out, '--today', TODAY], { encoding: 'utf8', cwd: ROOT })
    expect(made.status, made.stderr).toBe(0)
    expect(made.stdout).toMatch(/^Lista de asistencia de la Décima Primera Sesión Ordinaria 2026 escrita en /)
    expectQpdfClean(out)
    expect(textOf(out)).toContain('Lista de asistencia')
  }, 60_000)
})
