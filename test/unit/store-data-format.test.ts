import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Data } from '../../main/core/model/schema'
import { openEnvelope, serializeData } from '../../main/core/store/data-format'
import { demoData } from '../support/bridge'

/** The file as the format defines it: the envelope around `JSON.stringify` of the data, with the SHA-256 of that JSON's UTF-8 bytes. */
function envelopeOf(data: unknown): Buffer {
  const json = Buffer.from(JSON.stringify(data), 'utf8')
  const sha256 = createHash('sha256').update(json).digest('hex')
  return Buffer.concat([Buffer.from(`{"formato":"secretariado","sha256":"${sha256}","datos":`, 'latin1'), json, Buffer.from('}')])
}

const serialize = (data: unknown): Buffer => serializeData(data as Data)

describe('serializeData: los bytes del archivo de datos', () => {
  it('son exactamente el sobre con JSON.stringify de los datos, para archivos chicos y grandes', () => {
    // The large one first and the small one after, so that both a growing buffer and one sized by the last save are used.
    for (const data of [demoData({ sessions: 40, seed: 3, dense: true }), demoData({ sessions: 2, seed: 1 }), demoData({ sessions: 40, seed: 3, dense: true })]) {
      const bytes = serialize(data)
      expect(bytes.equals(envelopeOf(data))).toBe(true)
      expect(openEnvelope(bytes)).toEqual(JSON.parse(JSON.stringify(data)))
    }
  })

  it('escriben igual que JSON.stringify los acentos, los emoji, los sustitutos sueltos y los textos muy largos', () => {
    const data = {
      'clave "rara"\u2028ñ': ['\ud800', 'x\udfff', '😀'.repeat(40_000), 'é'.repeat(90_000), 'Acta — «aprobada»'],
      texto: 'ñ'.repeat(300_000),
      renglones: Array.from({ length: 20_000 }, (_, index) => ({ index, nota: index % 7 === 0 ? 'Sesión — ordinaria' : 'a' })),
    }
    expect(serialize(data).equals(envelopeOf(data))).toBe(true)
  })

  it('omiten lo que JSON.stringify omite y escriben null donde él lo escribe', () => {
    const cases: unknown[] = [
      {},
      { vacio: [], objeto: {} },
      { a: undefined, b: () => 1, c: 1, d: null },
      // eslint-disable-next-line no-sparse-arrays
      { lista: [undefined, () => 1, , 3, null] },
      { fecha: new Date(0), fechas: [new Date(1)] },
      { solo: undefined },
    ]
    for (const data of cases) expect(serialize(data).toString('utf8')).toBe(envelopeOf(data).toString('utf8'))
  })
})
