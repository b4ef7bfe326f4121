import { describe, expect, it } from 'vitest'
import { dispatch } from '../../main/core/ipc/dispatch'
import { demoData } from '../support/bridge'
import { demoBridge } from './helpers'

describe('paquete de diagnóstico', () => {
  it('describe la instalación y los datos sin ningún dato personal', async () => {
    const data = demoData({ sessions: 6, seed: 8 })
    const { store, context } = await demoBridge({ sessions: 6, seed: 8 })
    await store.update((draft) => void (draft.settings.defaultVenue = 'Casa Jalisco'))
    const result = await dispatch('exportDiagnostics', undefined, context)
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
