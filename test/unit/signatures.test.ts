import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../main/core/errors'
import { describeCertificate, describeSigner, loadEfirma, loadPkcs12, signPdf, verifyPdf, type SignatureReport } from '../../main/core/signatures'
import { NOW, daysFromNow } from '../support/clock'
import { tempFolder } from './helpers'
import {
  hasOpenssl,
  makeActaPdf,
  makeIdentity,
  makeOpenSslPkcs12,
  makeOpenSslSatKey,
  makePkcs12,
  makeSatKey,
  satCompanySubject,
  satIssuer,
  satPersonSubject,
  satSerial,
  type TestIdentity,
} from './signature-fixtures'
import { CLI } from '../support/cli'

const ROOT = resolve(__dirname, '../..')
const FONT = join(ROOT, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')

/** The command line at the suites' clock: `sign` declares `NOW` as its signing time, `verify` judges the certificates at `NOW`. */
function cli(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const at = args[0] === 'sign' || args[0] === 'verify' ? ['--at', NOW.toISOString()] : []
  const result = spawnSync(process.execPath, [CLI, ...args, ...at], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, ...env } })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** `qpdf --check` must pass with no warning at all (exit 3 means warnings). */
function expectQpdfClean(file: string): void {
  const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' })
  expect(result.error, 'qpdf no está instalado').toBeUndefined()
  expect(result.stderr).toBe('')
  expect(result.stdout).not.toMatch(/WARNING/i)
  expect(result.stdout).toMatch(/No syntax or stream encoding errors found/)
  expect(result.status).toBe(0)
}

/** poppler's pdfsig, one block of lines per signature. */
function pdfsig(file: string): string[] {
  // -nocert: the certificates are judged by the app at the suites' clock, not by pdfsig at the machine's.
  const result = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' })
  expect(result.error, 'pdfsig no está instalado').toBeUndefined()
  return result.stdout.split(/^Signature #\d+:$/m).slice(1)
}

function tamper(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes)
  copy[at] = (copy[at] ?? 0) ^ 0x01
  return copy
}

let acta: Buffer
let selfSigned: TestIdentity
let root: TestIdentity
let intermediate: TestIdentity
let leaf4096: TestIdentity
let satPerson: TestIdentity

beforeAll(async () => {
  acta = await makeActaPdf(FONT)
  selfSigned = makeIdentity({ subject: [{ shortName: 'CN', value: 'María José Pérez Núñez', utf8: true }, { shortName: 'O', value: 'Secretariado Técnico Local', utf8: true }] })
  root = makeIdentity({ subject: [{ shortName: 'CN', value: 'Raíz de pruebas', utf8: true }], ca: true })
  intermediate = makeIdentity({ subject: [{ shortName: 'CN', value: 'Intermedia de pruebas' }], ca: true, issuer: root })
  leaf4096 = makeIdentity({ subject: [{ shortName: 'CN', value: 'Juan Carlos Secretario' }], bits: 4096, issuer: intermediate })
  satPerson = makeIdentity({
    subject: satPersonSubject('ANA SOFÍA GÓMEZ ORTIZ', 'GOOA850315AB1', 'GOOA850315MJCMRN08'),
    issuer: satIssuer(),
    serialHex: satSerial('00001000000712345678'),
  })
}, 120_000)

describe('certificados: quién firma', () => {
  it('lee nombre, RFC y CURP de una e.firma de persona física', () => {
    const info = describeSigner({ certificate: satPerson.certificate })
    expect(info).toMatchObject({ name: 'ANA SOFÍA GÓMEZ ORTIZ', rfc: 'GOOA850315AB1', curp: 'GOOA850315MJCMRN08', kind: 'persona-fisica', issuer: 'AC DE PRUEBAS DEL SAT', serial: '00001000000712345678' })
    expect(info.representativeRfc).toBeUndefined()
  })

  it('en una e.firma de persona moral separa el RFC de la empresa del de su representante', () => {
    const company = makeIdentity({ subject: satCompanySubject('EMPRESA DE PRUEBA SA DE CV', 'EPR010101AB1', 'VADA800927DJ3', 'VADA800927HSRSRL05') })
    const info = describeCertificate(company.certificate)
    expect(info).toMatchObject({ name: 'EMPRESA DE PRUEBA SA DE CV', rfc: 'EPR010101AB1', kind: 'persona-moral', representativeRfc: 'VADA800927DJ3', representativeCurp: 'VADA800927HSRSRL05' })
    expect(info.curp).toBeUndefined()
  })

  it('no confunde otros números de serie con un RFC o una CURP', () => {
    const other = makeIdentity({ subject: [{ shortName: 'CN', value: 'Alguien' }, { type: '2.5.4.5', value: 'IDCES-12345678' }] })
    const info = describeCertificate(other.certificate)
    expect(info.rfc).toBeUndefined()
    expect(info.curp).toBeUndefined()
  })
})

describe('firmar y verificar', () => {
  it('una firma con un .p12 autofirmado: pdfsig la da por válida y completa, qpdf no advierte nada', async () => {
    const folder = await tempFolder()
    const credentials = loadPkcs12(makePkcs12(selfSigned, 'clave-de-prueba'), 'clave-de-prueba')
    const signingTime = NOW
    const signed = await signPdf(acta, credentials, { signingTime, reason: 'Aprobación del acta', location: 'Guadalajara, Jalisco' })
    expect(signed.subarray(0, acta.length).equals(acta)).toBe(true)
    const file = join(folder, 'una-firma.pdf')
    await writeFile(file, signed)

    expectQpdfClean(file)
    const [block] = pdfsig(file)
    expect(block).toMatch(/Signature Validation: Signature is Valid\./)
    expect(block).toMatch(/Total document signed/)
    expect(block).toMatch(/Signature Type: ETSI\.CAdES\.detached/)
    expect(block).toMatch(/Signing Hash Algorithm: SHA-256/)

    const [report] = verifyPdf(signed, NOW)
    expect(report).toMatchObject({
      field: 'Firma 1',
      signer: 'María José Pérez Núñez',
      intact: true,
      coversWholeDocument: true,
      trust: 'autofirmado',
      subFilter: 'ETSI.CAdES.detached',
      reason: 'Aprobación del acta',
      location: 'Guadalajara, Jalisco',
      problems: [],
    })
    expect(report?.trustExplanation).toMatch(/firmado por él mismo/)
    expect(report?.signedAt).toBe(signingTime.toISOString())
  })

  it('la firma lleva los atributos de PAdES: content-type, message-digest y signing-certificate-v2, sin signing-time', async () => {
    const credentials = loadPkcs12(makePkcs12(selfSigned, 'x'), 'x')
    const signed = await signPdf(acta, credentials, { signingTime: NOW })
    const text = signed.toString('latin1')
    const hex = /\/Contents <([0-9a-f]+)>/.exec(text)?.[1] ?? ''
    const cms = Buffer.from(hex, 'hex')
    const oid = (dotted: string) => {
      // DER of an OBJECT IDENTIFIER, for a byte search only.
      const parts = dotted.split('.').map(Number)
      const bytes = [40 * (parts[0] ?? 0) + (parts[1] ?? 0)]
      for (const part of parts.slice(2)) {
        const chunk = [part & 0x7f]
        for (let rest = part >>> 7; rest > 0; rest >>>= 7) chunk.unshift((rest & 0x7f) | 0x80)
        bytes.push(...chunk)
      }
      return Buffer.from([0x06, bytes.length, ...bytes])
    }
    expect(cms.includes(oid('1.2.840.113549.1.9.3'))).toBe(true)
    expect(cms.includes(oid('1.2.840.113549.1.9.4'))).toBe(true)
    expect(cms.includes(oid('1.2.840.113549.1.9.16.2.47'))).toBe(true)
    expect(cms.includes(oid('1.2.840.113549.1.9.5'))).toBe(false)
    expect(text).toMatch(/\/M \(D:\d{14}[-+]\d{2}'\d{2}'\)/)
    expect(text).toMatch(/\/SigFlags 3/)
  })

  it('dos firmantes (el segundo, RSA-4096 bajo una intermedia): ambas firmas válidas, cada revisión limpia', async () => {
    const folder = await tempFolder()
    const first = await signPdf(acta, loadPkcs12(makePkcs12(selfSigned, 'uno'), 'uno'), { signingTime: NOW })
    const firstFile = join(folder, 'una.pdf')
    await writeFile(firstFile, first)
    expectQpdfClean(firstFile)

    const chained = loadPkcs12(makePkcs12(leaf4096, 'dos', [intermediate, root]), 'dos')
    expect(chained.chain).toHaveLength(2)
    const second = await signPdf(first, chained, { signingTime: NOW, reason: 'Conformidad' })
    expect(second.subarray(0, first.length).equals(first)).toBe(true)
    const secondFile = join(folder, 'dos.pdf')
    await writeFile(secondFile, second)
    expectQpdfClean(secondFile)

    const blocks = pdfsig(secondFile)
    expect(blocks).toHaveLength(2)
    for (const block of blocks) expect(block).toMatch(/Signature Validation: Signature is Valid\./)
    expect(blocks[0]).toMatch(/Not total document signed/)
    expect(blocks[1]).toMatch(/Total document signed/)
    expect(blocks[1]).not.toMatch(/Not total document signed/)

    const reports = verifyPdf(second, NOW)
    expect(reports.map((r) => [r.field, r.signer, r.intact, r.coversWholeDocument, r.revision, r.trust])).toEqual([
      ['Firma 1', 'María José Pérez Núñez', true, false, 2, 'autofirmado'],
      ['Firma 2', 'Juan Carlos Secretario', true, true, 3, 'emisor-desconocido'],
    ])
    expect(reports[1]?.trustExplanation).toMatch(/Raíz de pruebas/)
    // With the root declared trustworthy, the chain is.
    const trusted = verifyPdf(second, NOW, { trustedRoots: [root.certificate] })
    expect(trusted[1]?.trust).toBe('confiable')
  })

  it('un byte cambiado dentro del rango firmado invalida la verificación en pdfsig, en verifyPdf y en verify', async () => {
    const folder = await tempFolder()
    const one = await signPdf(acta, loadPkcs12(makePkcs12(selfSigned, 'x'), 'x'), { signingTime: NOW })
    const two = await signPdf(one, loadPkcs12(makePkcs12(leaf4096, 'y', [intermediate]), 'y'), { signingTime: NOW })
    // Byte 10 is in the binary comment of the header: the file still parses, only the digest changes.
    const early = tamper(two, 10)
    // And one inside the second signature's own update (in its /Reason-free dictionary text: the /Name).
    const late = tamper(two, two.lastIndexOf('/Name (Juan') + 8)
    for (const [label, bytes, broken] of [
      ['temprano', early, [false, false]],
      ['tardío', late, [true, false]],
    ] as const) {
      const file = join(folder, `${label}.pdf`)
      await writeFile(file, bytes)
      const blocks = pdfsig(file)
      expect(blocks).toHaveLength(2)
      broken.forEach((valid, i) => {
        if (valid) expect(blocks[i]).toMatch(/Signature is Valid/)
        else expect(blocks[i]).toMatch(/Digest Mismatch|Signature is Invalid/)
      })
      const reports = verifyPdf(bytes, NOW)
      expect(reports.map((r) => r.intact)).toEqual(broken)
      expect(reports.find((r) => !r.intact)?.problems.join(' ')).toMatch(/fue modificado/)
      const result = cli(['verify', file])
      expect(result.status).toBe(1)
      expect(result.stdout).toMatch(/ALTERADA/)
    }
  }, 60_000)

  it('acepta PDFs con tablas de referencias en flujos y objetos comprimidos (qpdf --object-streams=generate)', async () => {
    const folder = await tempFolder()
    const plain = join(folder, 'acta.pdf')
    const packed = join(folder, 'comprimido.pdf')
    await writeFile(plain, acta)
    const made = spawnSync('qpdf', ['--object-streams=generate', plain, packed], { encoding: 'utf8' })
    expect(made.status, made.stderr).toBe(0)
    let bytes: Buffer = await readFile(packed)
    expect(bytes.includes('/ObjStm')).toBe(true)
    for (const [i, identity] of [selfSigned, leaf4096].entries()) {
      bytes = await signPdf(bytes, loadPkcs12(makePkcs12(identity, 'z'), 'z'), { signingTime: NOW })
      const file = join(folder, `firmado-${i + 1}.pdf`)
      await writeFile(file, bytes)
      expectQpdfClean(file)
      const blocks = pdfsig(file)
      expect(blocks).toHaveLength(i + 1)
      for (const block of blocks) expect(block).toMatch(/Signature is Valid/)
    }
    expect(verifyPdf(bytes, NOW).map((r) => r.intact)).toEqual([true, true])
  }, 60_000)

  it('informa honestamente un certificado que ya venció después de firmar', async () => {
    const shortLived = makeIdentity({ subject: [{ shortName: 'CN', value: 'Vigencia corta' }], notAfter: daysFromNow(10) })
    const signed = await signPdf(acta, loadPkcs12(makePkcs12(shortLived, 'x'), 'x'), { signingTime: NOW })
    const [report] = verifyPdf(signed, daysFromNow(30))
    expect(report).toMatchObject({ intact: true, trust: 'vencido' })
    expect(report?.trustExplanation).toMatch(/venció el .* estaba vigente al firmar/)
  })

  it('un PDF sin firmas no tiene nada que verificar', async () => {
    expect(verifyPdf(acta, NOW)).toEqual([])
    const folder = await tempFolder()
    const file = join(folder, 'sin-firmas.pdf')
    await writeFile(file, acta)
    const result = cli(['verify', file])
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/no contiene firmas/)
  }, 30_000)
})

describe('credenciales', () => {
  it.skipIf(!hasOpenssl())('lee un .p12 escrito por OpenSSL 3 (AES-256, PBKDF2) y una .key hecha con openssl pkcs8 -v2 des3', async () => {
    const folder = await tempFolder()
    const p12 = await makeOpenSslPkcs12(leaf4096, 'contraseña-ñ', folder, [intermediate])
    expect(p12.includes(Buffer.from('060960864801650304012a', 'hex'))).toBe(true) // aes-256-cbc
    const credentials = loadPkcs12(p12, 'contraseña-ñ')
    expect(describeSigner(credentials).name).toBe('Juan Carlos Secretario')
    expect(credentials.chain).toHaveLength(1)
    expect(() => loadPkcs12(p12, 'otra')).toThrow(/contraseña no es correcta/)

    const key = await makeOpenSslSatKey(satPerson, 'llave SAT', folder)
    expect(key.includes(Buffer.from('2a864886f70d0307', 'hex'))).toBe(true) // des-ede3-cbc
    const efirma = loadEfirma(satPerson.certificate, key, 'llave SAT')
    const signed = await signPdf(acta, efirma, { signingTime: NOW })
    expect(verifyPdf(signed, NOW)[0]).toMatchObject({ intact: true, rfc: 'GOOA850315AB1', curp: 'GOOA850315MJCMRN08' })
  }, 60_000)

  it('rechaza con mensajes en español: contraseña equivocada, llave que no corresponde, archivos que no son lo que dicen', () => {
    const p12 = makePkcs12(selfSigned, 'correcta')
    const expectRefusal = (action: () => unknown, message: RegExp) => {
      let caught: unknown
      try {
        action()
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(AppError)
      expect((caught as AppError).message).toMatch(message)
      // Never the password in a message.
      expect((caught as AppError).message).not.toMatch(/correcta-no|secreta/)
    }
    expectRefusal(() => loadPkcs12(p12, 'correcta-no'), /La contraseña no es correcta para este certificado/)
    expectRefusal(() => loadPkcs12(Buffer.from('esto no es un p12'), 'x'), /no es un certificado PKCS#12/)
    const key = makeSatKey(satPerson, 'secreta')
    expectRefusal(() => loadEfirma(satPerson.certificate, key, 'secreta-no'), /contraseña no es correcta para la llave privada/)
    expectRefusal(() => loadEfirma(selfSigned.certificate, key, 'secreta'), /La llave privada no corresponde al certificado/)
    expectRefusal(() => loadEfirma(Buffer.from('%PDF-1.7'), key, 'secreta'), /\.cer no es un certificado/)
    expectRefusal(() => loadEfirma(satPerson.certificate, Buffer.from('nada'), 'secreta'), /\.key no es una llave privada/)
  })

  it('rechaza un certificado vencido o aún no vigente a la hora de firmar', async () => {
    const expired = makeIdentity({ subject: [{ shortName: 'CN', value: 'Certificado Vencido' }], notBefore: daysFromNow(-800), notAfter: daysFromNow(-70) })
    const credentials = loadPkcs12(makePkcs12(expired, 'x'), 'x')
    await expect(signPdf(acta, credentials, { signingTime: NOW })).rejects.toThrow(/El certificado de Certificado Vencido venció el/)
    const future = loadPkcs12(makePkcs12(selfSigned, 'x'), 'x')
    const notYetValid = signPdf(acta, future, { signingTime: daysFromNow(-10) })
    await expect(notYetValid).rejects.toMatchObject({ code: 'REGLA' })
    await expect(notYetValid).rejects.toThrow(/aún no es válido/)
  })
})

describe('línea de comandos: sign y verify', () => {
  it('firma con e.firma del SAT sobre dos firmas previas, muestra RFC y CURP, y verify --json lista las tres', async () => {
    const folder = await tempFolder()
    const input = join(folder, 'acta.pdf')
    const one = join(folder, 'una.pdf')
    const two = join(folder, 'dos.pdf')
    const three = join(folder, 'tres.pdf')
    await writeFile(input, acta)
    await writeFile(join(folder, 'firma.p12'), makePkcs12(selfSigned, 'clave p12'))
    await writeFile(join(folder, 'cadena.p12'), makePkcs12(leaf4096, 'clave cadena', [intermediate, root]))
    await writeFile(join(folder, 'sat.cer'), satPerson.certificate)
    await writeFile(join(folder, 'sat.key'), makeSatKey(satPerson, 'clave SAT'))

    const first = cli(['sign', input, '--out', one, '--p12', join(folder, 'firma.p12'), '--password-env', 'FIRMA_PASS', '--reason', 'Aprobación', '--location', 'Guadalajara'], { FIRMA_PASS: 'clave p12' })
    expect(first.status, first.stderr).toBe(0)
    expect(first.stdout).toMatch(/Firmante: María José Pérez Núñez/)
    expect(first.stdout).not.toMatch(/clave p12/)
    expectQpdfClean(one)
    const second = cli(['sign', one, '--out', two, '--p12', join(folder, 'cadena.p12'), '--password-env', 'FIRMA_PASS'], { FIRMA_PASS: 'clave cadena' })
    expect(second.status, second.stderr).toBe(0)
    expectQpdfClean(two)
    const third = cli(['sign', two, '--out', three, '--cer', join(folder, 'sat.cer'), '--key', join(folder, 'sat.key'), '--password-env', 'FIRMA_SAT'], { FIRMA_SAT: 'clave SAT' })
    expect(third.status, third.stderr).toBe(0)
    const lines = third.stdout.split('\n')
    const signing = lines.findIndex((line) => line.startsWith('PDF firmado escrito'))
    expect(lines.findIndex((line) => line === 'Firmante: ANA SOFÍA GÓMEZ ORTIZ')).toBeLessThan(signing)
    expect(third.stdout).toMatch(/^RFC: GOOA850315AB1$/m)
    expect(third.stdout).toMatch(/^CURP: GOOA850315MJCMRN08$/m)
    expectQpdfClean(three)
    const blocks = pdfsig(three)
    expect(blocks).toHaveLength(3)
    for (const block of blocks) expect(block).toMatch(/Signature is Valid/)
    expect(blocks[2]).toMatch(/Total document signed/)

    const json = cli(['verify', three, '--json'])
    expect(json.status, json.stderr).toBe(0)
    const reports = JSON.parse(json.stdout) as SignatureReport[]
    expect(reports.map((r) => ({ signer: r.signer, rfc: r.rfc, intact: r.intact, coversWholeDocument: r.coversWholeDocument }))).toEqual([
      { signer: 'María José Pérez Núñez', rfc: null, intact: true, coversWholeDocument: false },
      { signer: 'Juan Carlos Secretario', rfc: null, intact: true, coversWholeDocument: false },
      { signer: 'ANA SOFÍA GÓMEZ ORTIZ', rfc: 'GOOA850315AB1', intact: true, coversWholeDocument: true },
    ])
    for (const report of reports) expect(Date.parse(report.signedAt ?? '')).not.toBeNaN()

    const text = cli(['verify', three])
    expect(text.status).toBe(0)
    expect(text.stdout).toMatch(/Firma 3 de 3/)
    expect(text.stdout).toMatch(/Integridad: intacta/)
    expect(text.stdout).toMatch(/cubre la versión 2 de 4/)
    expect(text.stdout).toMatch(/Alcance: cubre todo el documento/)
    expect(text.stdout).toMatch(/Certificado: certificado autofirmado/)
    expect(text.stdout).toMatch(/hora del centro de México/)
  }, 120_000)

  it('rechaza contraseña equivocada, certificado vencido y llave ajena sin escribir nada', async () => {
    const folder = await tempFolder()
    const input = join(folder, 'acta.pdf')
    await writeFile(input, acta)
    const expired = makeIdentity({ subject: [{ shortName: 'CN', value: 'Firmante Vencido' }], notBefore: daysFromNow(-800), notAfter: daysFromNow(-70) })
    await writeFile(join(folder, 'buena.p12'), makePkcs12(selfSigned, 'buena'))
    await writeFile(join(folder, 'vencida.p12'), makePkcs12(expired, 'buena'))
    await writeFile(join(folder, 'sat.cer'), satPerson.certificate)
    await writeFile(join(folder, 'ajena.key'), makeSatKey(selfSigned, 'buena'))

    const cases: [string[], RegExp][] = [
      [['--p12', join(folder, 'buena.p12')], /La contraseña no es correcta/],
      [['--p12', join(folder, 'vencida.p12')], /venció el/],
      [['--cer', join(folder, 'sat.cer'), '--key', join(folder, 'ajena.key')], /no corresponde al certificado/],
    ]
    for (const [i, [credentials, message]] of cases.entries()) {
      const out = join(folder, `salida-${i}.pdf`)
      const result = cli(['sign', input, '--out', out, ...credentials, '--password-env', 'PASS'], { PASS: i === 0 ? 'mala' : 'buena' })
      expect(result.status).toBe(1)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stderr).toMatch(message)
      expect(result.stderr).not.toMatch(/mala|buena/)
      expect(existsSync(out)).toBe(false)
    }
    expect((await readFile(input)).equals(acta)).toBe(true)

    const missing = cli(['sign', input, '--out', join(folder, 'x.pdf'), '--p12', join(folder, 'buena.p12'), '--password-env', 'NO_EXISTE_ESTA_VARIABLE'])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/La variable de entorno NO_EXISTE_ESTA_VARIABLE no está definida/)
    const noPassword = cli(['sign', input, '--out', join(folder, 'x.pdf'), '--p12', join(folder, 'buena.p12'), '--password', 'buena'])
    expect(noPassword.status).toBe(2)
    expect(noPassword.stderr).toMatch(/Opción desconocida: --password/)
  }, 120_000)
})
