/**
 * `backup create | verify | restore` on the command line: exit codes, Spanish
 * messages, the data file's lock, and files that are never half-written or
 * replaced without --force.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyBackup } from '../../main/core/backup/verify'
import { readDataFile } from '../../main/core/store/read-data-file'
import { Store } from '../../main/core/store/store'
import { writeDemoData } from '../support/bridge'
import { NOW, fixedClock } from '../support/clock'
import { tempFolder } from './helpers'

const ROOT = resolve(__dirname, '../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const AT = '2026-11-26T10:00'

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(TSX, [join(ROOT, 'main/cli/index.ts'), ...args], { encoding: 'utf8', cwd: ROOT })
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
    const archivedData = (await verifyBackup(await readFile(out))).dataBytes

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
})
