/**
 * The acta's page breaks and its «Firmas electrónicas» page: checked from
 * what the layout reports it placed on each page (onLayout), from the text
 * poppler reads on each page, and from the reserved signature fields qpdf
 * finds in the final acta.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderActa, SIGNATURE_BOX } from '../../main/core/documents/acta'
import { FRAME, Layout, STYLES, type LayoutEvent } from '../../main/core/documents/layout'
import { collectBytes, createArchivalDocument } from '../../main/core/documents/pdf-document'
import { expectedSigners, type ExpectedSigner } from '../../main/core/domain/signers'
import { countsAsPresent, type Data, type Session } from '../../main/core/model/schema'
import { demoData, largeActaData, NOW, pageCount, textOf, tool, valid, wordBoxes } from './documents-helpers'

let folder = ''
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'secretariado-acta-diseno-'))
})
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
})

async function render(name: string, data: Data, sessionId: string, final = false): Promise<{ file: string; events: LayoutEvent[] }> {
  const events: LayoutEvent[] = []
  const bytes = await renderActa(data, sessionId, { now: NOW, final, onLayout: (event) => events.push(event) })
  const file = join(folder, name)
  await writeFile(file, bytes)
  return { file, events }
}

function sessionOf(data: Data, sessionId: string): Session {
  const session = data.sessions.find((candidate) => candidate.id === sessionId)
  if (!session) throw new Error(`falta la sesión ${sessionId}`)
  return session
}

const isHeading = (event: LayoutEvent): boolean => event.kind === 'heading' || event.kind === 'label'
const describeEvent = (event: LayoutEvent | undefined): string => (event ? `${event.kind} «${(event.text ?? '').slice(0, 60)}» en la página ${event.page}` : 'nada')

/** Every heading (and label) has, on its own page, the first piece of the block it heads. */
function expectHeadingsKeptWithContent(events: readonly LayoutEvent[]): number {
  let checked = 0
  events.forEach((event, index) => {
    if (!isHeading(event)) return
    let next = index + 1
    while (next < events.length && isHeading(events[next] as LayoutEvent)) next++
    const content = events[next]
    const where = `${describeEvent(event)} seguido de ${describeEvent(content)}`
    expect(content, where).toBeDefined()
    if (!content) return
    // The heading, the headings and labels between and the content share the page.
    for (const between of events.slice(index, next + 1)) expect(between.page, where).toBe(event.page)
    expect(content.top, where).toBeGreaterThanOrEqual(event.bottom)
    switch (content.kind) {
      case 'paragraph':
        expect(content.continued, where).toBe(false)
        expect(content.lines, where).toBeGreaterThanOrEqual(Math.min(2, content.totalLines ?? 0))
        break
      case 'table-header': {
        const row = events[next + 1]
        expect(row?.kind, where).toBe('table-row')
        expect(row?.page, where).toBe(event.page)
        break
      }
      case 'table-row':
        expect(content.continued, where).toBe(false)
        expect(content.lines, where).toBeGreaterThanOrEqual(Math.min(2, content.totalLines ?? 0))
        break
      default:
        expect(['figure', 'block', 'signature-row', 'signature-box'], where).toContain(content.kind)
    }
    checked++
  })
  return checked
}

/** The last line of body text on each page (running header and footer removed). */
function lastBodyLines(file: string): { page: number; line: string }[] {
  const pages = pageCount(file)
  const result: { page: number; line: string }[] = []
  for (let page = 1; page <= pages; page++) {
    const lines = tool('pdftotext', '-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-')
      .stdout.split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/Página \d+ de \d+$/.test(line) && !line.startsWith('Gobierno Abierto Jalisco · Secretariado Técnico Local'))
    result.push({ page, line: lines[lines.length - 1] ?? '' })
  }
  return result
}

const SECTION_HEADING = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\. \S/
const AGREEMENT_HEADING = /^Acuerdo STL-[A-Z0-9-]+$/
const ITEM_HEADING = /^\d+(\.\d+)*\. \S/

describe('acta de 40 puntos, 60 personas presentes y 30 acuerdos', () => {
  const { data, sessionId } = largeActaData({ allPresent: true })
  const session = sessionOf(data, sessionId)
  let file = ''
  let events: LayoutEvent[] = []

  beforeAll(async () => {
    ;({ file, events } = await render('acta-densa.pdf', data, sessionId))
  }, 120_000)

  it('los datos tienen el tamaño pedido', () => {
    expect(session.agenda).toHaveLength(40)
    expect(session.attendance.filter((row) => row.status === 'presente')).toHaveLength(60)
    expect(data.agreements.filter((agreement) => agreement.sessionId === sessionId)).toHaveLength(30)
  })

  it('ningún encabezado termina una página: cada uno comparte página con lo primero que encabeza', () => {
    const headings = events.filter((event) => event.kind === 'heading')
    // Eight sections, 40 items, 30 agreements and the «Intervenciones» sub-headings.
    expect(headings.filter((event) => event.level === 1).map((event) => event.text)).toEqual([
      'I. Lista de asistencia',
      'II. Declaración de quórum',
      'III. Orden del día',
      'IV. Desarrollo de la sesión',
      'V. Acuerdos',
      'VI. Clausura',
      'VII. Firmas',
      'VIII. Firmas electrónicas',
    ])
    expect(headings.filter((event) => event.level === 2)).toHaveLength(40 + 30)
    expect(headings.filter((event) => event.level === 3).length).toBeGreaterThan(0)
    expect(expectHeadingsKeptWithContent(events)).toBeGreaterThanOrEqual(headings.length)
  })

  it('ningún encabezado de tabla queda solo: siempre le sigue una fila en la misma página', () => {
    const headers = events.map((event, index) => ({ event, index })).filter(({ event }) => event.kind === 'table-header')
    // The attendance table runs over several pages, its header repeated on each.
    expect(headers.filter(({ event }) => event.repeated).length).toBeGreaterThan(0)
    for (const { event, index } of headers) {
      const row = events[index + 1]
      expect(row?.kind, describeEvent(event)).toBe('table-row')
      expect(row?.page, describeEvent(event)).toBe(event.page)
    }
  })

  it('todo queda dentro del marco de la página y las filas de firmas nunca se parten', () => {
    for (const event of events) {
      expect(event.top, describeEvent(event)).toBeGreaterThanOrEqual(FRAME.top - 0.01)
      expect(event.bottom, describeEvent(event)).toBeLessThanOrEqual(FRAME.bottom + 0.01)
    }
    const rows = events.filter((event) => event.kind === 'signature-row')
    // 60 present, two to a row.
    expect(rows).toHaveLength(30)
  })

  it('según pdftotext, ninguna página termina con un encabezado', () => {
    const lasts = lastBodyLines(file)
    expect(lasts).toHaveLength(pageCount(file))
    // The last line of the last page is the last one under the signature boxes: an institution.
    const institutions = expectedSigners(data, session).map((signer) => signer.institution)
    expect(institutions.some((institution) => lasts.at(-1)?.line.includes(institution)), lasts.at(-1)?.line).toBe(true)
    for (const { page, line } of lasts) {
      expect(line, `última línea de la página ${page}`).not.toMatch(SECTION_HEADING)
      expect(line, `última línea de la página ${page}`).not.toMatch(AGREEMENT_HEADING)
      expect(line, `última línea de la página ${page}`).not.toMatch(ITEM_HEADING)
      expect(line, `última línea de la página ${page}`).not.toBe('Intervenciones')
    }
  })

  it('la página de firmas electrónicas va al final, en una página nueva', () => {
    const heading = events.find((event) => event.text === 'VIII. Firmas electrónicas')
    expect(heading?.top).toBe(FRAME.top)
    const pages = pageCount(file)
    const last = events[events.length - 1]
    expect(last?.kind).toBe('signature-box')
    expect(last?.page).toBe(pages)
    // Rule «presidencia-y-secretaria»: one row of two boxes.
    expect(events.filter((event) => event.kind === 'signature-box')).toHaveLength(1)
    expect(textOf(file, heading?.page)).toContain('VIII. Firmas electrónicas')
  })
})

/** The closing paragraph, the «Firmas» heading and the first row of signatures of those present. */
function closingAndSignatures(events: readonly LayoutEvent[]): { closing: LayoutEvent; heading: LayoutEvent; firstRow: LayoutEvent } {
  const headingAt = events.findIndex((event) => event.text === 'VII. Firmas')
  const heading = events[headingAt]
  const closing = events.slice(0, Math.max(0, headingAt)).findLast((event) => event.kind === 'paragraph')
  const firstRow = events.find((event) => event.kind === 'signature-row')
  if (!closing || !heading || !firstRow) throw new Error('faltan la clausura o las firmas')
  expect(closing.text).toMatch(/^No habiendo más asuntos que tratar, la Coordinación dio por concluida la Tercera Sesión Ordinaria 2026 a las 12:02 horas/)
  return { closing, heading, firstRow }
}

describe('las firmas de las personas presentes siguen al texto de clausura', () => {
  it('cuando caben, empiezan en la página de la clausura y siguen fila por fila', async () => {
    const data = demoData()
    const { events } = await render('acta-demo.pdf', data, 'ses-2026-so03')
    const { closing, heading, firstRow } = closingAndSignatures(events)
    // The case is built so that heading, sentence and first row fit below the closing.
    const needed = firstRow.bottom - heading.top + 16
    expect(closing.bottom + needed).toBeLessThanOrEqual(FRAME.bottom)
    expect(heading.page).toBe(closing.page)
    expect(firstRow.page).toBe(closing.page)
    expect(heading.top).toBeGreaterThan(closing.bottom)
    expect(expectHeadingsKeptWithContent(events)).toBeGreaterThan(10)
    // The rows run on over the next page, each whole, none overlapping the next.
    const rows = events.filter((event) => event.kind === 'signature-row')
    expect(new Set(rows.map((row) => row.page)).size).toBeGreaterThan(1)
    rows.forEach((row, index) => {
      expect(row.bottom).toBeLessThanOrEqual(FRAME.bottom + 0.01)
      const next = rows[index + 1]
      if (next && next.page === row.page) expect(next.top).toBeCloseTo(row.bottom, 5)
    })
  }, 60_000)
})

/** A bare layout on which blocks are placed at a chosen height of the page. */
function testLayout(): { layout: Layout; events: LayoutEvent[]; done: () => Promise<Buffer> } {
  const events: LayoutEvent[] = []
  const archival = createArchivalDocument({ title: 'Prueba', author: 'Secretariado Técnico Local · Gobierno Abierto Jalisco', subject: 'Prueba' }, { now: NOW, onLayout: (event) => events.push(event) })
  const layout = new Layout(archival)
  const bytes = collectBytes(archival.doc)
  return {
    layout,
    events,
    done: () => {
      layout.stampPages({ headerLeft: 'Encabezado', headerRight: 'Prueba', footerLeft: 'Pie' })
      layout.finish()
      archival.doc.end()
      return bytes
    },
  }
}

const byKind = (events: readonly LayoutEvent[], kind: LayoutEvent['kind']): LayoutEvent[] => events.filter((event) => event.kind === kind)

describe('encabezados al pie de la página', () => {
  it('un encabezado pasa a la página siguiente con la fila de firmas que encabeza, aunque quepa solo', async () => {
    const { layout, events, done } = testLayout()
    layout.paragraph('Texto de la clausura, en una línea.')
    // Room for the heading, the sentence and three lines, not for a 90-point row.
    layout.y = FRAME.bottom - 110
    layout.heading('VII. Firmas', 1)
    layout.paragraph('Firman la presente acta las personas presentes.', { keepWithNext: true, gapAfter: 6 })
    layout.block(90, () => undefined, 'signature-row')
    await done()
    const [heading] = byKind(events, 'heading')
    const [label] = byKind(events, 'label')
    const [row] = byKind(events, 'signature-row')
    expect(heading?.page).toBe(2)
    expect(heading?.top).toBe(FRAME.top)
    expect(label?.page).toBe(2)
    expect(row?.page).toBe(2)
    expect(expectHeadingsKeptWithContent(events)).toBe(2)
  })

  it('un encabezado y el encabezado de una tabla pasan juntos a la página siguiente si la primera fila no cabe', async () => {
    const { layout, events, done } = testLayout()
    layout.paragraph('Texto previo.')
    layout.y = FRAME.bottom - 75
    layout.heading('Título de la tabla', 2)
    layout.table({
      columns: [
        { header: 'Dato', weight: 30 },
        { header: 'Valor', weight: 70 },
      ],
      rows: [
        ['Primera fila', 'una\ndos\ntres\ncuatro\ncinco'],
        ['Segunda fila', 'uno'],
      ],
    })
    await done()
    const [heading] = byKind(events, 'heading')
    const [header] = byKind(events, 'table-header')
    const [row] = byKind(events, 'table-row')
    expect(heading?.page).toBe(2)
    expect(header?.page).toBe(2)
    expect(header?.repeated).toBe(false)
    expect(row?.page).toBe(2)
    expect(row?.lines).toBe(5)
  })

  it('una tabla sin encabezado antes tampoco deja su fila de títulos sola al pie', async () => {
    const { layout, events, done } = testLayout()
    layout.paragraph('Texto previo.')
    layout.y = FRAME.bottom - 45
    layout.table({ columns: [{ header: 'Columna', weight: 1 }], rows: [['uno\ndos\ntres\ncuatro']] })
    await done()
    const [header] = byKind(events, 'table-header')
    const [row] = byKind(events, 'table-row')
    expect(header?.page).toBe(2)
    expect(row?.page).toBe(2)
  })

  it('un encabezado seguido de un párrafo de tres líneas (que no se parte) pasa con él a la página siguiente', async () => {
    const { layout, events, done } = testLayout()
    layout.paragraph('Texto previo.')
    const lineHeight = layout.lineHeight(STYLES.body)
    // Room for the heading and two lines, not three.
    layout.y = FRAME.bottom - (10 + layout.heightOf('Sección', STYLES.h2, layout.width) + 4 + 2.5 * lineHeight)
    layout.heading('Sección', 2)
    layout.paragraph('uno\ndos\ntres')
    await done()
    const [heading] = byKind(events, 'heading')
    const paragraphs = byKind(events, 'paragraph')
    expect(heading?.page).toBe(2)
    expect(paragraphs.at(-1)).toMatchObject({ page: 2, lines: 3, continued: false })
  })

  it('varios encabezados seguidos (sección, punto, subtítulo) van juntos con las primeras líneas', async () => {
    const { layout, events, done } = testLayout()
    layout.paragraph('Texto previo.')
    layout.y = FRAME.bottom - 60
    layout.heading('IV. Desarrollo de la sesión', 1)
    layout.heading('1. Primer punto', 2)
    layout.paragraph('Presenta: alguien · Informativo · Tratado', { style: STYLES.small, keepWithNext: true })
    layout.heading('Intervenciones', 3)
    layout.paragraph(Array.from({ length: 80 }, (_, index) => `palabra${index}`).join(' '))
    await done()
    expect(events.slice(1).map((event) => [event.kind, event.page])).toEqual([
      ['heading', 2],
      ['heading', 2],
      ['label', 2],
      ['heading', 2],
      ['paragraph', 2],
    ])
    expect(byKind(events, 'heading')[0]?.top).toBe(FRAME.top)
  })

  it('si el bloque que sigue cabe, el encabezado se queda en la página', async () => {
    const { layout, events, done } = testLayout()
    layout.paragraph('Texto previo.')
    layout.y = FRAME.bottom - 150
    layout.heading('VII. Firmas', 1)
    layout.block(90, () => undefined, 'signature-row')
    await done()
    expect(byKind(events, 'heading')[0]?.page).toBe(1)
    expect(byKind(events, 'signature-row')[0]?.page).toBe(1)
  })
})

interface QpdfObject {
  value?: Record<string, unknown>
  stream?: { dict: Record<string, unknown> }
}

interface ReservedWidget {
  ref: string
  name: string
  dict: Record<string, unknown>
  page: number
}

/** The catalogue's /AcroForm and its fields, read with qpdf --json. */
function formOf(file: string): { acroForm: Record<string, unknown> | null; widgets: ReservedWidget[]; objects: Record<string, QpdfObject>; pages: { object: string; pageposfrom1: number }[] } {
  const result = tool('qpdf', '--json', '--json-key=qpdf', '--json-key=pages', file)
  expect(result.status, result.stderr).toBe(0)
  const json = JSON.parse(result.stdout) as { qpdf: [unknown, Record<string, QpdfObject>]; pages: { object: string; pageposfrom1: number }[] }
  const objects = json.qpdf[1]
  const trailer = objects.trailer?.value ?? {}
  const root = objects[`obj:${String(trailer['/Root'])}`]?.value ?? {}
  const acroFormRef = root['/AcroForm']
  if (typeof acroFormRef !== 'string') return { acroForm: null, widgets: [], objects, pages: json.pages }
  const acroForm = objects[`obj:${acroFormRef}`]?.value ?? {}
  const fields = (acroForm['/Fields'] as string[] | undefined) ?? []
  const widgets = fields.map((ref) => {
    const dict = objects[`obj:${ref}`]?.value ?? {}
    const page = json.pages.find((candidate) => candidate.object === dict['/P'])?.pageposfrom1 ?? 0
    return { ref, name: String(dict['/T']).replace(/^u:/, ''), dict, page }
  })
  return { acroForm, widgets, objects, pages: json.pages }
}

function expectQpdfClean(file: string): void {
  const result = tool('qpdf', '--check', file)
  expect(result.stderr).toBe('')
  expect(result.stdout).not.toMatch(/WARNING/i)
  expect(result.status, result.stdout).toBe(0)
}

/**
 * One empty, printable /Sig widget per signer, in signing order, each on the
 * page that holds its box (`boxPages`, one entry per row of two), inside the
 * frame, with the signer's name printed just below it.
 */
function expectReservedFields(file: string, signers: readonly ExpectedSigner[], boxPages: readonly number[]): void {
  expectQpdfClean(file)
  const { acroForm, widgets, objects } = formOf(file)
  expect(acroForm).not.toBeNull()
  // Nothing but the fields: no NeedAppearances, no SigFlags while unsigned.
  expect(Object.keys(acroForm ?? {})).toEqual(['/Fields'])
  expect(widgets.map((widget) => widget.name)).toEqual(signers.map((signer) => signer.field))
  const { words } = wordBoxes(file)
  widgets.forEach((widget, index) => {
    const signer = signers[index] as ExpectedSigner
    const { dict } = widget
    expect(dict['/Type']).toBe('/Annot')
    expect(dict['/Subtype']).toBe('/Widget')
    expect(dict['/FT']).toBe('/Sig')
    expect(dict['/F']).toBe(4)
    expect(dict['/TU']).toBe(`u:Firma de ${signer.name}`)
    expect(dict['/V']).toBeUndefined()
    expect(widget.page).toBe(boxPages[Math.floor(index / 2)])
    const [x1, y1, x2, y2] = dict['/Rect'] as number[]
    expect((x2 ?? 0) - (x1 ?? 0)).toBeCloseTo(SIGNATURE_BOX.width, 3)
    expect((y2 ?? 0) - (y1 ?? 0)).toBeCloseTo(SIGNATURE_BOX.height, 3)
    expect(x1).toBeGreaterThanOrEqual(FRAME.left - 0.01)
    expect(x2).toBeLessThanOrEqual(FRAME.right + 0.01)
    expect(y1).toBeGreaterThanOrEqual(792 - FRAME.bottom - 0.01)
    expect(y2).toBeLessThanOrEqual(792 - FRAME.top + 0.01)
    // The normal appearance is an empty Form XObject the size of the box.
    const appearance = objects[`obj:${String((dict['/AP'] as Record<string, unknown>)['/N'])}`]?.stream?.dict
    expect(appearance?.['/Subtype']).toBe('/Form')
    expect(appearance?.['/BBox']).toEqual([0, 0, SIGNATURE_BOX.width, SIGNATURE_BOX.height])
    // The widget is in its page's /Annots.
    const page = objects[`obj:${String(dict['/P'])}`]?.value ?? {}
    expect(page['/Annots']).toContain(widget.ref)
    // The signer's name is printed right below the box (pdftotext measures from the top).
    const first = signer.name.split(' ')[0]
    const below = words.filter(
      (word) => word.page === widget.page && word.text === first && Math.abs(word.xMin - (x1 ?? 0)) < 1 && word.yMin > 792 - (y1 ?? 0) && word.yMin < 792 - (y1 ?? 0) + 12,
    )
    expect(below, `nombre de ${signer.name} bajo su recuadro`).toHaveLength(1)
  })
  const signatures = tool('pdfsig', file)
  expect(signatures.status, signatures.stderr).toBe(0)
  for (const signer of signers) expect(signatures.stdout).toContain(`Signature Field Name: ${signer.field}`)
  expect(signatures.stdout.match(/The signature form field is not signed/g)).toHaveLength(signers.length)
}

describe('campos de firma reservados en el acta definitiva', () => {
  it('regla «presidencia-y-secretaria»: un campo para la Presidencia y otro para la Secretaría Técnica', async () => {
    const data = demoData()
    expect(data.settings.signatureSigners).toBe('presidencia-y-secretaria')
    const session = sessionOf(data, 'ses-2026-so03')
    const signers = expectedSigners(data, session)
    expect(signers.map((signer) => signer.capacity)).toEqual(['presidencia', 'secretaria'])
    const { file, events } = await render('acta-final.pdf', data, session.id, true)
    const boxPages = byKind(events, 'signature-box').map((event) => event.page)
    expect(boxPages).toEqual([pageCount(file)])
    expectReservedFields(file, signers, boxPages)
    const meta = tool('pdfinfo', '-meta', file).stdout
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/)
    expect(meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/)
    const last = textOf(file, pageCount(file))
    expect(last).toContain('VIII. Firmas electrónicas')
    expect(last).toContain('Cada persona firma con su e.firma o con su certificado digital en el recuadro reservado para ella')
    for (const signer of signers) expect(last).toContain(signer.name)
    expect(last).toContain('Presidencia')
    expect(last).toContain('Secretaría Técnica')
    expect(last).not.toContain('proyecto de acta')
  }, 60_000)

  it('regla «presentes-con-voto»: también un campo por cada persona presente con derecho a voto', async () => {
    const data = demoData()
    data.settings.signatureSigners = 'presentes-con-voto'
    const session = sessionOf(data, 'ses-2026-so03')
    const signers = expectedSigners(data, session)
    const members = new Map(data.members.map((member) => [member.id, member]))
    const voters = session.attendance.filter((row) => countsAsPresent(row.status) && members.get(row.memberId)?.voting === 'voz-y-voto')
    expect(voters.length).toBeGreaterThan(4)
    expect(signers.length).toBeGreaterThan(2)
    expect(signers.slice(0, 2).map((signer) => signer.capacity)).toEqual(['presidencia', 'secretaria'])
    const { file, events } = await render('acta-final-presentes.pdf', data, session.id, true)
    // The boxes flow over more than one page when needed; every field lies on the page that holds its box.
    const boxPages = events.filter((event) => event.kind === 'signature-box').map((event) => event.page)
    expect(boxPages).toHaveLength(Math.ceil(signers.length / 2))
    expectReservedFields(file, signers, boxPages)
    const text = textOf(file)
    expect(text.slice(text.lastIndexOf('VIII. Firmas electrónicas'))).toContain('las personas integrantes presentes con derecho a voto')
    for (const signer of signers) expect(text.slice(text.lastIndexOf('VIII. Firmas electrónicas'))).toContain(signer.name)
  }, 60_000)

  it('en el acta densa con «presentes-con-voto», los campos se reparten por página sin salir del marco', async () => {
    const { data, sessionId } = largeActaData({ allPresent: true })
    data.settings.signatureSigners = 'presentes-con-voto'
    const signers = expectedSigners(data, sessionOf(data, sessionId))
    expect(signers.length).toBeGreaterThan(30)
    const { file, events } = await render('acta-densa-final.pdf', data, sessionId, true)
    const boxPages = byKind(events, 'signature-box').map((event) => event.page)
    expect(boxPages).toHaveLength(Math.ceil(signers.length / 2))
    expect(new Set(boxPages).size).toBeGreaterThan(1)
    expectReservedFields(file, signers, boxPages)
    expect(expectHeadingsKeptWithContent(events)).toBeGreaterThan(70)
  }, 120_000)

  it('el proyecto de acta tiene la página de firmas, pero ningún campo de firma', async () => {
    const data = demoData()
    const session = sessionOf(data, 'ses-2026-so03')
    const { file } = await render('acta-proyecto.pdf', data, session.id, false)
    expectQpdfClean(file)
    expect(formOf(file).acroForm).toBeNull()
    expect(tool('pdfinfo', file).stdout).toMatch(/^Form:\s+none$/m)
    expect(tool('pdfsig', file).stdout).toMatch(/does not contain any signatures/)
    const last = textOf(file, pageCount(file))
    expect(last).toContain('VIII. Firmas electrónicas')
    expect(last).toContain('En el proyecto de acta los recuadros sólo indican el lugar de cada firma')
    for (const signer of expectedSigners(data, session)) expect(last).toContain(signer.name)
  }, 60_000)

  it('sin Presidencia ni Secretaría Técnica asignadas, la página lo dice y no hay campos', async () => {
    const data = demoData()
    const session = sessionOf(data, 'ses-2026-so03')
    session.chairId = null
    session.secretaryId = null
    expect(expectedSigners(data, session)).toEqual([])
    const { file } = await render('acta-sin-firmantes.pdf', valid(data), session.id, true)
    expectQpdfClean(file)
    expect(formOf(file).acroForm).toBeNull()
    const last = textOf(file, pageCount(file))
    expect(last).toContain('VIII. Firmas electrónicas')
    expect(last).toContain('No hay personas firmantes configuradas: la sesión no tiene asignadas la Presidencia ni la Secretaría Técnica.')
  }, 60_000)
})
