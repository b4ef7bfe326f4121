/**
 * The signature circuit through the bridge: the acta goes out for signature,
 * the secretary signs in place, another signer signs on their own machine
 * (the signer's side needs no data file), and the file comes back. Every
 * refusal says why in Spanish and leaves the data file byte-identical.
 */
import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sessionTitle } from '../../main/core/domain/session-title'
import type { AuditEntry } from '../../main/core/model/schema'
import { loadPkcs12, signPdf, verifyPdf } from '../../main/core/signatures'
import { appendIncrementalUpdate } from '../../main/core/signatures/incremental-update'
import { PdfDocument } from '../../main/core/signatures/pdf-document'
import { dict, name, num, PdfDict, PdfRef, serialize, textString } from '../../main/core/signatures/pdf-syntax'
import { readDataFile } from '../../main/core/store/read-data-file'
import { NOW } from '../support/clock'
import { bytesOf, demoBridge, emptyBridge, tempFolder } from './helpers'
import { makeActaPdf, makeIdentity, makePkcs12 } from './signature-fixtures'

const password = 'Clave-de-prueba-7'
const FONT = join(resolve(__dirname, '../..'), 'resources/fonts/DejaVuSans.ttf')

function p12For(holder: string) {
  const identity = makeIdentity({ subject: [{ shortName: 'CN', value: holder, utf8: true }] })
  return { kind: 'p12' as const, p12Base64: makePkcs12(identity, password).toString('base64'), password }
}

async function setup() {
  const bridge = await demoBridge({ sessions: 6, seed: 9 })
  const session = bridge.store.data.sessions.filter((candidate) => candidate.status === 'concluida').at(-1)
  const chair = bridge.store.data.members.find((member) => member.id === session?.chairId)
  const secretary = bridge.store.data.members.find((member) => member.id === session?.secretaryId)
  if (!session || !chair || !secretary) throw new Error('demo sin sesión concluida con presidencia y secretaría')
  return { ...bridge, sessionId: session.id, chair, secretary }
}

/** The bitácora's entries about a session written since `since` entries were there. */
function auditSince(store: Awaited<ReturnType<typeof setup>>['store'], since: number, sessionId: string): AuditEntry[] {
  return store.data.audit.slice(since).filter((entry) => entry.entity === 'sesion' && entry.entityId === sessionId)
}

function titleOf(store: Awaited<ReturnType<typeof setup>>['store'], sessionId: string): string {
  const session = store.data.sessions.find((candidate) => candidate.id === sessionId)
  if (!session) throw new Error('sin sesión')
  return sessionTitle(session)
}

/** What a signer does on their own machine: open the file received, sign their field, save the result. */
async function signElsewhere(call: Awaited<ReturnType<typeof setup>>['call'], pdf: Buffer, field: string, credentials: ReturnType<typeof p12For>): Promise<Buffer> {
  const opened = await call('openActaForSigning', { fileName: 'acta.pdf', contentBase64: pdf.toString('base64') })
  const signed = await call('signActaFile', { fileName: opened.fileName, contentBase64: opened.contentBase64, expectedSha256: opened.sha256, field, credentials })
  return Buffer.from(signed.contentBase64, 'base64')
}

describe('el circuito de firma', () => {
  it('se envía a firma, la secretaría firma en su lugar, la presidencia firma en su equipo y el acta vuelve: firmada', async () => {
    const { store, call, refused, sessionId, chair, secretary, folder, dataFile } = await setup()
    const chairField = `firma-${chair.id}`
    const secretaryField = `firma-${secretary.id}`

    const title = titleOf(store, sessionId)
    let auditCount = store.data.audit.length
    // Out for signature, secretary first: edits are refused from now on.
    const started = await call('startSignatureCircuit', { sessionId, order: [secretary.id, chair.id] })
    expect(started.session.status).toBe('en-firma')
    expect(started.can.sendForSignature).toBe(false)
    expect(started.can.receiveSignature).toBe(true)
    expect(await refused('saveItemNotes', { sessionId, itemId: started.session.agenda[0]?.id, notes: 'Otro texto' })).toMatch(/está en firma/)
    let circuit = await call('getSignatureCircuit', { sessionId })
    expect(circuit.signers.map((signer) => [signer.memberId, signer.status, signer.next])).toEqual([
      [secretary.id, 'pendiente', true],
      [chair.id, 'pendiente', false],
    ])
    const first = Buffer.from((await call('getCurrentActa', { sessionId })).contentBase64, 'base64')
    expect(circuit.current?.sha256).toBeDefined()
    // The bitácora: sent for signature, to whom in what order, and which file.
    expect(auditSince(store, auditCount, sessionId)).toEqual([
      expect.objectContaining({ action: 'estado', summary: `Acta de la ${title} enviada a firma (${secretary.fullName}, ${chair.fullName}); SHA-256 ${circuit.current?.sha256}` }),
    ])
    auditCount = store.data.audit.length

    // The secretary signs in place: the preview is the current revision.
    const preview = await call('prepareActaSigning', { sessionId })
    expect(Buffer.from(preview.contentBase64, 'base64').equals(first)).toBe(true)
    // Nobody signs another member's box in place either, and a refusal changes nothing.
    const untouched = await bytesOf(dataFile)
    expect(await refused('signActa', { sessionId, credentials: p12For('Persona Ajena Al Acta'), expectedSha256: preview.sha256, signerId: secretary.id })).toMatch(
      new RegExp(`El certificado es de Persona Ajena Al Acta, que no es quien debe firmar en el espacio de ${secretary.fullName}`),
    )
    expect(await bytesOf(dataFile)).toEqual(untouched)
    const afterSecretary = await call('signActa', { sessionId, credentials: p12For(secretary.fullName), expectedSha256: preview.sha256, signerId: null })
    expect(afterSecretary.session.status).toBe('en-firma')
    circuit = await call('getSignatureCircuit', { sessionId })
    expect(circuit.signers.map((signer) => [signer.status, signer.next])).toEqual([
      ['firmada', false],
      ['pendiente', true],
    ])
    expect(circuit.signers[0]?.certificate?.name).toBe(secretary.fullName)
    // The bitácora: signed in place, by whom, in whose box, and the new file.
    expect(auditSince(store, auditCount, sessionId)).toEqual([
      expect.objectContaining({
        action: 'estado',
        summary: `Acta de la ${title} firmada por ${secretary.fullName} en el espacio de ${secretary.fullName} (Secretaría Técnica); SHA-256 ${circuit.current?.sha256}`,
      }),
    ])
    expect(circuit.current?.signatures).toBe(1)
    auditCount = store.data.audit.length

    // The chair, on their own machine: the signer's side shows the fields and signs theirs.
    const current = Buffer.from((await call('getCurrentActa', { sessionId })).contentBase64, 'base64')
    const member = await emptyBridge()
    const opened = await member.call('openActaForSigning', { fileName: 'acta.pdf', contentBase64: current.toString('base64') })
    expect(opened.fields.map((field) => [field.field, field.signed])).toEqual(
      expect.arrayContaining([
        [chairField, false],
        [secretaryField, true],
      ]),
    )
    expect(await member.refused('signActaFile', { fileName: 'acta.pdf', contentBase64: opened.contentBase64, expectedSha256: opened.sha256, field: secretaryField, credentials: p12For(chair.fullName) })).toMatch(/ya está firmado/)
    const byChair = await signElsewhere(member.call, current, chairField, p12For(chair.fullName.toUpperCase()))
    await member.store.close()

    const done = await call('receiveSignedActa', { sessionId, contentBase64: byChair.toString('base64') })
    expect(done.session.status).toBe('firmada')
    expect(done.session.signedActa?.signers.map((signer) => signer.memberId)).toEqual([secretary.id, chair.id])
    circuit = await call('getSignatureCircuit', { sessionId })
    expect(circuit.state).toBe('firmada')
    expect(circuit.signers.every((signer) => signer.status === 'firmada' && !signer.next)).toBe(true)
    const final = await readFile(join(folder, done.session.signedActa?.storedPath ?? ''))
    expect(final.equals(byChair)).toBe(true)
    // The bitácora: received from the chair, and with it the acta is «firmada».
    expect(auditSince(store, auditCount, sessionId)).toEqual([
      expect.objectContaining({
        action: 'estado',
        summary: `Acta de la ${title}: se recibió la firma de ${chair.fullName}; todas las firmas están en el acta, que queda firmada; SHA-256 ${done.session.signedActa?.sha256}`,
      }),
    ])
    expect(done.session.actStatus).toBe('firmada')

    // pdfsig accepts every signature; none was modified after signing.
    const work = await tempFolder()
    await writeFile(join(work, 'final.pdf'), final)
    expect(spawnSync('pdfsig', ['-nocert', join(work, 'final.pdf')], { encoding: 'utf8' }).stdout.match(/Signature is Valid\./g)).toHaveLength(2)
    expect(verifyPdf(final, NOW).map((report) => [report.intact, report.modifiedAfter])).toEqual([
      [true, false],
      [true, false],
    ])
    await store.close()
  }, 120_000)

  it('rechaza, sin cambiar nada: la misma acta, una versión anterior, un archivo alterado, otra persona, un espacio ya firmado, otro documento', async () => {
    const { store, call, refused, sessionId, chair, secretary, dataFile } = await setup()
    const chairField = `firma-${chair.id}`
    const secretaryField = `firma-${secretary.id}`
    await call('startSignatureCircuit', { sessionId, order: null })
    const first = Buffer.from((await call('getCurrentActa', { sessionId })).contentBase64, 'base64')
    const preview = await call('prepareActaSigning', { sessionId })
    await call('signActa', { sessionId, credentials: p12For(secretary.fullName), expectedSha256: preview.sha256, signerId: secretary.id })
    const current = Buffer.from((await call('getCurrentActa', { sessionId })).contentBase64, 'base64')

    const refusedKeeping = async (bytes: Buffer, pattern: RegExp): Promise<void> => {
      const before = await bytesOf(dataFile)
      expect(await refused('receiveSignedActa', { sessionId, contentBase64: bytes.toString('base64') })).toMatch(pattern)
      expect(await bytesOf(dataFile)).toEqual(before)
    }

    await refusedKeeping(current, /es el acta actual, sin una firma nueva/)
    // Signed on the first revision, after the secretary had signed.
    const stale = await signElsewhere(call, first, chairField, p12For(chair.fullName))
    await refusedKeeping(stale, new RegExp(`versión anterior del acta: después firmó ${secretary.fullName}`))
    // Signed right, then changed.
    const good = await signElsewhere(call, current, chairField, p12For(chair.fullName))
    const doc = PdfDocument.load(good)
    const info = doc.trailer.get('Info') as PdfRef
    const altered = appendIncrementalUpdate(good, doc, [{ ref: info, body: Buffer.from(serialize(dict({ Title: textString('Otra acta') })), 'latin1') }]).bytes
    await refusedKeeping(altered, /se modificó después de firmarse/)
    // Someone else in the chair's box.
    await refusedKeeping(await signElsewhere(call, current, chairField, p12For('Persona Ajena Al Acta')), /La firma es de Persona Ajena Al Acta, que no es quien debe firmar en ese espacio/)
    // A new field named like the secretary's, already signed, listed first so that it is the one signed.
    const duplicate = appendIncrementalUpdate(current, PdfDocument.load(current), (() => {
      const base = PdfDocument.load(current)
      const rootRef = base.trailer.get('Root') as PdfRef
      const formRef = base.dict(rootRef)?.get('AcroForm') as PdfRef
      const form = (base.dict(formRef) as PdfDict).clone()
      const pageRef = base.pages().at(-1) as PdfRef
      const page = (base.dict(pageRef) as PdfDict).clone()
      const widget = new PdfRef(base.size, 0)
      form.set('Fields', [widget, ...(base.array(form.get('Fields')) ?? [])])
      page.set('Annots', [...(base.array(page.get('Annots')) ?? []), widget])
      const field = dict({ Type: name('Annot'), Subtype: name('Widget'), FT: name('Sig'), T: textString(secretaryField), F: num(132), Rect: [num(0), num(0), num(0), num(0)], P: pageRef })
      return [
        { ref: widget, body: Buffer.from(serialize(field), 'latin1') },
        { ref: formRef, body: Buffer.from(serialize(form), 'latin1') },
        { ref: pageRef, body: Buffer.from(serialize(page), 'latin1') },
      ]
    })()).bytes
    const twiceInOneBox = await signPdf(duplicate, loadPkcs12(Buffer.from(p12For(secretary.fullName).p12Base64, 'base64'), password), { signingTime: NOW, field: secretaryField })
    await refusedKeeping(twiceInOneBox, new RegExp(`El espacio de firma de ${secretary.fullName} ya estaba firmado`))
    // Another document altogether.
    const other = await signPdf(await makeActaPdf(FONT), loadPkcs12(Buffer.from(p12For(chair.fullName).p12Base64, 'base64'), password), { signingTime: NOW })
    await refusedKeeping(other, /no es esta acta ni una de sus versiones/)

    // The right file still goes in afterwards.
    const done = await call('receiveSignedActa', { sessionId, contentBase64: good.toString('base64') })
    expect(done.session.status).toBe('firmada')
    await store.close()
  }, 120_000)

  it('el orden de firma cambia después de enviar: otra persona sigue, queda en la bitácora, y un orden malo no cambia nada', async () => {
    const { store, call, refused, sessionId, chair, secretary, dataFile } = await setup()
    const title = titleOf(store, sessionId)
    const chairField = `firma-${chair.id}`
    const refusedKeeping = async (input: unknown, pattern: RegExp): Promise<void> => {
      const before = await bytesOf(dataFile)
      const audit = store.data.audit.length
      expect(await refused('setSignatureOrder', input)).toMatch(pattern)
      expect(await bytesOf(dataFile)).toEqual(before)
      expect(store.data.audit).toHaveLength(audit)
    }
    // Not sent yet: there is no order to change.
    await refusedKeeping({ sessionId, order: [secretary.id, chair.id] }, /El acta de esta sesión no está en firma/)

    const started = await call('startSignatureCircuit', { sessionId, order: [chair.id, secretary.id] })
    expect(started.session.status).toBe('en-firma')
    let circuit = await call('getSignatureCircuit', { sessionId })
    expect(circuit.signers.map((signer) => [signer.memberId, signer.next])).toEqual([
      [chair.id, true],
      [secretary.id, false],
    ])

    // Bad orders: someone missing, someone twice, someone who does not sign this acta, nobody.
    const stranger = store.data.members.find((member) => member.id !== chair.id && member.id !== secretary.id)
    if (!stranger) throw new Error('demo sin otra persona')
    await refusedKeeping({ sessionId, order: [secretary.id] }, new RegExp(`El orden de firma no incluye a ${chair.fullName}`))
    await refusedKeeping({ sessionId, order: [secretary.id, chair.id, secretary.id] }, /El orden de firma repite a una persona/)
    await refusedKeeping({ sessionId, order: [secretary.id, chair.id, stranger.id] }, /incluye a alguien que no firma esta acta/)
    await refusedKeeping({ sessionId, order: [secretary.id, 'mem-nadie'] }, /incluye a alguien que no firma esta acta/)
    await refusedKeeping({ sessionId, order: [] }, /Indique el orden de firma/)
    await refusedKeeping({ sessionId: 'ses-nada', order: [secretary.id, chair.id] }, /La sesión no existe/)

    // The secretary first now: they are next, and the bitácora says so.
    const before = store.data.audit.length
    const reordered = await call('setSignatureOrder', { sessionId, order: [secretary.id, chair.id] })
    expect(reordered.session.signatureCircuit?.order).toEqual([secretary.id, chair.id])
    expect(reordered.session.status).toBe('en-firma')
    circuit = await call('getSignatureCircuit', { sessionId })
    expect(circuit.signers.map((signer) => [signer.memberId, signer.status, signer.next])).toEqual([
      [secretary.id, 'pendiente', true],
      [chair.id, 'pendiente', false],
    ])
    expect(auditSince(store, before, sessionId)).toEqual([
      expect.objectContaining({ action: 'editar', summary: `Nuevo orden de firma del acta de la ${title}: ${secretary.fullName}, ${chair.fullName}` }),
    ])
    // Changing the order changes nothing of the file out for signature.
    expect(circuit.current?.signatures).toBe(0)
    expect((await readDataFile(dataFile)).sessions.find((session) => session.id === sessionId)?.signatureCircuit?.order).toEqual([secretary.id, chair.id])

    // The chair signs anyway (out of turn, on their own machine): received, not yet «firmada», and the secretary is next.
    const current = Buffer.from((await call('getCurrentActa', { sessionId })).contentBase64, 'base64')
    const byChair = await signElsewhere(call, current, chairField, p12For(chair.fullName))
    const afterChairAudit = store.data.audit.length
    const received = await call('receiveSignedActa', { sessionId, contentBase64: byChair.toString('base64') })
    expect(received.session.status).toBe('en-firma')
    expect(received.session.actStatus).not.toBe('firmada')
    const entries = auditSince(store, afterChairAudit, sessionId)
    expect(entries).toEqual([expect.objectContaining({ action: 'estado', summary: `Acta de la ${title}: se recibió la firma de ${chair.fullName}; SHA-256 ${received.session.signedActa?.sha256}` })])
    expect(entries[0]?.summary).not.toMatch(/queda firmada/)
    circuit = await call('getSignatureCircuit', { sessionId })
    expect(circuit.signers.map((signer) => [signer.memberId, signer.status, signer.next])).toEqual([
      [secretary.id, 'pendiente', true],
      [chair.id, 'firmada', false],
    ])

    // Who signed keeps their place: the chair cannot be put after someone still pending, and may be put first.
    await refusedKeeping({ sessionId, order: [secretary.id, chair.id] }, /Quienes ya firmaron conservan su lugar/)
    const chairFirst = await call('setSignatureOrder', { sessionId, order: [chair.id, secretary.id] })
    expect(chairFirst.session.signatureCircuit?.order).toEqual([chair.id, secretary.id])
    circuit = await call('getSignatureCircuit', { sessionId })
    expect(circuit.signers.map((signer) => [signer.memberId, signer.status, signer.next])).toEqual([
      [chair.id, 'firmada', false],
      [secretary.id, 'pendiente', true],
    ])

    // The secretary signs in place: «firmada»; the order cannot change any more.
    const preview = await call('prepareActaSigning', { sessionId })
    const done = await call('signActa', { sessionId, credentials: p12For(secretary.fullName), expectedSha256: preview.sha256, signerId: secretary.id })
    expect(done.session.status).toBe('firmada')
    await refusedKeeping({ sessionId, order: [chair.id, secretary.id] }, /El acta de esta sesión no está en firma/)
    await store.close()
  }, 120_000)

  it('no se envía a firma lo que no corresponde, ni con un orden que no es el de quienes firman', async () => {
    const { store, call, refused, sessionId, chair } = await setup()
    const upcoming = store.data.sessions.find((session) => session.status === 'convocada')
    expect(await refused('startSignatureCircuit', { sessionId: upcoming?.id, order: null })).toMatch(/Sólo se envía a firma el acta de una sesión concluida/)
    expect(await refused('startSignatureCircuit', { sessionId, order: [chair.id] })).toMatch(/no incluye a/)
    expect(await refused('startSignatureCircuit', { sessionId, order: [chair.id, chair.id] })).toMatch(/repite/)
    expect(await refused('receiveSignedActa', { sessionId, contentBase64: Buffer.from('%PDF-1.7').toString('base64') })).toMatch(/no está en firma/)
    await call('startSignatureCircuit', { sessionId, order: null })
    expect(await refused('startSignatureCircuit', { sessionId, order: null })).toMatch(/ya está en firma/)
    await store.close()
  })
})
