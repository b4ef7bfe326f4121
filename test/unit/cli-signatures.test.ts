/**
 * The signature circuit on the command line: `signatures start|status|
 * receive|current` on a demo data file, each signer signing the file they
 * received with `sign --field`, and every refusal leaving the data file as
 * it was.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectedSigners, type ExpectedSigner } from '../../main/core/domain/signers'
import type { SignatureReport } from '../../main/core/signatures'
import { PdfDocument } from '../../main/core/signatures/pdf-document'
import { decodeTextString, PdfRef } from '../../main/core/signatures/pdf-syntax'
import { readDataFile } from '../../main/core/store/read-data-file'
import { NOW, TODAY } from '../support/clock'
import { tempFolder } from './helpers'
import { makeIdentity, makePkcs12, makeSatKey, satIssuer, satPersonSubject, satSerial, type TestIdentity } from './signature-fixtures'
import { CLI } from '../support/cli'

const ROOT = resolve(__dirname, '../..')
/** The commands at the suites' clock: the test certificates are valid then, and the outcome never depends on the machine's date. */
const AT = ['--at', NOW.toISOString()]
const PASSWORD = 'Contraseña-de-prueba-7'
const PASSWORD_VARIABLE = 'STL_PRUEBA_CLAVE'
const PASSWORD_ENV = { [PASSWORD_VARIABLE]: PASSWORD }

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function cli(...args: string[]): Run {
  return cliWith({}, ...args)
}

/** The command line with more environment variables (the certificate's password, for signing). */
function cliWith(env: Record<string, string>, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, ...env } })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function run(command: string, args: string[]): Run {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  expect(result.error, `${command} no está instalado`).toBeUndefined()
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** What `signatures status --json` prints for each signer. */
interface StatusRow {
  memberId: string
  name: string
  field: string
  status: 'pendiente' | 'firmada'
  signedAt: string | null
}

/** The credentials of one signer, as files, with the options `sign` takes for them. */
interface SignerFiles {
  args: string[]
}

/**
 * A certificate holder's name as a certificate writes it: no title, and for
 * the SAT in capitals without accents («Dra. Karla Preciado Barragán» →
 * «KARLA PRECIADO BARRAGAN»). The app must still match it to the member.
 */
function certificateName(fullName: string, style: 'sat' | 'plain'): string {
  const bare = fullName.replace(/^(?:(?:Lic|Licda|Mtra|Mtro|Dra?|Ing|Arq|Profr?a?|C)\.\s+)+/u, '')
  return style === 'sat' ? bare.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase() : bare
}

/** A PKCS#12 in `name`'s name. */
async function p12For(folder: string, file: string, name: string): Promise<SignerFiles> {
  const identity = makeIdentity({ subject: [{ shortName: 'CN', value: name, utf8: true }] })
  const p12 = join(folder, `${file}.p12`)
  await writeFile(p12, makePkcs12(identity, PASSWORD))
  return { args: ['--p12', p12] }
}

/** A SAT e.firma (.cer and .key) in `name`'s name, issued by the test SAT authority. */
async function efirmaFor(folder: string, file: string, name: string, issuer: TestIdentity, rfc: string, curp: string, serial: string): Promise<SignerFiles> {
  const identity = makeIdentity({ subject: satPersonSubject(name, rfc, curp), issuer, serialHex: satSerial(serial) })
  const cer = join(folder, `${file}.cer`)
  const key = join(folder, `${file}.key`)
  await writeFile(cer, identity.certificate)
  await writeFile(key, makeSatKey(identity, PASSWORD))
  return { args: ['--cer', cer, '--key', key] }
}

/** `sign IN --out OUT --field FIELD` with a signer's credentials, at the suites' clock. */
function signField(who: SignerFiles, input: string, out: string, field: string): Run {
  return cliWith(PASSWORD_ENV, 'sign', input, '--out', out, '--field', field, ...who.args, '--password-env', PASSWORD_VARIABLE, '--reason', 'Firma del acta', ...AT)
}

/**
 * The PDF with one more revision that replaces its document information
 * dictionary: an edit after the signature that no signature covers.
 */
function appendInfoUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1')
  const size = Number(/\/Size (\d+)(?![\s\S]*\/Size)/.exec(text)?.[1])
  const root = /\/Root (\d+ \d+ R)(?![\s\S]*\/Root)/.exec(text)?.[1]
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1])
  if (!size || !root || !startxref) throw new Error('PDF sin trailer legible')
  const objectAt = pdf.length + 1
  const object = `\n${size} 0 obj\n<< /Title (Acta cambiada despues de firmar) >>\nendobj\n`
  const xrefAt = pdf.length + object.length
  const xref = `xref\n${size} 1\n${String(objectAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.concat([pdf, Buffer.from(object + xref, 'latin1')])
}

/** The size of the appearance stream drawn in each signed field's box, by field name. */
function signedAppearances(pdf: Buffer): Record<string, number> {
  const doc = PdfDocument.load(pdf)
  const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm'))
  const sizes: Record<string, number> = {}
  for (const value of doc.array(form?.get('Fields')) ?? []) {
    const field = doc.dict(value)
    const appearance = doc.dict(field?.get('AP'))?.get('N')
    if (field?.get('V') === undefined || !(appearance instanceof PdfRef)) continue
    sizes[decodeTextString(field.get('T')) ?? ''] = doc.streamData(appearance.num)?.length ?? 0
  }
  return sizes
}

/** A demo data file with concluded sessions, made for the suites' day. */
function demoDataFile(folder: string): string {
  const dataFile = join(folder, 'datos', 'secretariado.json')
  const made = cli('demo-data', '--out', dataFile, '--sessions', '6', '--seed', '9', '--today', TODAY)
  expect(made.status, made.stderr).toBe(0)
  return dataFile
}

/** A refused command: exit 1, one Spanish line on stderr matching `message`, and the data file byte-identical. */
async function expectRefused(dataFile: string, result: Run, message: RegExp, what: string): Promise<void> {
  const before = await readFile(dataFile)
  expect(result.status, `${what}: ${result.stdout}${result.stderr}`).toBe(1)
  expect(result.stderr.trim().split('\n'), what).toHaveLength(1)
  expect(result.stderr, what).toMatch(/^Error: /)
  expect(result.stderr, what).not.toMatch(/inesperado/)
  expect(result.stderr, what).toMatch(message)
  expect(await readFile(dataFile), what).toEqual(before)
}

describe('línea de comandos: el circuito de firma del acta', () => {
  let satAuthority: TestIdentity

  beforeAll(() => {
    satAuthority = satIssuer()
  }, 60_000)

  it('inicia el circuito, cada quien firma su campo, receive acepta cada firma y el acta queda firmada; los rechazos no tocan el archivo de datos', async () => {
    const folder = await tempFolder()
    const dataFile = demoDataFile(folder)
    const data = await readDataFile(dataFile)
    const concluded = data.sessions.filter((session) => session.status === 'concluida')
    const session = concluded.at(-1)
    const otherSession = concluded.at(-2)
    if (!session || !otherSession) throw new Error('la demostración no tiene dos sesiones concluidas')
    const expected = expectedSigners(data, session)
    expect(expected.length).toBeGreaterThanOrEqual(2)
    // The reverse of the expected order: whoever is expected last signs first.
    const order = [...expected].reverse()
    const [first, second] = order as [ExpectedSigner, ExpectedSigner, ...ExpectedSigner[]]
    const firstFiles = await p12For(folder, 'primera', certificateName(first.name, 'plain'))
    const secondFiles = await efirmaFor(folder, 'segunda', certificateName(second.name, 'sat'), satAuthority, 'PEBK800101AB1', 'PEBK800101MJCRRR09', '00001000000500000001')
    const stranger = await p12For(folder, 'ajena', 'Persona Ajena al Secretariado')
    const bySession = ['--session', session.id]
    const status = (): StatusRow[] => {
      const result = cli('signatures', 'status', dataFile, ...bySession, '--json')
      expect(result.status, result.stderr).toBe(0)
      return JSON.parse(result.stdout) as StatusRow[]
    }
    const row = (signer: ExpectedSigner, state: 'pendiente' | 'firmada'): StatusRow => ({
      memberId: signer.memberId,
      name: signer.name,
      field: signer.field,
      status: state,
      signedAt: state === 'firmada' ? NOW.toISOString() : null,
    })

    // Another session out for signature too: its acta has the same reserved fields, but it is another document.
    const otherActa = join(folder, 'otra-acta.pdf')
    const otherStart = cli('signatures', 'start', dataFile, '--session', otherSession.id, '--out', otherActa, ...AT)
    expect(otherStart.status, otherStart.stderr).toBe(0)

    // Start: --out may never be the data file.
    await expectRefused(dataFile, cli('signatures', 'start', dataFile, ...bySession, '--out', dataFile, ...AT), /no puede ser el archivo de datos/, 'start --out datos')
    const sent = join(folder, 'enviar', 'acta-para-firma.pdf')
    const started = cli('signatures', 'start', dataFile, ...bySession, '--signers', order.map((signer) => signer.memberId).join(','), '--out', sent, ...AT)
    expect(started.status, started.stderr).toBe(0)
    expect(started.stdout).toMatch(/en firma/)
    expect(started.stdout).toContain(`Sigue: ${first.name}`)
    const storedPath = /Acta guardada en la carpeta de datos: (actas\/\S+\.pdf)/.exec(started.stdout)?.[1]
    expect(storedPath).toBeDefined()
    const firstRevision = await readFile(sent)
    expect(await readFile(join(dirname(dataFile), storedPath ?? ''))).toEqual(firstRevision)
    expect((await readDataFile(dataFile)).sessions.find((candidate) => candidate.id === session.id)?.status).toBe('en-firma')
    expect(status()).toEqual([row(first, 'pendiente'), row(second, 'pendiente')])

    const current0 = join(folder, 'actual-0.pdf')
    const current = cli('signatures', 'current', dataFile, ...bySession, '--out', current0)
    expect(current.status, current.stderr).toBe(0)
    expect(await readFile(current0)).toEqual(firstRevision)

    // sign --field: a field the PDF does not have is refused, and nothing is written.
    const nowhere = join(folder, 'no-debe-existir.pdf')
    const unknownField = signField(firstFiles, sent, nowhere, 'firma-de-nadie')
    expect(unknownField.status).toBe(1)
    expect(unknownField.stderr.trim().split('\n')).toHaveLength(1)
    expect(unknownField.stderr).toMatch(/El PDF no tiene el campo de firma «firma-de-nadie»/)
    expect(existsSync(nowhere)).toBe(false)

    // A signature by someone who is not the field's member.
    const byStranger = join(folder, 'firmada-por-ajena.pdf')
    expect(signField(stranger, sent, byStranger, first.field).status).toBe(0)
    await expectRefused(dataFile, cli('signatures', 'receive', dataFile, ...bySession, byStranger, ...AT), /que no es quien debe firmar en ese espacio/, 'certificado ajeno')

    // The right signer in the right field, but on another document.
    const otherSigned = join(folder, 'otra-acta-firmada.pdf')
    const signedOther = signField(firstFiles, otherActa, otherSigned, first.field)
    expect(signedOther.status, signedOther.stderr).toBe(0)
    await expectRefused(dataFile, cli('signatures', 'receive', dataFile, ...bySession, otherSigned, ...AT), /no es esta acta ni una de sus versiones/, 'otro documento')

    // The first signer signs the file they received.
    const signed1 = join(folder, 'firmada-1.pdf')
    const firstSigning = signField(firstFiles, sent, signed1, first.field)
    expect(firstSigning.status, firstSigning.stderr).toBe(0)
    expect(firstSigning.stdout + firstSigning.stderr).not.toContain(PASSWORD)
    const signed1Bytes = await readFile(signed1)

    // Altered after signing: a few bytes appended, or a later revision that is not a signature.
    const appended = join(folder, 'con-bytes.pdf')
    await writeFile(appended, Buffer.concat([signed1Bytes, Buffer.from('\n% cambio\n', 'latin1')]))
    await expectRefused(dataFile, cli('signatures', 'receive', dataFile, ...bySession, appended, ...AT), /se modificó después de firmarse/, 'bytes agregados')
    const updated = join(folder, 'con-actualizacion.pdf')
    await writeFile(updated, appendInfoUpdate(signed1Bytes))
    await expectRefused(dataFile, cli('signatures', 'receive', dataFile, ...bySession, updated, ...AT), /se modificó después de firmarse/, 'actualización incremental')

    const received1 = cli('signatures', 'receive', dataFile, ...bySession, signed1, ...AT)
    expect(received1.status, received1.stderr).toBe(0)
    expect(received1.stdout).toContain(`Firma recibida: ${first.name}`)
    expect(received1.stdout).toContain(`Sigue: ${second.name}`)
    expect(status()).toEqual([row(first, 'firmada'), row(second, 'pendiente')])
    const table = cli('signatures', 'status', dataFile, ...bySession)
    expect(table.status, table.stderr).toBe(0)
    expect(table.stdout).toMatch(/en firma/)
    const lines = table.stdout.split('\n')
    expect(lines.find((line) => line.includes(first.name))).toMatch(/firmada\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    expect(lines.find((line) => line.includes(second.name))).toMatch(/pendiente\s+—\s+sí$/)

    // The same file twice; a signature made on the older revision after someone else signed.
    await expectRefused(dataFile, cli('signatures', 'receive', dataFile, ...bySession, signed1, ...AT), /es el acta actual, sin una firma nueva/, 'el mismo archivo dos veces')
    const onOld = join(folder, 'firmada-sobre-la-anterior.pdf')
    expect(signField(secondFiles, sent, onOld, second.field).status).toBe(0)
    await expectRefused(dataFile, cli('signatures', 'receive', dataFile, ...bySession, onOld, ...AT), /versión anterior del acta: después firmó/, 'revisión anterior')

    // sign --field on a field already signed: refused, nothing written.
    const again = signField(firstFiles, signed1, nowhere, first.field)
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(new RegExp(`El campo de firma «${first.field}» ya está firmado`))
    expect(existsSync(nowhere)).toBe(false)

    // The second signer signs the current file.
    const current1 = join(folder, 'actual-1.pdf')
    expect(cli('signatures', 'current', dataFile, ...bySession, '--out', current1).status).toBe(0)
    expect(await readFile(current1)).toEqual(signed1Bytes)
    const signed2 = join(folder, 'firmada-2.pdf')
    const secondSigning = signField(secondFiles, current1, signed2, second.field)
    expect(secondSigning.status, secondSigning.stderr).toBe(0)
    const received2 = cli('signatures', 'receive', dataFile, ...bySession, signed2, ...AT)
    expect(received2.status, received2.stderr).toBe(0)
    expect(received2.stdout).toContain(`Firma recibida: ${second.name}`)
    expect(received2.stdout).toMatch(/queda firmada/)
    expect(status()).toEqual([row(first, 'firmada'), row(second, 'firmada')])
    expect((await readDataFile(dataFile)).sessions.find((candidate) => candidate.id === session.id)?.status).toBe('firmada')

    // The final file: every signature valid for poppler and for verify, nothing modified after any of them.
    const final = join(folder, 'final.pdf')
    expect(cli('signatures', 'current', dataFile, ...bySession, '--out', final).status).toBe(0)
    expect(await readFile(final)).toEqual(await readFile(signed2))
    const poppler = run('pdfsig', ['-nocert', final])
    expect(poppler.status, poppler.stderr).toBe(0)
    expect(poppler.stdout.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2)
    expect(poppler.stdout).not.toMatch(/Signature Validation: (?!Signature is Valid\.)/)
    // Each signature is drawn in its signer's box (name, RFC, serial, date, reason as vector outlines).
    const drawn = signedAppearances(await readFile(final))
    expect(Object.keys(drawn).sort()).toEqual([first.field, second.field].sort())
    for (const size of Object.values(drawn)) expect(size).toBeGreaterThan(500)
    const verified = cli('verify', final, '--json', ...AT)
    expect(verified.status, verified.stderr).toBe(0)
    const reports = JSON.parse(verified.stdout) as SignatureReport[]
    expect(reports.map((report) => [report.field, report.intact, report.modifiedAfter])).toEqual([
      [first.field, true, false],
      [second.field, true, false],
    ])
  }, 300_000)

  it('errores de uso y datos ajenos dan mensajes en español y no tocan el archivo de datos', async () => {
    const folder = await tempFolder()
    const dataFile = demoDataFile(folder)
    const data = await readDataFile(dataFile)
    const session = data.sessions.filter((candidate) => candidate.status === 'concluida').at(-1)
    if (!session) throw new Error('la demostración no tiene una sesión concluida')
    const out = join(folder, 'salida.pdf')
    const pristine = await readFile(dataFile)

    for (const [args, message] of [
      [['signatures'], /Indique la acción: signatures start, status, receive o current/],
      [['signatures', 'firmar', dataFile], /Acción desconocida de signatures: firmar/],
      [['signatures', 'status', dataFile], /Falta --session ID\|latest/],
      [['signatures', 'status', '--session', 'latest'], /Indique un archivo de datos/],
      [['signatures', 'start', dataFile, '--session', 'latest'], /Falta --out ARCHIVO\.pdf/],
      [['signatures', 'start', dataFile, '--session', 'latest', '--signers', 'int-001,,int-003', '--out', out], /--signers debe ser una lista/],
      [['signatures', 'receive', dataFile, '--session', 'latest'], /Indique el archivo de datos y el PDF firmado/],
      [['signatures', 'current', dataFile, '--session', 'latest'], /Falta --out ARCHIVO\.pdf/],
      [['signatures', 'status', dataFile, '--session', 'latest', '--csv'], /Opción desconocida: --csv/],
      [['sign', out, '--out', out, '--field', '', '--p12', out, '--password-env', PASSWORD_VARIABLE], /--field debe nombrar un campo de firma/],
    ] as const) {
      const result = cliWith(PASSWORD_ENV, ...args)
      expect(result.status, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toMatch(message)
    }
    expect(await readFile(dataFile)).toEqual(pristine)

    const missingData = join(folder, 'otro.json')
    await expectRefused(dataFile, cli('signatures', 'status', missingData, '--session', 'latest'), /No existe el archivo de datos/, 'status sin archivo')
    await expectRefused(dataFile, cli('signatures', 'start', missingData, '--session', 'latest', '--out', out, ...AT), /No existe el archivo de datos/, 'start sin archivo')
    expect(existsSync(missingData)).toBe(false)
    await expectRefused(dataFile, cli('signatures', 'status', dataFile, '--session', 'ses-nada'), /No existe la sesión «ses-nada»/, 'sesión inexistente')
    await expectRefused(dataFile, cli('signatures', 'receive', dataFile, '--session', session.id, join(folder, 'no-existe.pdf'), ...AT), /No existe el PDF firmado/, 'PDF inexistente')
    await expectRefused(dataFile, cli('signatures', 'current', dataFile, '--session', session.id, '--out', dataFile), /no puede ser el archivo de datos/, 'current --out datos')
    // Before the circuit starts there is no file to send or to receive.
    await expectRefused(dataFile, cli('signatures', 'current', dataFile, '--session', session.id, '--out', out), /no se ha enviado a firma/, 'current sin circuito')
    expect(existsSync(out)).toBe(false)
    await expectRefused(dataFile, cli('signatures', 'start', dataFile, '--session', session.id, '--signers', 'int-nadie', '--out', out, ...AT), /alguien que no firma esta acta/, 'firmante desconocido')
    expect(existsSync(out)).toBe(false)
    const upcoming = data.sessions.find((candidate) => candidate.status === 'convocada')
    if (upcoming) {
      await expectRefused(dataFile, cli('signatures', 'start', dataFile, '--session', upcoming.id, '--out', out, ...AT), /sólo una sesión celebrada tiene acta/, 'sesión por celebrarse')
    }
    expect(await readFile(dataFile)).toEqual(pristine)
  }, 180_000)
})
