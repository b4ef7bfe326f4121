/**
 * Documents and signatures through the bridge: a generated acta, signed in
 * the app, locks its session; a second signer keeps the first signature;
 * corrections become fe de erratas; bad credentials change nothing.
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mexicoOffset } from '../../main/core/domain/dates'
import { TODAY, daysFromNow, fixedClock } from '../support/clock'
import { demoBridge } from './helpers'
import { makeIdentity, makePkcs12, makeSatKey, satIssuer, satPersonSubject, satSerial } from './signature-fixtures'

async function setup() {
  const bridge = await demoBridge({ sessions: 6, seed: 9 })
  const concluded = bridge.store.data.sessions.filter((session) => session.status === 'concluida').at(-1)
  if (!concluded) throw new Error('demo')
  return { ...bridge, sessionId: concluded.id }
}

async function waitForJob(call: Awaited<ReturnType<typeof setup>>['call'], jobId: string) {
  for (;;) {
    const job = await call('getJob', { jobId })
    if (job.state !== 'en-curso') return job
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('documentos en la aplicación', () => {
  it('genera el acta como trabajo con avance y la entrega como PDF', async () => {
    const { store, call, sessionId } = await setup()
    const { jobId } = await call('startDocument', { kind: 'acta', sessionId })
    const job = await waitForJob(call, jobId)
    expect(job).toMatchObject({ state: 'listo', progress: 1, error: null })
    expect(Buffer.from(job.file?.contentBase64 ?? '', 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect(job.file?.fileName).toMatch(/^acta-STL-S[OE]\d{2}-\d{4}\.pdf$/)
    await call('openJobInViewer', { jobId })
    await store.close()
  })

  it('nombra el reporte con la fecha de Guadalajara, aunque en UTC ya sea el día siguiente', async () => {
    const evening = new Date(`${TODAY}T20:30:00${mexicoOffset(TODAY)}`)
    const { store, call } = await demoBridge({ sessions: 6, seed: 9 }, { now: fixedClock(evening) })
    const { jobId } = await call('startDocument', { kind: 'reporte', sessionId: null })
    const job = await waitForJob(call, jobId)
    expect(job.file?.fileName).toBe(`reporte-de-avance-${TODAY}.pdf`)
    await store.close()
  })

  it('avisa de los caracteres que las fuentes no pueden dibujar, en vez de cambiarlos en silencio', async () => {
    const { store, call, sessionId } = await setup()
    await store.update((draft) => {
      const item = draft.sessions.find((session) => session.id === sessionId)?.agenda[0]
      if (item) item.notes = 'Se aprobó por aclamación 👏 y con entusiasmo 🎉.'
    })
    const { jobId } = await call('startDocument', { kind: 'acta', sessionId })
    const job = await waitForJob(call, jobId)
    expect(job.state).toBe('listo')
    expect(job.warnings).toHaveLength(1)
    expect(job.warnings[0]).toMatch(/no tienen 2 caracteres «👏» \(U\+1F44F\), «🎉» \(U\+1F389\): aparecen como «\?»/)
    const clean = await call('startDocument', { kind: 'reporte', sessionId: null })
    expect((await waitForJob(call, clean.jobId)).warnings).toEqual([])
    await store.close()
  })

  it('rechaza documentos imposibles antes de empezar, en español', async () => {
    const { store, refused } = await setup()
    expect(await refused('startDocument', { kind: 'acta', sessionId: 'ses-nada' })).toMatch(/no existe/i)
    const upcoming = store.data.sessions.find((session) => session.status === 'convocada')
    expect(await refused('startDocument', { kind: 'acta', sessionId: upcoming?.id })).toMatch(/aún no se celebra|no se ha celebrado|no ha concluido|sin celebrar/i)
    expect(await refused('startDocument', { kind: 'convocatoria', sessionId: null })).toMatch(/Indique la sesión/)
    await store.close()
  })
})

describe('firma del acta en la aplicación', () => {
  const password = 'Contraseña-de-prueba-1'
  const coordinator = makeIdentity({ subject: [{ shortName: 'CN', value: 'Mtra. Laura Gómez Íñiguez', utf8: true }] })
  const issuer = satIssuer()
  const secretary = makeIdentity({ subject: satPersonSubject('JORGE ALBERTO PEÑA RUIZ', 'PERJ800101AB1', 'PERJ800101HJCXXX09'), issuer, serialHex: satSerial('00001000000500000001') })
  const p12 = { kind: 'p12', p12Base64: makePkcs12(coordinator, password).toString('base64'), password }
  const efirma = { kind: 'efirma', cerBase64: secretary.certificate.toString('base64'), keyBase64: makeSatKey(secretary, password).toString('base64'), password }

  /** What the app does: preview the exact document, then sign it by its SHA-256. */
  async function previewAndSign(bridge: Awaited<ReturnType<typeof setup>>, credentials: unknown, signerId: string | null = null) {
    const preview = await bridge.call('prepareActaSigning', { sessionId: bridge.sessionId })
    return bridge.call('signActa', { sessionId: bridge.sessionId, credentials, expectedSha256: preview.sha256, signerId })
  }

  it('muestra el firmante, firma cada espacio reservado, bloquea la sesión y acepta un segundo firmante', async () => {
    const bridge = await setup()
    const { store, folder, call, refused, sessionId } = bridge
    const session = store.data.sessions.find((candidate) => candidate.id === sessionId)
    if (!session?.chairId || !session.secretaryId) throw new Error('demo sin presidencia o secretaría')
    expect(await call('describeCredentials', { credentials: efirma })).toMatchObject({ name: 'JORGE ALBERTO PEÑA RUIZ', rfc: 'PERJ800101AB1', curp: 'PERJ800101HJCXXX09' })

    // The preview is the final acta, and says who signs where.
    const preview = await call('prepareActaSigning', { sessionId })
    expect(preview.alreadySigned).toBe(false)
    expect(preview.signers.map((signer) => [signer.memberId, signer.capacity, signer.status])).toEqual([
      [session.chairId, 'Presidencia', 'pendiente'],
      [session.secretaryId, 'Secretaría Técnica', 'pendiente'],
    ])
    expect(createHash('sha256').update(Buffer.from(preview.contentBase64, 'base64')).digest('hex')).toBe(preview.sha256)
    // Rendered again, the final acta is the same bytes: what was previewed is what gets signed.
    expect((await call('prepareActaSigning', { sessionId })).sha256).toBe(preview.sha256)

    // A certificate that names nobody expected goes to the technical secretary's field.
    const signed = await call('signActa', { sessionId, credentials: p12, expectedSha256: preview.sha256, signerId: null })
    expect(signed.session.status).toBe('firmada')
    expect(signed.session.actStatus).toBe('firmada')
    const record = signed.session.signedActa
    expect(record?.signers.map((signer) => [signer.name, signer.memberId])).toEqual([['Mtra. Laura Gómez Íñiguez', session.secretaryId]])
    const stored = await readFile(join(folder, record?.storedPath ?? ''))
    expect(stored.subarray(0, 5).toString()).toBe('%PDF-')

    expect(await refused('saveItemNotes', { sessionId, itemId: signed.session.agenda[0]?.id, notes: 'Cambio tardío' })).toMatch(/está firmada: la sesión ya no se puede modificar.*fe de erratas/)
    expect(await refused('signActa', { sessionId, credentials: p12, expectedSha256: preview.sha256, signerId: null })).toBe('Mtra. Laura Gómez Íñiguez ya firmó esta acta.')
    // The preview of a signed acta is the stored file, to which the next signature is added.
    const next = await call('prepareActaSigning', { sessionId })
    expect(next.alreadySigned).toBe(true)
    expect(Buffer.from(next.contentBase64, 'base64').equals(stored)).toBe(true)
    expect(next.signers.map((signer) => signer.status)).toEqual(['pendiente', 'firmada'])
    expect(await refused('signActa', { sessionId, credentials: efirma, expectedSha256: next.sha256, signerId: session.secretaryId })).toMatch(/ya está firmado/)
    expect(await refused('signActa', { sessionId, credentials: efirma, expectedSha256: next.sha256, signerId: 'mem-nadie' })).toMatch(/no está entre quienes firman/)

    const second = await previewAndSign(bridge, efirma, session.chairId)
    expect(second.session.signedActa?.signers.map((signer) => [signer.rfc, signer.memberId])).toEqual([
      [null, session.secretaryId],
      ['PERJ800101AB1', session.chairId],
    ])
    const check = await call('verifySignedActa', { sessionId })
    expect(check.storedIntact).toBe(true)
    expect(check.signatures.map((signature) => [signature.intact, signature.coversWholeDocument, signature.modifiedAfter, signature.certified])).toEqual([
      [true, false, false, true],
      [true, true, false, false],
    ])
    expect(check.signatures[1]?.rfc).toBe('PERJ800101AB1')
    // Every expected signer has signed: a third certificate finds no field.
    const third = makeIdentity({ subject: [{ shortName: 'CN', value: 'Tercera Persona' }] })
    expect(await refused('signActa', { sessionId, credentials: { kind: 'p12', p12Base64: makePkcs12(third, password).toString('base64'), password }, expectedSha256: check.sha256, signerId: null })).toBe(
      'Todas las firmas previstas ya están en el acta.',
    )

    // The acta of a signed session is the signed file, never a fresh unsigned copy.
    const { jobId } = await call('startDocument', { kind: 'acta', sessionId })
    const job = await waitForJob(call, jobId)
    expect(job.file?.fileName).toMatch(/^acta-firmada-/)
    expect(Buffer.from(job.file?.contentBase64 ?? '', 'base64')).toEqual(await readFile(join(folder, second.session.signedActa?.storedPath ?? '')))


    const corrected = await call('addErrata', { sessionId, text: 'En el punto 5 dice «Tlaquepaque»; debe decir «San Pedro Tlaquepaque».' })
    expect(corrected.session.errata).toHaveLength(1)
    expect(store.data.audit.at(-1)?.summary).toMatch(/^Fe de erratas/)
    await store.close()
  })

  it('firma en el espacio de quien nombra el certificado, sin acentos ni títulos; y rechaza firmar algo distinto de lo revisado', async () => {
    const bridge = await setup()
    const { store, call, refused, sessionId } = bridge
    const session = store.data.sessions.find((candidate) => candidate.id === sessionId)
    const chair = store.data.members.find((member) => member.id === session?.chairId)
    if (!chair) throw new Error('demo sin presidencia')
    const bare = chair.fullName.replace(/^(Mtra?\.|Dra?\.|Lic\.|Ing\.)\s+/, '').normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()
    const holder = makeIdentity({ subject: [{ shortName: 'CN', value: bare }] })
    const credentials = { kind: 'p12', p12Base64: makePkcs12(holder, password).toString('base64'), password }

    // The session changes after the preview: the previewed bytes are no longer what would be signed.
    const preview = await call('prepareActaSigning', { sessionId })
    await call('saveItemNotes', { sessionId, itemId: session?.agenda[0]?.id, notes: 'Texto corregido después de la vista previa.' })
    const before = await readFile(bridge.dataFile)
    expect(await refused('signActa', { sessionId, credentials, expectedSha256: preview.sha256, signerId: null })).toMatch(/cambió desde la vista previa/)
    expect((await readFile(bridge.dataFile)).equals(before)).toBe(true)

    const signed = await previewAndSign(bridge, credentials)
    expect(signed.session.signedActa?.signers.map((signer) => signer.memberId)).toEqual([chair.id])
    await store.close()
  })

  it('contraseña equivocada, certificado vencido, llave ajena o acta alterada: rechazo en español y nada cambia', async () => {
    const { store, folder, call, refused, sessionId } = await setup()
    const sha = (await call('prepareActaSigning', { sessionId })).sha256
    expect(await refused('signActa', { sessionId, credentials: { ...p12, password: 'otra' }, expectedSha256: sha })).toMatch(/contraseña/i)
    const expired = makeIdentity({ subject: [{ shortName: 'CN', value: 'Vencido' }], notBefore: daysFromNow(-800), notAfter: daysFromNow(-1) })
    expect(await refused('signActa', { sessionId, credentials: { kind: 'p12', p12Base64: makePkcs12(expired, password).toString('base64'), password }, expectedSha256: sha })).toMatch(/venci/i)
    const stranger = makeIdentity({ subject: [{ shortName: 'CN', value: 'Otra persona' }] })
    expect(await refused('signActa', { sessionId, credentials: { ...efirma, keyBase64: makeSatKey(stranger, password).toString('base64') }, expectedSha256: sha })).toMatch(/no corresponde|no coincide/i)
    expect(store.data.sessions.find((session) => session.id === sessionId)?.status).toBe('concluida')

    const signed = await call('signActa', { sessionId, credentials: p12, expectedSha256: sha, signerId: null })
    const path = join(folder, signed.session.signedActa?.storedPath ?? '')
    const bytes = await readFile(path)
    bytes[2000] = (bytes[2000] ?? 0) ^ 0xff
    await writeFile(path, bytes)
    expect((await call('verifySignedActa', { sessionId })).storedIntact).toBe(false)
    expect(await refused('signActa', { sessionId, credentials: efirma, expectedSha256: sha, signerId: null })).toMatch(/fue alterada fuera de la aplicación/)
    await store.close()
  })
})
