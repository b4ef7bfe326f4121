/**
 * Property tests: thousands of random and malformed payloads to every bridge
 * operation, and random bytes to every file the command line reads. Only
 * validation-type errors come back, nothing throws through, and the data file
 * stays byte-for-byte the same.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../main/core/errors'
import { operationNames } from '../../main/core/contract/operations'
import { parseMemberCsv } from '../../main/core/domain/member-csv'
import { parseProgressCsv } from '../../main/core/domain/progress-csv'
import { dispatch } from '../../main/core/ipc/dispatch'
import { loadEfirma, loadPkcs12, verifyPdf } from '../../main/core/signatures'
import { serializeData } from '../../main/core/store/data-format'
import { parseDataBytes } from '../../main/core/store/read-data-file'
import { demoData } from '../support/bridge'
import { NOW } from '../support/clock'
import { bytesOf, openBridge, tempFolder } from './helpers'

const ALLOWED = new Set(['VALIDACION', 'NO_ENCONTRADO', 'REGLA', 'SIN_DATOS', 'OPERACION_DESCONOCIDA'])
const data = demoData({ sessions: 4, seed: 3 })
const ids = [...data.members.slice(0, 3).map((m) => m.id), ...data.sessions.slice(0, 3).map((s) => s.id), data.agreements[0]?.id ?? 'x', '../../etc/passwd', 'C:\\Windows', '\\\\servidor\\recurso', '']

/** Payloads near the real shapes: objects with the contract's field names and hostile values. */
const nearValid = fc.dictionary(
  fc.constantFrom('id', 'sessionId', 'itemId', 'memberId', 'agreementId', 'name', 'url', 'csv', 'apply', 'status', 'kind', 'contentBase64', 'query', 'limit', 'notes', 'text', 'vote', 'credentials', 'order', 'direction', 'what', 'format', 'jobId', 'member', '__proto__', 'constructor'),
  fc.oneof(fc.constantFrom(...ids), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 2 })),
  { maxKeys: 6 },
)
const payload = fc.oneof(fc.anything({ maxDepth: 3 }), nearValid)

describe('cargas hostiles en cada operación del puente', () => {
  it('sólo regresan errores de validación, nada se lanza y el archivo no cambia', async () => {
    const folder = await tempFolder()
    const dataFile = join(folder, 'secretariado.json')
    await writeFile(dataFile, serializeData(data))
    const { store, context } = await openBridge(dataFile)
    const before = await bytesOf(dataFile)
    const unexpected: string[] = []
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operationNames, 'noExiste', '__proto__'), payload, async (name, input) => {
        const result = await dispatch(name, input, context)
        if (!result.ok && !ALLOWED.has(result.error.code)) unexpected.push(`${name}: ${result.error.code} ${result.error.message}`)
        // An operation that accepted a random payload must have been a read.
        if (result.ok) expect(['getStatus', 'getSettings', 'listMembers', 'listSessions', 'listAgreements', 'getPlanOverview', 'getDashboard', 'listAudit', 'exportAudit', 'search', 'getSession', 'exportOpenData', 'exportDiagnostics', 'listTrustedAuthorities', 'openDataFolder', 'openActasFolder', 'getFullBackupStatus', 'createFullBackup']).toContain(name)
      }),
      { numRuns: 3000, seed: 20261126 },
    )
    expect(unexpected).toEqual([])
    expect(await bytesOf(dataFile)).toEqual(before)
    await store.close()
  }, 120_000)
})

/** Runs a parser on hostile input: it may refuse with an AppError, never with anything else. */
function refusesCleanly(run: () => unknown): void {
  try {
    run()
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    expect(error.message.length).toBeGreaterThan(0)
  }
}

describe('archivos hostiles para la línea de comandos', () => {
  const good = Buffer.from(serializeData(data))
  it('archivos de datos: bytes al azar, recortes y alteraciones', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => refusesCleanly(() => parseDataBytes(Buffer.from(bytes)))),
      { numRuns: 1000, seed: 1 },
    )
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const copy = Buffer.from(good)
        copy[at] = (copy[at] ?? 0) ^ mask
        expect(() => parseDataBytes(copy)).toThrow(AppError)
      }),
      { numRuns: 500, seed: 2 },
    )
  })
  it('CSV de integrantes y de avance: nunca fallan de forma inesperada', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.constantFrom('', 'nombre,institucion,sector\n', 'hito_id,hito_avance,hito_estado\n'), (text, header) => {
        const members = parseMemberCsv(header + text, data.members)
        const progress = parseProgressCsv(header + text, data)
        expect(Array.isArray(members.rows) && Array.isArray(progress.rows)).toBe(true)
      }),
      { numRuns: 1000, seed: 3 },
    )
  })
  it('PDF a verificar y certificados: bytes al azar se rechazan con un mensaje', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1500 }), fc.constantFrom('', '%PDF-1.7\n'), (bytes, prefix) => {
        refusesCleanly(() => verifyPdf(Buffer.concat([Buffer.from(prefix), Buffer.from(bytes)]), NOW))
        refusesCleanly(() => loadPkcs12(Buffer.from(bytes), 'x'))
        refusesCleanly(() => loadEfirma(Buffer.from(bytes), Buffer.from(bytes), 'x'))
      }),
      { numRuns: 400, seed: 4 },
    )
  })
})
