/**
 * `backup create | verify | restore` on the command line: exit codes, Spanish
 * messages, the data file's lock, and files that are never half-written or
 * replaced without --force.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { runBackupCreate, runBackupRestore, runBackupVerify } from '../../main/cli/commands/backup'
import { verifyBackup } from '../../main/core/backup/verify'
import { readDataFile } from '../../main/core/store/read-data-file'
import { Store } from '../../main/core/store/store'
import { writeDemoData } from '../support/bridge'
import { NOW, fixedClock } from '../support/clock'
import { tempFolder } from './helpers'
import { CLI } from '../support/cli'

const ROOT = resolve(__dirname, '../..')
const AT = '2026-11-26T10:00'

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex')

/** A data folder with demo data and one attachment in adjuntos/. */
async function dataFolder(): Promise<{ folder: string; dataFile: string; attachment: string }> {
  const folder = await tempFolder()
  const dataFile = join(folder, 'datos', 'secretariado.json')
  await mkdir(join(folder, 'datos', 'adjuntos'), { recursive: true })
  await writeDemoData(dataFile, { sessions: 6, seed: 3 })
  const content = 'Minuta de la reunión preparatoria.\n'
  const attachment = join(folder, 'datos', 'adjuntos', `${sha256(content)}.txt`)
  await writeFile(attachment, content)
  return { folder, dataFile, attachment }
}

describe('línea de comandos: backup', () => {
  it('create escribe el respaldo y lo anota en el archivo de datos; verify lo aprueba o dice qué archivo está mal', async () => {
    const { folder, dataFile } = await dataFolder()
    const usb = join(folder, 'usb')
    await mkdir(usb)
    const out = join(usb, 'respaldo.stlbak')

    const made = cli('backup', 'create', dataFile, '--out', out, '--at', AT)
    expect(made.status, made.stderr).toBe(0)
    expect(made.stdout).toMatch(/^Respaldo completo escrito en .*respaldo\.stlbak: \d+ integrantes, 6 sesiones, \d+ acuerdos, 1 adjuntos y 0 actas/)
    const archive = await readFile(out)
    expect(made.stdout).toContain(`SHA-256 ${sha256(archive)}`)
    // Written through a temporary file that was renamed: nothing else is left in the folder.
    expect(await readdir(usb)).toEqual(['respaldo.stlbak'])
    expect((await readDataFile(dataFile)).lastFullBackup).toEqual({ at: new Date('2026-11-26T10:00:00-06:00').toISOString(), fileName: 'respaldo.stlbak', sha256: sha256(archive), bytes: archive.length })

    const again = cli('backup', 'create', dataFile, '--out', out, '--at', AT)
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/^Error: Ya existe .*respaldo\.stlbak: no se reemplaza\. Elija otro nombre o use --force/)
    expect(await readFile(out)).toEqual(archive)
    expect(cli('backup', 'create', join(folder, 'no-existe.json'), '--out', join(usb, 'otro.stlbak')).stderr).toMatch(/No existe el archivo de datos/)
    expect(cli('backup', 'create', dataFile, '--out', dataFile).stderr).toMatch(/no puede escribirse sobre el archivo de datos/)

    const ok = cli('backup', 'verify', out)
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/^Respaldo válido: /)
    expect(ok.stdout).toMatch(/Creado: +jueves 26 de noviembre de 2026 a las 10:00/)
    expect(ok.stdout).toMatch(/Contiene: +\d+ integrantes, 6 sesiones, \d+ acuerdos, 1 adjuntos y 0 actas \(2 archivos/)

    const damaged = join(usb, 'dañado.stlbak')
    const copy = Buffer.from(archive)
    const at = copy.indexOf('Minuta de la reunión')
    copy[at] = (copy[at] ?? 0) ^ 0x01
    await writeFile(damaged, copy)
    const bad = cli('backup', 'verify', damaged)
    expect(bad.status).toBe(1)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toMatch(/^Error: El archivo adjuntos\/[0-9a-f]{64}\.txt no coincide con su huella SHA-256 del manifiesto/)
    expect(cli('backup', 'verify', join(usb, 'nada.stlbak')).stderr).toMatch(/No existe el archivo/)

    expect(cli('backup', 'verify').status).toBe(2)
    expect(cli('backup', 'create', dataFile).stderr).toMatch(/Falta --out/)
    expect(cli('backup', 'guardar', dataFile).stderr).toMatch(/Acción desconocida de backup: guardar/)
  })

  it('restore restaura en un archivo nuevo, se niega a reemplazar uno existente sin --force y con --force aparta el anterior', async () => {
    const { folder, dataFile } = await dataFolder()
    const out = join(folder, 'respaldo.stlbak')
    expect(cli('backup', 'create', dataFile, '--out', out, '--at', AT).status).toBe(0)
    const archivedData = (await verifyBackup(await readFile(out), { now: NOW })).dataBytes

    const fresh = join(folder, 'nueva-computadora', 'secretariado.json')
    const restored = cli('backup', 'restore', out, '--to', fresh, '--at', AT)
    expect(restored.status, restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(/^Respaldo restaurado en .*nueva-computadora.secretariado\.json: /)
    expect((await readdir(join(folder, 'nueva-computadora'))).sort()).toEqual(['adjuntos', 'secretariado.json'])
    const original = await readdir(join(folder, 'datos', 'adjuntos'))
    expect(await readdir(join(folder, 'nueva-computadora', 'adjuntos'))).toEqual(original)
    for (const name of original) expect(await readFile(join(folder, 'nueva-computadora', 'adjuntos', name))).toEqual(await readFile(join(folder, 'datos', 'adjuntos', name)))

    // The archive holds the data file as it was before the backup was recorded in it.
    const before = await readFile(dataFile)
    expect(before).not.toEqual(archivedData)
    const refused = cli('backup', 'restore', out, '--to', dataFile, '--at', AT)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/^Error: Ya existe .*secretariado\.json: no se reemplaza\. Para reemplazarlo use --force \(antes se mueven el archivo de datos, sus adjuntos y sus actas a respaldos\/antes-de-restaurar-<fecha>\//)
    expect(await readFile(dataFile)).toEqual(before)

    const forced = cli('backup', 'restore', out, '--to', dataFile, '--force', '--at', AT)
    expect(forced.status, forced.stderr).toBe(0)
    const aside = /se movieron a (\S+) \(no se borró nada\)/.exec(forced.stdout)?.[1] ?? ''
    expect(aside).toBe(join(folder, 'datos', 'respaldos', 'antes-de-restaurar-2026-11-26T16-00-00-000Z'))
    expect(await readFile(join(aside, 'secretariado.json'))).toEqual(before)
    expect(await readdir(join(aside, 'adjuntos'))).toEqual(original)
    expect(await readFile(dataFile)).toEqual(archivedData)

    expect(cli('backup', 'restore', out).stderr).toMatch(/Falta --to ARCHIVO/)
  })

  it('restore no toca un archivo de datos abierto por otro programa', async () => {
    const { folder, dataFile } = await dataFolder()
    const out = join(folder, 'respaldo.stlbak')
    expect(cli('backup', 'create', dataFile, '--out', out, '--at', AT).status).toBe(0)
    const open = await Store.open({ dataFile, now: fixedClock(NOW) })
    try {
      const before = await readFile(dataFile)
      const result = cli('backup', 'restore', out, '--to', dataFile, '--force', '--at', AT)
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(/^Error: .*(abierto|bloqueado)/)
      expect(await readFile(dataFile)).toEqual(before)
      expect(await readdir(join(folder, 'datos'))).not.toContain('respaldos/antes-de-restaurar-2026-11-26T16-00-00-000Z')
      expect((await readdir(join(folder, 'datos', 'respaldos')).catch(() => [])).filter((name) => name.startsWith('antes-de-restaurar'))).toEqual([])
    } finally {
      await open.close()
    }
  })

  it('restore no cambia los adjuntos de un archivo de datos abierto en la misma carpeta, ni de uno que sólo está ahí', async () => {
    const { folder, dataFile, attachment } = await dataFolder()
    const out = join(folder, 'respaldo.stlbak')
    expect(cli('backup', 'create', dataFile, '--out', out, '--at', AT).status).toBe(0)
    const datos = join(folder, 'datos')
    const before = (await readdir(datos)).sort()
    const attachmentBytes = await readFile(attachment)
    const open = await Store.open({ dataFile, now: fixedClock(NOW) })
    try {
      const result = cli('backup', 'restore', out, '--to', join(datos, 'otro.json'), '--force', '--at', AT)
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(/^Error: No se restauró nada: en la carpeta .*datos está también el archivo de datos secretariado\.json, que comparte con otro\.json las carpetas adjuntos\/ y actas\/\. El archivo de datos está abierto en Secretariado/)
    } finally {
      await open.close()
    }
    expect((await readdir(datos)).sort()).toEqual(before)
    expect(await readFile(attachment)).toEqual(attachmentBytes)

    const closed = cli('backup', 'restore', out, '--to', join(datos, 'otro.json'), '--force', '--at', AT)
    expect(closed.status).toBe(1)
    expect(closed.stderr).toMatch(/está también el archivo de datos secretariado\.json, .*Restaure en una carpeta propia/)
    expect((await readdir(datos)).sort()).toEqual(before)
  })

  it('restore quita las carpetas que creó para el destino cuando no se pudo restaurar', async () => {
    const { folder, dataFile } = await dataFolder()
    const out = join(folder, 'respaldo.stlbak')
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    try {
      expect(await runBackupCreate({ file: dataFile, out, force: false }, fixedClock(NOW))).toBe(0)
      // A name the disk cannot hold beside it (its lock's name is too long): the restore fails after the folders were made.
      const target = join(folder, 'nueva', 'carpeta', `${'x'.repeat(240)}.json`)
      await expect(runBackupRestore({ archive: out, to: target, force: false }, fixedClock(NOW))).rejects.toThrow(/No se pudo/)
      expect(await readdir(folder)).not.toContain('nueva')
      // A folder that was already there stays.
      await mkdir(join(folder, 'ya-estaba'))
      await expect(runBackupRestore({ archive: out, to: join(folder, 'ya-estaba', 'sub', `${'x'.repeat(240)}.json`), force: false }, fixedClock(NOW))).rejects.toThrow(/No se pudo/)
      expect(await readdir(join(folder, 'ya-estaba'))).toEqual([])
      expect((await stat(join(folder, 'ya-estaba'))).isDirectory()).toBe(true)
    } finally {
      log.mockRestore()
    }
  })

  it('verify escribe lo que trae el respaldo como texto, nunca como secuencias de la terminal', async () => {
    const { folder, dataFile } = await dataFolder()
    const store = await Store.open({ dataFile, now: fixedClock(NOW) })
    try {
      await store.update((draft) => void (draft.settings.bodyName = 'Comité\u001b[2K\r\u001b[32m válido\u202e'))
    } finally {
      await store.close()
    }
    const out = join(folder, 'respaldo.stlbak')
    const lines: string[] = []
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')))
    try {
      expect(await runBackupCreate({ file: dataFile, out, force: false }, fixedClock(NOW))).toBe(0)
      lines.length = 0
      expect(await runBackupVerify(out, fixedClock(NOW))).toBe(0)
    } finally {
      log.mockRestore()
    }
    const text = lines.join('\n')
    expect(text).toContain('De:        Comité?[2K??[32m válido? · ')
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/)
  })
})
