/**
 * The full backup archive (.stlbak): a round trip with attachments and a
 * signed acta, byte for byte; a changed byte anywhere refused with the entry
 * named; restores that refuse to replace, that move the current files aside,
 * and that fail at every step without changing the target; hostile archives.
 */
import { createHash } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { ZipFile } from 'yazl'
import { describe, expect, it } from 'vitest'
import { buildFullBackup, writeBackupFile } from '../../main/core/backup/create'
import { FULL_BACKUP_REMINDER_DAYS, backupEntryProblem, entryKey } from '../../main/core/backup/format'
import { installBackup, stagingNameFor, type RestoreFs } from '../../main/core/backup/restore'
import { fullBackupAge } from '../../main/core/backup/status'
import { verifyBackup, type VerifiedBackup } from '../../main/core/backup/verify'
import { SCHEMA_VERSION } from '../../main/core/model/schema'
import { readDataFile } from '../../main/core/store/read-data-file'
import { Store } from '../../main/core/store/store'
import { writeDemoData } from '../support/bridge'
import { DAY_MS, NOW, fixedClock } from '../support/clock'
import { openBridge, tempFolder, type Bridge } from './helpers'
import { HELD_SESSION_ID, secretariat, unzip, type RawEntry } from './packet-fixtures'
import { makeIdentity, makePkcs12 } from './signature-fixtures'

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

/** Every file under `folder` (recursively) by relative path, with its SHA-256; links and folders are named as such. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      const key = relative(folder, path)
      if (entry.isDirectory()) {
        result[`${key}/`] = 'carpeta'
        await walk(path)
      } else if (entry.isSymbolicLink()) result[key] = 'enlace'
      else result[key] = sha256(await readFile(path))
    }
  }
  await walk(folder)
  return result
}

/** Only the data file and the folders a backup carries (the store's lock and rolling backups are not part of it). */
function dataFiles(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => path === 'secretariado.json' || path.startsWith('adjuntos') || path.startsWith('actas')))
}

const password = 'Contraseña-de-respaldo-1'
const signer = makeIdentity({ subject: [{ shortName: 'CN', value: 'Mtra. Laura Gómez Íñiguez', utf8: true }] })
const p12 = { kind: 'p12', p12Base64: makePkcs12(signer, password).toString('base64'), password }

/** Demo data with four attachments and one signed acta in actas/. */
async function secretariatWithActa(): Promise<Bridge & { folder: string }> {
  const bridge = await secretariat(6)
  const preview = await bridge.call('prepareActaSigning', { sessionId: HELD_SESSION_ID })
  const signed = await bridge.call('signActa', { sessionId: HELD_SESSION_ID, credentials: p12, expectedSha256: preview.sha256, signerId: null })
  expect(signed.session.signedActa?.storedPath).toMatch(/^actas\/.+\.pdf$/)
  return bridge
}

async function archiveOf(bridge: Bridge): Promise<Buffer> {
  const created = await bridge.call('createFullBackup', undefined)
  await bridge.call('recordFullBackup', { sha256: created.report.archiveSha256 })
  return Buffer.from(created.file.contentBase64, 'base64')
}

/** The offset of an entry's data in the zip, from its local header. */
function dataOffset(zip: Buffer, name: string): number {
  const wanted = Buffer.from(name, 'latin1')
  for (let at = zip.indexOf('PK\x03\x04', 0, 'latin1'); at !== -1; at = zip.indexOf('PK\x03\x04', at + 1, 'latin1')) {
    const nameLength = zip.readUInt16LE(at + 26)
    const extraLength = zip.readUInt16LE(at + 28)
    if (zip.subarray(at + 30, at + 30 + nameLength).equals(wanted)) return at + 30 + nameLength + extraLength
  }
  throw new Error(`no está ${name}`)
}

function flipped(zip: Buffer, at: number): Buffer {
  const copy = Buffer.from(zip)
  copy[at] = (copy[at] ?? 0) ^ 0x20
  return copy
}

async function refusal(bytes: Buffer): Promise<string> {
  try {
    await verifyBackup(bytes, { now: NOW })
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('el respaldo debió rechazarse')
}

/** A zip of raw entries, each with the Unix mode given (a link is 0o120777). */
function zipOf(entries: readonly (RawEntry & { mode?: number })[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile()
    const chunks: Buffer[] = []
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
    zip.outputStream.on('error', reject)
    for (const entry of entries) zip.addBuffer(entry.data, entry.name, { compress: entry.compress ?? false, mtime: NOW, mode: entry.mode ?? 0o100644 })
    zip.end()
  })
}

/** The archive's entries with a manifest that declares exactly them (sizes and SHA-256 recomputed). */
async function rebuilt(archive: Buffer, change: (entries: RawEntry[]) => (RawEntry & { mode?: number })[], declare: 'todas' | 'originales' = 'todas'): Promise<Buffer> {
  const entries = await unzip(archive)
  const manifestEntry = entries.find((entry) => entry.name === 'manifest.json')
  if (!manifestEntry) throw new Error('sin manifiesto')
  const manifest = JSON.parse(manifestEntry.data.toString('utf8')) as { entries: { path: string; size: number; sha256: string }[] }
  const others = change(entries.filter((entry) => entry.name !== 'manifest.json'))
  if (declare === 'todas') manifest.entries = others.map((entry) => ({ path: entry.name, size: entry.data.length, sha256: sha256(entry.data) }))
  return zipOf([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, ...others])
}

describe('respaldo completo: ida y vuelta', () => {
  it('restaura en otra carpeta los mismos bytes de cada archivo: datos, adjuntos y acta firmada', async () => {
    const bridge = await secretariatWithActa()
    try {
      const before = dataFiles(await snapshot(bridge.folder))
      expect(Object.keys(before).filter((path) => path.startsWith('adjuntos/') && !path.endsWith('/'))).toHaveLength(4)
      expect(Object.keys(before).filter((path) => path.startsWith('actas/') && !path.endsWith('/'))).toHaveLength(1)

      const unchanged = await readFile(bridge.dataFile)
      const created = await bridge.call('createFullBackup', undefined)
      expect(created.file.fileName).toBe('respaldo-secretariado-2026-11-26.stlbak')
      // Creating writes nothing; recording does, once, and only an archive this app made.
      expect(await readFile(bridge.dataFile)).toEqual(unchanged)
      expect(await bridge.refused('recordFullBackup', { sha256: 'f'.repeat(64) })).toMatch(/no se creó en esta sesión/)
      const status = await bridge.call('recordFullBackup', { sha256: created.report.archiveSha256 })
      expect(await bridge.refused('recordFullBackup', { sha256: created.report.archiveSha256 })).toMatch(/no se creó en esta sesión/)
      const archive = Buffer.from(created.file.contentBase64, 'base64')
      expect(created.report).toMatchObject({ files: 6, attachments: 4, actas: 1, archiveBytes: archive.length, archiveSha256: sha256(archive), warnings: [] })
      expect(created.report.counts.sessions).toBe(bridge.store.data.sessions.length)
      // The data file archived is the one on disk when the backup was made: the record of the backup comes after.
      const entries = await unzip(archive)
      expect(entries.map((entry) => entry.name)[0]).toBe('manifest.json')
      const archivedData = entries.find((entry) => entry.name === 'secretariado.json')?.data
      expect(archivedData && sha256(archivedData)).toBe(before['secretariado.json'])
      // Recorded in the data file, with an entry in the bitácora.
      expect(bridge.store.data.lastFullBackup).toEqual({ at: NOW.toISOString(), fileName: created.file.fileName, sha256: sha256(archive), bytes: archive.length })
      expect(bridge.store.data.audit.at(-1)).toMatchObject({ entity: 'archivo', action: 'crear', summary: expect.stringMatching(/^Respaldo completo respaldo-secretariado-2026-11-26\.stlbak/) as unknown })
      expect(status).toMatchObject({ due: false, ageDays: 0, contents: { attachments: 4, actas: 1 } })

      const verified = await verifyBackup(archive, { now: NOW })
      expect(verified.report.counts).toEqual({ members: bridge.store.data.members.length, sessions: bridge.store.data.sessions.length, agreements: bridge.store.data.agreements.length })

      const elsewhere = join(await tempFolder(), 'otra-computadora', 'secretariado.json')
      const outcome = await installBackup(verified, { dataFile: elsewhere, now: NOW, replace: false })
      expect(outcome.movedAsideTo).toBeNull()
      const restored = await snapshot(join(elsewhere, '..'))
      expect(dataFiles(restored)).toEqual(before)
      // Nothing but the restored files: no staging folder left behind.
      expect(Object.keys(restored).sort()).toEqual(Object.keys(before).sort())
      const data = await readDataFile(elsewhere)
      expect(data.sessions.find((session) => session.id === HELD_SESSION_ID)?.status).toBe('firmada')
    } finally {
      await bridge.store.close()
    }
  })

  it('recuerda el último respaldo y pide uno nuevo después de 30 días, según el reloj del núcleo', () => {
    expect(fullBackupAge(null, NOW)).toEqual({ ageDays: null, due: true })
    const at = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString()
    expect(fullBackupAge(at(FULL_BACKUP_REMINDER_DAYS), NOW)).toEqual({ ageDays: 30, due: false })
    expect(fullBackupAge(at(FULL_BACKUP_REMINDER_DAYS + 0.01), NOW)).toEqual({ ageDays: 30, due: true })
    expect(fullBackupAge(at(45), NOW)).toEqual({ ageDays: 45, due: true })
  })
})

describe('respaldo completo: verificación', () => {
  it('un byte cambiado en los datos de una entrada se rechaza nombrando el archivo', async () => {
    const bridge = await secretariatWithActa()
    try {
      const archive = await archiveOf(bridge)
      const attachment = bridge.store.data.sessions.flatMap((session) => session.agenda.flatMap((item) => item.attachments))[0]
      if (!attachment) throw new Error('sin adjuntos')
      // A stored attachment: the byte changes what is read.
      expect(await refusal(flipped(archive, dataOffset(archive, attachment.storedPath) + 10))).toBe(
        `El archivo ${attachment.storedPath} no coincide con su huella SHA-256 del manifiesto: el respaldo está dañado o fue alterado.`,
      )
      // The deflated data file: the byte breaks the stream or changes what comes out of it.
      expect(await refusal(flipped(archive, dataOffset(archive, 'secretariado.json') + 200))).toMatch(
        /^(El archivo secretariado\.json no coincide con su huella SHA-256|La entrada «secretariado\.json» (está dañada|contiene más|está incompleta))/,
      )
      const signed = bridge.store.data.sessions.find((session) => session.id === HELD_SESSION_ID)?.signedActa?.storedPath ?? ''
      expect(await refusal(flipped(archive, dataOffset(archive, signed) + 500))).toMatch(new RegExp(`^El archivo ${signed.replace(/[.]/g, '\\.')} no coincide con su huella SHA-256`))
    } finally {
      await bridge.store.close()
    }
  })

  it('un byte cambiado en el manifiesto se rechaza, sea donde sea', async () => {
    const bridge = await secretariatWithActa()
    try {
      const archive = await archiveOf(bridge)
      const start = dataOffset(archive, 'manifest.json')
      const text = archive.toString('latin1')
      // In a digit of the creation time, in a file's SHA-256, in the structure.
      for (const at of [text.indexOf('"createdAt"', start) + 16, text.indexOf('"sha256"', start) + 12, start]) {
        expect(await refusal(flipped(archive, at))).toBe('El manifiesto del respaldo (manifest.json) está dañado: su suma de verificación CRC-32 no coincide. El respaldo no se puede usar.')
      }
      // A manifest changed with care (a wrong SHA-256, the CRC-32 recomputed) still names the file.
      const tampered = await rebuilt(archive, (entries) => entries, 'originales')
      const entries = await unzip(tampered)
      const manifest = JSON.parse(entries[0]?.data.toString('utf8') ?? '{}') as { entries: { path: string; sha256: string }[] }
      const target = manifest.entries[1]
      if (!target) throw new Error('manifiesto corto')
      target.sha256 = target.sha256.replace(/^./, (char) => (char === '0' ? '1' : '0'))
      const forged = await zipOf([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, ...entries.slice(1)])
      expect(await refusal(forged)).toBe(`El archivo ${target.path} no coincide con su huella SHA-256 del manifiesto: el respaldo está dañado o fue alterado.`)
    } finally {
      await bridge.store.close()
    }
  })

  it('rechaza archivos hostiles: «../», una entrada no declarada, un enlace simbólico, nombres repetidos, otra versión', async () => {
    const bridge = await secretariatWithActa()
    try {
      const archive = await archiveOf(bridge)
      const extra = { name: 'adjuntos/extra.txt', data: Buffer.from('no declarado') }

      // Same length as the name it replaces, patched into both headers: the writer refuses to write it.
      const escaping = await rebuilt(archive, (entries) => [...entries, { name: 'adjuntos/zzzzzz.txt', data: Buffer.from('fuera') }])
      const patched = Buffer.from(escaping.toString('latin1').replaceAll('adjuntos/zzzzzz.txt', '../../../zzzzzz.txt'), 'latin1')
      expect(await refusal(patched)).toBe('La entrada «../../../zzzzzz.txt» intenta salir de la carpeta de datos («../»).')

      expect(await refusal(await rebuilt(archive, (entries) => [...entries, extra], 'originales'))).toBe(
        'El archivo «adjuntos/extra.txt» está en el respaldo pero no en su manifiesto: el respaldo fue alterado.',
      )
      expect(await refusal(await rebuilt(archive, (entries) => [...entries, { name: 'adjuntos/enlace.pdf', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]))).toBe(
        'La entrada «adjuntos/enlace.pdf» es un enlace simbólico o una carpeta, no un archivo; un respaldo completo de Secretariado sólo contiene archivos.',
      )
      expect(await refusal(await rebuilt(archive, (entries) => [...entries, extra, { ...extra, name: 'ADJUNTOS/extra.txt' }]))).toMatch(/no es parte de un respaldo|aparece repetida/)
      expect(await refusal(await rebuilt(archive, (entries) => [...entries, extra, extra]))).toBe('La entrada «adjuntos/extra.txt» aparece repetida en el respaldo.')
      expect(await refusal(await rebuilt(archive, (entries) => [...entries, { name: 'otra/cosa.txt', data: Buffer.from('x') }]))).toBe('La entrada «otra/cosa.txt» no es parte de un respaldo de Secretariado.')
      expect(await refusal(await rebuilt(archive, (entries) => entries.filter((entry) => entry.name !== 'secretariado.json')))).toBe('El manifiesto del respaldo no declara el archivo de datos (secretariado.json).')

      const newer = await unzip(archive)
      const manifest = JSON.parse(newer[0]?.data.toString('utf8') ?? '{}') as Record<string, unknown>
      expect(await refusal(await zipOf([{ name: 'manifest.json', data: Buffer.from(JSON.stringify({ ...manifest, formatVersion: 2 })) }, ...newer.slice(1)]))).toMatch(
        /versión 2 del formato, más reciente .* Actualice Secretariado/,
      )
      expect(await refusal(await zipOf([{ name: 'manifest.json', data: Buffer.from(JSON.stringify({ ...manifest, format: 'secretariado-paquete' })) }, ...newer.slice(1)]))).toMatch(
        /no es un respaldo completo de Secretariado \(formato «secretariado-paquete»\)/,
      )
      expect(await refusal(Buffer.from('no soy un zip'))).toBe('El archivo no es un respaldo completo de Secretariado: no es un archivo zip.')
      expect(await refusal(archive.subarray(0, archive.length - 30))).toMatch(/^El respaldo está (incompleto \(truncado\)|dañado)/)

      // Through the bridge: refused before anything is touched, the data file byte for byte as it was.
      const folderBefore = await snapshot(bridge.folder)
      expect(await bridge.refused('restoreFullBackup', { contentBase64: patched.toString('base64'), confirmed: true })).toMatch(/intenta salir/)
      expect(await bridge.refused('restoreFullBackup', { contentBase64: archive.toString('base64') })).toMatch(/Confirme/)
      expect(await snapshot(bridge.folder)).toEqual(folderBefore)
    } finally {
      await bridge.store.close()
    }
  })
})

describe('respaldo completo: restauración', () => {
  async function prepared(): Promise<{ verified: VerifiedBackup; target: string; dataFile: string }> {
    const bridge = await secretariatWithActa()
    let archive: Buffer
    try {
      archive = await archiveOf(bridge)
    } finally {
      await bridge.store.close()
    }
    // The target holds other data: its own data file, an attachment, an acta.
    const target = await tempFolder()
    const dataFile = join(target, 'secretariado.json')
    const other = await openBridge(dataFile)
    await other.call('updateSettings', { ...other.store.data.settings, defaultVenue: 'Otra sede' })
    await other.store.close()
    await mkdir(join(target, 'adjuntos'))
    await writeFile(join(target, 'adjuntos', `${'a'.repeat(64)}.txt`), 'adjunto de los otros datos')
    await mkdir(join(target, 'actas'))
    await writeFile(join(target, 'actas', 'STL-SO01-2026-0123456789abcdef.pdf'), '%PDF-1.7 otra acta')
    return { verified: await verifyBackup(archive, { now: NOW }), target, dataFile }
  }

  it('no reemplaza un archivo de datos existente sin confirmación, ni una carpeta con adjuntos de otros datos', async () => {
    const { verified, target, dataFile } = await prepared()
    const before = await snapshot(target)
    await expect(installBackup(verified, { dataFile, now: NOW, replace: false })).rejects.toThrow(/^Ya existe el archivo de datos .*secretariado\.json: no se reemplaza sin confirmación\.$/)
    expect(await snapshot(target)).toEqual(before)

    const orphans = await tempFolder()
    await mkdir(join(orphans, 'adjuntos'))
    await writeFile(join(orphans, 'adjuntos', 'x.txt'), 'de otros datos')
    await expect(installBackup(verified, { dataFile: join(orphans, 'secretariado.json'), now: NOW, replace: false })).rejects.toThrow(/ya tiene adjuntos\/ de otros datos: no se mezclan/)
    expect(await snapshot(orphans)).toEqual({ 'adjuntos/': 'carpeta', 'adjuntos/x.txt': sha256(Buffer.from('de otros datos')) })
  })

  it('con confirmación, aparta los datos actuales en respaldos/antes-de-restaurar-… sin borrar nada', async () => {
    const { verified, target, dataFile } = await prepared()
    const before = dataFiles(await snapshot(target))
    const outcome = await installBackup(verified, { dataFile, now: NOW, replace: true })
    expect(outcome.movedAsideTo).toBe(join(target, 'respaldos', `antes-de-restaurar-${NOW.toISOString().replace(/[:.]/g, '-')}`))
    expect(dataFiles(await snapshot(outcome.movedAsideTo ?? ''))).toEqual(before)
    const after = dataFiles(await snapshot(target))
    for (const [path, bytes] of verified.files) expect(after[path], path).toBe(sha256(bytes))
    expect(Object.keys(after).filter((path) => !path.endsWith('/')).sort()).toEqual([...verified.files.keys()].sort())
    expect((await readDataFile(dataFile)).settings.defaultVenue).not.toBe('Otra sede')
    // A second restore the same instant gets its own folder.
    const again = await installBackup(verified, { dataFile, now: NOW, replace: true })
    expect(again.movedAsideTo).toBe(`${outcome.movedAsideTo ?? ''}-2`)
  })

  it('una falla en cualquier paso deja la carpeta como estaba', async () => {
    const { verified, target, dataFile } = await prepared()
    const before = await snapshot(target)
    // Count the calls of a successful restore into a copy, then fail each one in turn.
    const counting: string[] = []
    const tracked = (plan: { failAt: number | null; calls: string[] }): RestoreFs => {
      const hit = (name: string): void => {
        plan.calls.push(name)
        if (plan.failAt === plan.calls.length) throw Object.assign(new Error(`EIO (inyectado en ${name})`), { code: 'EIO' })
      }
      const wrap =
        <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          hit(name)
          return fn(...args)
        }
      return {
        ...fsp,
        open: wrap('open', fsp.open),
        rename: wrap('rename', fsp.rename),
        link: wrap('link', fsp.link),
        copyFile: wrap('copyFile', fsp.copyFile),
        mkdir: wrap('mkdir', fsp.mkdir) as RestoreFs['mkdir'],
      }
    }
    const dryRun = await tempFolder()
    await fsp.cp(target, dryRun, { recursive: true })
    await installBackup(verified, { dataFile: join(dryRun, 'secretariado.json'), now: NOW, replace: true, fs: tracked({ failAt: null, calls: counting }) })
    expect(counting.filter((name) => name === 'rename').length).toBeGreaterThanOrEqual(5)
    for (let failAt = 1; failAt <= counting.length; failAt++) {
      const plan = { failAt, calls: [] as string[] }
      await expect(installBackup(verified, { dataFile, now: NOW, replace: true, fs: tracked(plan) }), `falla en la llamada ${failAt} (${counting[failAt - 1] ?? ''})`).rejects.toThrow(
        /No se pudo (restaurar el respaldo|crear la carpeta)/,
      )
      expect(await snapshot(target), `después de fallar la llamada ${failAt} (${counting[failAt - 1] ?? ''})`).toEqual(before)
    }
  })
})

describe('respaldo completo en la aplicación', () => {
  it('restaura sobre los datos abiertos: aparta los actuales, recarga el almacén y lo anota en la bitácora', async () => {
    const source = await secretariatWithActa()
    let archive: Buffer
    try {
      archive = await archiveOf(source)
    } finally {
      await source.store.close()
    }
    const folder = await tempFolder()
    const app = await openBridge(join(folder, 'secretariado.json'), { now: fixedClock(new Date(NOW.getTime() + DAY_MS)) })
    try {
      expect(app.store.data.members).toHaveLength(0)
      const status = await app.call('getFullBackupStatus', undefined)
      expect(status).toMatchObject({ last: null, ageDays: null, due: true, reminderDays: 30 })

      const inspection = await app.call('inspectFullBackup', { contentBase64: archive.toString('base64') })
      expect(inspection.report).toMatchObject({ createdAt: NOW.toISOString(), attachments: 4, actas: 1, archiveSha256: sha256(archive) })
      expect(inspection.asideFolder).toBe(join(folder, 'respaldos'))
      const emptyBytes = await readFile(app.dataFile)

      const restored = await app.call('restoreFullBackup', { contentBase64: archive.toString('base64'), fileName: 'C:\\USB\\mi-respaldo.stlbak', confirmed: true })
      expect(restored.status.state).toBe('listo')
      expect(restored.movedAsideTo).toBe(join(inspection.asideFolder, 'antes-de-restaurar-2026-11-27T15-00-00-000Z'))
      expect(await readFile(join(restored.movedAsideTo ?? '', 'secretariado.json'))).toEqual(emptyBytes)
      expect(app.store.data.members.length).toBe(inspection.report.counts.members)
      expect(app.store.data.lastFullBackup).toEqual({ at: NOW.toISOString(), fileName: 'mi-respaldo.stlbak', sha256: sha256(archive), bytes: archive.length })
      expect(app.store.data.audit.at(-1)).toMatchObject({ action: 'restaurar', summary: expect.stringMatching(/^Datos restaurados desde el respaldo completo del jueves 26 de noviembre de 2026/) as unknown })
      // What the app shows is what is on disk, and the files the data names are there.
      expect((await readDataFile(app.dataFile)).members.length).toBe(inspection.report.counts.members)
      const session = await app.call('getSession', { id: HELD_SESSION_ID })
      expect(session.session.status).toBe('firmada')
      expect((await app.call('verifySignedActa', { sessionId: HELD_SESSION_ID })).storedIntact).toBe(true)
      expect((await app.call('getFullBackupStatus', undefined)).contents).toMatchObject({ attachments: 4, actas: 1 })
    } finally {
      await app.store.close()
    }
  })

  it('el almacén no cambia si la restauración falla, y rechaza los cambios pedidos durante ella', async () => {
    const folder = await tempFolder()
    const app = await openBridge(join(folder, 'secretariado.json'))
    try {
      const before = app.store.data
      const bytes = await readFile(app.dataFile)
      await expect(app.store.replaceWithRestored(() => Promise.reject(new Error('EIO')))).rejects.toThrow('EIO')
      expect(app.store.data).toBe(before)
      expect(await readFile(app.dataFile)).toEqual(bytes)

      let during: Promise<unknown> = Promise.resolve()
      const replacement = { ...before, settings: { ...before.settings, defaultVenue: 'Restaurada' } }
      await app.store.replaceWithRestored(async () => {
        during = app.store.update((draft) => void (draft.settings.defaultVenue = 'Cambio a destiempo'))
        await new Promise((resolve) => setTimeout(resolve, 10))
        return replacement
      })
      await expect(during).rejects.toThrow(/se estaban restaurando desde un respaldo completo: este cambio no se guardó/)
      expect(app.store.data.settings.defaultVenue).toBe('Restaurada')
      // Saving works again afterwards.
      await app.store.update((draft) => void (draft.settings.defaultVenue = 'Después'))
      expect((await readDataFile(app.dataFile)).settings.defaultVenue).toBe('Después')
    } finally {
      await app.store.close()
    }
  })

  it('crear un respaldo guarda antes los cambios pendientes: el archivo de datos archivado es el más reciente', async () => {
    const bridge = await secretariatWithActa()
    try {
      const saving = bridge.store.update((draft) => void (draft.settings.defaultVenue = 'Sede recién guardada'))
      const built = await buildFullBackup(bridge.store, { now: NOW, appVersion: 'pruebas' })
      await saving
      const verified = await verifyBackup(built.bytes, { now: NOW })
      expect(verified.data.settings.defaultVenue).toBe('Sede recién guardada')
      expect(verified.dataBytes).toEqual(await readFile(bridge.dataFile))
    } finally {
      await bridge.store.close()
    }
  })
})

/** An archive of a fresh data folder (no attachments), made by a bridge whose clock says `at`. */
async function plainArchive(at: Date = NOW): Promise<Buffer> {
  const bridge = await openBridge(join(await tempFolder(), 'secretariado.json'), { now: fixedClock(at) })
  try {
    return await archiveOf(bridge)
  } finally {
    await bridge.store.close()
  }
}

/** The archive with its manifest changed (the zip's CRC-32 of it recomputed). */
async function withManifest(archive: Buffer, change: (manifest: Record<string, unknown>) => void): Promise<Buffer> {
  const entries = await unzip(archive)
  const manifest = JSON.parse(entries[0]?.data.toString('utf8') ?? '{}') as Record<string, unknown>
  change(manifest)
  return zipOf([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, ...entries.slice(1)])
}

const fsError = (code: string, where: string): Error => Object.assign(new Error(`${code} (inyectado en ${where})`), { code })

describe('respaldo completo: enlaces, nombres, límites y carpetas compartidas', () => {
  it('crear no sigue adjuntos/ ni actas/ cuando son enlaces a otra carpeta, y la tarjeta no los cuenta', async () => {
    const folder = await tempFolder()
    const bridge = await openBridge(join(folder, 'secretariado.json'))
    try {
      const outside = await tempFolder()
      await writeFile(join(outside, 'passwd'), 'root:x:0:0:fuera de la carpeta de datos')
      await symlink(outside, join(folder, 'adjuntos'))
      await symlink(outside, join(folder, 'actas'))
      const built = await buildFullBackup(bridge.store, { now: NOW, appVersion: 'pruebas' })
      const verified = await verifyBackup(built.bytes, { now: NOW })
      expect([...verified.files.keys()]).toEqual(['secretariado.json'])
      expect(built.report.warnings).toEqual([
        'No se incluyó adjuntos/: no es una carpeta dentro de la carpeta de datos (es un enlace o un archivo); lo que contiene no se respalda.',
        'No se incluyó actas/: no es una carpeta dentro de la carpeta de datos (es un enlace o un archivo); lo que contiene no se respalda.',
      ])
      expect((await bridge.call('getFullBackupStatus', undefined)).contents).toMatchObject({ attachments: 0, actas: 0 })
    } finally {
      await bridge.store.close()
    }

    // A data folder opened through a link keeps its own adjuntos/.
    const real = await tempFolder()
    await mkdir(join(real, 'adjuntos'))
    await writeFile(join(real, 'adjuntos', `${'b'.repeat(64)}.txt`), 'adjunto propio')
    const alias = join(await tempFolder(), 'alias')
    await symlink(real, alias)
    const aliased = await openBridge(join(alias, 'secretariado.json'))
    try {
      const built = await buildFullBackup(aliased.store, { now: NOW, appVersion: 'pruebas' })
      expect(built.report).toMatchObject({ attachments: 1, warnings: [] })
      expect((await aliased.call('getFullBackupStatus', undefined)).contents).toMatchObject({ attachments: 1 })
    } finally {
      await aliased.store.close()
    }
  })

  it('rechaza nombres que Windows no conserva: dispositivos, punto final; y crear no los respalda', async () => {
    for (const name of ['adjuntos/CON', 'adjuntos/nul.pdf', 'actas/COM1.txt', 'adjuntos/aux']) {
      expect(backupEntryProblem(name), name).toMatch(/usa un nombre que Windows reserva para un dispositivo \((CON|NUL|COM1|AUX)\)\.$/)
    }
    for (const name of ['adjuntos/informe.pdf.', 'adjuntos/a..']) expect(backupEntryProblem(name), name).toMatch(/termina en punto; Windows no conserva ese nombre\.$/)
    expect(backupEntryProblem('adjuntos/informe.pdf')).toBeNull()
    expect(backupEntryProblem('adjuntos/consejo.pdf')).toBeNull()
    expect(entryKey('adjuntos/Informe.PDF. ')).toBe(entryKey('adjuntos/informe.pdf'))

    const archive = await plainArchive()
    const twice = await rebuilt(archive, (entries) => [...entries, { name: 'adjuntos/informe.pdf', data: Buffer.from('uno') }, { name: 'adjuntos/informe.pdf.', data: Buffer.from('dos') }])
    expect(await refusal(twice)).toBe('La entrada «adjuntos/informe.pdf.» termina en punto; Windows no conserva ese nombre.')
    expect(await refusal(await rebuilt(archive, (entries) => [...entries, { name: 'adjuntos/CON', data: Buffer.from('dispositivo') }]))).toMatch(/reserva para un dispositivo \(CON\)/)

    const folder = await tempFolder()
    const bridge = await openBridge(join(folder, 'secretariado.json'))
    try {
      await mkdir(join(folder, 'adjuntos'))
      await writeFile(join(folder, 'adjuntos', 'nul.pdf'), 'no es de la aplicación')
      const built = await buildFullBackup(bridge.store, { now: NOW, appVersion: 'pruebas' })
      expect(built.report.attachments).toBe(0)
      expect(built.report.warnings).toEqual(['No se incluyó adjuntos/nul.pdf: la aplicación no escribe archivos con ese nombre.'])
    } finally {
      await bridge.store.close()
    }
  })

  it('lo que un respaldo se expande en memoria no pasa del límite de quien lo lee (el puente admite menos)', async () => {
    const archive = await plainArchive()
    const zeros = Buffer.alloc(700 * 1024)
    const inflating = await rebuilt(archive, (entries) => [
      ...entries,
      { name: 'adjuntos/ceros-1.bin', data: zeros, compress: true },
      { name: 'adjuntos/ceros-2.bin', data: zeros, compress: true },
    ])
    expect(inflating.length).toBeLessThan(1024 * 1024)
    await expect(verifyBackup(inflating, { now: NOW, maxBytes: 1024 * 1024 })).rejects.toThrow(/supera 1 MB sin comprimir; no se abre \(posible bomba de descompresión\)/)
    // A file reader's limit accepts it.
    expect((await verifyBackup(inflating, { now: NOW })).report.attachments).toBe(2)
  })

  it('el resumen es el del archivo de datos: el manifiesto que dice otra cosa, trae escapes o viene del futuro se rechaza', async () => {
    const archive = await plainArchive()
    const forged = (change: (manifest: Record<string, unknown>) => void): Promise<Buffer> => withManifest(archive, change)
    expect(await refusal(await forged((manifest) => void (manifest.organization = 'Ayuntamiento de Zapopan')))).toBe(
      'El manifiesto dice que el respaldo es de «Secretariado Técnico Local · Ayuntamiento de Zapopan», pero el archivo de datos del respaldo es de ' +
        '«Secretariado Técnico Local · Gobierno Abierto Jalisco»: el respaldo fue alterado.',
    )
    expect(await refusal(await forged((manifest) => void (manifest.bodyName = 'Comité de Transparencia')))).toMatch(/^El manifiesto dice que el respaldo es de «Comité de Transparencia · /)
    for (const text of ['Secretariado Técnico Local\u001b[2K\r\u001b[32mfirmado', 'Secretariado Técnico Local\u202e', 'Secretariado\u009b31m']) {
      expect(await refusal(await forged((manifest) => void (manifest.bodyName = text)))).toMatch(/^El manifiesto del respaldo \(manifest\.json\) no es válido: bodyName: Contiene caracteres de control/)
    }
    expect(await refusal(await forged((manifest) => void (manifest.appVersion = '9.9.9\u0007')))).toMatch(/appVersion: Contiene caracteres de control/)
    expect(await refusal(await forged((manifest) => void (manifest.schemaVersion = SCHEMA_VERSION - 1)))).toBe(
      `El manifiesto declara el esquema ${SCHEMA_VERSION - 1}, pero el archivo de datos del respaldo usa el ${SCHEMA_VERSION}: el respaldo fue alterado.`,
    )
    expect(await refusal(await forged((manifest) => void (manifest.counts = { members: 1, sessions: 0, agreements: 0 })))).toMatch(/^El manifiesto declara 1 integrantes, 0 sesiones y 0 acuerdos, pero .* tiene 0, 0 y 0/)
    expect(await refusal(await forged((manifest) => void (manifest.createdAt = '2031-01-01T00:00:00.000Z')))).toMatch(
      /^El respaldo dice haberse creado el martes 31 de diciembre de 2030 a las 18:00, después de la fecha de este equipo \(jueves 26 de noviembre de 2026 a las \d\d:\d\d\): revise el reloj/,
    )
    // A clock a few hours ahead (another computer) is accepted; the same archive is refused by a clock two days earlier.
    const ahead = await forged((manifest) => void (manifest.createdAt = new Date(NOW.getTime() + 12 * 3_600_000).toISOString()))
    expect((await verifyBackup(ahead, { now: NOW })).report.createdAt).toBe(new Date(NOW.getTime() + 12 * 3_600_000).toISOString())
    await expect(verifyBackup(ahead, { now: new Date(NOW.getTime() - 2 * DAY_MS) })).rejects.toThrow(/dice haberse creado/)
    expect((await verifyBackup(archive, { now: NOW })).report).toMatchObject({ organization: 'Gobierno Abierto Jalisco', bodyName: 'Secretariado Técnico Local', schemaVersion: SCHEMA_VERSION })
  })

  it('en la aplicación, la fecha de un respaldo hecho con un reloj adelantado no calla el recordatorio', async () => {
    const ahead = new Date(NOW.getTime() + 12 * 3_600_000)
    const archive = await plainArchive(ahead)
    const app = await openBridge(join(await tempFolder(), 'secretariado.json'), { now: fixedClock(NOW) })
    try {
      await app.call('restoreFullBackup', { contentBase64: archive.toString('base64'), confirmed: true })
      expect(app.store.data.lastFullBackup?.at).toBe(NOW.toISOString())
      const later = await openBridge(join(await tempFolder(), 'secretariado.json'), { now: fixedClock(new Date(NOW.getTime() - 2 * DAY_MS)) })
      try {
        expect(await later.refused('inspectFullBackup', { contentBase64: archive.toString('base64') })).toMatch(/dice haberse creado .* después de la fecha de este equipo/)
        expect(await later.refused('restoreFullBackup', { contentBase64: archive.toString('base64'), confirmed: true })).toMatch(/dice haberse creado/)
        expect(later.store.data.lastFullBackup).toBeNull()
      } finally {
        await later.store.close()
      }
    } finally {
      await app.store.close()
    }
  })

  it('restaura en un disco sin enlaces duros (FAT, unidades de red) copiando, nunca sobre un archivo existente', async () => {
    const archive = await rebuilt(await plainArchive(), (entries) => [...entries, { name: `adjuntos/${'c'.repeat(64)}.txt`, data: Buffer.from('adjunto') }])
    const verified = await verifyBackup(archive, { now: NOW })
    const noLinks: RestoreFs = { ...fsp, link: () => Promise.reject(fsError('EPERM', 'link')) }
    const empty = await tempFolder()
    const outcome = await installBackup(verified, { dataFile: join(empty, 'secretariado.json'), now: NOW, replace: false, fs: noLinks })
    expect(outcome.movedAsideTo).toBeNull()
    const restored = await snapshot(empty)
    expect(restored).toEqual({ 'adjuntos/': 'carpeta', [`adjuntos/${'c'.repeat(64)}.txt`]: sha256(Buffer.from('adjunto')), 'secretariado.json': sha256(verified.dataBytes) })

    // A copy that fails while it is synced leaves nothing behind.
    const other = await tempFolder()
    const failingSync: RestoreFs = {
      ...noLinks,
      open: async (...args: Parameters<typeof fsp.open>) => {
        if (args[1] === 'r+') throw fsError('EIO', 'open r+')
        return fsp.open(...args)
      },
    }
    await expect(installBackup(verified, { dataFile: join(other, 'secretariado.json'), now: NOW, replace: false, fs: failingSync })).rejects.toThrow(/No se pudo restaurar el respaldo .*\(EIO\)/)
    expect(await snapshot(other)).toEqual({})
  })

  it('no restaura en una carpeta que comparte otro archivo de datos, abierto o no', async () => {
    const verified = await verifyBackup(await rebuilt(await plainArchive(), (entries) => [...entries, { name: `adjuntos/${'d'.repeat(64)}.txt`, data: Buffer.from('del respaldo') }]), { now: NOW })
    const folder = await tempFolder()
    const app = await Store.open({ dataFile: join(folder, 'secretariado.json'), now: fixedClock() })
    await mkdir(join(folder, 'adjuntos'))
    await writeFile(join(folder, 'adjuntos', `${'e'.repeat(64)}.pdf`), 'evidencia de la aplicación')
    try {
      const before = await snapshot(folder)
      await expect(installBackup(verified, { dataFile: join(folder, 'otro.json'), now: NOW, replace: true })).rejects.toThrow(
        new RegExp(`^No se restauró nada: en la carpeta ${folder.replace(/[.]/g, '\\.')} está también el archivo de datos secretariado\\.json, que comparte con otro\\.json las carpetas adjuntos/ y actas/\\. El archivo de datos está abierto en Secretariado`),
      )
      expect(await snapshot(folder)).toEqual(before)
    } finally {
      await app.close()
    }
    const before = await snapshot(folder)
    await expect(installBackup(verified, { dataFile: join(folder, 'otro.json'), now: NOW, replace: true })).rejects.toThrow(
      /está también el archivo de datos secretariado\.json, .* Restaure en una carpeta propia, o mueva antes secretariado\.json/,
    )
    expect(await snapshot(folder)).toEqual(before)
    // Its own data file and lock are no obstacle, nor a damaged file the store set aside.
    await writeFile(join(folder, 'secretariado.danado-2026-11-20T15-00-00-000Z.json'), (await readFile(join(folder, 'secretariado.json'))).subarray(0, 60))
    expect((await installBackup(verified, { dataFile: join(folder, 'secretariado.json'), now: NOW, replace: true })).movedAsideTo).toMatch(/antes-de-restaurar-/)
  })

  it('una restauración fallida no deja la carpeta respaldos/ que creó', async () => {
    const verified = await verifyBackup(await plainArchive(), { now: NOW })
    const target = await tempFolder()
    await writeDemoData(join(target, 'secretariado.json'), { sessions: 1, seed: 2 })
    await mkdir(join(target, 'adjuntos'))
    await writeFile(join(target, 'adjuntos', `${'f'.repeat(64)}.txt`), 'adjunto actual')
    const before = await snapshot(target)
    expect(Object.keys(before)).not.toContain('respaldos/')
    // Failing as the aside folder is made, and once the current files are being moved into it.
    const failures: RestoreFs[] = [
      {
        ...fsp,
        mkdir: (async (...args: Parameters<typeof fsp.mkdir>) => {
          if (String(args[0]).includes('antes-de-restaurar')) throw fsError('EIO', 'mkdir')
          return fsp.mkdir(...args)
        }) as RestoreFs['mkdir'],
      },
      {
        ...fsp,
        rename: async (from, to) => {
          if (String(to).includes('antes-de-restaurar')) throw fsError('EIO', 'rename')
          return fsp.rename(from, to)
        },
      },
    ]
    for (const failing of failures) {
      await expect(installBackup(verified, { dataFile: join(target, 'secretariado.json'), now: NOW, replace: true, fs: failing })).rejects.toThrow(/No se pudo restaurar el respaldo/)
      expect(await snapshot(target)).toEqual(before)
    }
  })

  it('sólo quita las carpetas provisionales de una restauración de su mismo archivo de datos', async () => {
    const verified = await verifyBackup(await plainArchive(), { now: NOW })
    const folder = await tempFolder()
    const earlier = new Date(NOW.getTime() - DAY_MS)
    const own = stagingNameFor('secretariado.json', earlier, '0123456789ab')
    // A staging folder of «secretariado.json.restaurando-1.json», whose name begins like ours.
    const others = stagingNameFor('secretariado.json.restaurando-1.json', earlier, '0123456789ab')
    expect(own).toBe('.secretariado.json.restaurando-2026-11-25T15-00-00-000Z-0123456789ab')
    for (const name of [own, others]) {
      await mkdir(join(folder, name))
      await writeFile(join(folder, name, 'secretariado.json'), 'a medias')
    }
    await installBackup(verified, { dataFile: join(folder, 'secretariado.json'), now: NOW, replace: false })
    expect((await readdir(folder)).sort()).toEqual([others, 'secretariado.json'].sort())
  })

  it('el respaldo no se guarda dentro de la carpeta de datos aunque se nombre por otro camino', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'secretariado.json')
    const bridge = await openBridge(dataFile)
    try {
      await mkdir(join(folder, 'adjuntos'))
      await mkdir(join(folder, 'respaldos'), { recursive: true })
      const alias = join(await tempFolder(), 'datos')
      await symlink(folder, alias)
      const { bytes } = await buildFullBackup(bridge.store, { now: NOW, appVersion: 'pruebas' })
      await expect(writeBackupFile(join(alias, 'adjuntos', 'r.stlbak'), bytes, { dataFile, force: false })).rejects.toThrow(/^El respaldo no puede guardarse dentro de adjuntos\/ de la carpeta de datos/)
      await expect(writeBackupFile(join(folder, 'adjuntos', '..', 'adjuntos', 'r.stlbak'), bytes, { dataFile, force: false })).rejects.toThrow(/dentro de adjuntos\//)
      await expect(writeBackupFile(join(alias, 'respaldos', 'r.stlbak'), bytes, { dataFile, force: false })).rejects.toThrow(/dentro de respaldos\//)
      await expect(writeBackupFile(join(alias, 'secretariado.json'), bytes, { dataFile, force: true })).rejects.toThrow(/no puede escribirse sobre el archivo de datos/)
      await expect(writeBackupFile(join(alias, 'secretariado.json.lock'), bytes, { dataFile, force: true })).rejects.toThrow(/no puede escribirse sobre el candado/)
      expect(await readdir(join(folder, 'adjuntos'))).toEqual([])
      const usb = join(await tempFolder(), 'r.stlbak')
      expect(await writeBackupFile(usb, bytes, { dataFile, force: false })).toBe(usb)
    } finally {
      await bridge.store.close()
    }
  })
})
