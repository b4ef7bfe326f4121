/**
 * Trusted certificate authorities: reading a CA's certificate file (DER, PEM,
 * a PEM bundle) and refusing everything else, and the three operations of
 * Configuración over the store, whose roots make a signature «confiable».
 */
import { createHash } from 'node:crypto'
import { join, resolve } from 'node:path'
import forge from 'node-forge'
import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../main/core/errors'
import { dispatch } from '../../main/core/ipc/dispatch'
import { trustedRootsOf } from '../../main/core/ipc/handlers/trust'
import { loadPkcs12, signPdf, verifyPdf } from '../../main/core/signatures'
import { MAX_AUTHORITY_FILE_BYTES, readAuthorityFile } from '../../main/core/signatures/authorities'
import { readDataFile } from '../../main/core/store/read-data-file'
import { NOW, daysFromNow } from '../support/clock'
import { demoBridge } from './helpers'
import { makeActaPdf, makeIdentity, makePkcs12, type TestIdentity } from './signature-fixtures'

const FONT = join(resolve(__dirname, '../..'), 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')

let root: TestIdentity
let intermediate: TestIdentity
let leaf: TestIdentity
let expiredRoot: TestIdentity

const pem = (identity: TestIdentity): string => forge.pki.certificateToPem(identity.forgeCert)
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')
const base64 = (content: string | Buffer): string => Buffer.from(content).toString('base64')

beforeAll(() => {
  root = makeIdentity({ subject: [{ shortName: 'CN', value: 'Autoridad Raíz de Pruebas', utf8: true }, { shortName: 'O', value: 'Pruebas' }], ca: true })
  intermediate = makeIdentity({ subject: [{ shortName: 'CN', value: 'AC Intermedia de Pruebas' }], ca: true, issuer: root })
  leaf = makeIdentity({ subject: [{ shortName: 'CN', value: 'Jorge Alberto Peña Ruiz', utf8: true }], issuer: intermediate })
  expiredRoot = makeIdentity({ subject: [{ shortName: 'CN', value: 'Raíz Vencida', utf8: true }], ca: true, notBefore: daysFromNow(-800), notAfter: daysFromNow(-10) })
}, 60_000)

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return (error as AppError).message
  }
  throw new Error('debió rechazarse')
}

describe('leer el certificado de una autoridad', () => {
  it('lee un .cer en DER: nombre, emisor, vigencia y huella SHA-256 del DER', () => {
    const { certificates, notes } = readAuthorityFile(root.certificate, { fileName: 'raiz.cer', now: NOW })
    expect(certificates).toHaveLength(1)
    expect(certificates[0]).toMatchObject({ name: 'Autoridad Raíz de Pruebas', issuer: 'Autoridad Raíz de Pruebas', fingerprint: sha256(root.certificate) })
    expect(certificates[0]?.der.equals(root.certificate)).toBe(true)
    expect(certificates[0]?.validTo.getTime()).toBe(root.forgeCert.validity.notAfter.getTime())
    expect(notes).toEqual([])
  })

  it('lee un PEM, y un PEM con varios certificados da uno por bloque (sin repetir)', () => {
    const single = readAuthorityFile(Buffer.from(pem(intermediate)), { fileName: 'intermedia.pem', now: NOW })
    expect(single.certificates.map((c) => c.name)).toEqual(['AC Intermedia de Pruebas'])
    expect(single.certificates[0]?.issuer).toBe('Autoridad Raíz de Pruebas')
    expect(single.certificates[0]?.der.equals(intermediate.certificate)).toBe(true)

    // CRLF line ends and text around the blocks, as bundles often come.
    const bundle = `Cadena de pruebas\r\n${pem(root)}\r\n${pem(intermediate).replace(/\n/g, '\r\n')}${pem(root)}`
    const read = readAuthorityFile(Buffer.from(bundle), { fileName: 'cadena.crt', now: NOW })
    expect(read.certificates.map((c) => c.fingerprint)).toEqual([sha256(root.certificate), sha256(intermediate.certificate)])
  })

  it('acepta una autoridad vencida, con una nota', () => {
    const { certificates, notes } = readAuthorityFile(Buffer.from(pem(expiredRoot)), { fileName: 'vieja.pem', now: NOW })
    expect(certificates).toHaveLength(1)
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatch(/La autoridad «Raíz Vencida» venció el \d+ de noviembre de 2026/)
  })

  it('rechaza en español lo que no es el certificado de una autoridad', () => {
    const cases: [string, Buffer, RegExp][] = [
      ['vacio.cer', Buffer.alloc(0), /«vacio\.cer» está vacío/],
      ['espacios.pem', Buffer.from('  \n\n'), /está vacío/],
      ['basura.cer', Buffer.from('esto no es un certificado, es una nota'), /no es un certificado: se esperaba un certificado X\.509 en formato DER/],
      ['binario.cer', Buffer.from([0x30, 0x82, 0x01, 0x00, 0xde, 0xad, 0xbe, 0xef]), /no es un certificado X\.509 válido/],
      ['llave.pem', Buffer.from(leaf.keyPem), /contiene una llave privada \(«PRIVATE KEY»\).*no importe ni comparta llaves privadas/],
      ['con-llave.pem', Buffer.from(pem(root) + leaf.keyPem), /contiene una llave privada/],
      ['publica.pem', Buffer.from(forge.pki.publicKeyToPem(leaf.forgeCert.publicKey)), /contiene un bloque «PUBLIC KEY», que no es un certificado/],
      ['cortado.pem', Buffer.from(pem(root).split('-----END')[0] ?? ''), /PEM incompleto/],
      ['persona.cer', leaf.certificate, /«persona\.cer» pertenece a «Jorge Alberto Peña Ruiz», que no es una autoridad certificadora/],
      ['mezcla.pem', Buffer.from(pem(root) + pem(leaf)), /El certificado 2 de «mezcla\.pem» pertenece a «Jorge Alberto Peña Ruiz», que no es una autoridad/],
      ['enorme.pem', Buffer.alloc(MAX_AUTHORITY_FILE_BYTES + 1, 0x41), /admite como máximo 64 KB/],
    ]
    for (const [fileName, bytes, message] of cases) {
      expect(refusal(() => readAuthorityFile(bytes, { fileName, now: NOW })), fileName).toMatch(message)
    }
  })
})

describe('autoridades de confianza en Configuración', () => {
  it('agrega, lista por nombre, rechaza repetidas y quita; cada cambio queda en la bitácora', async () => {
    const { store, call, refused, dataFile } = await demoBridge({ sessions: 3, seed: 2 })
    expect(await call('listTrustedAuthorities', undefined)).toEqual([])

    const afterRoot = await call('addTrustedAuthority', { fileName: 'raiz.cer', contentBase64: base64(root.certificate) })
    expect(afterRoot).toHaveLength(1)
    expect(afterRoot[0]).toMatchObject({ name: 'Autoridad Raíz de Pruebas', fingerprint: sha256(root.certificate), addedAt: NOW.toISOString() })
    expect(afterRoot[0]?.id).toMatch(/^ca-/)
    expect(afterRoot[0]).not.toHaveProperty('derBase64')
    const added = store.data.audit.at(-1)
    expect(added).toMatchObject({ entity: 'configuracion', entityId: afterRoot[0]?.id, action: 'crear' })
    expect(added?.summary).toMatch(/Autoridad de confianza agregada: «Autoridad Raíz de Pruebas»/)

    // The same certificate again, in PEM this time: refused, nothing changes.
    expect(await refused('addTrustedAuthority', { fileName: 'raiz.pem', contentBase64: base64(pem(root)) })).toMatch(/«Autoridad Raíz de Pruebas» ya está entre las autoridades de confianza/)
    // A bundle with the root and two more adds only the new ones; the list is by name.
    const listed = await call('addTrustedAuthority', { fileName: 'cadena.pem', contentBase64: base64(pem(root) + pem(intermediate) + pem(expiredRoot)) })
    expect(listed.map((authority) => authority.name)).toEqual(['AC Intermedia de Pruebas', 'Autoridad Raíz de Pruebas', 'Raíz Vencida'])
    expect(store.data.audit.at(-1)?.summary).toMatch(/«Raíz Vencida».*\(vencida desde el/)
    expect(await call('listTrustedAuthorities', undefined)).toEqual(listed)

    const saved = await readDataFile(dataFile)
    expect(saved.trustedAuthorities.map((authority) => Buffer.from(authority.derBase64, 'base64').toString('hex')).sort()).toEqual(
      [root, intermediate, expiredRoot].map((identity) => identity.certificate.toString('hex')).sort(),
    )

    const auditBefore = store.data.audit.length
    expect(await refused('addTrustedAuthority', { fileName: 'persona.cer', contentBase64: base64(leaf.certificate) })).toMatch(/no es una autoridad certificadora/)
    expect(await refused('addTrustedAuthority', { fileName: 'llave.pem', contentBase64: base64(leaf.keyPem) })).toMatch(/contiene una llave privada/)
    expect(await refused('addTrustedAuthority', { fileName: 'nota.txt', contentBase64: base64('hola') })).toMatch(/no es un certificado/)
    expect(store.data.audit).toHaveLength(auditBefore)

    const intermediateId = listed[0]?.id ?? ''
    const remaining = await call('removeTrustedAuthority', { id: intermediateId })
    expect(remaining.map((authority) => authority.name)).toEqual(['Autoridad Raíz de Pruebas', 'Raíz Vencida'])
    expect(store.data.audit.at(-1)).toMatchObject({ entity: 'configuracion', entityId: intermediateId, action: 'eliminar' })
    expect(store.data.audit.at(-1)?.summary).toMatch(/Autoridad de confianza quitada: «AC Intermedia de Pruebas»/)

    expect(await refused('removeTrustedAuthority', { id: intermediateId })).toMatch(/no existe/)
    const unknown = await dispatch('removeTrustedAuthority', { id: 'ca-nada' }, (await demoBridge()).context)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NO_ENCONTRADO' } })
    expect((await readDataFile(dataFile)).trustedAuthorities).toHaveLength(2)
  })

  it('una firma cuya cadena llega a una autoridad agregada es confiable; al quitarla ya no', async () => {
    const { store, call } = await demoBridge({ sessions: 3, seed: 2 })
    const credentials = loadPkcs12(makePkcs12(leaf, 'clave-de-prueba', [intermediate]), 'clave-de-prueba')
    const signed = await signPdf(await makeActaPdf(FONT), credentials, { signingTime: NOW })
    expect(verifyPdf(signed, NOW, { trustedRoots: trustedRootsOf(store.data) })[0]?.trust).toBe('emisor-desconocido')

    const [added] = await call('addTrustedAuthority', { fileName: 'raiz.pem', contentBase64: base64(pem(root)) })
    expect(trustedRootsOf(store.data).map((der) => der.equals(root.certificate))).toEqual([true])
    expect(verifyPdf(signed, NOW, { trustedRoots: trustedRootsOf(store.data) })[0]?.trust).toBe('confiable')

    await call('removeTrustedAuthority', { id: added?.id })
    expect(verifyPdf(signed, NOW, { trustedRoots: trustedRootsOf(store.data) })[0]?.trust).toBe('emisor-desconocido')
  }, 60_000)
})
