/**
 * The data file's lock: one holder at a time across processes started at the
 * same instant, stale locks taken over (a dead owner, a reused pid), young
 * half-written locks and other hosts' locks respected, the breaking protocol
 * against an interleaved taker, Desbloquear, read-only mode and the Spanish
 * message of each failure.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, watch } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import type { DurableFs } from '../../main/core/store/durable-write'
import { acquireLock, LockCreateError, LockHeldError, processStartOf, type LockFs } from '../../main/core/store/lock'
import { readDataFile } from '../../main/core/store/read-data-file'
import { Store } from '../../main/core/store/store'
import { dispatch } from '../../main/core/ipc/dispatch'
import type { Result } from '../../main/core/contract/operation'
import type { AppStatus } from '../../main/core/contract/views'
import type { Settings } from '../../main/core/model/schema'
import { writeDemoData } from '../support/bridge'
import { NOW, fixedClock } from '../support/clock'
import { bytesOf, handlerContext, tempFolder } from './helpers'
import { CLI } from '../support/cli'

const ROOT = resolve(__dirname, '../..')
const CHILD = join(ROOT, 'test/support/lock-race-child.ts')
const clock = fixedClock()

const running: ChildProcessWithoutNullStreams[] = []
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL')
})

/** A pid that belonged to a process that has already ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString())
}

/** A live process (not this one) that sleeps until the test ends. */
function liveProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'])
  running.push(child)
  if (!child.pid) throw new Error('no pid')
  return child.pid
}

function record(fields: Record<string, unknown>): string {
  return JSON.stringify({ program: 'Secretariado', command: null, user: 'ana', since: NOW.toISOString(), processStart: null, ...fields })
}

async function dataFileIn(): Promise<{ folder: string; dataFile: string; lockFile: string }> {
  const folder = await tempFolder()
  const dataFile = join(folder, 'secretariado.json')
  return { folder, dataFile, lockFile: `${dataFile}.lock` }
}

/**
 * Makes a lock file look written `seconds` ago by the disk's own clock, the
 * one the lock judges by (the process's clock may be moved: the suites run
 * again under a shifted clock, and file times stay the disk's).
 */
async function age(file: string, seconds: number): Promise<void> {
  const probe = `${file}.reloj`
  await writeFile(probe, '')
  const diskNow = (await stat(probe)).mtimeMs
  await rm(probe)
  const past = new Date(diskNow - seconds * 1000)
  await utimes(file, past, past)
}

function faultFs(failing: (call: string, path: string, flags?: unknown) => string | null): DurableFs {
  const fail = (code: string) => Promise.reject(Object.assign(new Error(`${code} (inyectado)`), { code }))
  return {
    ...fsp,
    open: ((path: string, flags?: string | number, mode?: number) => {
      const code = failing('open', String(path), flags)
      return code ? fail(code) : fsp.open(path, flags, mode)
    }) as DurableFs['open'],
    link: ((from: string, to: string) => {
      const code = failing('link', String(to))
      return code ? fail(code) : fsp.link(from, to)
    }) as DurableFs['link'],
  }
}

describe('candado: varios procesos a la vez', () => {
  it('ocho procesos que arrancan juntos, en 32 rondas, nunca tienen el candado dos a la vez', async () => {
    const { folder, dataFile, lockFile } = await dataFileIn()
    const log = join(folder, 'bitacora.txt')
    await writeFile(log, '')
    const children = Array.from({ length: 8 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataFile, log], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] })
      running.push(child)
      const lines: string[] = []
      const waiters: (() => void)[] = []
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line)
        for (const wake of waiters.splice(0)) wake()
      })
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('exit', () => {
        for (const wake of waiters.splice(0)) wake()
      })
      const waitFor = (pattern: RegExp) =>
        new Promise<string>((resolvePromise, reject) => {
          const check = () => {
            const found = lines.find((line) => pattern.test(line))
            if (found) return resolvePromise(found)
            if (child.exitCode !== null) return reject(new Error(`el proceso terminó: ${stderr}`))
            waiters.push(check)
          }
          check()
        })
      return { child, waitFor }
    })
    await Promise.all(children.map((c) => c.waitFor(/^ready$/)))

    const rounds = 32
    const took: number[] = []
    for (let round = 0; round < rounds; round++) {
      // Rounds start over a free name, a stale lock of a dead process, an old empty one, or a stale lock with the
      // old guard of a breaker that died: the race is then to break the guard and the lock, one breaker at a time.
      if (round % 4 === 1 || round % 4 === 3) await writeFile(lockFile, record({ pid: deadPid(), host: hostname() }))
      if (round % 4 === 2) {
        await writeFile(lockFile, '')
        await age(lockFile, 60)
      }
      if (round % 4 === 3) {
        await writeFile(`${lockFile}.breaking`, record({ pid: deadPid(), host: hostname() }))
        await age(`${lockFile}.breaking`, 60)
      }
      for (const { child } of children) child.stdin.write(`go ${round}\n`)
      const outcomes = await Promise.all(children.map((c) => c.waitFor(new RegExp(`^done ${round} `))))
      expect(outcomes.filter((line) => / error /.test(line)), `ronda ${round}`).toEqual([])
      took.push(outcomes.filter((line) => line.endsWith(' took')).length)
      expect(existsSync(lockFile), `ronda ${round}: el candado se libera`).toBe(false)
      expect(existsSync(`${lockFile}.breaking`), `ronda ${round}: no queda ninguna guarda`).toBe(false)
    }

    // The log is the order in which holders entered and left: never two inside at once, never one that lost its lock.
    const events = (await readFile(log, 'utf8')).trim().split('\n')
    let inside: string | null = null
    for (const event of events) {
      const [kind, pid, round] = event.split(' ')
      expect(kind, event).not.toBe('lost')
      if (kind === 'enter') {
        expect(inside, `dos dueños a la vez: ${inside ?? ''} y ${pid ?? ''} (ronda ${round ?? ''})`).toBeNull()
        inside = `${pid ?? ''} ${round ?? ''}`
      } else {
        expect(inside).toBe(`${pid ?? ''} ${round ?? ''}`)
        inside = null
      }
    }
    expect(took.every((count) => count >= 1), `cada ronda tiene al menos un dueño: ${took.join(',')}`).toBe(true)
    expect(events.filter((event) => event.startsWith('enter'))).toHaveLength(took.reduce((a, b) => a + b, 0))
    // The temporary files of every attempt are gone.
    expect((await readdir(folder)).filter((name) => name !== 'bitacora.txt')).toEqual([])
  }, 120_000)
})

describe('candado: cuándo está abandonado', () => {
  it('un candado vacío o escrito a medias y reciente está tomado; viejo, se libera', async () => {
    for (const content of ['', '{"program":"Secretariado","pid":12']) {
      const { dataFile, lockFile } = await dataFileIn()
      await writeFile(lockFile, content)
      const attempt = acquireLock(dataFile, { now: clock })
      await expect(attempt).rejects.toBeInstanceOf(LockHeldError)
      await expect(attempt).rejects.toThrow(/lo está abriendo en este momento/)
      expect(await readFile(lockFile, 'utf8'), 'no se toca').toBe(content)
      await age(lockFile, 60)
      const lock = await acquireLock(dataFile, { now: clock })
      expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), since: NOW.toISOString() })
      await lock.release()
      expect(existsSync(lockFile)).toBe(false)
    }
  })

  it('toma el candado de un proceso que ya no existe', async () => {
    const { dataFile, lockFile } = await dataFileIn()
    await writeFile(lockFile, record({ pid: deadPid(), host: hostname() }))
    const lock = await acquireLock(dataFile, { now: clock })
    expect(await lock.isHeld()).toBe(true)
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid })
    await lock.release()
  })

  it.runIf(existsSync('/proc/self/stat'))('un pid vivo que pertenece a otro proceso (pid reutilizado) no retiene el candado', async () => {
    const pid = liveProcess()
    const start = processStartOf(pid)
    expect(start).not.toBeNull()
    const { dataFile, lockFile } = await dataFileIn()
    // The same pid with its real start: that process is the owner, and the lock is respected.
    await writeFile(lockFile, record({ pid, host: hostname(), processStart: start }))
    await expect(acquireLock(dataFile, { now: clock })).rejects.toThrow(new RegExp(`proceso ${pid}`))
    // The same pid started at another moment: the owner is gone and the pid was reused.
    await writeFile(lockFile, record({ pid, host: hostname(), processStart: `${(start ?? '').split(':')[0] ?? ''}:1` }))
    const lock = await acquireLock(dataFile, { now: clock })
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid })
    await lock.release()
  })

  it('respeta el candado de otro equipo aunque su pid no exista aquí, y lo dice en español con la hora de Guadalajara', async () => {
    const { dataFile, lockFile } = await dataFileIn()
    const foreign = record({ pid: deadPid(), host: 'sala-de-juntas', user: 'ana' })
    await writeFile(lockFile, foreign)
    const attempt = acquireLock(dataFile, { now: clock })
    await expect(attempt).rejects.toMatchObject({ code: 'BLOQUEADO' })
    await expect(attempt).rejects.toThrow(
      'El archivo de datos está abierto en Secretariado en el equipo sala-de-juntas (usuario ana) desde el 26 de noviembre de 2026 a las 09:00 (hora de Guadalajara).',
    )
    expect(await readFile(lockFile, 'utf8')).toBe(foreign)
  })

  it('nombra a la línea de comandos y su orden', async () => {
    const { dataFile } = await dataFileIn()
    const holder = await acquireLock(dataFile, { now: clock, program: { program: 'línea de comandos', command: 'import-members' } })
    await expect(acquireLock(dataFile, { now: clock })).rejects.toThrow(/abierto en la línea de comandos \(import-members\) en el equipo .*proceso \d+/)
    await holder.release()
  })
})

describe('candado: el protocolo para quitar uno abandonado', () => {
  it('no quita un candado que otro proceso tomó después de juzgar abandonado el anterior', async () => {
    const { dataFile, lockFile } = await dataFileIn()
    await writeFile(lockFile, record({ pid: deadPid(), host: hostname() }))
    let taken: Awaited<ReturnType<typeof acquireLock>> | null = null
    // Between A's judgement ("stale") and its guard, B breaks the stale lock and takes a fresh one.
    const interleaved = faultFs(() => null)
    const fs: LockFs = {
      ...interleaved,
      link: async (from, to) => {
        if (String(to).endsWith('.breaking') && !taken) taken = await acquireLock(dataFile, { now: clock, program: { program: 'línea de comandos', command: 'B' } })
        return fsp.link(from, to)
      },
    }
    const attempt = acquireLock(dataFile, { now: clock, fs })
    await expect(attempt).rejects.toThrow(/línea de comandos \(B\)/)
    expect(taken).not.toBeNull()
    const b = taken as unknown as Awaited<ReturnType<typeof acquireLock>>
    expect(await b.isHeld(), 'el candado de B sigue en su lugar').toBe(true)
    expect(existsSync(`${lockFile}.breaking`)).toBe(false)
    await b.release()
    expect(existsSync(lockFile)).toBe(false)
  })

  it('una guarda (.breaking) vieja de un proceso muerto no impide quitar un candado abandonado', async () => {
    const { folder, dataFile, lockFile } = await dataFileIn()
    await writeFile(lockFile, record({ pid: deadPid(), host: hostname() }))
    await writeFile(`${lockFile}.breaking`, record({ pid: deadPid(), host: hostname() }))
    await age(`${lockFile}.breaking`, 60)
    const lock = await acquireLock(dataFile, { now: clock })
    expect(await lock.isHeld()).toBe(true)
    expect(existsSync(`${lockFile}.breaking`)).toBe(false)
    await lock.release()
    expect(await readdir(folder)).toEqual([])
  })

  it('una guarda reciente se respeta aunque su proceso ya no exista (una guarda vive milisegundos); vieja, se quita', async () => {
    const { folder, dataFile, lockFile } = await dataFileIn()
    const stale = record({ pid: deadPid(), host: hostname() })
    const guard = record({ pid: deadPid(), host: hostname() })
    await writeFile(lockFile, stale)
    await writeFile(`${lockFile}.breaking`, guard)
    await expect(acquireLock(dataFile, { now: clock })).rejects.toBeInstanceOf(LockHeldError)
    expect(await readFile(lockFile, 'utf8')).toBe(stale)
    expect(await readFile(`${lockFile}.breaking`, 'utf8')).toBe(guard)
    await age(`${lockFile}.breaking`, 60)
    const lock = await acquireLock(dataFile, { now: clock })
    await lock.release()
    expect(await readdir(folder)).toEqual([])
  })

  it('quien aparta por error la guarda fresca de otro no la devuelve, y de dos que la creen suya sólo uno quita el candado', async () => {
    const { folder, dataFile, lockFile } = await dataFileIn()
    const guardFile = `${lockFile}.breaking`
    await writeFile(lockFile, record({ pid: deadPid(), host: hostname() }))
    await writeFile(guardFile, record({ pid: deadPid(), host: hostname() }))
    await age(guardFile, 60)
    const gate = () => {
      let open = (): void => undefined
      let arrive = (): void => undefined
      const passed = new Promise<void>((resolvePromise) => (open = resolvePromise))
      const arrived = new Promise<void>((resolvePromise) => (arrive = resolvePromise))
      // Never longer than two seconds: a protocol that takes another path does not hang the test, it fails it.
      return { open, arrive, arrived: within(arrived), wait: () => within(passed) }
    }
    const within = (promise: Promise<unknown>) => Promise.race([promise, new Promise((resolvePromise) => setTimeout(resolvePromise, 2_000))])
    const hooked = (hook: (call: string, path: string, flags?: unknown) => Promise<void>): LockFs => ({
      open: (async (path: string, flags?: string | number, mode?: number) => {
        await hook('open', String(path), flags)
        return fsp.open(path, flags, mode)
      }) as LockFs['open'],
      link: async (from, to) => {
        await hook('link', String(to))
        return fsp.link(from, to)
      },
      unlink: async (path) => {
        await hook('unlink', String(path))
        return fsp.unlink(path)
      },
      rename: async (from, to) => {
        await hook('rename', String(from))
        return fsp.rename(from, to)
      },
      stat: fsp.stat,
      readFile: fsp.readFile,
    })
    const outcome = (attempt: Promise<Awaited<ReturnType<typeof acquireLock>>>) => attempt.then((lock) => ({ lock }), (error: unknown) => ({ error }))

    // B judges the dead guard debris and stops right before moving it.
    const bAtMove = gate()
    const bHeld = gate()
    let bMoved = false
    let bStopped = false
    const b = outcome(
      acquireLock(dataFile, {
        now: clock,
        fs: hooked(async (call, path) => {
          if (bMoved) {
            bMoved = false
            bHeld.arrive()
            await bHeld.wait()
          }
          if (call === 'rename' && path === guardFile && !bStopped) {
            bStopped = true
            bAtMove.arrive()
            await bAtMove.wait()
            bMoved = true
          }
        }),
      }),
    )
    await bAtMove.arrived
    // A removes the dead guard, puts its own in place and stops before it reads the lock again.
    const aAtRecheck = gate()
    let aReads = 0
    const a = outcome(
      acquireLock(dataFile, {
        now: clock,
        fs: hooked(async (call, path, flags) => {
          if (call === 'open' && path === lockFile && flags !== 'wx' && ++aReads === 2) {
            aAtRecheck.arrive()
            await aAtRecheck.wait()
          }
        }),
      }),
    )
    await aAtRecheck.arrived
    // B moves the guard it judged, which is now A's fresh one, and stops there.
    bAtMove.open()
    await bHeld.arrived
    // C finds the guard's name free, takes it and stops right before removing the stale lock.
    const cAtRemove = gate()
    const c = outcome(
      acquireLock(dataFile, {
        now: clock,
        fs: hooked(async (call, path) => {
          if ((call === 'rename' || call === 'unlink') && path === lockFile) {
            cAtRemove.arrive()
            await cAtRemove.wait()
          }
        }),
      }),
    )
    await cAtRemove.arrived
    // A goes on: its guard is no longer its own, so it removes nothing.
    aAtRecheck.open()
    const aResult = await a
    cAtRemove.open()
    const cResult = await c
    bHeld.open()
    const bResult = await b

    const holders = [aResult, bResult, cResult].filter((result) => 'lock' in result)
    expect(holders, 'un solo dueño').toHaveLength(1)
    for (const result of [aResult, bResult, cResult]) if ('error' in result) expect(result.error).toBeInstanceOf(LockHeldError)
    const [holder] = holders
    if (!holder || !('lock' in holder)) throw new Error('sin dueño')
    expect(await holder.lock.isHeld()).toBe(true)
    await holder.lock.release()
    expect(await readdir(folder), 'ni candado, ni guarda, ni archivos apartados').toEqual([])
  }, 30_000)

  it('una carpeta en lugar del candado se respeta como tomada, y Desbloquear no la borra: lo dice en español', async () => {
    const { folder, dataFile, lockFile } = await dataFileIn()
    await mkdir(lockFile)
    await age(lockFile, 60)
    await expect(acquireLock(dataFile, { now: clock })).rejects.toBeInstanceOf(LockHeldError)
    const store = await Store.open({ dataFile, now: clock, whenLocked: 'report' })
    const state = store.state
    if (state.kind !== 'locked') throw new Error(`estado ${state.kind}`)
    await expect(store.unlock(state.token)).rejects.toThrow(/no es un archivo \(E[A-Z]+\)\. Quítelo a mano e intente de nuevo\.$/)
    expect((await stat(lockFile)).isDirectory()).toBe(true)
    expect(await readdir(folder)).toEqual(['secretariado.json.lock'])
    await store.close()
  })

  it('al cerrar, espera a que la guarda se desocupe para quitar su candado; si sigue ocupada, lo deja para el final del proceso', async () => {
    const { dataFile, lockFile } = await dataFileIn()
    const guardFile = `${lockFile}.breaking`
    const pid = liveProcess()
    const busyGuard = record({ pid, host: hostname(), processStart: processStartOf(pid) })
    const first = await acquireLock(dataFile, { now: clock })
    await writeFile(guardFile, busyGuard)
    setTimeout(() => void fsp.unlink(guardFile), 500)
    await first.release()
    expect(existsSync(lockFile), 'quitado en cuanto la guarda se desocupó').toBe(false)

    const before = process.listeners('exit')
    const second = await acquireLock(dataFile, { now: clock })
    const onExit = process.listeners('exit').find((listener) => !before.includes(listener))
    if (!onExit) throw new Error('sin manejador de salida')
    await writeFile(guardFile, busyGuard)
    await second.release()
    expect(existsSync(lockFile), 'la guarda nunca se desocupó').toBe(true)
    expect(process.listeners('exit')).toContain(onExit)
    ;(onExit as () => void)()
    expect(existsSync(lockFile), 'el final del proceso lo quita').toBe(false)
    process.off('exit', onExit)
    await fsp.unlink(guardFile)
  }, 15_000)

  it('al terminar el proceso no quita un candado que ya no es el suyo, aunque tenga sus mismos bytes', async () => {
    const { dataFile, lockFile } = await dataFileIn()
    const before = process.listeners('exit')
    await acquireLock(dataFile, { now: clock })
    const onExit = process.listeners('exit').find((listener) => !before.includes(listener))
    if (!onExit) throw new Error('sin manejador de salida')
    const bytes = await readFile(lockFile)
    // Broken and replaced by another file (written while the first still exists, so surely another inode) that holds the same record.
    await writeFile(`${lockFile}.otro`, bytes)
    await fsp.rename(`${lockFile}.otro`, lockFile)
    ;(onExit as () => void)()
    expect(existsSync(lockFile)).toBe(true)
    process.off('exit', onExit)
    await rm(lockFile)
  })

  it('mientras la guarda es de un proceso vivo, el candado abandonado se deja; al soltarla, se toma', async () => {
    const { dataFile, lockFile } = await dataFileIn()
    const stale = record({ pid: deadPid(), host: hostname() })
    await writeFile(lockFile, stale)
    const pid = liveProcess()
    await writeFile(`${lockFile}.breaking`, record({ pid, host: hostname(), processStart: processStartOf(pid) }))
    await expect(acquireLock(dataFile, { now: clock })).rejects.toBeInstanceOf(LockHeldError)
    expect(await readFile(lockFile, 'utf8')).toBe(stale)
    await fsp.unlink(`${lockFile}.breaking`)
    const lock = await acquireLock(dataFile, { now: clock })
    await lock.release()
  })

  it('donde el disco no admite enlaces duros, crea el candado en exclusiva y completo', async () => {
    const { dataFile, lockFile } = await dataFileIn()
    const fs = faultFs((call) => (call === 'link' ? 'ENOTSUP' : null))
    const lock = await acquireLock(dataFile, { now: clock, fs })
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, since: NOW.toISOString() })
    await expect(acquireLock(dataFile, { now: clock, fs })).rejects.toBeInstanceOf(LockHeldError)
    await lock.release()
    expect(existsSync(lockFile)).toBe(false)
  })
})

describe('candado: esperar y fallar en español', () => {
  it('con espera, toma el candado en cuanto su dueño lo suelta; sin espera, falla', async () => {
    const { dataFile } = await dataFileIn()
    const holder = await acquireLock(dataFile, { now: clock })
    await expect(acquireLock(dataFile, { now: clock })).rejects.toBeInstanceOf(LockHeldError)
    let released = false
    const waiting = acquireLock(dataFile, { now: clock, waitMs: 20_000 }).then((lock) => ({ lock, releasedBefore: released }))
    await new Promise((r) => setTimeout(r, 300))
    released = true
    await holder.release()
    const { lock, releasedBefore } = await waiting
    expect(releasedBefore).toBe(true)
    expect(await lock.isHeld()).toBe(true)
    await lock.release()
  })

  for (const [code, message] of [
    ['ENOSPC', /no queda espacio en el disco/],
    ['EROFS', /la carpeta de datos está en un medio de sólo lectura/],
    ['EACCES', /no hay permiso para escribir en la carpeta de datos/],
    ['EPERM', /no hay permiso para escribir en la carpeta de datos/],
    ['EIO', /error del sistema EIO/],
  ] as const) {
    it(`${code} al crear el candado da su mensaje en español y no deja archivos`, async () => {
      const { folder, dataFile } = await dataFileIn()
      const fs = faultFs((call, _path, flags) => (call === 'open' && flags === 'wx' ? code : null))
      const attempt = acquireLock(dataFile, { now: clock, fs })
      await expect(attempt).rejects.toBeInstanceOf(LockCreateError)
      await expect(attempt).rejects.toThrow(message)
      expect(await readdir(folder)).toEqual([])
    })
  }
})

describe('Store: bloqueado, Desbloquear y sólo lectura', () => {
  it('abre en estado bloqueado con el dueño; Desbloquear lo quita, abre el archivo y lo anota en la bitácora', async () => {
    const { dataFile, lockFile } = await dataFileIn()
    await writeDemoData(dataFile, { sessions: 2, seed: 3 })
    await writeFile(lockFile, record({ pid: 4242, host: 'sala-de-juntas', user: 'ana' }))
    const store = await Store.open({ dataFile, now: clock, whenLocked: 'report' })
    const state = store.state
    if (state.kind !== 'locked') throw new Error(`bloqueado esperado: ${state.kind}`)
    expect(state.owner).toMatchObject({ host: 'sala-de-juntas', user: 'ana', pid: 4242 })
    expect(() => store.data).toThrow(/sala-de-juntas/)
    await expect(store.update(() => undefined)).rejects.toMatchObject({ code: 'SIN_DATOS' })
    // Reintentar while it is still held: the same state, nothing written.
    await store.retryOpen()
    expect(store.state.kind).toBe('locked')

    await store.unlock(state.token)
    expect(store.state.kind).toBe('ready')
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
    const entry = store.data.audit.at(-1)
    expect(entry).toMatchObject({ entity: 'archivo', action: 'estado' })
    expect(entry?.summary).toMatch(/Se desbloqueó a mano el archivo de datos, que estaba abierto en Secretariado en el equipo sala-de-juntas \(usuario ana\) desde el 26 de noviembre de 2026/)
    expect((await readDataFile(dataFile)).audit.at(-1)?.id).toBe(entry?.id)
    await store.close()
    expect(existsSync(lockFile)).toBe(false)
  })

  it('Desbloquear no quita un candado distinto del que se mostró', async () => {
    const { dataFile, lockFile } = await dataFileIn()
    await writeDemoData(dataFile, { sessions: 1, seed: 3 })
    await writeFile(lockFile, record({ pid: 4242, host: 'sala-de-juntas' }))
    const store = await Store.open({ dataFile, now: clock, whenLocked: 'report' })
    const state = store.state
    if (state.kind !== 'locked') throw new Error('bloqueado esperado')
    const newer = record({ pid: 5151, host: 'oficina-2', user: 'luis' })
    await writeFile(`${lockFile}.otro`, newer)
    await fsp.rename(`${lockFile}.otro`, lockFile)
    await expect(store.unlock(state.token)).rejects.toThrow(/El candado cambió.*oficina-2/)
    expect(await readFile(lockFile, 'utf8')).toBe(newer)
    expect(store.state.kind === 'locked' && store.state.owner?.host).toBe('oficina-2')
    await store.close()
    expect(await readFile(lockFile, 'utf8')).toBe(newer)
  })

  it('el programa al que le quitaron el candado ya no guarda: no pisa los cambios del otro', async () => {
    const { dataFile } = await dataFileIn()
    await writeDemoData(dataFile, { sessions: 1, seed: 3 })
    const first = await Store.open({ dataFile, now: clock })
    const second = await Store.open({ dataFile, now: clock, whenLocked: 'report' })
    const state = second.state
    if (state.kind !== 'locked') throw new Error('bloqueado esperado')
    await second.unlock(state.token)
    const afterUnlock = await bytesOf(dataFile)
    await expect(first.update((draft) => void (draft.settings.defaultVenue = 'Pisado'))).rejects.toThrow(/Otro programa desbloqueó el archivo de datos/)
    expect(await bytesOf(dataFile)).toEqual(afterUnlock)
    expect(first.state.kind).toBe('locked')
    await second.update((draft) => void (draft.settings.defaultVenue = 'Del segundo'))
    await first.close()
    expect((await readDataFile(dataFile)).settings.defaultVenue).toBe('Del segundo')
    await second.close()
  })

  it('en recuperación, si otro programa lo desbloqueó, «Empezar con datos vacíos» no pisa sus cambios', async () => {
    const { dataFile } = await dataFileIn()
    await writeFile(dataFile, '{"formato":"secretariado"')
    const first = await Store.open({ dataFile, now: clock })
    expect(first.state.kind).toBe('recovery')
    const other = await Store.open({ dataFile, now: clock, whenLocked: 'report' })
    const state = other.state
    if (state.kind !== 'locked') throw new Error(`estado ${state.kind}`)
    await other.unlock(state.token)
    await other.update((draft) => void (draft.settings.defaultVenue = 'Sala del otro programa'))
    await expect(first.startEmpty()).rejects.toThrow(/^Otro programa desbloqueó el archivo de datos y lo abrió: este cambio no se guardó/)
    expect((await readDataFile(dataFile)).settings.defaultVenue).toBe('Sala del otro programa')
    expect(first.state.kind).toBe('locked')
    await other.close()
    await first.close()
  })

  it('algo que no es un archivo (una tubería) en lugar del archivo de datos no detiene la apertura: recuperación, sin tocarlo', async () => {
    const { folder, dataFile } = await dataFileIn()
    expect(spawnSync('mkfifo', [dataFile]).status).toBe(0)
    for (const readOnly of [true, false]) {
      const store = await Store.open({ dataFile, now: clock, readOnly })
      expect(store.state).toMatchObject({ kind: 'recovery', canStartEmpty: false, quarantinedTo: null })
      expect(store.state.kind === 'recovery' && store.state.problem).toMatch(/no es un archivo común \(es una carpeta, una tubería o un dispositivo\): no se leyó, no se modificó ni se apartó/)
      await store.close()
    }
    expect((await stat(dataFile)).isFIFO()).toBe(true)
    expect(await readdir(folder)).toEqual(['secretariado.json'])
  })

  it('«Abrir en solo lectura» carga los datos sin el candado y rechaza todo cambio sin tocar nada', async () => {
    const { folder, dataFile, lockFile } = await dataFileIn()
    await writeDemoData(dataFile, { sessions: 2, seed: 3 })
    const foreign = record({ pid: 4242, host: 'sala-de-juntas' })
    await writeFile(lockFile, foreign)
    const store = await Store.open({ dataFile, now: clock, whenLocked: 'report' })
    await store.openReadOnly()
    expect(store.state.kind).toBe('ready')
    expect(store.readOnly?.reason).toMatch(/sigue abierto en Secretariado en el equipo sala-de-juntas/)
    expect(store.data.sessions).toHaveLength(2)
    const before = await bytesOf(dataFile)
    const names = await readdir(folder)
    const attempt = store.update((draft) => void (draft.settings.defaultVenue = 'No'))
    await expect(attempt).rejects.toMatchObject({ code: 'SOLO_LECTURA' })
    await expect(attempt).rejects.toThrow(/^El archivo de datos está abierto en sólo lectura: /)
    expect(await bytesOf(dataFile)).toEqual(before)
    expect(await readdir(folder)).toEqual(names)
    await store.close()
    expect(await readFile(lockFile, 'utf8')).toBe(foreign)
  })

  for (const code of ['EROFS', 'EACCES', 'EPERM'] as const) {
    it(`una carpeta que no se puede escribir (${code}) abre en sólo lectura: consulta sí, cambios no, ningún archivo nuevo`, async () => {
      const { folder, dataFile } = await dataFileIn()
      await writeDemoData(dataFile, { sessions: 2, seed: 3 })
      const before = await bytesOf(dataFile)
      const names = await readdir(folder)
      // Every creation in the folder fails, as on a read-only medium or a folder without write permission.
      const fs = faultFs((call, _path, flags) => (call === 'link' || (call === 'open' && typeof flags === 'string' && /[wa]/.test(flags)) ? code : null))
      const store = await Store.open({ dataFile, now: clock, fs })
      expect(store.state.kind).toBe('ready')
      expect(store.readOnly?.reason).toMatch(code === 'EROFS' ? /medio de sólo lectura/ : /no hay permiso para escribir/)
      expect(store.data.members.length).toBeGreaterThan(0)
      await expect(store.update((draft) => void (draft.settings.defaultVenue = 'No'))).rejects.toMatchObject({ code: 'SOLO_LECTURA' })
      await expect(store.startEmpty()).rejects.toMatchObject({ code: 'SOLO_LECTURA' })
      await expect(store.restoreBackup('guardado-x.json')).rejects.toMatchObject({ code: 'SOLO_LECTURA' })
      await store.close()
      expect(await bytesOf(dataFile)).toEqual(before)
      expect(await readdir(folder)).toEqual(names)
    })
  }

  it('en sólo lectura, un archivo dañado no se aparta ni se modifica', async () => {
    const { folder, dataFile } = await dataFileIn()
    await writeFile(dataFile, '{"formato":"secretariado"')
    const store = await Store.open({ dataFile, now: clock, readOnly: true })
    const state = store.state
    expect(state.kind === 'recovery' && state.keptBecause === 'solo-lectura' && state.quarantinedTo === null && !state.canStartEmpty).toBe(true)
    expect(await readdir(folder)).toEqual(['secretariado.json'])
    expect(await readFile(dataFile, 'utf8')).toBe('{"formato":"secretariado"')
    await store.close()
  })

  it('sin lugar en el disco para el candado, abrir falla con el mensaje en español', async () => {
    const { dataFile } = await dataFileIn()
    await writeDemoData(dataFile, { sessions: 1, seed: 3 })
    const fs = faultFs((call, _path, flags) => (call === 'open' && flags === 'wx' ? 'ENOSPC' : null))
    await expect(Store.open({ dataFile, now: clock, fs })).rejects.toThrow('No se pudo abrir el archivo de datos para modificarlo: no queda espacio en el disco.')
  })
})

describe('puente: estado bloqueado y sus operaciones', () => {
  it('getStatus informa el dueño; Desbloquear con un identificador mal formado se rechaza; con el bueno abre y queda «listo»', async () => {
    const { dataFile, lockFile } = await dataFileIn()
    await writeDemoData(dataFile, { sessions: 1, seed: 3 })
    await writeFile(lockFile, record({ pid: 4242, host: 'sala-de-juntas', user: 'ana', command: 'import-members', program: 'línea de comandos' }))
    const store = await Store.open({ dataFile, now: clock, whenLocked: 'report' })
    const context = handlerContext(store, { now: clock })
    const status = (await dispatch('getStatus', undefined, context)) as Result<AppStatus>
    if (!status.ok || status.value.state !== 'bloqueado') throw new Error('bloqueado esperado')
    expect(status.value.owner).toEqual({ program: 'la línea de comandos (import-members)', host: 'sala-de-juntas', user: 'ana', since: NOW.toISOString(), pid: 4242, sameHost: false })
    expect(status.value.problem).toMatch(/^El archivo de datos está abierto en la línea de comandos \(import-members\) en el equipo sala-de-juntas/)
    // Every other operation is refused while locked, in Spanish.
    const members = await dispatch('listMembers', undefined, context)
    expect(members.ok === false && members.error.message).toMatch(/Los datos no están disponibles: El archivo de datos está abierto/)
    const bad = await dispatch('unlockDataFile', { token: '../../etc' }, context)
    expect(bad.ok === false && bad.error.code).toBe('VALIDACION')
    const unlocked = await dispatch('unlockDataFile', { token: status.value.token }, context)
    expect(unlocked.ok && unlocked.value).toMatchObject({ state: 'listo', readOnly: false, readOnlyReason: null })
    // Once open, the lock screen's operations have nothing to do.
    const again = await dispatch('retryOpen', undefined, context)
    expect(again.ok === false && again.error.message).toBe('El archivo de datos no está bloqueado por otro programa.')
    await store.close()
  })

  it('en sólo lectura, getStatus lo dice con su motivo y cada cambio se rechaza sin tocar el archivo', async () => {
    const { dataFile } = await dataFileIn()
    await writeDemoData(dataFile, { sessions: 1, seed: 3 })
    const store = await Store.open({ dataFile, now: clock, readOnly: true })
    const context = handlerContext(store, { now: clock })
    const status = await dispatch('getStatus', undefined, context)
    expect(status.ok && status.value).toMatchObject({ state: 'listo', readOnly: true, readOnlyReason: 'se abrió en sólo lectura' })
    const before = await bytesOf(dataFile)
    const settings = (await dispatch('getSettings', undefined, context)) as Result<Settings>
    if (!settings.ok) throw new Error('configuración esperada')
    const refused = await dispatch('updateSettings', { ...settings.value, defaultVenue: 'Otra' }, context)
    expect(refused.ok === false && refused.error).toEqual({ code: 'SOLO_LECTURA', message: 'El archivo de datos está abierto en sólo lectura: se abrió en sólo lectura. No se guardó ningún cambio.' })
    expect(await bytesOf(dataFile)).toEqual(before)
    await store.close()
  })
})

describe('línea de comandos: espera al candado', () => {

  function runCli(args: string[]): { child: ChildProcessWithoutNullStreams; done: Promise<{ status: number | null; stdout: string; stderr: string }> } {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT })
    running.push(child)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    return { child, done: new Promise((r) => child.on('close', (status) => r({ status, stdout, stderr }))) }
  }

  it('espera mientras la aplicación tiene el candado y sigue en cuanto lo suelta', async () => {
    const { folder, dataFile } = await dataFileIn()
    await writeDemoData(dataFile, { sessions: 1, seed: 3 })
    const app = await acquireLock(dataFile, { now: clock })
    // Each attempt of the command writes its record to a temporary file beside the lock: seeing one means it is trying while the app holds it.
    const watcher = watch(folder)
    const attempting = new Promise<void>((r) => watcher.on('change', (_event, name) => /\.lock\.\d+\.[0-9a-f]+\.nuevo$/.test(String(name)) && r()))
    const { child, done } = runCli(['demo-data', '--out', dataFile, '--force', '--seed', '4', '--sessions', '2', '--today', '2026-11-26'])
    await Promise.race([attempting, done])
    watcher.close()
    expect(child.exitCode, 'sigue esperando').toBeNull()
    await app.release()
    const result = await done
    expect(result.status, result.stderr).toBe(0)
    expect((await readDataFile(dataFile)).sessions).toHaveLength(2)
  }, 60_000)

  it('tras esperar, falla con el dueño del candado en español y no toca el archivo', async () => {
    const { dataFile, lockFile } = await dataFileIn()
    await writeDemoData(dataFile, { sessions: 1, seed: 3 })
    const before = await bytesOf(dataFile)
    await writeFile(lockFile, record({ pid: 4242, host: 'sala-de-juntas', user: 'ana' }))
    const result = await runCli(['demo-data', '--out', dataFile, '--force', '--today', '2026-11-26']).done
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/El archivo de datos está abierto en Secretariado en el equipo sala-de-juntas \(usuario ana\) desde el 26 de noviembre de 2026 a las 09:00/)
    expect(await bytesOf(dataFile)).toEqual(before)
  }, 60_000)
})
