/**
 * Faults during a save: every file-system call of a save is made to fail in
 * turn, with each kind of error; and a power cut at every step of a save is
 * simulated on a file system that loses whatever was not synced.
 */
import * as fsp from 'node:fs/promises'
import { readdir, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoData } from '../support/bridge'
import { NOW, fixedClock } from '../support/clock'
import type { Data } from '../../main/core/model/schema'
import type { DurableFs } from '../../main/core/store/durable-write'
import { serializeData } from '../../main/core/store/data-format'
import { readDataFile } from '../../main/core/store/read-data-file'
import { Store } from '../../main/core/store/store'
import { bytesOf, tempFolder } from './helpers'

type Fault = { code: string; at: number }

type Plan = { fault: Fault | null; calls: string[]; paths?: string[] }

/** The real file system, with a counter on every call (handles included, with the path they were opened on) and one planned failure. */
function faultyFs(plan: Plan): DurableFs {
  const hit = (name: string, path = ''): void => {
    plan.calls.push(name)
    ;(plan.paths ??= []).push(path)
    if (plan.fault && plan.calls.length === plan.fault.at) throw Object.assign(new Error(`${plan.fault.code} (inyectado)`), { code: plan.fault.code })
  }
  const wrap =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      hit(name)
      return fn(...args)
    }
  return {
    ...fsp,
    open: (async (...args: Parameters<typeof fsp.open>) => {
      const opened = String(args[0])
      hit('open', opened)
      const handle = await fsp.open(...args)
      return new Proxy(handle, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver) as unknown
          if (typeof value !== 'function') return value
          if (property === 'writeFile' || property === 'sync' || property === 'close') {
            return async (...callArgs: unknown[]) => {
              // A failed call must still release the descriptor, as a real failure would.
              try {
                hit(String(property), opened)
              } catch (error) {
                if (property !== 'close') await target.close().catch(() => undefined)
                throw error
              }
              return (value as (...a: unknown[]) => unknown).apply(target, callArgs)
            }
          }
          return (value as (...a: unknown[]) => unknown).bind(target)
        },
      })
    }),
    rename: wrap('rename', fsp.rename),
    unlink: wrap('unlink', fsp.unlink),
    link: wrap('link', fsp.link),
    copyFile: wrap('copyFile', fsp.copyFile),
    mkdir: wrap('mkdir', fsp.mkdir) as DurableFs['mkdir'],
    readdir: wrap('readdir', fsp.readdir) as DurableFs['readdir'],
    stat: wrap('stat', fsp.stat) as DurableFs['stat'],
  }
}

describe('fallas inyectadas en cada llamada de un guardado', () => {
  it('para cada llamada N y cada error, el archivo anterior sigue intacto y el siguiente guardado funciona', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'secretariado.json')
    await writeFile(dataFile, serializeData(demoData({ sessions: 3, seed: 1 })))
    const plan: Plan = { fault: null, calls: [] }
    const store = await Store.open({ dataFile, fs: faultyFs(plan), now: fixedClock() })

    // How many calls one save makes (with backups), measured on a clean save.
    plan.calls = []
    await store.update((draft) => void (draft.settings.defaultVenue = 'Medición'))
    const callsPerSave = plan.calls.length
    expect(callsPerSave).toBeGreaterThanOrEqual(6)

    let counter = 0
    for (const code of ['ENOSPC', 'EACCES', 'EPERM', 'EIO']) {
      for (let at = 1; at <= callsPerSave; at++) {
        const before = await bytesOf(dataFile)
        const venueBefore = store.data.settings.defaultVenue
        plan.calls = []
        plan.paths = []
        plan.fault = { code, at }
        const venue = `Sala ${++counter}`
        const outcome = await store.update((draft) => void (draft.settings.defaultVenue = venue)).then(
          () => 'guardado',
          (error: { code?: string; message?: string }) => {
            expect(error.code).toBe('ESCRITURA')
            if (/^El cambio quedó en el archivo/.test(error.message ?? '')) return 'sin-confirmar'
            expect(error.message).toMatch(/^No se pudo guardar el cambio: .*Sus datos siguen como estaban\.$/)
            return 'rechazado'
          },
        )
        plan.fault = null
        const call = plan.calls[at - 1] ?? '?'
        const path = plan.paths?.[at - 1] ?? ''
        if (outcome === 'sin-confirmar') {
          // Only syncing the folder after the rename can fail this way: file and memory both hold the new state.
          expect(['open', 'sync', 'close']).toContain(call)
          expect(at).toBeGreaterThan(callsPerSave - 3)
          expect((await readDataFile(dataFile)).settings.defaultVenue).toBe(venue)
          expect(store.data.settings.defaultVenue).toBe(venue)
        } else if (outcome === 'rechazado') {
          expect(await bytesOf(dataFile), `${code} en la llamada ${at} (${call})`).toEqual(before)
          expect(store.data.settings.defaultVenue).toBe(venueBefore)
        } else {
          // Only the backup's calls may fail without failing the save: a backup never blocks saving (syncing respaldos/ included).
          const backupFolderSync = ['open', 'sync', 'close'].includes(call) && basename(path) === 'respaldos'
          if (!backupFolderSync) expect(['link', 'copyFile', 'readdir', 'mkdir', 'unlink', 'stat'], `${code} en ${call}`).toContain(call)
          expect((await readDataFile(dataFile)).settings.defaultVenue).toBe(venue)
        }
        expect((await readdir(folder)).filter((name) => name.endsWith('.tmp')), 'sin temporales').toEqual([])
        const next = `Después ${counter}`
        await store.update((draft) => void (draft.settings.defaultVenue = next))
        expect((await readDataFile(dataFile)).settings.defaultVenue).toBe(next)
      }
    }
    await store.close()
  })
})

/**
 * Runs a call of the in-memory file system at once and hands back its outcome
 * as a real file-system call would: a value, or a rejection (a power cut, a
 * missing entry) — never a synchronous throw.
 */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()))
}

/**
 * A file system in memory that models what survives a power cut: file
 * contents reach the disk only when the file is synced, and names (create,
 * rename, link, unlink) only when their folder is synced.
 */
class PowerCutFs {
  /** What is on the platters: path → content, and each folder's entries. */
  private durableFiles = new Map<string, string>()
  private durableEntries = new Map<string, Map<string, string>>()
  /** What running programs see. */
  private files = new Map<string, string>()
  private entries = new Map<string, Map<string, string>>()
  private inode = 0
  steps = 0
  cutAt = Infinity

  constructor(folder: string, dataFile: string, content: string) {
    const id = this.newFile(content)
    this.entries.set(folder, new Map([[basename(dataFile), id]]))
    this.entries.set(join(folder, 'respaldos'), new Map())
    this.durableFiles = new Map(this.files)
    this.durableEntries = new Map([...this.entries].map(([dir, map]) => [dir, new Map(map)]))
  }

  private newFile(content: string): string {
    const id = `i${++this.inode}`
    this.files.set(id, content)
    return id
  }

  private step(): void {
    if (++this.steps >= this.cutAt) throw Object.assign(new Error('corte de energía'), { code: 'EIO' })
  }

  private dir(path: string): Map<string, string> {
    const map = this.entries.get(dirname(path))
    if (!map) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' })
    return map
  }

  /** The data file as it would be found after the cut. */
  survivingDataFile(dataFile: string): string | undefined {
    const id = this.durableEntries.get(dirname(dataFile))?.get(basename(dataFile))
    return id === undefined ? undefined : this.durableFiles.get(id)
  }

  readonly fs: DurableFs = {
    open: ((path: string, flags: string) =>
      settle(() => {
        this.step()
        if (flags === 'r' && this.entries.has(path)) {
          return {
            sync: () =>
              settle(() => {
                this.step()
                this.durableEntries.set(path, new Map(this.entries.get(path)))
              }),
            close: () => Promise.resolve(),
          }
        }
        const id = this.newFile('')
        this.dir(path).set(basename(path), id)
        return {
          writeFile: (content: string | Uint8Array) =>
            settle(() => {
              this.step()
              this.files.set(id, typeof content === 'string' ? content : Buffer.from(content).toString())
            }),
          sync: () =>
            settle(() => {
              this.step()
              this.durableFiles.set(id, this.files.get(id) ?? '')
            }),
          close: () => Promise.resolve(),
        }
      })) as unknown as DurableFs['open'],
    rename: (from, to) =>
      settle(() => {
        this.step()
        const id = this.dir(String(from)).get(basename(String(from)))
        if (id === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
        this.dir(String(from)).delete(basename(String(from)))
        this.dir(String(to)).set(basename(String(to)), id)
      }),
    unlink: (path) =>
      settle(() => {
        this.step()
        this.dir(String(path)).delete(basename(String(path)))
      }),
    link: (from, to) =>
      settle(() => {
        this.step()
        const id = this.dir(String(from)).get(basename(String(from)))
        if (id === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
        this.dir(String(to)).set(basename(String(to)), id)
      }),
    copyFile: () => Promise.reject(Object.assign(new Error('ENOTSUP'), { code: 'ENOTSUP' })),
    mkdir: () => Promise.resolve(undefined),
    readdir: ((path: string) => Promise.resolve([...(this.entries.get(path)?.keys() ?? [])])) as DurableFs['readdir'],
    stat: (() => Promise.resolve({ size: 0, mtime: NOW, mode: 0o100600, isFile: () => true })) as unknown as DurableFs['stat'],
    readFile: ((path: string) => settle(() => Buffer.from(this.files.get(this.dir(path).get(basename(path)) ?? '') ?? ''))) as unknown as DurableFs['readFile'],
  }
}

describe('corte de energía simulado', () => {
  it('en cualquier paso de un guardado, lo que queda en disco es el estado anterior o el nuevo, y se puede abrir', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'secretariado.json')
    const initial = serializeData(demoData({ sessions: 2, seed: 5 })).toString('utf8')
    await writeFile(dataFile, initial)

    // Count the steps of one save, then cut the power at each of them in turn.
    const probe = new PowerCutFs(folder, dataFile, initial)
    const store = await Store.open({ dataFile, fs: probe.fs, now: fixedClock() })
    probe.steps = 0
    await store.update((draft) => void (draft.settings.defaultVenue = 'Nuevo'))
    const stepsPerSave = probe.steps
    await store.close()
    const afterSave = probe.survivingDataFile(dataFile)
    expect(afterSave && (JSON.parse(afterSave) as { datos: Data }).datos.settings.defaultVenue).toBe('Nuevo')

    const outcomes = new Set<string>()
    for (let cut = 1; cut <= stepsPerSave + 1; cut++) {
      await writeFile(dataFile, initial)
      const machine = new PowerCutFs(folder, dataFile, initial)
      const running = await Store.open({ dataFile, fs: machine.fs, now: fixedClock() })
      machine.steps = 0
      machine.cutAt = cut
      await running.update((draft) => void (draft.settings.defaultVenue = 'Nuevo')).catch(() => undefined)
      running.close().catch(() => undefined)
      const surviving = machine.survivingDataFile(dataFile)
      expect(surviving, `corte en el paso ${cut}`).toBeDefined()
      // Reboot: the surviving bytes must load, and be the old state or the new one.
      await writeFile(dataFile, surviving ?? '')
      const venue = (await readDataFile(dataFile)).settings.defaultVenue
      expect(['', 'Nuevo']).toContain(venue)
      outcomes.add(venue)
    }
    expect(outcomes).toEqual(new Set(['', 'Nuevo']))
  })
})
