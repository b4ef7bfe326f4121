/**
 * Documents and signatures through the bridge: a generated acta, signed in
 * the app, locks its session; a second signer keeps the first signature;
 * corrections become fe de erratas; bad credentials change nothing.
 */
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

  it('muestra el firmante, firma, bloquea la sesión y acepta un segundo firmante', async () => {
    const { store, folder, call, refused, sessionId } = await setup()
    expect(await call('describeCredentials', { credentials: efirma })).toMatchObject({ name: 'JORGE ALBERTO PEÑA RUIZ', rfc: 'PERJ800101AB1', curp: 'PERJ800101HJCXXX09' })

    const signed = await call('signActa', { sessionId, credentials: p12 })
    expect(signed.session.status).toBe('firmada')
    expect(signed.session.actStatus).toBe('firmada')
    const record = signed.session.signedActa
    expect(record?.signers.map((signer) => signer.name)).toEqual(['Mtra. Laura Gómez Íñiguez'])
    const stored = await readFile(join(folder, record?.storedPath ?? ''))
    expect(stored.subarray(0, 5).toString()).toBe('%PDF-')

    expect(await refused('saveItemNotes', { sessionId, itemId: signed.session.agenda[0]?.id, notes: 'Cambio tardío' })).toMatch(/está firmada: la sesión ya no se puede modificar.*fe de erratas/)
    expect(await refused('signActa', { sessionId, credentials: p12 })).toBe('Mtra. Laura Gómez Íñiguez ya firmó esta acta.')

    const second = await call('signActa', { sessionId, credentials: efirma })
    expect(second.session.signedActa?.signers.map((signer) => signer.rfc)).toEqual([null, 'PERJ800101AB1'])
    const check = await call('verifySignedActa', { sessionId })
    expect(check.storedIntact).toBe(true)
    expect(check.signatures.map((signature) => [signature.intact, signature.coversWholeDocument])).toEqual([[true, false], [true, true]])
    expect(check.signatures[1]?.rfc).toBe('PERJ800101AB1')

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

  it('contraseña equivocada, certificado vencido, llave ajena o acta alterada: rechazo en español y nada cambia', async () => {
    const { store, folder, call, refused, sessionId } = await setup()
    expect(await refused('signActa', { sessionId, credentials: { ...p12, password: 'otra' } })).toMatch(/contraseña/i)
    const expired = makeIdentity({ subject: [{ shortName: 'CN', value: 'Vencido' }], notBefore: daysFromNow(-800), notAfter: daysFromNow(-1) })
    expect(await refused('signActa', { sessionId, credentials: { kind: 'p12', p12Base64: makePkcs12(expired, password).toString('base64'), password } })).toMatch(/venci/i)
    const stranger = makeIdentity({ subject: [{ shortName: 'CN', value: 'Otra persona' }] })
    expect(await refused('signActa', { sessionId, credentials: { ...efirma, keyBase64: makeSatKey(stranger, password).toString('base64') } })).toMatch(/no corresponde|no coincide/i)
    expect(store.data.sessions.find((session) => session.id === sessionId)?.status).toBe('concluida')

    const signed = await call('signActa', { sessionId, credentials: p12 })
    const path = join(folder, signed.session.signedActa?.storedPath ?? '')
    const bytes = await readFile(path)
    bytes[2000] = (bytes[2000] ?? 0) ^ 0xff
    await writeFile(path, bytes)
    expect((await call('verifySignedActa', { sessionId })).storedIntact).toBe(false)
    expect(await refused('signActa', { sessionId, credentials: efirma })).toMatch(/fue alterada fuera de la aplicación/)
    await store.close()
  })
})
