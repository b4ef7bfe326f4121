/**
 * `npm run bench`: prints one table and writes it as JSON under bench/results/.
 * Each figure is the median (and 95th percentile where it matters) of several
 * runs after a warm-up, next to its target, with the machine it ran on.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { benchCli } from './cli'
import { benchCore } from './core'
import { benchDocuments } from './documents'
import { benchMemory } from './memory'
import { benchRenderer } from './renderer'
import { generateDemoData } from '../main/demo/demo-data'
import { serializeData } from '../main/core/store/data-format'

interface Row {
  measure: string
  value: string
  target: string
  ok: boolean | null
}

const ms = (value: number): string => `${value.toFixed(1)} ms`

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 15)
  const rows: Row[] = []
  const results: Record<string, unknown> = {}
  for (const [label, sessions] of [['1 año', 14], ['10 años', 150]] as const) {
    const figures = await benchCore(label, sessions, runs)
    results[label] = figures
    const tenYears = sessions > 100
    rows.push(
      { measure: `Carga (${label}, ${(figures.bytes / 1e6).toFixed(1)} MB): leer + validar + migrar, mediana`, value: ms(figures.load.p50), target: tenYears ? '< 500 ms' : '—', ok: tenYears ? figures.load.p50 < 500 : null },
      { measure: `Lectura + JSON.parse + validación directas de los mismos bytes (${label}), mediana`, value: ms(figures.rawLoad.p50), target: '—', ok: null },
      { measure: `Carga ÷ lectura directa (${label})`, value: `${figures.loadRatio.toFixed(2)} ×`, target: '≤ 1.3 ×', ok: figures.loadRatio <= 1.3 },
      { measure: `Guardado de un cambio (${label}) p50 / p95`, value: `${ms(figures.save.p50)} / ${ms(figures.save.p95)}`, target: '—', ok: null },
      { measure: `Escritura durable directa (${label}: JSON.stringify, escribir, fsync, renombrar, fsync de la carpeta) p50 / p95`, value: `${ms(figures.rawWrite.p50)} / ${ms(figures.rawWrite.p95)}`, target: '—', ok: null },
      { measure: `Guardado ÷ escritura directa (${label}), p95`, value: `${figures.saveP95Ratio.toFixed(2)} ×`, target: tenYears ? '≤ 1.5 ×' : '—', ok: tenYears ? figures.saveP95Ratio <= 1.5 : null },
      { measure: `Guardado ÷ escritura directa (${label}), mediana`, value: `${figures.saveRatio.toFixed(2)} ×`, target: tenYears ? '≤ 1.3 ×' : '—', ok: tenYears ? figures.saveRatio <= 1.3 : null },
      { measure: `Datos de demostración densos (${label}): generación`, value: ms(figures.generate), target: tenYears ? '< 5000 ms' : '—', ok: tenYears ? figures.generate < 5000 : null },
      { measure: `Búsqueda sin acentos (${label}) p50 / p95`, value: `${ms(figures.search.p50)} / ${ms(figures.search.p95)}`, target: '< 50 ms (p95)', ok: figures.search.p95 < 50 },
    )
  }

  // The compiled command line and the main process's memory, over the same demo files.
  const scratch = await mkdtemp(join(tmpdir(), 'secretariado-bench-cli-'))
  try {
    for (const [label, sessions] of [['1 año', 14], ['10 años', 150]] as const) {
      const dataFile = join(scratch, `datos-${sessions}.json`)
      await writeFile(dataFile, serializeData(generateDemoData({ sessions, seed: 1, today: '2026-11-26', dense: true })))
      const cli = benchCli(dataFile, runs)
      results[`cli ${label}`] = cli
      rows.push(
        { measure: `Línea de comandos: check (${label}) ÷ Node que sólo lee y analiza el JSON (${ms(cli.check.p50)} / ${ms(cli.bareParse.p50)})`, value: `${cli.ratio.toFixed(2)} ×`, target: '≤ 4 ×', ok: cli.ratio <= 4 },
      )
      if (sessions > 100) {
        const memory = benchMemory(dataFile, scratch)
        results.memoria = memory
        rows.push({
          measure: `Memoria del núcleo del proceso principal con 10 años, en Node (abrir, vistas de inicio, un guardado): pico / en reposo / montículo JS`,
          value: `${memory.peakRss.toFixed(0)} / ${memory.rss.toFixed(0)} / ${memory.heapUsed.toFixed(0)} MB`,
          target: '< 400 MB de pico',
          ok: memory.peakRss < 400,
        })
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }

  const documents = await benchDocuments(Math.max(5, Math.floor(runs / 2)))
  results.documentos = documents
  rows.push(
    { measure: `Acta de 40 puntos, 60 integrantes, 30 acuerdos (${documents.pages} páginas), mediana`, value: ms(documents.acta.p50), target: '< 1500 ms', ok: documents.acta.p50 < 1500 },
    { measure: 'Acta: páginas por segundo', value: `${documents.pagesPerSecond.toFixed(0)} pág/s`, target: '—', ok: null },
    { measure: 'Firma PAdES del acta, mediana', value: ms(documents.sign.p50), target: '—', ok: null },
    { measure: 'Verificación de la firma, mediana', value: ms(documents.verify.p50), target: '—', ok: null },
    { measure: 'Firma + verificación, mediana', value: ms(documents.signAndVerify.p50), target: '< 500 ms', ok: documents.signAndVerify.p50 < 500 },
  )

  if (process.env.BENCH_SKIP_RENDERER) {
    rows.push({ measure: 'Interfaz (Chromium): omitida por BENCH_SKIP_RENDERER', value: '—', target: '—', ok: null })
  } else {
    const ui = await benchRenderer(150, Math.max(5, Math.floor(runs / 2)))
    results.interfaz = ui
    rows.push(
      { measure: `JavaScript de la primera carga (${ui.firstLoadJsFiles.length} archivos; además ${(ui.firstLoadCssBytes / 1e3).toFixed(0)} KB de estilos)`, value: `${(ui.firstLoadJsBytes / 1e6).toFixed(2)} MB`, target: '≤ 1.2 MB', ok: ui.firstLoadJsBytes <= 1.2e6 },
      // A new browser context each run: every byte fetched and parsed again, and each call to the core crosses the test bridge (Playwright's binding).
      { measure: 'Carga de la página a la lista de sesiones utilizable, sin caché ni código compilado (10 años), mediana', value: ms(ui.sessionsListUsable.p50), target: '< 1500 ms', ok: ui.sessionsListUsable.p50 < 1500 },
      { measure: `Tecla a pantalla en la minuta en vivo mientras se guarda (10 años), p50 / p95 (${ui.keystrokes} teclas, ${ui.savesDuringTyping} guardados)`, value: `${ms(ui.keystrokeToPaint.p50)} / ${ms(ui.keystrokeToPaint.p95)}`, target: '< 33 ms (p95)', ok: ui.keystrokeToPaint.p95 < 33 },
    )
  }

  const machine = `${cpus().length} núcleos (${cpus()[0]?.model ?? 'desconocido'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`
  const width = Math.max(...rows.map((row) => row.measure.length))
  console.log(`\nSecretariado · rendimiento (${runs} corridas tras calentamiento)\nMáquina: ${machine}\n`)
  for (const row of rows) {
    const mark = row.ok === null ? ' ' : row.ok ? '✓' : '✗'
    console.log(`${mark} ${row.measure.padEnd(width)}  ${row.value.padStart(20)}   objetivo ${row.target}`)
  }
  const folder = join(__dirname, 'results')
  await mkdir(folder, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  await writeFile(join(folder, `bench-${stamp}.json`), JSON.stringify({ machine, runs, at: new Date().toISOString(), rows, results }, null, 2))
  await writeFile(join(folder, 'latest.json'), JSON.stringify({ machine, runs, at: new Date().toISOString(), rows, results }, null, 2))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
