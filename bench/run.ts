/**
 * `npm run bench`: prints one table and writes it as JSON under bench/results/.
 * Each figure is the median (and 95th percentile where it matters) of several
 * runs after a warm-up, next to its target, with the machine it ran on.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { benchCore } from './core'
import { benchDocuments } from './documents'
import { benchRenderer } from './renderer'

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
      { measure: `Guardado de un cambio (${label}) p50 / p95`, value: `${ms(figures.save.p50)} / ${ms(figures.save.p95)}`, target: '—', ok: null },
      { measure: `Escritura durable directa de los mismos bytes (${label}) p50 / p95`, value: `${ms(figures.rawWrite.p50)} / ${ms(figures.rawWrite.p95)}`, target: '—', ok: null },
      { measure: `Guardado ÷ escritura directa (${label}), mediana`, value: `${figures.saveRatio.toFixed(2)} ×`, target: tenYears ? '≤ 1.3 ×' : '—', ok: tenYears ? figures.saveRatio <= 1.3 : null },
      { measure: `Datos de demostración densos (${label}): generación`, value: ms(figures.generate), target: tenYears ? '< 5000 ms' : '—', ok: tenYears ? figures.generate < 5000 : null },
      { measure: `Búsqueda sin acentos (${label}) p50 / p95`, value: `${ms(figures.search.p50)} / ${ms(figures.search.p95)}`, target: '< 50 ms (p95)', ok: figures.search.p95 < 50 },
    )
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
      { measure: 'Lista de sesiones utilizable con 10 años de datos, mediana', value: ms(ui.sessionsListUsable.p50), target: '< 1000 ms', ok: ui.sessionsListUsable.p50 < 1000 },
      { measure: `Tecla a pantalla en la minuta en vivo, p95 (${ui.keystrokes} teclas, ${ui.savesDuringTyping} guardados)`, value: `${ms(ui.keystrokeToPaint.p50)} / ${ms(ui.keystrokeToPaint.p95)}`, target: '< 50 ms (p95)', ok: ui.keystrokeToPaint.p95 < 50 },
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
