/**
 * Nothing is written into the data folder by a store that may not change the
 * data file: opened read-only, locked by another program, or whose lock was
 * broken by hand (Desbloquear) from another program. Attachments, follow-up
 * evidence, an acta sent out for signature and an acta signed in place are
 * refused with the same Spanish message a change gets, before any file is
 * created, and the whole folder stays exactly as it was.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../main/core/ipc/dispatch'
import type { OperationName } from '../../main/core/contract/operations'
import { Store } from '../../main/core/store/store'
import { handlerContext, writeDemoData } from '../support/bridge'
import { fixedClock, TODAY } from '../support/clock'
import { tempFolder } from './helpers'
import { makeIdentity, makePkcs12 } from './signature-fixtures'

const password = 'Clave-de-prueba-7'

function p12For(holder: string) {
  const identity = makeIdentity({ subject: [{ shortName: 'CN', value: holder, utf8: true }] })
  return { kind: 'p12' as const, p12Base64: makePkcs12(identity, password).toString('base64'), password }
}

/** Every file and folder under `folder`, with the bytes of each file. */
async function snapshotOf(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  const listing: Record<string, string> = {}
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name)
    listing[path.slice(folder.length)] = entry.isFile() ? (await readFile(path)).toString('base64') : 'carpeta'
  }
  return listing
}

/** A data folder with demo data and the ids the calls need; the store that prepared it is closed again. */
async function prepared() {
  const folder = await tempFolder()
  const dataFile = join(folder, 'secretariado.json')
  await writeDemoData(dataFile, { sessions: 6, seed: 9 })
  const store = await Store.open({ dataFile, now: fixedClock() })
  const context = handlerContext(store, { tempDir: await tempFolder() })
  const data = store.data
  const concluded = data.sessions.filter((session) => session.status === 'concluida').at(-1)
  const secretary = data.members.find((member) => member.id === concluded?.secretaryId)
  const open = data.sessions.find((session) => session.status !== 'concluida' && session.status !== 'firmada' && session.status !== 'en-firma' && session.agenda.length > 0)
  const agreement = data.agreements[0]
  if (!concluded || !secretary || !open || !agreement) throw new Error('demo sin los datos que la prueba necesita')
  const preview = await dispatch('prepareActaSigning', { sessionId: concluded.id }, context)
  if (!preview.ok) throw new Error(preview.error.message)
  const { sha256 } = preview.value as { sha256: string }
  await store.close()
  const file = Buffer.from('%PDF-1.4 contenido de prueba').toString('base64')
  const calls: [OperationName, unknown][] = [
    ['addAttachment', { sessionId: open.id, itemId: open.agenda[0]?.id, fileName: 'informe.pdf', contentBase64: file }],
    ['addFollowUp', { agreementId: agreement.id, date: TODAY, note: 'Avance', evidenceUrl: '', evidenceFile: { fileName: 'evidencia.pdf', contentBase64: file }, sessionId: null, status: null }],
    ['startSignatureCircuit', { sessionId: concluded.id, order: null }],
    ['signActa', { sessionId: concluded.id, credentials: p12For(secretary.fullName), expectedSha256: sha256, signerId: null }],
  ]
  return { folder, dataFile, calls }
}

const modes: { mode: string; open: (dataFile: string) => Promise<Store>; message: RegExp }[] = [
  {
    mode: 'en sólo lectura',
    open: (dataFile) => Store.open({ dataFile, now: fixedClock(), readOnly: true }),
    message: /^El archivo de datos está abierto en sólo lectura: se abrió en sólo lectura\. No se guardó ningún cambio\.$/,
  },
  {
    mode: 'bloqueado por otro programa',
    open: async (dataFile) => {
      await writeFile(`${dataFile}.lock`, JSON.stringify({ program: 'Secretariado', pid: 4242, host: 'sala-de-juntas', user: 'ana', since: '2026-11-26T15:00:00.000Z' }))
      return Store.open({ dataFile, now: fixedClock(), whenLocked: 'report' })
    },
    message: /^Los datos no están disponibles: El archivo de datos está abierto en Secretariado en el equipo sala-de-juntas/,
  },
  {
    mode: 'después de que otro programa lo desbloqueó',
    open: async (dataFile) => {
      const store = await Store.open({ dataFile, now: fixedClock() })
      // Desbloquear elsewhere: this store's lock is gone, another program's is in its place.
      await rm(`${dataFile}.lock`)
      await writeFile(`${dataFile}.lock`, JSON.stringify({ program: 'Secretariado', pid: 4242, host: 'sala-de-juntas', user: 'luis', since: '2026-11-26T15:00:00.000Z' }))
      return store
    },
    // The first refusal says what happened; the store is then locked, and the next ones say who holds the file.
    message: /^(Otro programa desbloqueó el archivo de datos y lo abrió: este cambio no se guardó|Los datos no están disponibles: El archivo de datos está abierto en Secretariado en el equipo sala-de-juntas)/,
  },
]

describe('sin permiso para cambiar el archivo de datos, nada se escribe en su carpeta', () => {
  for (const { mode, open, message } of modes) {
    it(`${mode}: adjuntos, evidencias, envío a firma y firma se rechazan sin crear ningún archivo`, async () => {
      const { folder, dataFile, calls } = await prepared()
      const store = await open(dataFile)
      try {
        const context = handlerContext(store, { tempDir: await tempFolder() })
        const before = await snapshotOf(folder)
        for (const [name, input] of calls) {
          const result = await dispatch(name, input, context)
          expect(result.ok, name).toBe(false)
          expect(result.ok === false && result.error.message, name).toMatch(message)
          expect(await snapshotOf(folder), `${name} no escribe nada en la carpeta de datos`).toEqual(before)
        }
        // Opening the signed actas' folder creates nothing either.
        expect((await dispatch('openActasFolder', undefined, context)).ok).toBe(true)
        expect(await snapshotOf(folder)).toEqual(before)
      } finally {
        await store.close()
      }
    }, 60_000)
  }
})
