import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import forge from 'node-forge'
import { beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, type Data } from '../../main/core/model/schema'
import type { SignatureReport } from '../../main/core/signatures'
import { serializeData } from '../../main/core/store/data-format'
import { PdfDocument } from '../../main/core/signatures/pdf-document'
import { decodeTextString, PdfNumber, PdfRef } from '../../main/core/signatures/pdf-syntax'
import { parseDataBytes, readDataFile } from '../../main/core/store/read-data-file'
import { NOW, TODAY } from '../support/clock'
import { tempFolder } from './helpers'
import { makeActaPdf, makeIdentity, makePkcs12, makeSatKey, satIssuer, satPersonSubject, satSerial, type TestIdentity } from './signature-fixtures'
import { CLI } from '../support/cli'

const ROOT = resolve(__dirname, '../..')

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return cliWith({}, ...args)
}

/** The command line with more environment variables (the certificate's password, for the signing commands). */
function cliWith(env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, ...env } })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('línea de comandos: demo-data y check', () => {
  it('escribe datos de demostración que check acepta, y rechaza copias dañadas sin tocarlas', async () => {
    const folder = await tempFolder()
    const good = join(folder, 'd.json')
    const made = cli('demo-data', '--out', good, '--seed', '5', '--today', TODAY)
    expect(made.status, made.stderr).toBe(0)
    expect(made.stdout).toMatch(/Datos de demostración escritos/)
    // An existing file is never replaced silently: refused without --force, kept in respaldos/ with it.
    const pristine = await readFile(good)
    const again = cli('demo-data', '--out', good, '--seed', '6', '--today', TODAY)
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/Ya existe .*d\.json: no se reemplaza\. Para reemplazarlo use --force/)
    expect(await readFile(good)).toEqual(pristine)
    const forced = cli('demo-data', '--out', good, '--seed', '6', '--today', TODAY, '--force')
    expect(forced.status, forced.stderr).toBe(0)
    const kept = /respaldado en (\S+\.json)/.exec(forced.stdout)?.[1]
    expect(kept).toMatch(/respaldos\/guardado-/)
    expect(await readFile(kept ?? '')).toEqual(pristine)
    expect(await readFile(good)).not.toEqual(pristine)
    // Back to seed 5 for the checks below.
    expect(cli('demo-data', '--out', good, '--seed', '5', '--today', TODAY, '--force').status).toBe(0)

    const ok = cli('check', good)
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(new RegExp(`Archivo válido \\(esquema ${SCHEMA_VERSION}\\)`))

    const bytes = await readFile(good)
    const truncated = join(folder, 'truncado.json')
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const flipped = join(folder, 'byte.json')
    const copy = Buffer.from(bytes)
    // A byte deep inside the data (a name, a note): still valid JSON, caught only by the checksum.
    const at = bytes.indexOf('Secretariado Técnico Local') + 3
    copy[at] = (copy[at] ?? 0) ^ 0x01
    await writeFile(flipped, copy)
    const wrongType = join(folder, 'tipo.json')
    const data = (JSON.parse(bytes.toString('utf8')) as { datos: Data }).datos
    ;(data.members[0] as unknown as { active: unknown }).active = 'sí'
    await writeFile(wrongType, serializeData(data))

    for (const [file, reason] of [
      [truncated, /no es JSON válido \(está incompleto/],
      [flipped, /suma de verificación no coincide/],
      [wrongType, /members\.0\.active: se esperaba verdadero o falso/],
    ] as const) {
      const before = await readFile(file)
      const result = cli('check', file)
      expect(result.status).toBe(1)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stderr).toMatch(reason)
      expect(await readFile(file)).toEqual(before)
    }
  }, 60_000)

  it('cualquier byte alterado hace que el archivo se rechace', async () => {
    const folder = await tempFolder()
    const file = join(folder, 'd.json')
    expect(cli('demo-data', '--out', file, '--sessions', '3', '--today', TODAY).status).toBe(0)
    const bytes = await readFile(file)
    for (let at = 0; at < bytes.length; at += 211) {
      const copy = Buffer.from(bytes)
      copy[at] = (copy[at] ?? 0) ^ 0x20
      expect(() => parseDataBytes(copy), `byte ${at}`).toThrow()
    }
  }, 60_000)

  it('exporta datos abiertos y reimporta el avance sin cambiar nada', async () => {
    const folder = await tempFolder()
    const file = join(folder, 'd.json')
    expect(cli('demo-data', '--out', file, '--sessions', '6', '--today', TODAY).status).toBe(0)
    const before = await readFile(file)
    const csv = join(folder, 'compromisos.csv')
    const exported = cli('export', file, '--what', 'compromisos', '--format', 'csv', '--out', csv, '--today', TODAY)
    expect(exported.status, exported.stderr).toBe(0)
    expect([...(await readFile(csv)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const json = join(folder, 'acuerdos.json')
    expect(cli('export', file, '--what', 'acuerdos', '--format', 'json', '--out', json, '--today', TODAY).status).toBe(0)
    expect((JSON.parse(await readFile(json, 'utf8')) as { conjunto: unknown }).conjunto).toBe('acuerdos')
    const imported = cli('import-progress', file, csv)
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/Sin cambios/)
    expect(await readFile(file)).toEqual(before)
    const unknownSet = cli('export', file, '--what', 'hitos', '--format', 'csv', '--out', csv)
    expect(unknownSet.status).toBe(1)
    expect(unknownSet.stderr).toMatch(/--what debe ser/)
  }, 60_000)

  it('errores de uso y archivos inexistentes dan mensajes en español', () => {
    for (const [args, status, message] of [
      [['volar'], 2, /Comando desconocido: volar/],
      [['demo-data'], 2, /Falta --out/],
      [['demo-data', '--out', '/tmp/x.json', '--sessions', 'muchas'], 1, /--sessions debe ser un número entero/],
      [['check', '/no/existe.json'], 1, /No existe el archivo/],
    ] as const) {
      const result = cli(...args)
      expect(result.status, args.join(' ')).toBe(status)
      expect(result.stderr, args.join(' ')).toMatch(message)
    }
  }, 60_000)
})

/** The signing commands at the suites' clock, so the test certificates are valid and the outcome never depends on the machine's date. */
const AT = ['--at', NOW.toISOString()]
const FONT = join(ROOT, 'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const PASSWORD = 'Contraseña-de-prueba-7'
const PASSWORD_ENV = { STL_PRUEBA_CLAVE: PASSWORD }
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')
const pem = (identity: TestIdentity): string => forge.pki.certificateToPem(identity.forgeCert)

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  expect(result.error, `${command} no está instalado`).toBeUndefined()
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('línea de comandos: firmas y autoridades de confianza', () => {
  let root: TestIdentity
  let intermediate: TestIdentity
  let secretary: TestIdentity

  beforeAll(() => {
    root = makeIdentity({ subject: [{ shortName: 'CN', value: 'Autoridad Raíz de Pruebas', utf8: true }], ca: true })
    intermediate = makeIdentity({ subject: [{ shortName: 'CN', value: 'AC Intermedia de Pruebas' }], ca: true, issuer: root })
    secretary = makeIdentity({ subject: [{ shortName: 'CN', value: 'Jorge Alberto Peña Ruiz', utf8: true }], issuer: intermediate })
  }, 60_000)

  it('verify --trust: la cadena que llega a esa raíz es confiable; sin ella, emisor desconocido', async () => {
    const folder = await tempFolder()
    const p12 = join(folder, 'firma.p12')
    await writeFile(p12, makePkcs12(secretary, PASSWORD, [intermediate]))
    const unsigned = join(folder, 'acta.pdf')
    await writeFile(unsigned, await makeActaPdf(FONT))
    const signed = join(folder, 'acta-firmada.pdf')
    const signing = cliWith(PASSWORD_ENV, 'sign', unsigned, '--out', signed, '--p12', p12, '--password-env', 'STL_PRUEBA_CLAVE', ...AT)
    expect(signing.status, signing.stderr).toBe(0)
    expect(signing.stdout).toMatch(/Firmante: Jorge Alberto Peña Ruiz/)
    expect(signing.stdout + signing.stderr).not.toContain(PASSWORD)

    const rootPem = join(folder, 'raiz.pem')
    await writeFile(rootPem, pem(root))
    const rootDer = join(folder, 'raiz.cer')
    await writeFile(rootDer, root.certificate)
    const otherPem = join(folder, 'otra.pem')
    await writeFile(otherPem, pem(makeIdentity({ subject: [{ shortName: 'CN', value: 'Otra Autoridad' }], ca: true })))

    const trustOf = (...args: string[]): SignatureReport['trust'][] => {
      const result = cli('verify', signed, '--json', ...AT, ...args)
      expect(result.status, result.stderr).toBe(0)
      return (JSON.parse(result.stdout) as SignatureReport[]).map((report) => report.trust)
    }
    expect(trustOf()).toEqual(['emisor-desconocido'])
    expect(trustOf('--trust', otherPem)).toEqual(['emisor-desconocido'])
    expect(trustOf('--trust', rootPem)).toEqual(['confiable'])
    expect(trustOf('--trust', otherPem, '--trust', rootDer)).toEqual(['confiable'])

    const text = cli('verify', signed, ...AT, '--trust', rootPem)
    expect(text.status, text.stderr).toBe(0)
    expect(text.stdout).toMatch(/Autoridades de confianza: «Autoridad Raíz de Pruebas» \(SHA-256 [0-9a-f]{16}…\)/)
    expect(text.stdout).toMatch(/Certificado: confiable\. La cadena de certificados llega a la autoridad de confianza «Autoridad Raíz de Pruebas»/)
    expect(text.stdout).not.toMatch(/Modificada después de firmar/)
    expect(text.stdout).toMatch(/Todas las firmas están intactas/)

    const leafPem = join(folder, 'persona.pem')
    await writeFile(leafPem, pem(secretary))
    const keyPem = join(folder, 'llave.pem')
    await writeFile(keyPem, secretary.keyPem)
    for (const [file, message] of [
      [leafPem, /pertenece a «Jorge Alberto Peña Ruiz», que no es una autoridad certificadora/],
      [keyPem, /contiene una llave privada/],
      [unsigned, /no es un certificado/],
      [join(folder, 'no-existe.pem'), /No existe el certificado de autoridad .*no-existe\.pem \(--trust\)/],
    ] as const) {
      const result = cli('verify', signed, '--trust', rootPem, '--trust', file, ...AT)
      expect(result.status, file).toBe(1)
      expect(result.stdout, file).toBe('')
      expect(result.stderr, file).toMatch(message)
    }

    // A change that is not a signature after the last one: verify says so and fails.
    const original = await readFile(signed)
    const tampered = join(folder, 'modificada.pdf')
    await writeFile(tampered, appendInfoUpdate(original))
    const changed = cli('verify', tampered, ...AT, '--trust', rootPem)
    expect(changed.status).toBe(1)
    expect(changed.stdout).toMatch(/Modificada después de firmar: /)
    const changedJson = cli('verify', tampered, '--json', ...AT)
    expect(changedJson.status).toBe(1)
    expect((JSON.parse(changedJson.stdout) as SignatureReport[]).map((report) => [report.intact, report.modifiedAfter])).toEqual([[true, true]])
  }, 120_000)

  it('sign-acta firma el acta de una sesión concluida del archivo de datos y la sesión queda firmada', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'datos', 'secretariado.json')
    const made = cli('demo-data', '--out', dataFile, '--sessions', '6', '--seed', '9', '--today', TODAY)
    expect(made.status, made.stderr).toBe(0)
    const concluded = (await readDataFile(dataFile)).sessions.filter((session) => session.status === 'concluida').at(-1)
    if (!concluded) throw new Error('la demostración no tiene una sesión concluida')
    const p12 = join(folder, 'firma.p12')
    await writeFile(p12, makePkcs12(secretary, PASSWORD, [intermediate]))
    const copy = join(folder, 'copia', 'acta-firmada.pdf')
    const signArgs = ['sign-acta', dataFile, '--session', concluded.id, '--p12', p12, '--password-env', 'STL_PRUEBA_CLAVE', ...AT]

    // Refusals first: none of them touches the data file.
    const pristine = await readFile(dataFile)
    for (const [env, args, status, message] of [
      [{}, signArgs, 1, /La variable de entorno STL_PRUEBA_CLAVE no está definida/],
      [{ STL_PRUEBA_CLAVE: 'otra' }, signArgs, 1, /La contraseña no es correcta/],
      [PASSWORD_ENV, [...signArgs, '--out', dataFile], 1, /no puede ser el archivo de datos/],
      [PASSWORD_ENV, ['sign-acta', join(folder, 'otro.json'), '--session', 'latest', '--p12', p12, '--password-env', 'STL_PRUEBA_CLAVE'], 1, /No existe el archivo de datos/],
      [PASSWORD_ENV, ['sign-acta', dataFile, '--session', 'ses-nada', '--p12', p12, '--password-env', 'STL_PRUEBA_CLAVE', ...AT], 1, /No existe la sesión «ses-nada»/],
      [PASSWORD_ENV, ['sign-acta', dataFile, '--p12', p12, '--password-env', 'STL_PRUEBA_CLAVE'], 2, /Falta --session ID\|latest/],
      [PASSWORD_ENV, ['sign-acta', dataFile, '--session', 'latest', '--password-env', 'STL_PRUEBA_CLAVE'], 2, /Indique --p12 ARCHIVO, o bien --cer ARCHIVO y --key ARCHIVO/],
      [PASSWORD_ENV, ['sign-acta', dataFile, '--session', 'latest', '--p12', p12], 2, /Falta --password-env VARIABLE/],
    ] as const) {
      const result = cliWith(env, ...args)
      expect(result.status, args.join(' ')).toBe(status)
      expect(result.stderr, args.join(' ')).toMatch(message)
      expect(await readFile(dataFile), args.join(' ')).toEqual(pristine)
    }

    const signed = cliWith(PASSWORD_ENV, ...signArgs, '--out', copy, '--reason', 'Aprobación del acta')
    expect(signed.status, signed.stderr).toBe(0)
    expect(signed.stdout + signed.stderr).not.toContain(PASSWORD)
    expect(signed.stdout).toMatch(/Firmante: Jorge Alberto Peña Ruiz/)
    const storedPath = /Acta firmada guardada en la carpeta de datos: (actas\/\S+\.pdf)/.exec(signed.stdout)?.[1]
    const digest = /SHA-256: ([0-9a-f]{64})/.exec(signed.stdout)?.[1]
    expect(storedPath).toMatch(/^actas\/STL-S[OE]\d{2}-\d{4}-[0-9a-f]{16}\.pdf$/)
    const stored = await readFile(join(dirname(dataFile), storedPath ?? ''))
    expect(sha256(stored)).toBe(digest)
    expect(await readFile(copy)).toEqual(stored)

    const data = await readDataFile(dataFile)
    const session = data.sessions.find((candidate) => candidate.id === concluded.id)
    expect(session?.status).toBe('firmada')
    expect(session?.signedActa).toMatchObject({ storedPath, sha256: digest, signedAt: NOW.toISOString() })
    expect(session?.signedActa?.signers).toEqual([expect.objectContaining({ name: 'Jorge Alberto Peña Ruiz', memberId: concluded.secretaryId })])

    const text = run('pdftotext', [copy, '-']).stdout
    expect(text).toMatch(/Acta/)
    // The draft's mark («· Proyecto de acta (borrador)») and its note on the signature page are gone; the minutes may still speak of a «proyecto de acta».
    expect(text).not.toMatch(/Proyecto de acta/)
    expect(text).not.toMatch(/borrador/)
    expect(text).not.toMatch(/sólo indican el lugar de cada firma/)
    expect(text).toMatch(/VIII\. Firmas electrónicas/)
    const check = run('pdfsig', ['-nocert', copy])
    expect(check.stdout).toMatch(/Signature Validation: Signature is Valid\./)
    expect(check.stdout).toMatch(/Jorge Alberto Peña Ruiz/)
    // The signature sits in the secretary's reserved box: a widget with an area and an appearance stream drawn in it.
    const doc = PdfDocument.load(stored)
    const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm'))
    const widget = (doc.array(form?.get('Fields')) ?? []).map((field) => doc.dict(field)).find((field) => field?.get('V') !== undefined)
    const [x1, y1, x2, y2] = (doc.array(widget?.get('Rect')) ?? []).map((value) => (value instanceof PdfNumber ? value.value : 0))
    expect(((x2 ?? 0) - (x1 ?? 0)) * ((y2 ?? 0) - (y1 ?? 0))).toBeGreaterThan(5000)
    expect(decodeTextString(widget?.get('T'))).toBe(session?.signedActa?.signers[0]?.field)
    const appearance = doc.dict(widget?.get('AP'))?.get('N')
    expect(appearance).toBeInstanceOf(PdfRef)
    expect(doc.streamData((appearance as PdfRef).num)?.length ?? 0).toBeGreaterThan(500)

    const verified = cli('verify', copy, '--json', ...AT)
    expect(verified.status, verified.stderr).toBe(0)
    expect((JSON.parse(verified.stdout) as SignatureReport[]).map((report) => [report.signer, report.intact, report.reason])).toEqual([['Jorge Alberto Peña Ruiz', true, 'Aprobación del acta']])

    // The same signer again: refused, the data file and the stored acta stay as they are.
    const afterFirst = await readFile(dataFile)
    const again = cliWith(PASSWORD_ENV, ...signArgs)
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/ya firmó esta acta/)
    expect(await readFile(dataFile)).toEqual(afterFirst)
    expect(sha256(await readFile(join(dirname(dataFile), storedPath ?? '')))).toBe(digest)
  }, 180_000)

  it('sign-acta con --cer y --key (e.firma del SAT) firma el acta con el RFC y la CURP del certificado', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'datos', 'secretariado.json')
    const made = cli('demo-data', '--out', dataFile, '--sessions', '6', '--seed', '9', '--today', TODAY)
    expect(made.status, made.stderr).toBe(0)
    const data = await readDataFile(dataFile)
    const concluded = data.sessions.filter((session) => session.status === 'concluida').at(-1)
    const member = data.members.find((candidate) => candidate.id === concluded?.secretaryId)
    if (!concluded || !member) throw new Error('la demostración no tiene una sesión concluida con secretaría técnica')
    // The SAT writes the holder's name in capitals, without accents or titles.
    const holder = member.fullName.replace(/^(?:(?:Lic|Licda|Mtra|Mtro|Dra?|Ing|Arq|Profr?a?|C)\.\s+)+/u, '').normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()
    const efirma = makeIdentity({ subject: satPersonSubject(holder, 'GOIL800101AB1', 'GOIL800101MJCXXX09'), issuer: satIssuer(), serialHex: satSerial('00001000000500000077') })
    const cer = join(folder, 'secretaria.cer')
    const key = join(folder, 'Claveprivada_FIEL_GOIL800101AB1.key')
    await writeFile(cer, efirma.certificate)
    await writeFile(key, makeSatKey(efirma, PASSWORD))
    const copy = join(folder, 'copia', 'acta-firmada.pdf')
    const signArgs = ['sign-acta', dataFile, '--session', concluded.id, '--cer', cer, '--key', key, '--password-env', 'STL_PRUEBA_CLAVE', ...AT]

    // A wrong password and a .key that is not the certificate's: refused, the data file untouched.
    const pristine = await readFile(dataFile)
    const strangerKey = join(folder, 'ajena.key')
    await writeFile(strangerKey, makeSatKey(makeIdentity({ subject: [{ shortName: 'CN', value: 'Persona Ajena' }] }), PASSWORD))
    for (const [env, args] of [
      [{ STL_PRUEBA_CLAVE: 'otra' }, signArgs],
      [PASSWORD_ENV, ['sign-acta', dataFile, '--session', concluded.id, '--cer', cer, '--key', strangerKey, '--password-env', 'STL_PRUEBA_CLAVE', ...AT]],
      [PASSWORD_ENV, ['sign-acta', dataFile, '--session', concluded.id, '--cer', cer, '--password-env', 'STL_PRUEBA_CLAVE', ...AT]],
    ] as const) {
      const result = cliWith(env, ...args)
      expect(result.status, args.join(' ')).not.toBe(0)
      expect(result.stderr, args.join(' ')).not.toBe('')
      expect(await readFile(dataFile), args.join(' ')).toEqual(pristine)
    }

    const signed = cliWith(PASSWORD_ENV, ...signArgs, '--out', copy, '--reason', 'Aprobación del acta')
    expect(signed.status, signed.stderr).toBe(0)
    expect(signed.stdout + signed.stderr).not.toContain(PASSWORD)
    expect(signed.stdout).toContain(`Firmante: ${holder}`)
    expect(signed.stdout).toMatch(/^RFC: GOIL800101AB1$/m)
    expect(signed.stdout).toMatch(/^CURP: GOIL800101MJCXXX09$/m)
    expect(signed.stdout).toMatch(/^Emisor: AC DE PRUEBAS DEL SAT/m)
    const storedPath = /Acta firmada guardada en la carpeta de datos: (actas\/\S+\.pdf)/.exec(signed.stdout)?.[1]
    const digest = /SHA-256: ([0-9a-f]{64})/.exec(signed.stdout)?.[1]
    const stored = await readFile(join(dirname(dataFile), storedPath ?? ''))
    expect(sha256(stored)).toBe(digest)
    expect(await readFile(copy)).toEqual(stored)

    const session = (await readDataFile(dataFile)).sessions.find((candidate) => candidate.id === concluded.id)
    expect(session?.status).toBe('firmada')
    expect(session?.signedActa?.signers).toEqual([
      expect.objectContaining({ name: holder, rfc: 'GOIL800101AB1', serial: '00001000000500000077', memberId: member.id, field: `firma-${member.id}` }),
    ])

    const text = run('pdftotext', [copy, '-']).stdout
    expect(text).not.toMatch(/Proyecto de acta/)
    expect(text).not.toMatch(/borrador/)
    const check = run('pdfsig', ['-nocert', copy])
    expect(check.stdout).toMatch(/Signature Validation: Signature is Valid\./)
    const verified = cli('verify', copy, '--json', ...AT)
    expect(verified.status, verified.stderr).toBe(0)
    expect((JSON.parse(verified.stdout) as SignatureReport[]).map((report) => [report.signer, report.rfc, report.serial, report.intact, report.modifiedAfter])).toEqual([
      [holder, 'GOIL800101AB1', '00001000000500000077', true, false],
    ])
  }, 180_000)
})

/**
 * The PDF with one more revision that replaces its document information
 * dictionary: an edit after the signature that no signature covers.
 */
function appendInfoUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1')
  const size = Number(/\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))?.[1] ?? /\/Size (\d+)(?![\s\S]*\/Size)/.exec(text)?.[1])
  const root = /\/Root (\d+ \d+ R)(?![\s\S]*\/Root)/.exec(text)?.[1]
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1])
  if (!size || !root || !startxref) throw new Error('PDF sin trailer legible')
  const objectAt = pdf.length + 1
  const object = `\n${size} 0 obj\n<< /Title (Acta cambiada despues de firmar) >>\nendobj\n`
  const xrefAt = pdf.length + object.length
  const xref = `xref\n${size} 1\n${String(objectAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.concat([pdf, Buffer.from(object + xref, 'latin1')])
}
