/**
 * Core benchmarks on demo data of one and ten years: load beside a raw read,
 * parse and validation of the same bytes; save of one small edit beside the
 * raw durable write of the same data; and search.
 */
import { mkdtemp, open, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateDemoData } from '../main/demo/demo-data'
import { search } from '../main/core/domain/search'
import { serializeData } from '../main/core/store/data-format'
import { readDataFile } from '../main/core/store/read-data-file'
import { Store } from '../main/core/store/store'
import { dataSchema, type Data } from '../main/core/model/schema'
import { measure, median, summarize, type Sample } from './stats'

export interface CoreFigures {
  label: string
  sessions: number
  bytes: number
  /** What the store does on open: `readDataFile` (envelope, checksum, migrations, schema, references). */
  load: Sample
  /** The same file read, parsed with JSON.parse and validated with the loader's schema, without the store. */
  rawLoad: Sample
  /** load p50 / rawLoad p50. */
  loadRatio: number
  save: Sample
  rawWrite: Sample
  /** Median over paired runs of save / raw write. */
  saveRatio: number
  /** save p95 / rawWrite p95, from the same alternating runs. */
  saveP95Ratio: number
  search: Sample
  /** Generating the dense demo data itself, once (ms). */
  generate: number
}

const QUERIES = ['sesion ordinaria', 'transparencia', 'acuerdo publicar', 'Zapopan', 'datos abiertos portal', 'informe avance', 'quorum', 'tlaquepaque', 'plan de accion', 'presupuesto']

/** The same steps as the store's durable save, without the store: stringify, write, fsync, rename, fsync the folder. */
async function rawDurableWrite(folder: string, data: Data): Promise<void> {
  const bytes = JSON.stringify(data)
  const temp = join(folder, 'raw.json.tmp')
  const handle = await open(temp, 'w')
  await handle.writeFile(bytes)
  await handle.sync()
  await handle.close()
  await rename(temp, join(folder, 'raw.json'))
  const dir = await open(folder, 'r')
  await dir.sync()
  await dir.close()
}

/** The read a loader cannot do without: the file's bytes, JSON.parse, and the same zod schema the loader validates with. */
async function rawLoad(dataFile: string): Promise<unknown> {
  const parsed = JSON.parse((await readFile(dataFile)).toString('utf8')) as { datos?: unknown }
  const result = dataSchema.safeParse(parsed.datos)
  if (!result.success) throw new Error('El archivo de la medición no es válido.')
  return result.data
}

export async function benchCore(label: string, sessions: number, runs: number): Promise<CoreFigures> {
  const folder = await mkdtemp(join(tmpdir(), 'secretariado-bench-'))
  try {
    const dataFile = join(folder, 'secretariado.json')
    const started = performance.now()
    const demo = generateDemoData({ sessions, seed: 1, today: '2026-11-26', dense: true })
    const generate = performance.now() - started
    const text = serializeData(demo)
    await writeFile(dataFile, text)

    // Load and raw load alternate, like save and raw write below.
    const loads: number[] = []
    const rawLoads: number[] = []
    for (let i = -2; i < runs; i++) {
      const t0 = performance.now()
      await readDataFile(dataFile)
      const t1 = performance.now()
      await rawLoad(dataFile)
      const t2 = performance.now()
      if (i < 0) continue
      loads.push(t1 - t0)
      rawLoads.push(t2 - t1)
    }
    const load = summarize(loads)
    const rawLoadSample = summarize(rawLoads)

    const store = await Store.open({ dataFile })
    // Save and raw write alternate so both see the same disk and cache conditions, and take turns going
    // first, so the garbage one leaves behind is collected as often during the other. At least 40 pairs:
    // the 95th percentile is then a value measured twice or more, not the single slowest run.
    const pairs = Math.max(40, runs)
    const saves: number[] = []
    const raws: number[] = []
    const ratios: number[] = []
    const save = async (i: number): Promise<number> => {
      const start = performance.now()
      await store.update((draft) => {
        draft.settings.defaultVenue = `Sala ${i}`
      })
      return performance.now() - start
    }
    const raw = async (): Promise<number> => {
      const start = performance.now()
      await rawDurableWrite(folder, store.data)
      return performance.now() - start
    }
    for (let i = -3; i < pairs; i++) {
      let saved: number
      let written: number
      if (i % 2 === 0) {
        saved = await save(i)
        written = await raw()
      } else {
        written = await raw()
        saved = await save(i)
      }
      if (i < 0) continue
      saves.push(saved)
      raws.push(written)
      ratios.push(saved / written)
    }
    const data = store.data
    let q = 0
    const searchSample = await measure(runs * 3, 5, () => search(data, QUERIES[q++ % QUERIES.length] ?? ''))
    await store.close()
    const saveSample = summarize(saves)
    const rawWrite = summarize(raws)
    return {
      label,
      sessions,
      bytes: Buffer.byteLength(text),
      generate,
      load,
      rawLoad: rawLoadSample,
      loadRatio: load.p50 / rawLoadSample.p50,
      save: saveSample,
      rawWrite,
      saveRatio: median(ratios),
      saveP95Ratio: saveSample.p95 / rawWrite.p95,
      search: searchSample,
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
