/**
 * The notice's e-mail drafts, read back with a MIME parser (mailparser): one
 * `.eml` per member with an address, or one with everyone in Bcc; each a draft
 * (`X-Unsent: 1`) carrying the convocatoria PDF and the calendar invitation.
 * Names cannot smuggle headers; the app and the command line write the same.
 */
import { spawnSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { invitationOf } from '../../main/core/documents/icalendar'
import { composeNoticeMails, writeMailDrafts } from '../../main/core/documents/notice-mail'
import { sessionKey } from '../../main/core/domain/session-title'
import type { Data } from '../../main/core/model/schema'
import { serializeData } from '../../main/core/store/data-format'
import { demoData, openBridge, writeDemoData } from '../support/bridge'
import { CLI } from '../support/cli'
import { NOW, TODAY } from '../support/clock'
import { bytesOf, demoBridge, tempFolder } from './helpers'

const unfold = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n')

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field]
  return list.flatMap((entry) => entry.value.map((address) => address.address ?? ''))
}

/** The two attachments every draft carries, checked. */
function expectAttachments(mail: ParsedMail, key: string): void {
  expect(mail.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([
    [`convocatoria-${key}.pdf`, 'application/pdf'],
    [`invitacion-${key}.ics`, 'text/calendar'],
  ])
  const [pdf, ics] = mail.attachments
  expect(pdf?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf?.content.length).toBeGreaterThan(10_000)
  const calendar = unfold(ics?.content.toString('utf8') ?? '')
  expect(calendar).toContain('METHOD:REQUEST')
  expect(calendar.some((line) => line.startsWith('UID:ses-'))).toBe(true)
}

describe('correos de la convocatoria', () => {
  it('«Preparar correos» escribe un borrador por integrante con correo, con la convocatoria y la invitación, y abre la carpeta', async () => {
    const opened: string[] = []
    const bridge = await demoBridge({ sessions: 4, seed: 3 }, { openPath: (path) => Promise.resolve(void opened.push(path)) })
    const session = bridge.store.data.sessions.find((candidate) => candidate.status === 'convocada')
    if (!session) throw new Error('sin sesión convocada')
    const key = sessionKey(bridge.store.data.settings.keyPrefix, session)
    const before = await bytesOf(bridge.dataFile)
    const result = await bridge.call('prepareMailDrafts', { sessionId: session.id, mode: 'individual' })
    // Preparing mail changes nothing in the data file.
    expect((await bytesOf(bridge.dataFile)).equals(before)).toBe(true)
    expect(opened).toEqual([result.folder])
    expect(result.folder).toBe(join(bridge.folder, 'correos', `${key} 20261126-0900`))
    const withAddress = bridge.store.data.members.filter((member) => member.active && member.email !== '')
    expect(result.recipients).toBe(withAddress.length)
    expect((await readdir(result.folder)).sort()).toEqual([...result.files].sort())
    expect(result.files).toHaveLength(withAddress.length)

    const secretary = bridge.store.data.members.find((member) => member.id === session.secretaryId)
    const seen: string[] = []
    for (const file of result.files) {
      expect(file).toMatch(/^\d{2}-[a-z0-9-]+\.eml$/)
      const raw = await readFile(join(result.folder, file))
      const mail = await simpleParser(raw)
      expect(mail.headers.get('x-unsent')).toBe('1')
      expect(mail.subject).toMatch(/^Convocatoria: .+Sesión .+ 2026/)
      expect(addresses(mail.from)).toEqual(secretary?.email ? [secretary.email] : [])
      const to = addresses(mail.to)
      expect(to).toHaveLength(1)
      seen.push(to[0] ?? '')
      expect(mail.bcc).toBeUndefined()
      expect(mail.date?.toISOString()).toBe(NOW.toISOString())
      expect(mail.text).toMatch(/se le convoca a la/)
      expect(mail.text).toContain(session.agenda[0]?.title ?? '—')
      expectAttachments(mail, key)
    }
    expect(seen.sort()).toEqual(withAddress.map((member) => member.email).sort())

    // The same minute again: a new folder beside the first, which stays as it was.
    const again = await bridge.call('prepareMailDrafts', { sessionId: session.id, mode: 'individual' })
    expect(again.folder).toBe(`${result.folder} (2)`)
    expect(await readdir(result.folder)).toHaveLength(result.files.length)
  })

  it('con copia oculta: un solo borrador, todos en Bcc, dirigido a la secretaría técnica', async () => {
    const bridge = await demoBridge({ sessions: 4, seed: 3 })
    const session = bridge.store.data.sessions.find((candidate) => candidate.status === 'convocada')
    if (!session) throw new Error('sin sesión convocada')
    const result = await bridge.call('prepareMailDrafts', { sessionId: session.id, mode: 'bcc' })
    expect(result.files).toEqual([`convocatoria-${sessionKey(bridge.store.data.settings.keyPrefix, session)}-todos.eml`])
    const mail = await simpleParser(await readFile(join(result.folder, result.files[0] ?? '')))
    const withAddress = bridge.store.data.members.filter((member) => member.active && member.email !== '')
    expect(addresses(mail.bcc).sort()).toEqual(withAddress.map((member) => member.email).sort())
    const secretary = bridge.store.data.members.find((member) => member.id === session.secretaryId)
    expect(addresses(mail.to)).toEqual(secretary?.email ? [secretary.email] : [])
    expect(mail.headers.get('x-unsent')).toBe('1')
    expect(mail.text).toMatch(/se les convoca a la/)
    expectAttachments(mail, sessionKey(bridge.store.data.settings.keyPrefix, session))
  })

  it('rechaza una sesión no convocada o sin correos, sin escribir nada', async () => {
    const bridge = await demoBridge({ sessions: 4, seed: 3 })
    const held = bridge.store.data.sessions.find((candidate) => candidate.status !== 'convocada')
    if (!held) throw new Error('sin otra sesión')
    expect(await bridge.refused('prepareMailDrafts', { sessionId: held.id, mode: 'individual' })).toMatch(/no está convocada: los correos de la convocatoria se preparan para una sesión convocada/)
    expect(await bridge.refused('prepareMailDrafts', { sessionId: held.id, mode: 'todos' })).toBeTruthy()
    await expect(readdir(join(bridge.folder, 'correos'))).rejects.toThrow()
  })

  it('un nombre con saltos de línea no agrega encabezados: queda como texto del destinatario', async () => {
    const data: Data = demoData({ sessions: 4, seed: 3 })
    const session = data.sessions.find((candidate) => candidate.status === 'convocada')
    if (!session) throw new Error('sin sesión convocada')
    const victim = data.members.find((member) => member.active && member.email !== '' && member.id !== session.secretaryId)
    if (!victim) throw new Error('sin integrante con correo')
    victim.fullName = 'Ana López\r\nBcc: intruso@example.com\r\nX-Unsent: 0'
    const mails = await composeNoticeMails({ data, session, mode: 'individual', convocatoria: Buffer.from('%PDF-1.7 prueba'), invitation: invitationOf(data, session, NOW), now: NOW })
    const draft = mails.drafts.find((candidate) => candidate.recipients.includes(victim.email))
    if (!draft) throw new Error('sin borrador para el integrante')
    const mail = await simpleParser(draft.bytes)
    expect(mail.bcc).toBeUndefined()
    expect(addresses(mail.to)).toEqual([victim.email])
    expect(mail.headers.get('x-unsent')).toBe('1')
    const headerBlock = draft.bytes.toString('latin1').split('\r\n\r\n')[0] ?? ''
    expect(headerBlock).not.toMatch(/^Bcc:/im)
    expect(headerBlock.match(/^X-Unsent:/gim)).toHaveLength(1)
  })
})

describe('npm run cli -- notice-mail', () => {
  it('escribe los borradores en la carpeta indicada; no reemplaza los de otra vez; --bcc escribe uno', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'datos.json')
    await writeDemoData(dataFile, { sessions: 4, seed: 3 })
    const before = await bytesOf(dataFile)
    const out = join(folder, 'correos')
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'notice-mail', dataFile, '--session', 'next', '--today', TODAY, ...args], { encoding: 'utf8' })
    const first = run('--out', out)
    expect(first.stderr).toBe('')
    expect(first.status).toBe(0)
    const files = await readdir(out)
    expect(first.stdout).toMatch(new RegExp(`: ${files.length} borradores, en `))
    expect(files.every((file) => file.endsWith('.eml'))).toBe(true)
    const mail = await simpleParser(await readFile(join(out, files[0] ?? '')))
    expect(mail.headers.get('x-unsent')).toBe('1')
    expect(mail.attachments).toHaveLength(2)

    const again = run('--out', out)
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/ya tiene correos \(\d+, por ejemplo .+\.eml\): elija una carpeta sin borradores/)
    expect(await readdir(out)).toEqual(files)
    // Nor a Bcc draft beside the individual ones.
    expect(run('--out', out, '--bcc').status).toBe(1)
    expect(await readdir(out)).toEqual(files)

    const bcc = run('--out', join(folder, 'todos'), '--bcc')
    expect(bcc.status).toBe(0)
    expect(bcc.stdout).toMatch(/1 borrador con \d+ destinatarios en copia oculta/)
    expect(await readdir(join(folder, 'todos'))).toHaveLength(1)

    const usage = spawnSync(process.execPath, [CLI, 'notice-mail', dataFile, '--session', 'next'], { encoding: 'utf8' })
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/Falta --out CARPETA/)
    expect((await bytesOf(dataFile)).equals(before)).toBe(true)
  })
})

describe('escribir los borradores', () => {
  const cleanup: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const close of cleanup.splice(0)) await close()
  })

  it('todos o ninguno: una falla a la mitad no deja borradores, y la carpeta sigue aceptándolos', async () => {
    const folder = await tempFolder()
    const good = ['01-ana.eml', '02-beto.eml', '03-carla.eml'].map((fileName) => ({ fileName, bytes: Buffer.from(`Subject: ${fileName}\r\n\r\nx`), recipients: [] }))
    const out = join(folder, 'correos')
    // The third draft cannot be written (a name longer than the disk allows): the first two are not left behind, nor the staging folder.
    const broken = [...good.slice(0, 2), { fileName: `${'x'.repeat(300)}.eml`, bytes: Buffer.from('x'), recipients: [] }]
    await expect(writeMailDrafts(out, broken)).rejects.toThrow(/No se pudieron guardar los correos en .+ no quedó ninguno a medias/)
    expect(await readdir(out)).toEqual([])
    const drafts = good
    expect(await writeMailDrafts(out, drafts)).toEqual(drafts.map((draft) => join(out, draft.fileName)))
    expect((await readdir(out)).sort()).toEqual(drafts.map((draft) => draft.fileName))
    expect(await readFile(join(out, '02-beto.eml'), 'utf8')).toContain('Subject: 02-beto.eml')
  })

  it('dos preparaciones a la vez en la aplicación usan carpetas distintas', async () => {
    const bridge = await demoBridge({ sessions: 4, seed: 3 })
    const session = bridge.store.data.sessions.find((candidate) => candidate.status === 'convocada')
    if (!session) throw new Error('sin sesión convocada')
    const [one, two] = await Promise.all([
      bridge.call('prepareMailDrafts', { sessionId: session.id, mode: 'individual' }),
      bridge.call('prepareMailDrafts', { sessionId: session.id, mode: 'bcc' }),
    ])
    expect(one.folder).not.toBe(two.folder)
    expect(await readdir(one.folder)).toHaveLength(one.files.length)
    expect(await readdir(two.folder)).toEqual(two.files)
  })

  it('sin correo de la Secretaría Técnica, el diálogo lo advierte; un carácter que el PDF no dibuja, también', async () => {
    const data: Data = demoData({ sessions: 4, seed: 3 })
    const session = data.sessions.find((candidate) => candidate.status === 'convocada')
    const secretary = data.members.find((member) => member.id === session?.secretaryId)
    const first = session?.agenda[0]
    if (!session || !secretary || !first) throw new Error('datos de prueba incompletos')
    secretary.email = ''
    first.title = 'Bienvenida 漢字'
    const folder = await tempFolder()
    const dataFile = join(folder, 'secretariado.json')
    await writeFile(dataFile, serializeData(data))
    const bridge = await openBridge(dataFile)
    cleanup.push(() => bridge.store.close())
    const result = await bridge.call('prepareMailDrafts', { sessionId: session.id, mode: 'bcc' })
    expect(result.warnings).toEqual([
      expect.stringMatching(/no tiene correo registrado: el borrador con copia oculta no lleva remitente ni destinatario principal/),
      expect.stringMatching(/漢/),
    ])
  })
})
