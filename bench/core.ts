/**
 * Core benchmarks on demo data of one and ten years: load, save of one small
 * edit beside the raw durable write of the same bytes, and search.
 */
import { mkdtemp, open, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateDemoData } from '../main/demo/demo-data'
import { search } from '../main/core/domain/search'
import { serializeData } from '../main/core/store/data-format'
import { readDataFile } from '../main/core/store/read-data-file'
import { Store } from '../main/core/store/store'
import type { Data } from '../main/core/model/schema'
import { measure, summarize, type Sample } from './stats'

export interface CoreFigures {
  label: string
  sessions: number
  bytes: number
  load: Sample
  save: Sample
  rawWrite: Sample
  /** Median over paired runs of save / raw write. */
  saveRatio: number
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

export async function benchCore(label: string, sessions: number, runs: number): Promise<CoreFigures> {
  const folder = await mkdtemp(join(tmpdir(), 'secretariado-bench-'))
  try {
    const dataFile = join(folder, 'secretariado.json')
    const started = performance.now()
    const demo = generateDemoData({ sessions, seed: 1, today: '2026-11-26', dense: true })
    const generate = performance.now() - started
    const text = serializeData(demo)
    await writeFile(dataFile, text)

    const load = await measure(runs, 2, () => readDataFile(dataFile))

    const store = await Store.open({ dataFile })
    // Save and raw write alternate so both see the same disk and cache conditions.
    const saves: number[] = []
    const raws: number[] = []
    const ratios: number[] = []
    for (let i = -3; i < runs; i++) {
      const t0 = performance.now()
      await store.update((draft) => {
        draft.settings.defaultVenue = `Sala ${i}`
      })
      const t1 = performance.now()
      await rawDurableWrite(folder, store.data)
      const t2 = performance.now()
      if (i < 0) continue
      saves.push(t1 - t0)
      raws.push(t2 - t1)
      ratios.push((t1 - t0) / (t2 - t1))
    }
    const data = store.data
    let q = 0
    const searchSample = await measure(runs * 3, 5, () => search(data, QUERIES[q++ % QUERIES.length] ?? ''))
    await store.close()
    const sortedRatios = [...ratios].sort((a, b) => a - b)
    return {
      label,
      sessions,
      bytes: Buffer.byteLength(text),
      generate,
      load,
      save: summarize(saves),
      rawWrite: summarize(raws),
      saveRatio: sortedRatios[Math.floor(sortedRatios.length / 2)] ?? NaN,
      search: searchSample,
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
