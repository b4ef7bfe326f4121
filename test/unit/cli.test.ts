import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, type Data } from '../../main/core/model/schema'
import { serializeData } from '../../main/core/store/data-format'
import { parseDataBytes } from '../../main/core/store/read-data-file'
import { TODAY } from '../support/clock'
import { tempFolder } from './helpers'

const ROOT = resolve(__dirname, '../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(TSX, [join(ROOT, 'main/cli/index.ts'), ...args], { encoding: 'utf8', cwd: ROOT })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('línea de comandos: demo-data y check', () => {
  it('escribe datos de demostración que check acepta, y rechaza copias dañadas sin tocarlas', async () => {
    const folder = await tempFolder()
    const good = join(folder, 'd.json')
    const made = cli('demo-data', '--out', good, '--seed', '5', '--today', TODAY)
    expect(made.status, made.stderr).toBe(0)
    expect(made.stdout).toMatch(/Datos de demostración escritos/)
    const ok = cli('check', good)
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(new RegExp(`Archivo válido \\(esquema ${SCHEMA_VERSION}\\)`))

    const bytes = await readFile(good)
    const truncated = join(folder, 'truncado.json')
    await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const flipped = join(folder, 'byte.json')
    const copy = Buffer.from(bytes)
    // A byte deep inside the data (a name, a note): still valid JSON, caught only by the checksum.
    const at = bytes.indexOf('Secretariado Técnico Local') + 3
    copy[at] = (copy[at] ?? 0) ^ 0x01
    await writeFile(flipped, copy)
    const wrongType = join(folder, 'tipo.json')
    const data = (JSON.parse(bytes.toString('utf8')) as { datos: Data }).datos
    ;(data.members[0] as unknown as { active: unknown }).active = 'sí'
    await writeFile(wrongType, serializeData(data))

    for (const [file, reason] of [
      [truncated, /no es JSON válido \(está incompleto/],
      [flipped, /suma de verificación no coincide/],
      [wrongType, /members\.0\.active: se esperaba verdadero o falso/],
    ] as const) {
      const before = await readFile(file)
      const result = cli('check', file)
      expect(result.status).toBe(1)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stderr).toMatch(reason)
      expect(await readFile(file)).toEqual(before)
    }
  }, 60_000)

  it('cualquier byte alterado hace que el archivo se rechace', async () => {
    const folder = await tempFolder()
    const file = join(folder, 'd.json')
    expect(cli('demo-data', '--out', file, '--sessions', '3', '--today', TODAY).status).toBe(0)
    const bytes = await readFile(file)
    for (let at = 0; at < bytes.length; at += 211) {
      const copy = Buffer.from(bytes)
      copy[at] = (copy[at] ?? 0) ^ 0x20
      expect(() => parseDataBytes(copy), `byte ${at}`).toThrow()
    }
  }, 60_000)

  it('exporta datos abiertos y reimporta el avance sin cambiar nada', async () => {
    const folder = await tempFolder()
    const file = join(folder, 'd.json')
    expect(cli('demo-data', '--out', file, '--sessions', '6', '--today', TODAY).status).toBe(0)
    const before = await readFile(file)
    const csv = join(folder, 'compromisos.csv')
    const exported = cli('export', file, '--what', 'compromisos', '--format', 'csv', '--out', csv, '--today', TODAY)
    expect(exported.status, exported.stderr).toBe(0)
    expect([...(await readFile(csv)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const json = join(folder, 'acuerdos.json')
    expect(cli('export', file, '--what', 'acuerdos', '--format', 'json', '--out', json, '--today', TODAY).status).toBe(0)
    expect((JSON.parse(await readFile(json, 'utf8')) as { conjunto: unknown }).conjunto).toBe('acuerdos')
    const imported = cli('import-progress', file, csv)
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/Sin cambios/)
    expect(await readFile(file)).toEqual(before)
    const unknownSet = cli('export', file, '--what', 'hitos', '--format', 'csv', '--out', csv)
    expect(unknownSet.status).toBe(1)
    expect(unknownSet.stderr).toMatch(/--what debe ser/)
  }, 60_000)

  it('errores de uso y archivos inexistentes dan mensajes en español', () => {
    for (const [args, status, message] of [
      [['volar'], 2, /Comando desconocido: volar/],
      [['demo-data'], 2, /Falta --out/],
      [['demo-data', '--out', '/tmp/x.json', '--sessions', 'muchas'], 1, /--sessions debe ser un número entero/],
      [['check', '/no/existe.json'], 1, /No existe el archivo/],
    ] as const) {
      const result = cli(...args)
      expect(result.status, args.join(' ')).toBe(status)
      expect(result.stderr, args.join(' ')).toMatch(message)
    }
  }, 60_000)
})
