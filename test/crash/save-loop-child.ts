/**
 * Child process for the crash test: opens the store and saves forever, each
 * save changing the default venue to "Sala N" (plus one audit entry), and
 * reports "saved N" only after the save resolved.
 */
import { Store } from '../../main/core/store/store'
import { fixedClock } from '../support/clock'

async function main(): Promise<void> {
  const dataFile = process.argv[2]
  if (!dataFile) throw new Error('data file?')
  const store = await Store.open({ dataFile, now: fixedClock() })
  process.stdout.write('ready\n')
  for (;;) {
    const next = Number(/Sala (\d+)/.exec(store.data.settings.defaultVenue)?.[1] ?? 0) + 1
    await store.update((draft, tools) => {
      draft.settings.defaultVenue = `Sala ${next}`
      tools.audit({ entity: 'configuracion', entityId: '', action: 'editar', summary: `Guardado ${next}` })
    })
    process.stdout.write(`saved ${next}\n`)
  }
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.message : error) + '\n')
  process.exit(1)
})
