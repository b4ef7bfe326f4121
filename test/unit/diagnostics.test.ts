import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateDemoData } from '../../main/core/demo/demo-data'
import { dispatch } from '../../main/core/ipc/dispatch'
import { serializeData } from '../../main/core/store/data-format'
import { Store } from '../../main/core/store/store'
import { contextFor, tempFolder } from './helpers'

describe('paquete de diagnóstico', () => {
  it('describe la instalación y los datos sin ningún dato personal', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'secretariado.json')
    const data = generateDemoData({ sessions: 6, seed: 8, today: '2026-11-26' })
    await writeFile(dataFile, serializeData(data))
    const store = await Store.open({ dataFile })
    await store.update((draft) => void (draft.settings.defaultVenue = 'Casa Jalisco'))
    const result = await dispatch('exportDiagnostics', undefined, contextFor(store))
    if (!result.ok) throw new Error(result.error.message)
    const file = result.value as { fileName: string; contentBase64: string }
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8')
    const bundle = JSON.parse(text) as { archivo: { esquema: number }; conteos: { integrantes: number }; respaldos: unknown[] }
    expect(file.fileName).toMatch(/^diagnostico-secretariado-\d{4}-\d{2}-\d{2}\.json$/)
    expect(bundle.archivo.esquema).toBe(data.schemaVersion)
    expect(bundle.conteos.integrantes).toBe(data.members.length)
    expect(bundle.respaldos.length).toBeGreaterThan(0)
    const personal = [
      ...data.members.flatMap((member) => [member.fullName, member.email, member.phone]),
      ...data.agreements.map((agreement) => agreement.text),
      ...data.sessions.flatMap((session) => session.agenda.map((item) => item.notes)),
      'Casa Jalisco',
    ].filter((value) => value.length > 3)
    for (const value of personal) expect(text.includes(value), value).toBe(false)
    await store.close()
  })
})
