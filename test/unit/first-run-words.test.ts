/**
 * A new secretariat's first run and the words the user reads: the «Primeros
 * pasos» decided by the core, the members template that imports back as it
 * is, a PDF to verify refused in plain Spanish (no field names), an empty
 * certificate password asked for instead of called wrong, and the search's
 * results newest first, with the keys the app shows and no empty parts.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { EMPTY_PASSWORD_MESSAGE, PDF_MAX_BYTES } from '../../main/core/contract/document-inputs'
import { MEMBER_CSV_COLUMNS, MEMBER_CSV_EXAMPLE, MEMBER_CSV_HEADER, MEMBER_CSV_TEMPLATE } from '../../main/core/domain/csv-columns'
import { parseMemberCsv } from '../../main/core/domain/member-csv'
import { sessionKey } from '../../main/core/domain/session-title'
import { loadEfirma, loadPkcs12 } from '../../main/core/signatures'
import { DEFAULT_SETTINGS } from '../../main/core/model/schema'
import { demoBridge, emptyBridge } from './helpers'
import { makeIdentity, makePkcs12, makeSatKey } from './signature-fixtures'

const base64 = (text: string | Buffer): string => Buffer.from(text).toString('base64')

describe('primeros pasos', () => {
  it('en una aplicación vacía los ofrece, todos pendientes, y cada paso se marca con los datos', async () => {
    const { call } = await emptyBridge()
    expect((await call('getDashboard', undefined)).firstSteps).toEqual({ show: true, settings: false, members: 0, plan: false, sessions: 0 })

    // Saved from «Configuración», even with the same values, the step is done.
    await call('updateSettings', DEFAULT_SETTINGS)
    const member = await call('createMember', {
      fullName: 'Ana Gómez Ruiz',
      position: 'Directora',
      institution: 'Colectivo Ciudadano',
      sector: 'sociedad-civil',
      municipality: null,
      role: 'titular',
      substituteFor: null,
      voting: 'voz-y-voto',
      email: '',
      phone: '',
    })
    expect(member.fullName).toBe('Ana Gómez Ruiz')
    expect((await call('getDashboard', undefined)).firstSteps).toEqual({ show: true, settings: true, members: 1, plan: false, sessions: 0 })

    await call('createPlan', { name: 'Plan de Acción Local 2027–2028', startYear: 2027, endYear: 2028 })
    expect((await call('getDashboard', undefined)).firstSteps).toEqual({ show: true, settings: true, members: 1, plan: true, sessions: 0 })
  })

  it('con sesiones registradas ya no los ofrece y todo cuenta como hecho', async () => {
    const { call, store } = await demoBridge({ sessions: 6, seed: 3 })
    const steps = (await call('getDashboard', undefined)).firstSteps
    expect(steps).toEqual({ show: false, settings: steps.settings, members: store.data.members.length, plan: true, sessions: store.data.sessions.length })
    expect(steps.members).toBeGreaterThan(0)
    expect(steps.sessions).toBeGreaterThan(0)
  })

  it('una configuración distinta de la predeterminada cuenta como revisada aunque no haya bitácora', async () => {
    const { call, store } = await emptyBridge()
    await store.update((draft) => {
      draft.settings = { ...draft.settings, bodyName: 'Secretariado Técnico Local de Zapopan' }
    })
    expect((await call('getDashboard', undefined)).firstSteps.settings).toBe(true)
  })
})

describe('la plantilla CSV de integrantes', () => {
  it('su encabezado son las columnas que lee la importación, en UTF-8 con BOM y una fila de ejemplo', () => {
    const { content, fileName, mimeType } = MEMBER_CSV_TEMPLATE
    expect(fileName).toBe('plantilla-integrantes.csv')
    expect(mimeType).toMatch(/^text\/csv/)
    expect(content.startsWith('\uFEFF')).toBe(true)
    const lines = content.slice(1).split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toBe(MEMBER_CSV_HEADER)
    expect(lines[0]?.split(',')).toEqual([...MEMBER_CSV_COLUMNS])
    expect(lines[1]?.split(',')).toEqual(MEMBER_CSV_COLUMNS.map((column) => MEMBER_CSV_EXAMPLE[column]))
    expect(lines[2]).toBe('')
  })

  it('se importa de vuelta tal cual: una persona sin problemas, y revisarla no escribe nada', async () => {
    const { refused, call, dataFile } = await emptyBridge()
    const before = await readFile(dataFile)
    const file = { fileName: MEMBER_CSV_TEMPLATE.fileName, contentBase64: base64(MEMBER_CSV_TEMPLATE.content) }
    const checked = await call('importMembersCsv', { ...file, apply: false, existing: 'omitir' })
    expect(checked).toMatchObject({ valid: true, toAdd: 1, toSkip: 0, matches: 0, imported: 0 })
    expect(checked.rows).toEqual([{ line: 2, name: MEMBER_CSV_EXAMPLE.nombre, status: 'correcta', errors: [], warnings: [] }])
    expect(checked.source.encoding).toMatch(/UTF-8/i)
    // Checking wrote nothing: the data file is byte for byte as it was (and a refusal leaves it so too).
    expect((await readFile(dataFile)).equals(before)).toBe(true)
    expect(await refused('importMembersCsv', { ...file, contentBase64: '', apply: false, existing: 'omitir' })).toMatch(/.+/)

    const done = await call('importMembersCsv', { ...file, apply: true, existing: 'omitir' })
    expect(done.imported).toBe(1)
    const [member] = await call('listMembers', undefined)
    expect(member).toMatchObject({ fullName: MEMBER_CSV_EXAMPLE.nombre, institution: MEMBER_CSV_EXAMPLE.institucion, sector: 'gobierno-estatal', role: 'titular', voting: 'voz-y-voto', email: MEMBER_CSV_EXAMPLE.correo })
  })

  it('el importador lee la plantilla sin advertencias también como texto', () => {
    const result = parseMemberCsv(MEMBER_CSV_TEMPLATE.content, [])
    expect(result.valid).toBe(true)
    expect(result.members).toHaveLength(1)
    expect(result.rows[0]?.warnings).toEqual([])
  })
})

describe('«Verificar PDF» en palabras del usuario', () => {
  it('un archivo vacío, uno que no es PDF, uno demasiado grande o ninguno: en español, sin nombres de campos', async () => {
    const { refused } = await emptyBridge()
    const messages = {
      vacio: await refused('verifyPdf', { contentBase64: '' }),
      noPdf: await refused('verifyPdf', { contentBase64: base64('PK\u0003\u0004 esto es un zip, no un PDF') }),
      imagen: await refused('verifyPdf', { contentBase64: base64(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) }),
      grande: await refused('verifyPdf', { contentBase64: 'A'.repeat(Math.ceil(PDF_MAX_BYTES / 3) * 4 + 4) }),
      ninguno: await refused('verifyPdf', {}),
      ilegible: await refused('verifyPdf', { contentBase64: '%%%' }),
    }
    expect(messages).toEqual({
      vacio: 'El archivo está vacío: no tiene contenido. Elija otro archivo.',
      noPdf: 'El archivo no es un PDF: su contenido no empieza como el de un documento PDF. Elija el archivo .pdf.',
      imagen: 'El archivo no es un PDF: su contenido no empieza como el de un documento PDF. Elija el archivo .pdf.',
      grande: 'El archivo es demasiado grande: el máximo es 100 MB.',
      ninguno: 'Falta el archivo PDF: elija el archivo.',
      ilegible: 'El archivo no se pudo leer: elíjalo de nuevo.',
    })
    for (const message of Object.values(messages)) expect(message).not.toMatch(/contentBase64|Datos no válidos|base64|\(raíz\)/)
  })

  it('un PDF sin firmas se lee y no tiene firmas', async () => {
    const { call } = await emptyBridge()
    const pdf = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n'
    const offsets = [pdf.indexOf('1 0 obj'), pdf.indexOf('2 0 obj')]
    const xref = pdf.length
    const body = `${pdf}xref\n0 3\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
    expect(await call('verifyPdf', { contentBase64: base64(body) })).toEqual([])
  })

  it('las otras rutas de un PDF elegido hablan igual', async () => {
    const { refused } = await emptyBridge()
    expect(await refused('openActaForSigning', { fileName: 'acta.pdf', contentBase64: '' })).toBe('El archivo está vacío: no tiene contenido. Elija otro archivo.')
    expect(await refused('receiveSignedActa', { sessionId: 'ses-x', contentBase64: '' })).toBe('El PDF firmado está vacío: no tiene contenido. Elija otro archivo.')
  })
})

describe('la contraseña vacía de un certificado', () => {
  const password = 'Clave-de-prueba-7'
  const identity = makeIdentity({ subject: [{ shortName: 'CN', value: 'Mtra. Laura Gómez Íñiguez', utf8: true }] })
  const p12 = makePkcs12(identity, password)
  const key = makeSatKey(identity, password)

  it('se pide cuando no abre el certificado, y un .p12 sin contraseña abre', async () => {
    const { refused, call } = await demoBridge({ sessions: 6, seed: 9 })
    const credentials = { kind: 'p12', p12Base64: p12.toString('base64'), password: '' }
    expect(await refused('describeCredentials', { credentials })).toBe(EMPTY_PASSWORD_MESSAGE)
    expect(await refused('describeCredentials', { credentials: { kind: 'efirma', cerBase64: identity.certificate.toString('base64'), keyBase64: key.toString('base64'), password: '' } })).toBe(EMPTY_PASSWORD_MESSAGE)
    // A certificate exported without a password is not refused for having none.
    const open = makePkcs12(identity, '')
    expect((await call('describeCredentials', { credentials: { kind: 'p12', p12Base64: open.toString('base64'), password: '' } })).name).toBe('Mtra. Laura Gómez Íñiguez')
    // A wrong one is still called wrong, and the right one opens the certificate.
    expect(await refused('describeCredentials', { credentials: { ...credentials, password: 'otra' } })).toBe('La contraseña no es correcta para este certificado.')
    expect((await call('describeCredentials', { credentials: { ...credentials, password } })).name).toBe('Mtra. Laura Gómez Íñiguez')
  })

  it('el núcleo la distingue de una contraseña equivocada también fuera de la aplicación', () => {
    expect(() => loadPkcs12(p12, '')).toThrow(EMPTY_PASSWORD_MESSAGE)
    expect(() => loadEfirma(identity.certificate, key, '')).toThrow(EMPTY_PASSWORD_MESSAGE)
    expect(() => loadPkcs12(p12, 'otra')).toThrow('La contraseña no es correcta para este certificado.')
  })
})

describe('la búsqueda', () => {
  it('da las sesiones más recientes primero, con la clave como en la lista y sin partes vacías', async () => {
    const { call, store } = await demoBridge({ sessions: 14, seed: 7 })
    const sessions = (await call('search', { query: 'sesion', limit: 500 })).filter((hit) => hit.kind === 'sesion')
    expect(sessions.length).toBe(store.data.sessions.length)
    const dates = sessions.map((hit) => hit.date ?? '')
    expect(dates).toEqual([...dates].sort().reverse())
    for (const hit of sessions) {
      const session = store.data.sessions.find((candidate) => candidate.id === hit.id)
      if (!session) throw new Error(hit.id)
      expect(hit.date).toBe(session.date)
      expect(hit.snippet).toContain(sessionKey(store.data.settings.keyPrefix, session))
      expect(hit.snippet).not.toMatch(/·\s*·|·\s*$|\d{4}-\d{2}-\d{2}/)
    }
  })

  it('sin sede no deja «· ·», y la fecha escrita como en los datos todavía encuentra la sesión', async () => {
    const { call, store } = await demoBridge({ sessions: 14, seed: 7 })
    const session = store.data.sessions[2]
    if (!session) throw new Error('demo')
    await store.update((draft) => {
      const target = draft.sessions.find((candidate) => candidate.id === session.id)
      if (target) target.venue = ''
    })
    const [hit] = (await call('search', { query: session.date })).filter((result) => result.id === session.id)
    expect(hit?.snippet).toBe(`${hit?.title} · ${sessionKey(store.data.settings.keyPrefix, session)}`)
  })

  it('los acuerdos llevan su clave completa y la fecha de su sesión, los más recientes primero', async () => {
    const { call, store } = await demoBridge({ sessions: 14, seed: 7 })
    const agreements = (await call('search', { query: store.data.settings.keyPrefix, limit: 500 })).filter((hit) => hit.kind === 'acuerdo')
    expect(agreements.length).toBe(store.data.agreements.length)
    for (const hit of agreements) {
      const agreement = store.data.agreements.find((candidate) => candidate.id === hit.id)
      const session = store.data.sessions.find((candidate) => candidate.id === agreement?.sessionId)
      expect(hit.title).toBe(agreement?.key)
      expect(hit.title.startsWith(`${store.data.settings.keyPrefix}-`)).toBe(true)
      expect(hit.date).toBe(session?.date)
    }
    // Every key matches in its title, the same weight: newer sessions first.
    const dates = agreements.map((hit) => hit.date ?? '')
    expect(dates).toEqual([...dates].sort().reverse())
  })
})
