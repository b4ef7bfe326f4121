/**
 * What a save leaves on disk besides the new bytes: the data file keeps its
 * permission bits, and the rolling backup it took is durable (the backup
 * folder is synced after its links or copies, a copy is synced itself).
 */
import { chmod, readFile, stat, writeFile } from 'node:fs/promises'
import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BACKUP_FOLDER, keepBackup } from '../../main/core/store/backups'
import { writeFileDurable, type DurableFs } from '../../main/core/store/durable-write'
import { NOW } from '../support/clock'
import { demoBridge, tempFolder } from './helpers'

const posix = process.platform !== 'win32'

/** The real file system, recording which paths were opened and synced. */
function recordingFs(options: { noLinks?: boolean } = {}): { fs: DurableFs; synced: string[] } {
  const synced: string[] = []
  const fs: DurableFs = {
    ...fsp,
    link: options.noLinks ? () => Promise.reject(Object.assign(new Error('sin enlaces'), { code: 'EPERM' })) : fsp.link,
    open: (async (path: string, flags?: string, mode?: number) => {
      const handle = await fsp.open(path, flags, mode)
      const sync = handle.sync.bind(handle)
      handle.sync = async () => {
        await sync()
        synced.push(String(path))
      }
      return handle
    }) as DurableFs['open'],
  }
  return { fs, synced }
}

describe('guardar sin perder nada alrededor', () => {
  it.runIf(posix)('un archivo reemplazado conserva sus permisos; uno nuevo es privado', async () => {
    const folder = await tempFolder()
    const shared = join(folder, 'compartido.json')
    await writeFile(shared, '{"antes":true}')
    await chmod(shared, 0o640)
    await writeFileDurable(shared, '{"despues":true}')
    expect((await stat(shared)).mode & 0o777).toBe(0o640)
    expect(await readFile(shared, 'utf8')).toBe('{"despues":true}')
    const fresh = join(folder, 'nuevo.json')
    await writeFileDurable(fresh, '{}')
    expect((await stat(fresh)).mode & 0o777).toBe(0o600)
  })

  it.runIf(posix)('el archivo de datos conserva sus permisos después de cada cambio de la aplicación', async () => {
    const bridge = await demoBridge({ sessions: 4, seed: 7 })
    await chmod(bridge.dataFile, 0o660)
    await bridge.call('updateSettings', { ...bridge.store.data.settings, defaultVenue: 'Sala compartida' })
    expect((await stat(bridge.dataFile)).mode & 0o777).toBe(0o660)
  })

  it('la carpeta de respaldos se sincroniza después de enlazar la copia', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'secretariado.json')
    await writeFile(dataFile, '{"estado":1}')
    const { fs, synced } = recordingFs()
    const saved = await keepBackup(dataFile, NOW, fs)
    expect(saved).not.toBeNull()
    expect(await readFile(saved!, 'utf8')).toBe('{"estado":1}')
    expect(synced).toContain(join(folder, BACKUP_FOLDER))
  })

  it('sin enlaces en el disco, la copia se sincroniza ella misma y después la carpeta', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'secretariado.json')
    await writeFile(dataFile, '{"estado":2}')
    const { fs, synced } = recordingFs({ noLinks: true })
    const saved = await keepBackup(dataFile, NOW, fs)
    expect(saved).not.toBeNull()
    expect(await readFile(saved!, 'utf8')).toBe('{"estado":2}')
    const copy = synced.indexOf(saved!)
    const backups = synced.lastIndexOf(join(folder, BACKUP_FOLDER))
    expect(copy).toBeGreaterThanOrEqual(0)
    expect(backups).toBeGreaterThan(copy)
  })
})
