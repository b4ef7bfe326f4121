import { existsSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { spawnSync } from 'node:child_process'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../main/core/errors'
import { emptyData, SCHEMA_VERSION, type Data } from '../../main/core/model/schema'
import { serializeData } from '../../main/core/store/data-format'
import { demoData } from '../support/bridge'
import { NOW, fixedClock } from '../support/clock'
import { KEEP_SAVES, listBackups } from '../../main/core/store/backups'
import type { DurableFs } from '../../main/core/store/durable-write'
import { migrate } from '../../main/core/store/migrations'
import { readDataFile } from '../../main/core/store/read-data-file'
import { MAX_DATA_FILE_BYTES, Store } from '../../main/core/store/store'
import { bytesOf, tempFolder } from './helpers'

async function openNew(): Promise<{ store: Store; file: string; folder: string }> {
  const folder = await tempFolder()
  const file = join(folder, 'secretariado.json')
  return { store: await Store.open({ dataFile: file, now: fixedClock() }), file, folder }
}

function setVenue(store: Store, venue: string): Promise<void> {
  return store.update((draft) => {
    draft.settings.defaultVenue = venue
  })
}

describe('Store: archivo nuevo y guardado durable', () => {
  it('crea un archivo válido cuando no existe y guarda cada cambio en disco', async () => {
    const { store, file } = await openNew()
    expect(existsSync(file)).toBe(true)
    await setVenue(store, 'Casa Jalisco')
    expect((await readDataFile(file)).settings.defaultVenue).toBe('Casa Jalisco')
    await store.close()
  })

  it('un cambio que falla una regla no toca ni la memoria ni el archivo', async () => {
    const { store, file } = await openNew()
    await setVenue(store, 'Antes')
    const before = await bytesOf(file)
    await expect(
      store.update((draft) => {
        draft.settings.defaultVenue = 'Después'
        throw new AppError('REGLA', 'No permitido')
      }),
    ).rejects.toThrow('No permitido')
    expect(store.data.settings.defaultVenue).toBe('Antes')
    expect(await bytesOf(file)).toEqual(before)
    await store.close()
  })

  it('agrupa los cambios simultáneos sin perder el último, y cada uno está en disco cuando se confirma', async () => {
    const folder = await tempFolder()
    const file = join(folder, 'd.json')
    let renames = 0
    const countingFs: DurableFs = { ...fsp, rename: (from, to) => ((renames += 1), fsp.rename(from, to)) }
    const store = await Store.open({ dataFile: file, fs: countingFs, now: fixedClock() })
    renames = 0
    const confirmedOnDisk: boolean[] = []
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store
          .update((draft) => {
            draft.settings.defaultVenue = `Sala ${i}`
            draft.settings.profile.role = `${draft.settings.profile.role}|${i}`
          })
          .then(async () => {
            const onDisk = await readDataFile(file)
            confirmedOnDisk[i] = onDisk.settings.profile.role.split('|').includes(String(i))
          }),
      ),
    )
    expect(confirmedOnDisk).toEqual(Array.from({ length: 20 }, () => true))
    // However fast the disk: the first change is written alone, the 19 that arrive during that write go together in one more.
    expect(renames).toBe(2)
    const onDisk = await readDataFile(file)
    expect(onDisk.settings.defaultVenue).toBe('Sala 19')
    expect(onDisk.settings.profile.role.split('|')).toHaveLength(21)
    await store.close()
  })
})

describe('Store: fallas del sistema de archivos', () => {
  for (const [call, code] of [
    ['open', 'ENOSPC'],
    ['rename', 'EPERM'],
    ['link', 'EACCES'],
  ] as const) {
    it(`si ${call} falla con ${code}, el archivo queda intacto y el siguiente guardado funciona`, async () => {
      const folder = await tempFolder()
      const file = join(folder, 'd.json')
      let failing = false
      const fault = Object.assign(new Error(code), { code })
      const faultyFs: DurableFs = {
        ...fsp,
        [call]: (...args: unknown[]) => (failing ? Promise.reject(fault) : (fsp[call] as (...a: unknown[]) => Promise<unknown>)(...args)),
      }
      const store = await Store.open({ dataFile: file, fs: faultyFs, now: fixedClock() })
      await setVenue(store, 'Bueno')
      const before = await bytesOf(file)
      failing = true
      const attempt = setVenue(store, 'Malo')
      if (call === 'link') {
        // A failed backup never blocks the save itself.
        await attempt
        expect(store.data.settings.defaultVenue).toBe('Malo')
      } else {
        await expect(attempt).rejects.toMatchObject({ code: 'ESCRITURA' })
        await expect(attempt).rejects.toThrow(/No se pudo guardar/)
        expect(await bytesOf(file)).toEqual(before)
        expect(store.data.settings.defaultVenue).toBe('Bueno')
      }
      failing = false
      await setVenue(store, 'Otra vez')
      expect((await readDataFile(file)).settings.defaultVenue).toBe('Otra vez')
      expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([])
      await store.close()
    })
  }
})

describe('Store: copias de seguridad', () => {
  it('conserva los últimos 10 guardados y una copia diaria, todas válidas', async () => {
    const { store, file } = await openNew()
    for (let i = 0; i < 15; i++) await setVenue(store, `Sala ${i}`)
    const backups = await listBackups(file)
    expect(backups.filter((b) => b.kind === 'guardado')).toHaveLength(KEEP_SAVES)
    expect(backups.filter((b) => b.kind === 'diario')).toHaveLength(1)
    const valid = await store.validBackups()
    expect(valid).toHaveLength(backups.length)
    await store.close()
  })
})

describe('Store: archivos dañados, versiones nuevas y candado', () => {
  it('aparta un archivo dañado sin modificarlo y ofrece la copia válida más reciente', async () => {
    const { store, file, folder } = await openNew()
    await setVenue(store, 'Primera')
    await setVenue(store, 'Segunda')
    await store.close()
    const damaged = (await readFile(file, 'utf8')).slice(0, 200)
    await writeFile(file, damaged)

    const reopened = await Store.open({ dataFile: file, now: fixedClock() })
    expect(reopened.state.kind).toBe('recovery')
    const state = reopened.state
    if (state.kind !== 'recovery') throw new Error('recovery expected')
    expect(state.problem).toMatch(/dañado/)
    expect(state.quarantinedTo).toMatch(/danado/)
    expect(await readFile(state.quarantinedTo ?? '', 'utf8')).toBe(damaged)
    expect(() => reopened.data).toThrow(/recuperarse/)
    const [newest] = await reopened.validBackups()
    expect(newest).toBeDefined()
    await reopened.restoreBackup(newest?.name ?? '')
    expect(reopened.state.kind).toBe('ready')
    expect(reopened.data.settings.defaultVenue).toBe('Primera')
    expect((await readdir(folder)).some((name) => name.includes('danado'))).toBe(true)
    await reopened.close()
  })

  it('rechaza un archivo de una versión más reciente y no escribe nada', async () => {
    const folder = await tempFolder()
    const file = join(folder, 'd.json')
    await writeFile(file, serializeData({ ...emptyData(NOW), schemaVersion: SCHEMA_VERSION + 1 } as unknown as Data))
    const before = await bytesOf(file)
    const store = await Store.open({ dataFile: file, now: fixedClock() })
    const state = store.state
    expect(state.kind === 'recovery' && !state.canStartEmpty && /más reciente/.test(state.problem)).toBe(true)
    await expect(setVenue(store, 'x')).rejects.toMatchObject({ code: 'SIN_DATOS' })
    await expect(store.startEmpty()).rejects.toMatchObject({ code: 'REGLA' })
    await store.close()
    expect(await bytesOf(file)).toEqual(before)
  })

  it('un segundo proceso sobre el mismo archivo recibe un error claro', async () => {
    const { store, file } = await openNew()
    const second = Store.open({ dataFile: file, now: fixedClock() })
    await expect(second).rejects.toMatchObject({ code: 'BLOQUEADO' })
    await expect(second).rejects.toThrow(/^El archivo de datos está abierto en Secretariado en el equipo .* desde el 26 de noviembre de 2026 a las 09:00 \(hora de Guadalajara\)/)
    await store.close()
    const again = await Store.open({ dataFile: file, now: fixedClock() })
    await again.close()
  })

  it('toma un candado abandonado por un proceso que ya no existe', async () => {
    const folder = await tempFolder()
    const file = join(folder, 'd.json')
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString()
    await writeFile(`${file}.lock`, JSON.stringify({ pid: Number(gone), host: hostname(), since: NOW.toISOString() }))
    const store = await Store.open({ dataFile: file, now: fixedClock() })
    expect(store.state.kind).toBe('ready')
    await store.close()
    expect(existsSync(`${file}.lock`)).toBe(false)
  })
})

describe('Store: un archivo demasiado grande para abrirlo', () => {
  it('no lo lee, no lo aparta ni lo modifica, y lo explica en español', async () => {
    const folder = await tempFolder()
    const file = join(folder, 'd.json')
    await writeFile(file, serializeData(demoData({ sessions: 2, seed: 4 })))
    const before = await bytesOf(file)
    let reads = 0
    // Only the data file's reads count (the lock beside it is read to check it is still the store's).
    const countingFs: DurableFs = { ...fsp, readFile: ((...args: Parameters<typeof fsp.readFile>) => ((reads += args[0] === file ? 1 : 0), fsp.readFile(...args))) as DurableFs['readFile'] }
    const store = await Store.open({ dataFile: file, now: fixedClock(), fs: countingFs, maxDataFileBytes: 1000 })
    const state = store.state
    if (state.kind !== 'recovery') throw new Error('recuperación esperada')
    expect(state).toMatchObject({ quarantinedTo: null, canStartEmpty: false, keptBecause: 'demasiado-grande' })
    expect(state.problem).toMatch(/^El archivo de datos mide .* MB, más de los .* MB que Secretariado puede abrir\. No se modificó ni se apartó\./)
    expect(reads, 'el archivo no se lee').toBe(0)
    await expect(store.startEmpty()).rejects.toThrow('Este archivo es demasiado grande para abrirlo: no se reemplaza.')
    await expect(store.restoreBackup('guardado-x.json')).rejects.toThrow(/demasiado grande/)
    await expect(store.update(() => undefined)).rejects.toMatchObject({ code: 'SIN_DATOS' })
    await store.close()
    expect(await bytesOf(file)).toEqual(before)
    expect(await readdir(folder)).toEqual(['d.json'])
  })

  it('con el límite de siempre, un archivo que mide 300 MB (tamaño inyectado) se rechaza antes de leerlo', async () => {
    const folder = await tempFolder()
    const file = join(folder, 'd.json')
    await writeFile(file, serializeData(demoData({ sessions: 1, seed: 4 })))
    const huge: DurableFs = {
      ...fsp,
      stat: (async (path: Parameters<typeof fsp.stat>[0]) => {
        const info = await fsp.stat(path)
        return String(path) === file ? Object.assign(info, { size: 300 * 1024 * 1024 }) : info
      }) as DurableFs['stat'],
      readFile: ((...args: Parameters<typeof fsp.readFile>) => (args[0] === file ? Promise.reject(new Error('no debe leerse')) : fsp.readFile(...args))) as DurableFs['readFile'],
    }
    expect(MAX_DATA_FILE_BYTES).toBe(256 * 1024 * 1024)
    const store = await Store.open({ dataFile: file, now: fixedClock(), fs: huge })
    const state = store.state
    expect(state.kind === 'recovery' && state.problem).toMatch(/^El archivo de datos mide 300 MB, más de los 256 MB que Secretariado puede abrir\./)
    await store.close()
    await expect(readDataFile(file, { fs: huge })).rejects.toMatchObject({ code: 'LECTURA', message: expect.stringMatching(/mide 300 MB/) as unknown })
  })
})

describe('migraciones', () => {
  it('un archivo de la versión 1 se lee migrado a la actual y se guarda en la actual', async () => {
    const folder = await tempFolder()
    const file = join(folder, 'v1.json')
    const current = demoData({ sessions: 4, seed: 2 })
    const v1 = { ...current, schemaVersion: 1, sessions: current.sessions.map(({ comments: _c, signedActa: _s, errata: _e, ...session }) => session) }
    await writeFile(file, serializeData(v1 as unknown as Data))
    const store = await Store.open({ dataFile: file, now: fixedClock() })
    expect(store.data.schemaVersion).toBe(SCHEMA_VERSION)
    expect(store.data.sessions.every((session) => session.comments.length === 0 && session.signedActa === null)).toBe(true)
    await setVenue(store, 'Migrado')
    await store.close()
    expect((JSON.parse(await readFile(file, 'utf8')) as { datos: Data }).datos.schemaVersion).toBe(SCHEMA_VERSION)
  })

  const steps = {
    2: (data: Record<string, unknown>) => ({ ...data, added: true }),
    3: (data: Record<string, unknown>) => ({ ...data, renamed: data.added }),
  }
  it('aplica los pasos en orden hasta la versión actual', () => {
    expect(migrate({ schemaVersion: 1 }, 3, steps)).toEqual({ schemaVersion: 3, added: true, renamed: true })
    expect(migrate({ schemaVersion: 2, added: false }, 3, steps)).toEqual({ schemaVersion: 3, added: false, renamed: false })
  })
  it('rechaza versiones más nuevas o no válidas con mensajes en español', () => {
    expect(() => migrate({ schemaVersion: 4 }, 3, steps)).toThrow(/versión más reciente/)
    expect(() => migrate({ schemaVersion: 'uno' }, 3, steps)).toThrow(/versión de esquema válida/)
    expect(() => migrate({ schemaVersion: 1 }, 4, steps)).toThrow(/Falta la migración/)
  })
})
