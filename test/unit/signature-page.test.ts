/**
 * The acta's «Firmas» page, signed twice in the app: each signature fills the
 * box reserved for its signer with a visible appearance, the document is the
 * final acta (no draft marks), and poppler accepts both signatures. With
 * SCREENSHOTS=1 the page is kept as a picture in docs/screenshots/.
 */
import { spawnSync } from 'node:child_process'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { PdfDocument } from '../../main/core/signatures/pdf-document'
import { decodeTextString, PdfDict, PdfNumber, PdfRef } from '../../main/core/signatures/pdf-syntax'
import { demoBridge, tempFolder } from './helpers'
import { makeIdentity, makePkcs12, makeSatKey, satIssuer, satPersonSubject, satSerial } from './signature-fixtures'

const ROOT = resolve(__dirname, '../..')
const password = 'Contraseña-de-prueba-2'

function text(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : []
  const result = spawnSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' })
  expect(result.status).toBe(0)
  return result.stdout
}

describe('la página de firmas', () => {
  it('dos firmas en sus espacios reservados: apariencia visible, acta final, pdfsig las valida', async () => {
    const bridge = await demoBridge({ sessions: 6, seed: 9 })
    const { store, call, folder } = bridge
    const session = store.data.sessions.filter((candidate) => candidate.status === 'concluida').at(-1)
    const chair = store.data.members.find((member) => member.id === session?.chairId)
    const secretary = store.data.members.find((member) => member.id === session?.secretaryId)
    if (!session || !chair || !secretary) throw new Error('demo sin sesión concluida con presidencia y secretaría')

    const chairCertificate = makeIdentity({ subject: [{ shortName: 'CN', value: chair.fullName, utf8: true }] })
    const secretaryCertificate = makeIdentity({
      subject: satPersonSubject(secretary.fullName.toUpperCase(), 'GOIL800101AB1', 'GOIL800101MJCXXX09'),
      issuer: satIssuer(),
      serialHex: satSerial('00001000000500000077'),
    })
    const credentials = [
      { kind: 'efirma', cerBase64: secretaryCertificate.certificate.toString('base64'), keyBase64: makeSatKey(secretaryCertificate, password).toString('base64'), password },
      { kind: 'p12', p12Base64: makePkcs12(chairCertificate, password).toString('base64'), password },
    ]
    for (const credential of credentials) {
      const preview = await call('prepareActaSigning', { sessionId: session.id })
      await call('signActa', { sessionId: session.id, credentials: credential, expectedSha256: preview.sha256, signerId: null })
    }
    const record = store.data.sessions.find((candidate) => candidate.id === session.id)?.signedActa
    expect(record?.signers.map((signer) => signer.memberId)).toEqual([secretary.id, chair.id])

    const work = await tempFolder()
    const file = join(work, 'acta-firmada.pdf')
    const bytes = await readFile(join(folder, record?.storedPath ?? ''))
    await writeFile(file, bytes)

    // The final acta carries no draft mark (the minutes may still speak of the previous session's «proyecto de acta»).
    const whole = text(file)
    expect(whole).not.toMatch(/Proyecto de acta/)
    expect(whole).not.toMatch(/\((borrador|en revisión)\)/)
    expect(whole).toMatch(/Firmas electrónicas/)

    // Both signatures valid for poppler, the first one not covering the second's revision.
    const signatures = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' }).stdout
    expect(signatures.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2)

    // Each signed field is a widget with an area on the last page and an appearance drawn in it.
    const doc = PdfDocument.load(bytes)
    const pages = doc.pages()
    const lastPage = pages[pages.length - 1] as PdfRef
    const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm')) as PdfDict
    const fields = (doc.array(form.get('Fields')) ?? []).map((ref) => ({ ref: ref as PdfRef, field: doc.dict(ref) as PdfDict }))
    const signed = fields.filter(({ field }) => field.get('V') !== undefined)
    expect(signed.map(({ field }) => decodeTextString(field.get('T')))).toEqual(expect.arrayContaining(record?.signers.map((signer) => signer.field) ?? []))
    expect(signed).toHaveLength(2)
    for (const { field } of signed) {
      const [x1, y1, x2, y2] = (doc.array(field.get('Rect')) ?? []).map((value) => (value instanceof PdfNumber ? value.value : 0)) as [number, number, number, number]
      expect((x2 - x1) * (y2 - y1)).toBeGreaterThan(5000)
      expect((field.get('P') as PdfRef).num).toBe(lastPage.num)
      const appearance = doc.dict(field.get('AP'))?.get('N') as PdfRef
      const stream = doc.dict(appearance) as PdfDict
      const bbox = (doc.array(stream.get('BBox')) ?? []).map((value) => (value instanceof PdfNumber ? value.value : 0))
      expect(bbox).toEqual([0, 0, x2 - x1, y2 - y1])
      expect(inflateSync(doc.streamData(appearance.num) ?? Buffer.alloc(0)).length).toBeGreaterThan(1000)
    }

    // The page as a picture: the names printed by the acta are there, and the boxes are no longer blank.
    const lastText = text(file, pages.length)
    expect(lastText).toContain(chair.fullName)
    expect(lastText).toContain(secretary.fullName)
    const picture = join(work, 'firmas')
    expect(spawnSync('pdftoppm', ['-png', '-r', '80', '-f', String(pages.length), '-l', String(pages.length), '-singlefile', file, picture]).status).toBe(0)
    if (process.env.SCREENSHOTS) await copyFile(`${picture}.png`, join(ROOT, 'docs/screenshots/acta-pagina-de-firmas.png'))
    await store.close()
  }, 120_000)
})
