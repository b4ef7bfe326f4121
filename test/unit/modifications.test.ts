/**
 * No change after a signature goes unseen. Each attack of the "incremental
 * saving" and "shadow" classes is built here by hand on a twice-signed acta:
 * the signed bytes stay intact (so a naive check says «intacta»), and the
 * verifier must still say what changed. Genuine later signatures — in fields
 * reserved for them or in new fields — are never flagged, and pdfsig agrees
 * that the genuine files are valid.
 */
import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { inflateSync } from 'node:zlib'
import PDFDocument from 'pdfkit'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadPkcs12, signPdf, verifyPdf, type SignatureReport, type SignerCredentials } from '../../main/core/signatures'
import { appendIncrementalUpdate, type UpdateObject } from '../../main/core/signatures/incremental-update'
import { PdfDocument } from '../../main/core/signatures/pdf-document'
import { dict, name, num, PdfDict, PdfRef, serialize, textString, type PdfValue } from '../../main/core/signatures/pdf-syntax'
import { NOW } from '../support/clock'
import { tempFolder } from './helpers'
import { makeActaPdf, makeIdentity, makePkcs12 } from './signature-fixtures'

const ROOT = resolve(__dirname, '../..')
const FONT = join(ROOT, 'resources/fonts/DejaVuSans.ttf')
const FIELDS = ['firma-presidencia', 'firma-secretaria', 'firma-integrante']

let plain: Buffer
let reserved: Buffer
let signers: SignerCredentials[]

/** An acta with a «Firmas» page holding three empty signature fields, as the app writes the final acta. */
function makeReservedActa(): Promise<Buffer> {
  return new Promise((resolvePdf, reject) => {
    const doc = new PDFDocument({ pdfVersion: '1.7', subset: 'PDF/A-2b', tagged: true, lang: 'es-MX', info: { Title: 'Acta con firmas reservadas' }, size: 'LETTER' })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolvePdf(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.registerFont('DejaVu', FONT)
    doc.font('DejaVu').fontSize(14).text('Acta de la sesión ordinaria del Secretariado Técnico Local')
    doc.fontSize(11).text('Se aprobó el orden del día por unanimidad.')
    doc.addPage().text('Firmas electrónicas')
    const low = doc as unknown as {
      ref: (data: Record<string, unknown>) => { end: (data?: string) => void }
      page: { dictionary: unknown; annotations: unknown[]; height: number }
      _root: { data: Record<string, unknown> }
      endAcroForm: () => unknown
    }
    const widgets = FIELDS.map((field, index) => {
      const top = 120 + index * 110
      const appearance = low.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 240, 80], Resources: {} })
      appearance.end('')
      const widget = low.ref({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Sig',
        T: new String(field),
        F: 4,
        Rect: [72, low.page.height - top - 80, 312, low.page.height - top],
        P: low.page.dictionary,
        AP: { N: appearance },
      })
      widget.end()
      low.page.annotations.push(widget)
      return widget
    })
    const form = low.ref({ Fields: widgets })
    low._root.data.AcroForm = form
    // pdfkit's own form ending expects text-field fonts; this form has only signature fields.
    low.endAcroForm = () => form.end()
    doc.end()
  })
}

beforeAll(async () => {
  plain = await makeActaPdf(FONT)
  reserved = await makeReservedActa()
  const names = ['Presidenta de Pruebas', 'Secretario de Pruebas', 'Integrante de Pruebas']
  signers = names.map((cn, index) => loadPkcs12(makePkcs12(makeIdentity({ subject: [{ shortName: 'CN', value: cn }] }), `clave${index}`), `clave${index}`))
}, 120_000)

async function signInOrder(pdf: Buffer, count: number, fields?: readonly string[]): Promise<Buffer> {
  let current = pdf
  for (let i = 0; i < count; i++) {
    current = await signPdf(current, signers[i] as SignerCredentials, {
      signingTime: NOW,
      reason: 'Firma del acta',
      ...(fields ? { field: fields[i], appearance: [{ text: 'Firmado digitalmente por' }, { text: `Firmante ${i + 1}`, bold: true }] } : {}),
    })
  }
  return current
}

// ── building attacks ────────────────────────────────────────────────────

const objectBody = (value: PdfValue): Buffer => Buffer.from(serialize(value), 'latin1')
const streamBody = (content: string, extra: Record<string, PdfValue> = {}): Buffer =>
  Buffer.from(`${serialize(dict({ Length: num(Buffer.byteLength(content, 'latin1')), ...extra }))}\nstream\n${content}\nendstream`, 'latin1')

/** Appends one incremental update, written exactly as a legitimate tool would (correct offsets, /Prev chain). */
function update(pdf: Buffer, build: (doc: PdfDocument, allocate: () => PdfRef) => UpdateObject[]): Buffer {
  const doc = PdfDocument.load(pdf)
  let next = doc.size
  const objects = build(doc, () => new PdfRef(next++, 0))
  return appendIncrementalUpdate(pdf, doc, objects).bytes
}

function firstPage(doc: PdfDocument): { ref: PdfRef; page: PdfDict } {
  const ref = doc.pages()[0] as PdfRef
  return { ref, page: (doc.dict(ref) as PdfDict).clone() }
}

/** A white box over the first lines of page 1, then other words. */
const OVERLAY = 'q 1 1 1 rg 40 650 540 120 re f Q'

/** A cross-reference section alone, pointing one object at another of its definitions already in the file. */
function bareXref(pdf: Buffer, entries: { num: number; offset: number }[]): Buffer {
  const doc = PdfDocument.load(pdf)
  const trailer = new PdfDict()
  for (const key of ['Root', 'Info', 'ID']) {
    const value = doc.trailer.get(key)
    if (value !== undefined) trailer.set(key, value)
  }
  trailer.set('Size', num(doc.size))
  trailer.set('Prev', num(doc.lastXrefOffset))
  const start = pdf.length + 1
  const lines = ['xref', ...entries.flatMap((entry) => [`${entry.num} 1`, `${String(entry.offset).padStart(10, '0')} 00000 n `]), 'trailer', serialize(trailer), 'startxref', String(start), '%%EOF', '']
  return Buffer.concat([pdf, Buffer.from(`\n${lines.join('\n')}`, 'latin1')])
}

function expectCaught(reports: SignatureReport[], pattern: RegExp): void {
  expect(reports).toHaveLength(2)
  for (const report of reports) {
    // The signed bytes are untouched: that alone would say «intacta».
    expect(report.intact).toBe(true)
    expect(report.modifiedAfter, `cambios: ${report.changes.join(' | ')}`).toBe(true)
    expect(report.changes.join('\n')).toMatch(pattern)
  }
}

describe('firmas auténticas: nunca se marcan', () => {
  it('tres firmantes seguidos en campos reservados: ninguna firma modificada; pdfsig valida las tres; la primera certifica (DocMDP P=2)', async () => {
    const folder = await tempFolder()
    for (let count = 1; count <= 3; count++) {
      const signed = await signInOrder(reserved, count, FIELDS)
      const reports = verifyPdf(signed, NOW)
      expect(reports.map((report) => [report.field, report.intact, report.modifiedAfter])).toEqual(FIELDS.slice(0, count).map((field) => [field, true, false]))
      for (const report of reports) expect(report.changes).toEqual([])
      expect(reports[0]?.certified).toBe(true)
      expect(reports[0]?.certificationLevel).toBe(2)
      expect(reports.slice(1).every((report) => !report.certified)).toBe(true)
      const file = join(folder, `firmas-${count}.pdf`)
      await writeFile(file, signed)
      const result = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' })
      expect(result.stdout.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(count)
      expect(spawnSync('qpdf', ['--check', file], { encoding: 'utf8' }).status).toBe(0)
    }
  })

  it('cada firma llena su propio campo: el widget conserva su caja y gana una apariencia visible', async () => {
    const signed = await signInOrder(reserved, 2, FIELDS)
    const doc = PdfDocument.load(signed)
    const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm')) as PdfDict
    const fields = (doc.array(form.get('Fields')) ?? []).map((field) => doc.dict(field) as PdfDict)
    expect(fields).toHaveLength(3)
    const [first, second, third] = fields as [PdfDict, PdfDict, PdfDict]
    for (const field of [first, second]) {
      const rect = (doc.array(field.get('Rect')) ?? []).map((value) => Number(serialize(value)))
      expect(Math.abs((rect[2] ?? 0) - (rect[0] ?? 0))).toBe(240)
      const appearance = doc.dict(field.get('AP'))?.get('N') as PdfRef
      const content = inflateSync(doc.streamData(appearance.num) ?? Buffer.alloc(0)).toString('latin1')
      // Glyph outlines, filled: no font needed in a PDF/A document.
      expect(content).toMatch(/\bf\b/)
      expect(content).not.toMatch(/\bTf\b/)
    }
    expect(third.get('V')).toBeUndefined()
  })

  it('firmas sin campo reservado (campos nuevos) tampoco se marcan', async () => {
    const signed = await signInOrder(plain, 3)
    const reports = verifyPdf(signed, NOW)
    expect(reports.map((report) => [report.intact, report.modifiedAfter])).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ])
  })

  it('un documento con tablas en flujos de referencias (qpdf --object-streams=generate) tampoco', async () => {
    const folder = await tempFolder()
    const input = join(folder, 'entrada.pdf')
    const output = join(folder, 'flujos.pdf')
    await writeFile(input, reserved)
    expect(spawnSync('qpdf', ['--object-streams=generate', input, output]).status).toBe(0)
    const { readFile } = await import('node:fs/promises')
    const signed = await signInOrder(await readFile(output), 3, FIELDS)
    expect(verifyPdf(signed, NOW).map((report) => report.modifiedAfter)).toEqual([false, false, false])
  })
})

describe('ataques después de firmar: cada uno se detecta', () => {
  let twice: Buffer
  beforeAll(async () => {
    twice = await signInOrder(reserved, 2, FIELDS)
  })

  it('contenido agregado a la página 1 (una caja blanca encima)', () => {
    const attacked = update(twice, (doc, allocate) => {
      const { ref, page } = firstPage(doc)
      const overlay = allocate()
      page.set('Contents', [page.get('Contents') as PdfValue, overlay])
      return [
        { ref: overlay, body: streamBody(OVERLAY) },
        { ref, body: objectBody(page) },
      ]
    })
    expectCaught(verifyPdf(attacked, NOW), /Se cambió el contenido de la página 1/)
  })

  it('el flujo de contenido de la página 1 redefinido con el mismo número', () => {
    const attacked = update(twice, (doc) => {
      const { page } = firstPage(doc)
      const contents = page.get('Contents') as PdfRef
      return [{ ref: contents, body: streamBody(`${OVERLAY} BT ET`) }]
    })
    expectCaught(verifyPdf(attacked, NOW), /Se cambió el contenido de la página 1/)
  })

  it('una anotación agregada a la página 1', () => {
    const attacked = update(twice, (doc, allocate) => {
      const { ref, page } = firstPage(doc)
      const annotation = allocate()
      page.set('Annots', [...(doc.array(page.get('Annots')) ?? []), annotation])
      return [
        {
          ref: annotation,
          body: objectBody(dict({ Type: name('Annot'), Subtype: name('FreeText'), Rect: [num(40), num(650), num(580), num(770)], Contents: textString('Acuerdo cancelado'), F: num(4) })),
        },
        { ref, body: objectBody(page) },
      ]
    })
    expectCaught(verifyPdf(attacked, NOW), /Se agregó una anotación en la página 1/)
  })

  it('una página agregada', () => {
    const attacked = update(twice, (doc, allocate) => {
      const catalog = doc.dict(doc.trailer.get('Root')) as PdfDict
      const pagesRef = catalog.get('Pages') as PdfRef
      const pages = (doc.dict(pagesRef) as PdfDict).clone()
      const pageRef = allocate()
      const content = allocate()
      const kids = doc.array(pages.get('Kids')) ?? []
      pages.set('Kids', [...kids, pageRef])
      pages.set('Count', num(kids.length + 1))
      return [
        { ref: content, body: streamBody(OVERLAY) },
        { ref: pageRef, body: objectBody(dict({ Type: name('Page'), Parent: pagesRef, MediaBox: [num(0), num(0), num(612), num(792)], Contents: content, Resources: new PdfDict() })) },
        { ref: pagesRef, body: objectBody(pages) },
      ]
    })
    const reports = verifyPdf(attacked, NOW)
    expectCaught(reports, /Se agregó la página 3/)
    expect(reports[0]?.changes.join('\n')).toMatch(/tenía 2 páginas y ahora tiene 3/)
  })

  it('el catálogo cambiado (una acción al abrir el documento)', () => {
    const attacked = update(twice, (doc) => {
      const rootRef = doc.trailer.get('Root') as PdfRef
      const catalog = (doc.dict(rootRef) as PdfDict).clone()
      catalog.set('OpenAction', dict({ S: name('URI'), URI: textString('https://ejemplo.invalid/') }))
      return [{ ref: rootRef, body: objectBody(catalog) }]
    })
    expectCaught(verifyPdf(attacked, NOW), /acción que se ejecuta al abrir el documento/)
  })

  it('una sección de referencias sola, sin objetos, después de las firmas', () => {
    const attacked = update(twice, () => [])
    expectCaught(verifyPdf(attacked, NOW), /actualización que no lleva firma/)
  })

  it('sombra, ocultar: una capa preparada antes de firmar (apagada) se enciende después', async () => {
    // Before signing: an optional-content group, off, with a box over page 1 drawn in it.
    const prepared = update(reserved, (doc, allocate) => {
      const rootRef = doc.trailer.get('Root') as PdfRef
      const catalog = (doc.dict(rootRef) as PdfDict).clone()
      const { ref, page } = firstPage(doc)
      const group = allocate()
      const overlay = allocate()
      catalog.set('OCProperties', dict({ OCGs: [group], D: dict({ OFF: [group], Order: [group] }) }))
      const resources = (doc.dict(page.get('Resources')) ?? new PdfDict()).clone()
      resources.set('Properties', dict({ oc1: group }))
      page.set('Resources', resources)
      page.set('Contents', [page.get('Contents') as PdfValue, overlay])
      return [
        { ref: group, body: objectBody(dict({ Type: name('OCG'), Name: textString('Capa') })) },
        { ref: overlay, body: streamBody(`/OC /oc1 BDC ${OVERLAY} EMC`) },
        { ref, body: objectBody(page) },
        { ref: rootRef, body: objectBody(catalog) },
      ]
    })
    const signed = await signInOrder(prepared, 2, FIELDS)
    expect(verifyPdf(signed, NOW).map((report) => report.modifiedAfter)).toEqual([false, false])
    // After signing: the layer is turned on.
    const attacked = update(signed, (doc) => {
      const rootRef = doc.trailer.get('Root') as PdfRef
      const catalog = (doc.dict(rootRef) as PdfDict).clone()
      const properties = (doc.dict(catalog.get('OCProperties')) as PdfDict).clone()
      const group = (doc.array(properties.get('OCGs')) ?? [])[0] as PdfRef
      properties.set('D', dict({ ON: [group], Order: [group] }))
      catalog.set('OCProperties', properties)
      return [{ ref: rootRef, body: objectBody(catalog) }]
    })
    expectCaught(verifyPdf(attacked, NOW), /visibilidad de las capas/)
  })

  it('sombra, reemplazar: otra definición del contenido, escondida antes de firmar, se activa con solo una tabla de referencias', async () => {
    const doc = PdfDocument.load(reserved)
    const contents = firstPage(doc).page.get('Contents') as PdfRef
    // Before signing: a second definition of the page's content object, unreferenced by any table.
    const hidden = Buffer.from(`\n${contents.num} 0 obj\n${streamBody('BT ET q 0 0 0 rg 40 650 540 120 re f Q').toString('latin1')}\nendobj\n`, 'latin1')
    const hiddenOffset = reserved.length + 1
    const withHidden = Buffer.concat([reserved, hidden])
    const prepared = appendIncrementalUpdate(withHidden, doc, []).bytes
    const signed = await signInOrder(prepared, 2, FIELDS)
    expect(verifyPdf(signed, NOW).map((report) => report.modifiedAfter)).toEqual([false, false])
    // After signing: nothing but a table that points the content at the hidden definition.
    const attacked = bareXref(signed, [{ num: contents.num, offset: hiddenOffset }])
    const reports = verifyPdf(attacked, NOW)
    expectCaught(reports, /Se cambió el contenido de la página 1/)
    expect(reports[0]?.changes.join('\n')).toMatch(/actualización que no lleva firma/)
  })

  it('un campo reservado llenado con algo que no es una firma posterior (otra caja)', () => {
    const attacked = update(twice, (doc) => {
      const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm')) as PdfDict
      const thirdRef = (doc.array(form.get('Fields')) ?? [])[2] as PdfRef
      const third = (doc.dict(thirdRef) as PdfDict).clone()
      third.set('Rect', [num(0), num(0), num(612), num(792)])
      return [{ ref: thirdRef, body: objectBody(third) }]
    })
    expectCaught(verifyPdf(attacked, NOW), /Se cambió el campo «firma-integrante»/)
  })
})

describe('una firma posterior no puede tapar lo firmado', () => {
  it('una firma en un campo nuevo y visible sobre la página 1 se informa (una invisible, no: ver arriba)', async () => {
    const once = await signInOrder(reserved, 1, FIELDS)
    // A later "signature" in a new field whose box covers page 1, its appearance a white sheet.
    const covering = update(once, (doc, allocate) => {
      const { ref, page } = firstPage(doc)
      const rootRef = doc.trailer.get('Root') as PdfRef
      const formRef = doc.dict(rootRef)?.get('AcroForm') as PdfRef
      const form = (doc.dict(formRef) as PdfDict).clone()
      const widget = allocate()
      const appearance = allocate()
      form.set('Fields', [...(doc.array(form.get('Fields')) ?? []), widget])
      page.set('Annots', [...(doc.array(page.get('Annots')) ?? []), widget])
      return [
        { ref: appearance, body: streamBody('1 1 1 rg 0 0 612 792 re f', { Type: name('XObject'), Subtype: name('Form'), BBox: [num(0), num(0), num(612), num(792)] }) },
        {
          ref: widget,
          body: objectBody(dict({ Type: name('Annot'), Subtype: name('Widget'), FT: name('Sig'), T: textString('Tapadera'), F: num(4), Rect: [num(0), num(0), num(612), num(792)], P: ref, AP: dict({ N: appearance }) })),
        },
        { ref: formRef, body: objectBody(form) },
        { ref, body: objectBody(page) },
      ]
    })
    // Unsigned, the new field is no signature at all.
    expect(verifyPdf(covering, NOW)[0]?.changes.join('\n')).toMatch(/Se agregó al formulario un campo que no es una firma/)
    // Then really signed in that field: a genuine signature whose box covers the whole page.
    const resigned = await signPdf(covering, signers[1] as SignerCredentials, { signingTime: NOW, field: 'Tapadera', appearance: [{ text: 'Firmante 2' }] })
    const [first, second] = verifyPdf(resigned, NOW)
    expect(second?.intact).toBe(true)
    expect(first?.intact).toBe(true)
    expect(first?.modifiedAfter).toBe(true)
    expect(first?.changes.join('\n')).toMatch(/Se agregó una firma visible \(«Tapadera»\) fuera de los espacios reservados en la página 1/)
  })
})

/** The same update with the catalog also gaining validation data (DSS), which alone would be allowed. */
function withValidationData(pdf: Buffer, build: (doc: PdfDocument, allocate: () => PdfRef) => UpdateObject[]): Buffer {
  return update(pdf, (doc, allocate) => {
    const rootRef = doc.trailer.get('Root') as PdfRef
    const catalog = (doc.dict(rootRef) as PdfDict).clone()
    catalog.set('DSS', dict({ Certs: [] }))
    return [...build(doc, allocate), { ref: rootRef, body: objectBody(catalog) }]
  })
}

describe('disfraces: lo que parece permitido no lo es', () => {
  let twice: Buffer
  beforeAll(async () => {
    twice = await signInOrder(reserved, 2, FIELDS)
  })

  it('sólo datos de validación (DSS) después de la última firma: se admite', () => {
    const validated = withValidationData(twice, () => [])
    expect(verifyPdf(validated, NOW).map((report) => report.modifiedAfter)).toEqual([false, false])
  })

  it('el contenido de la página 1 redefinido como si fuera un flujo de objetos (/Type /ObjStm)', () => {
    const attacked = withValidationData(twice, (doc) => {
      const contents = firstPage(doc).page.get('Contents') as PdfRef
      return [{ ref: contents, body: streamBody(OVERLAY, { Type: name('ObjStm') }) }]
    })
    expectCaught(verifyPdf(attacked, NOW), /Se cambió el contenido de la página 1/)
  })

  it('la información del documento apuntada al contenido de la página 1, que luego se redefine', () => {
    const attacked = withValidationData(twice, (doc) => {
      const contents = firstPage(doc).page.get('Contents') as PdfRef
      return [{ ref: contents, body: streamBody(OVERLAY) }]
    })
    // The trailer of that update points /Info at the content stream.
    const text = attacked.toString('latin1')
    const at = text.lastIndexOf('/Info ')
    const contents = firstPage(PdfDocument.load(twice)).page.get('Contents') as PdfRef
    const info = /\/Info (\d+) (\d+) R/.exec(text.slice(at))?.[0] ?? ''
    const moved = Buffer.from(text.slice(0, at) + text.slice(at).replace(info, `/Info ${contents.num} 0 R`.padEnd(info.length, ' ')), 'latin1')
    const reports = verifyPdf(moved, NOW)
    expectCaught(reports, /Se cambió el contenido de la página 1/)
    expect(reports[0]?.changes.join('\n')).toMatch(/información del documento ahora apunta a otro objeto/)
  })

  it('una anotación escrita directamente (sin objeto propio) en la página 1', () => {
    const attacked = withValidationData(twice, (doc) => {
      const { ref, page } = firstPage(doc)
      const square = dict({ Type: name('Annot'), Subtype: name('Square'), Rect: [num(40), num(560), num(580), num(760)], IC: [num(0), num(0), num(0)], F: num(4) })
      page.set('Annots', [...(doc.array(page.get('Annots')) ?? []), square])
      return [{ ref, body: objectBody(page) }]
    })
    expectCaught(verifyPdf(attacked, NOW), /Se agregó una anotación en la página 1/)
  })

  it('el recuadro reservado de otra persona puesto también en la página 1 y firmado de verdad', async () => {
    const moved = update(twice, (doc) => {
      const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm')) as PdfDict
      const third = (doc.array(form.get('Fields')) ?? [])[2] as PdfRef
      const { ref, page } = firstPage(doc)
      page.set('Annots', [...(doc.array(page.get('Annots')) ?? []), third])
      return [{ ref, body: objectBody(page) }]
    })
    const signed = await signPdf(moved, signers[2] as SignerCredentials, { signingTime: NOW, field: FIELDS[2], appearance: [{ text: 'Acuerdo 3 cancelado' }] })
    const reports = verifyPdf(signed, NOW)
    expect(reports.map((report) => report.intact)).toEqual([true, true, true])
    expect(reports[2]?.modifiedAfter).toBe(false)
    for (const report of reports.slice(0, 2)) expect(report.changes.join('\n')).toMatch(/recuadro de firma «firma-integrante» a la página 1, donde no estaba/)
  })

  it('el contenido de la página 1 vuelto a escribir con otra generación (los lectores ya no lo encuentran)', () => {
    const attacked = withValidationData(twice, (doc) => {
      const contents = firstPage(doc).page.get('Contents') as PdfRef
      const entry = doc.entries.get(contents.num) as { kind: 'offset'; offset: number }
      const object = doc.readObjectAt(entry.offset)
      const raw = twice.subarray(object.start, object.end).toString('latin1')
      return [{ ref: new PdfRef(contents.num, 1), body: Buffer.from(raw.replace(/^\d+\s+\d+\s+obj\s*/, '').replace(/\s*endobj$/, ''), 'latin1') }]
    })
    expectCaught(verifyPdf(attacked, NOW), /Se cambió el contenido de la página 1/)
  })

  it('una tabla de referencias que nombra dos veces el mismo objeto (los lectores usan la primera)', () => {
    const doc = PdfDocument.load(twice)
    const contents = firstPage(doc).page.get('Contents') as PdfRef
    const original = (doc.entries.get(contents.num) as { offset: number }).offset
    const evil = Buffer.concat([Buffer.from(`\n${contents.num} 0 obj\n`, 'latin1'), streamBody(OVERLAY), Buffer.from('\nendobj\n', 'latin1')])
    const evilAt = twice.length + 1
    const withEvil = Buffer.concat([twice, evil])
    const trailer = new PdfDict()
    for (const key of ['Root', 'Info', 'ID']) {
      const value = doc.trailer.get(key)
      if (value !== undefined) trailer.set(key, value)
    }
    trailer.set('Size', num(doc.size))
    trailer.set('Prev', num(doc.lastXrefOffset))
    const entry = (offset: number): string => `${String(offset).padStart(10, '0')} 00000 n `
    const xref = ['xref', `${contents.num} 1`, entry(evilAt), `${contents.num} 1`, entry(original), 'trailer', serialize(trailer), 'startxref', String(withEvil.length), '%%EOF', ''].join('\n')
    const attacked = Buffer.concat([withEvil, Buffer.from(xref, 'latin1')])
    expectCaught(verifyPdf(attacked, NOW), /Se cambió el contenido de la página 1/)
  })

  it('una firma falsa (sin CMS) no explica lo que agrega', () => {
    const attacked = update(twice, (doc, allocate) => {
      const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm')) as PdfDict
      const thirdRef = (doc.array(form.get('Fields')) ?? [])[2] as PdfRef
      const third = (doc.dict(thirdRef) as PdfDict).clone()
      const fake = allocate()
      third.set('V', fake)
      return [
        { ref: fake, body: objectBody(dict({ Type: name('Sig'), Filter: name('Adobe.PPKLite'), SubFilter: name('ETSI.CAdES.detached'), ByteRange: [num(0), num(1), num(2), num(99_999_999)] })) },
        { ref: thirdRef, body: objectBody(third) },
      ]
    })
    const reports = verifyPdf(attacked, NOW)
    expect(reports).toHaveLength(3)
    expect(reports.find((report) => report.field === FIELDS[2])?.intact).toBe(false)
    for (const report of reports.filter((candidate) => candidate.intact)) {
      expect(report.modifiedAfter).toBe(true)
      expect(report.changes.join('\n')).toMatch(/firma-integrante/)
    }
  })

  it('una firma auténtica en un campo nuevo con las medidas de su recuadro dadas por referencia cuenta como visible', async () => {
    const attacked = update(await signInOrder(reserved, 1, FIELDS), (doc, allocate) => {
      const { ref, page } = firstPage(doc)
      const formRef = doc.dict(doc.trailer.get('Root'))?.get('AcroForm') as PdfRef
      const form = (doc.dict(formRef) as PdfDict).clone()
      const widget = allocate()
      const numbers = [allocate(), allocate(), allocate(), allocate()]
      form.set('Fields', [...(doc.array(form.get('Fields')) ?? []), widget])
      page.set('Annots', [...(doc.array(page.get('Annots')) ?? []), widget])
      return [
        ...numbers.map((numberRef, index) => ({ ref: numberRef, body: Buffer.from(String([40, 560, 580, 760][index]), 'latin1') })),
        { ref: widget, body: objectBody(dict({ Type: name('Annot'), Subtype: name('Widget'), FT: name('Sig'), T: textString('Escondida'), F: num(4), Rect: numbers, P: ref })) },
        { ref: formRef, body: objectBody(form) },
        { ref, body: objectBody(page) },
      ]
    })
    const signed = await signPdf(attacked, signers[1] as SignerCredentials, { signingTime: NOW, field: 'Escondida', appearance: [{ text: 'Tapa' }] })
    const [first] = verifyPdf(signed, NOW)
    expect(first?.intact).toBe(true)
    expect(first?.changes.join('\n')).toMatch(/firma visible \(«Escondida»\) fuera de los espacios reservados en la página 1/)
  })
})
