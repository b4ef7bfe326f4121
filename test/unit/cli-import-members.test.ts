/**
 * `import-members` (and `import-progress`) on the command line: the same core
 * function as the app, the same row report in Spanish, and the exit status
 * that says whether anything was written.
 */
import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDataFile } from '../../main/core/store/read-data-file'
import { demoData, writeDemoData } from '../support/bridge'
import { tempFolder } from './helpers'
import { CLI } from '../support/cli'

const ROOT = resolve(__dirname, '../..')

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Latin-1 plus the few Windows-1252 punctuation marks used here: the bytes Excel on Windows writes. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96, '€': 0x80 }
  return Buffer.from([...text].map((char) => high[char] ?? char.charCodeAt(0)))
}

const DEMO = { sessions: 2, seed: 9 }

async function setup(): Promise<{ folder: string; dataFile: string; registered: string }> {
  const folder = await tempFolder()
  const dataFile = join(folder, 'secretariado.json')
  await writeDemoData(dataFile, DEMO)
  const registered = demoData(DEMO).members.find((member) => member.role === 'titular')?.fullName
  if (!registered) throw new Error('demo')
  return { folder, dataFile, registered }
}

describe('línea de comandos: import-members', () => {
  it('--dry-run informa cada fila, la codificación y las cuentas, y no escribe nada', async () => {
    const { folder, dataFile, registered } = await setup()
    const csv = join(folder, 'integrantes.csv')
    await writeFile(
      csv,
      windows1252(`nombre;institucion;sector\r\nBegoña Ibáñez Muñoz;Colectivo “Ñandú” – Jalisco;sociedad civil\r\n${registered.toUpperCase()};Otra;academia\r\nÚrsula Güemes;Academia €;academia\r\n`),
    )
    const before = await readFile(dataFile)
    const result = cli('import-members', dataFile, csv, '--dry-run')
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('Se leyó como Windows-1252 (Excel). Separador: punto y coma.')
    expect(result.stdout).toContain('Línea 2 · Begoña Ibáñez Muñoz · Correcta')
    expect(result.stdout).toContain(`Línea 3 · ${registered.toUpperCase()} · Se omite`)
    expect(result.stdout).toMatch(new RegExp(`\\n {4}- Ya existe una persona integrante con este nombre: ${registered.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`))
    expect(result.stdout).toContain('Línea 4 · Úrsula Güemes · Correcta')
    expect(result.stdout).toContain('Simulación: se agregarían 2 personas; 1 se omite por estar ya en el padrón. No se escribió nada.')
    expect((await readFile(dataFile)).equals(before)).toBe(true)

    // For real: the two new people, with their names exact; the registered one left out.
    const members = (await readDataFile(dataFile)).members.length
    const imported = cli('import-members', dataFile, csv)
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stdout).toContain('Se importaron 2 personas; 1 se omite por estar ya en el padrón.')
    const after = (await readDataFile(dataFile)).members
    expect(after.length).toBe(members + 2)
    expect(after.slice(-2).map((member) => [member.fullName, member.institution])).toEqual([
      ['Begoña Ibáñez Muñoz', 'Colectivo “Ñandú” – Jalisco'],
      ['Úrsula Güemes', 'Academia €'],
    ])
    expect((await readFile(dataFile, 'utf8')).includes('\uFFFD')).toBe(false)

    // With --existing agregar the registered name is added as one more person.
    const again = join(folder, 'otra-vez.csv')
    await writeFile(again, `nombre,institucion,sector\n${registered.toUpperCase()},Otra,academia\n`)
    const added = cli('import-members', dataFile, again, '--existing', 'agregar')
    expect(added.status, added.stderr).toBe(0)
    expect(added.stdout).toContain(`Línea 2 · ${registered.toUpperCase()} · Se agrega, con advertencia`)
    expect((await readDataFile(dataFile)).members.length).toBe(members + 3)
  }, 60_000)

  it('con una fila errónea termina con 1, lista todos sus problemas y no escribe nada, con o sin --dry-run', async () => {
    const { folder, dataFile } = await setup()
    const csv = join(folder, 'integrantes.csv')
    await writeFile(csv, 'nombre,institucion,sector,correo\nBien Hecha,Colectivo,academia,\nMal Hecha,,iglesia,no-es-correo\n')
    const before = await readFile(dataFile)
    for (const args of [[], ['--dry-run']]) {
      const result = cli('import-members', dataFile, csv, ...args)
      expect(result.status, args.join(' ')).toBe(1)
      expect(result.stdout).toContain('Línea 2 · Bien Hecha · Correcta')
      expect(result.stderr).toContain('Línea 3 · Mal Hecha · Con errores')
      expect(result.stderr).toContain('    - sector «iglesia» no reconocido')
      expect(result.stderr).toContain('    - institución: La institución es obligatoria')
      expect(result.stderr).toContain('    - correo: Correo electrónico no válido')
      expect(result.stderr).toContain('No se importó nada: una fila tiene errores.')
      expect((await readFile(dataFile)).equals(before)).toBe(true)
    }
  }, 60_000)

  it('un archivo que no se puede leer exacto se rechaza con el cómo; los errores de uso dan estado 2', async () => {
    const { folder, dataFile } = await setup()
    const csv = join(folder, 'dañado.csv')
    await writeFile(csv, Buffer.concat([Buffer.from('nombre,institucion,sector\nIb'), Buffer.from([0xe1, 0x81]), Buffer.from('ez,ITEI,academia\n')]))
    const before = await readFile(dataFile)
    const refused = cli('import-members', dataFile, csv)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/«dañado\.csv» no está en UTF-8 ni en Windows-1252: el byte 0x81 de la línea 2/)
    expect(refused.stderr).toContain('En Excel: Archivo › Guardar como › CSV UTF-8 (delimitado por comas)')
    expect((await readFile(dataFile)).equals(before)).toBe(true)

    expect(cli('import-members', dataFile).status).toBe(2)
    const badChoice = cli('import-members', dataFile, csv, '--existing', 'quizas')
    expect(badChoice.status).toBe(2)
    expect(badChoice.stderr).toMatch(/--existing debe ser omitir o agregar/)
    const missing = cli('import-members', join(folder, 'no-existe.json'), csv)
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/No existe el archivo de datos/)
  }, 60_000)
  it('los nombres llegan sin caracteres invisibles; un UTF-8 con un byte de otra codificación se rechaza', async () => {
    const { folder, dataFile } = await setup()
    const csv = join(folder, 'integrantes.csv')
    await writeFile(csv, 'nombre,institucion,sector\r"Luis \u202eRamos\u202c Pen\u200b\u0303a",Colectivo\u2060 Ñandú,academia\rEva Núñez,ITEI,academia\r')
    const result = cli('import-members', dataFile, csv)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('Línea 2 · Luis Ramos Peña · Correcta')
    expect(result.stdout).toContain('Línea 3 · Eva Núñez · Correcta')
    const added = (await readDataFile(dataFile)).members.slice(-2).map((member) => [member.fullName, member.institution])
    expect(added).toEqual([
      ['Luis Ramos Peña', 'Colectivo Ñandú'],
      ['Eva Núñez', 'ITEI'],
    ])

    const mixed = join(folder, 'mezclado.csv')
    await writeFile(mixed, Buffer.concat([Buffer.from('nombre,institucion,sector\nJosé Pérez,ITEI,academia\nBego'), Buffer.from([0xf1]), Buffer.from('a Ruiz,ITEI,academia\n')]))
    const before = await readFile(dataFile)
    const refused = cli('import-members', dataFile, mixed)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/«mezclado\.csv» mezcla codificaciones: la línea 2 está en UTF-8 \(«José»\), pero el byte 0xF1 de la línea 3 no es UTF-8/)
    expect((await readFile(dataFile)).equals(before)).toBe(true)
  }, 60_000)
})

describe('línea de comandos: import-progress lee los bytes igual que la aplicación', () => {
  it('la evidencia en Windows-1252 llega exacta', async () => {
    const { folder, dataFile } = await setup()
    const milestone = demoData(DEMO).commitments.flatMap((commitment) => commitment.milestones).find((candidate) => candidate.status === 'en-proceso')
    if (!milestone) throw new Error('demo')
    const csv = join(folder, 'avance.csv')
    const evidence = 'Publicación “Año 2026” – Ibáñez'
    await writeFile(csv, windows1252(`hito_id,hito_avance,hito_estado,hito_evidencia\r\n${milestone.id},70,en proceso,"${evidence}"\r\n`))
    const result = cli('import-progress', dataFile, csv)
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toContain('Se leyó como Windows-1252 (Excel). Separador: coma.')
    expect(result.stdout).toContain('Avance actualizado en 1 hito.')
    const stored = (await readDataFile(dataFile)).commitments.flatMap((commitment) => commitment.milestones).find((candidate) => candidate.id === milestone.id)
    expect(stored).toMatchObject({ progress: 70, evidence })
  }, 60_000)
})
