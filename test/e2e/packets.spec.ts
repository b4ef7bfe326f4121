/**
 * Offline review end to end: the secretariat exports a review packet from the
 * session detail, a member opens it in «Revisión de paquete» (also in a copy
 * of the app without data), writes comments and exports them, and the
 * secretariat imports them onto the right agenda items; a second import
 * changes nothing, and hostile files are refused with a Spanish message.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Download, Page } from '@playwright/test'
import { readDataFile } from '../../main/core/store/read-data-file'
import { openBridge, writeDemoData } from '../support/bridge'
import { expect, test } from './fixtures'

const MINUTES_NOTE = 'Nota técnica sobre el Plan de Acción Local\nAvance de compromisos: 64 %\n'

/** Bytes of a download the page started. */
async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path()
  return readFile(path)
}

/**
 * A packet as the secretariat would export it, built in this process over
 * demo data with one text attachment: for a member's copy with no data.
 */
async function demoPacket(): Promise<{ fileName: string; bytes: Buffer }> {
  const folder = await mkdtemp(join(tmpdir(), 'secretariado-paquete-'))
  try {
    const dataFile = join(folder, 'secretariado.json')
    await writeDemoData(dataFile, { sessions: 14, seed: 7 })
    const { store, call } = await openBridge(dataFile)
    try {
      const session = store.data.sessions.find((candidate) => candidate.status === 'convocada' && candidate.agenda.length > 0)
      const item = session?.agenda.find((candidate) => candidate.parentId === null && candidate.title.startsWith('Presentación'))
      if (!session || !item) throw new Error('sin sesión convocada con orden del día')
      await call('addAttachment', { sessionId: session.id, itemId: item.id, fileName: 'nota-técnica-PAL.txt', contentBase64: Buffer.from(MINUTES_NOTE, 'utf8').toString('base64') })
      const file = await call('exportPacket', { sessionId: session.id })
      return { fileName: file.fileName, bytes: Buffer.from(file.contentBase64, 'base64') }
    } finally {
      await store.close()
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

async function openPacket(page: Page, file: { name: string; bytes: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: /Abrir (otro )?paquete/ }).first().click()
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/zip', buffer: file.bytes })
}

test.describe('copia de una persona integrante, sin datos', () => {
  test.use({ demo: null })

  test('abre el paquete, rechaza uno truncado en español y conserva los borradores al recargar', async ({ harness }) => {
    const { page } = harness
    const packet = await demoPacket()
    await harness.open()
    // A member's copy starts with no data: the empty session list leads to member mode.
    await expect(page.getByText('Aún no hay sesiones')).toBeVisible()
    await page.getByRole('link', { name: 'Abrir un paquete de revisión' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Revisión de paquete' })).toBeVisible()

    // A truncated copy (as a failed e-mail download leaves it) is refused with the core's message.
    await openPacket(page, { name: packet.fileName, bytes: packet.bytes.subarray(0, packet.bytes.length - 4000) })
    const refusal = page.getByRole('alert').filter({ hasText: 'No se pudo abrir el paquete' })
    await expect(refusal).toContainText('El paquete está incompleto (truncado)')
    // Something that is not a packet at all.
    await openPacket(page, { name: 'acta.stlpkg', bytes: Buffer.from('%PDF-1.7 no es un zip', 'utf8') })
    await expect(refusal).toContainText('no es un archivo zip')

    await openPacket(page, { name: packet.fileName, bytes: packet.bytes })
    await expect(page.getByText('Paquete verificado · sólo lectura')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Sesión Ordinaria \d{4}$/)
    await expect(refusal).toBeHidden()
    const item = page.getByRole('article', { name: /^Punto \d+: Presentación/ }).first()
    await expect(item.getByText('nota-técnica-PAL.txt')).toBeVisible()

    // A text attachment opens inside the app.
    await item.getByRole('button', { name: 'Abrir «nota-técnica-PAL.txt»' }).click()
    const preview = page.getByRole('dialog', { name: 'nota-técnica-PAL.txt' })
    await expect(preview).toContainText('Avance de compromisos: 64 %')
    await page.keyboard.press('Escape')
    await expect(preview).toBeHidden()

    await item.getByRole('textbox', { name: /^Su comentario sobre el punto/ }).fill('Pido que se presente el avance por compromiso.')
    await page.getByRole('textbox', { name: 'Su nombre' }).fill('Mtra. Begoña Ibáñez Muñoz')
    await expect(page.getByText('1 comentario escrito')).toBeVisible()

    // A reload keeps the packet and the drafts (sessionStorage of this window).
    await page.reload()
    await expect(page.getByRole('textbox', { name: 'Su nombre' })).toHaveValue('Mtra. Begoña Ibáñez Muñoz')
    await expect(page.getByRole('article', { name: /^Punto \d+: Presentación/ }).first().getByRole('textbox', { name: /^Su comentario sobre el punto/ })).toHaveValue(
      'Pido que se presente el avance por compromiso.',
    )

    // The member's copy never wrote the packet into its own data.
    expect((await readDataFile(harness.dataFile)).sessions).toEqual([])
  })
})

test('ida y vuelta: paquete desde la sesión, comentarios de una integrante e importación sin duplicados', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  const sessionId = await page.evaluate(async () => {
    const sessions = await window.api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const upcoming = sessions.value.find((session) => session.status === 'convocada' && session.agendaItems > 0)
    if (!upcoming) throw new Error('sin sesión convocada')
    return upcoming.id
  })

  // The secretary attaches a document to «Informe del ITEI…» in the agenda builder.
  await harness.open(`#/sesiones/${sessionId}`)
  const agenda = page.getByRole('list', { name: 'Orden del día' })
  const itei = agenda.getByRole('listitem').filter({ has: page.getByLabel(/^Punto \d+: Informe del ITEI/) })
  const report = Buffer.from('Verificación de obligaciones de transparencia 2026: 87 % de cumplimiento promedio.\n', 'utf8')
  await itei.locator('input[type=file]').setInputFiles({ name: 'verificación-ITEI-2026.txt', mimeType: 'text/plain', buffer: report })
  await expect(page.getByText('Se adjuntó «verificación-ITEI-2026.txt».')).toBeVisible()

  // «Paquete de revisión» downloads the .stlpkg.
  const packetDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Paquete de revisión' }).first().click()
  const packetFile = await packetDownload
  expect(packetFile.suggestedFilename()).toMatch(/^paquete-STL-SO\d+-\d{4}\.stlpkg$/)
  const packet = await bytesOf(packetFile)
  await expect(page.getByText(`Se guardó «${packetFile.suggestedFilename()}».`, { exact: false })).toBeVisible()

  // The member opens it in «Revisión de paquete»: agenda, attachment, comments on two points and a general one.
  await page.getByRole('link', { name: 'Revisión de paquete', exact: true }).click()
  await openPacket(page, { name: packetFile.suggestedFilename(), bytes: packet })
  await expect(page.getByText('Paquete verificado · sólo lectura')).toBeVisible()
  const member = page.getByRole('list', { name: 'Orden del día del paquete' })
  const points = (await readDataFile(harness.dataFile)).sessions.find((session) => session.id === sessionId)?.agenda.length
  await expect(member.getByRole('article')).toHaveCount(points ?? -1)
  const memberItei = member.getByRole('article', { name: /^Punto \d+: Informe del ITEI/ })
  await expect(memberItei.getByText('verificación-ITEI-2026.txt')).toBeVisible()
  await expect(memberItei.getByRole('button', { name: 'Descargar «verificación-ITEI-2026.txt»' })).toBeVisible()
  const annual = member.getByRole('article', { name: /^Punto \d+: Aprobación del informe anual/ })

  await page.getByRole('button', { name: 'Exportar comentarios' }).click()
  await expect(page.getByText('Escriba su nombre: los comentarios se firman con el nombre de quien los escribe.')).toBeVisible()
  await page.getByRole('textbox', { name: 'Su nombre' }).fill('Mtra. Begoña Ibáñez Muñoz')
  await page.getByRole('button', { name: 'Exportar comentarios' }).click()
  await expect(page.getByText('Escriba al menos un comentario antes de exportar.')).toBeVisible()

  await annual.getByRole('textbox').fill('Propongo agregar un anexo con el estado de cumplimiento de cada acuerdo.')
  await memberItei.getByRole('textbox').fill('Solicito que el informe desglose los resultados por sujeto obligado.\nY que se publique en formato abierto.')
  await page.getByRole('textbox', { name: 'Comentario general' }).fill('Agradezco el envío anticipado de los documentos.')
  await expect(page.getByText('3 comentarios escritos')).toBeVisible()

  const commentsDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exportar comentarios' }).click()
  const commentsFile = await commentsDownload
  expect(commentsFile.suggestedFilename()).toMatch(/^comentarios-STL-SO\d+-\d{4}-Mtra-Begona-Ibanez-Munoz\.json$/)
  const comments = await bytesOf(commentsFile)
  const parsed = JSON.parse(comments.toString('utf8')) as { format: string; sessionId: string; author: string; comments: { itemId: string | null; text: string }[] }
  expect(parsed).toMatchObject({ format: 'secretariado-comentarios', sessionId, author: 'Mtra. Begoña Ibáñez Muñoz' })
  expect(parsed.comments).toHaveLength(3)
  await expect(page.getByRole('status').filter({ hasText: 'Comentarios exportados' })).toContainText(commentsFile.suggestedFilename())

  // Back in the secretary's session: «Comentarios» › «Importar comentarios».
  await harness.open(`#/sesiones/${sessionId}`)
  await page.getByRole('tab', { name: 'Comentarios' }).click()
  await expect(page.getByText('Aún no hay comentarios de integrantes')).toBeVisible()
  const importComments = async (file: { name: string; buffer: Buffer }) => {
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Importar comentarios' }).click()
    await (await chooser).setFiles({ ...file, mimeType: 'application/json' })
  }
  await importComments({ name: commentsFile.suggestedFilename(), buffer: comments })
  const dialog = page.getByRole('dialog', { name: 'Comentarios importados' })
  await expect(dialog.getByText('Se agregaron 3 comentarios.')).toBeVisible()
  await expect(dialog.getByRole('list', { name: 'Comentarios del archivo' }).getByText('Agregado', { exact: true })).toHaveCount(3)
  await dialog.getByRole('button', { name: 'Listo', exact: true }).click()

  const stored = (await readDataFile(harness.dataFile)).sessions.find((session) => session.id === sessionId)
  const agendaIds = new Map(stored?.agenda.map((item) => [item.title, item.id]))
  expect(stored?.comments.map((comment) => [comment.itemId, comment.author])).toEqual(
    expect.arrayContaining([
      [null, 'Mtra. Begoña Ibáñez Muñoz'],
      [[...agendaIds].find(([title]) => title.startsWith('Aprobación del informe anual'))?.[1], 'Mtra. Begoña Ibáñez Muñoz'],
      [[...agendaIds].find(([title]) => title.startsWith('Informe del ITEI'))?.[1], 'Mtra. Begoña Ibáñez Muñoz'],
    ]),
  )
  expect(stored?.comments).toHaveLength(3)

  // Each comment under its point, with its author.
  await expect(page.getByRole('tab', { name: 'Comentarios' })).toBeVisible()
  const iteiComments = page.getByRole('region', { name: /^Comentarios sobre el punto \d+$/ }).filter({ hasText: 'Informe del ITEI' })
  await expect(iteiComments).toContainText('Solicito que el informe desglose los resultados por sujeto obligado.')
  await expect(iteiComments).toContainText('Mtra. Begoña Ibáñez Muñoz')
  await expect(page.getByRole('region', { name: /^Comentarios sobre el punto \d+$/ }).filter({ hasText: 'Aprobación del informe anual' })).toContainText('Propongo agregar un anexo')
  await expect(page.getByRole('region', { name: 'Comentarios generales de la sesión' })).toContainText('Agradezco el envío anticipado de los documentos.')

  // The agenda marks the commented points.
  await page.getByRole('tab', { name: 'Orden del día' }).click()
  await expect(itei.getByRole('img', { name: '1 comentario de integrantes' })).toBeVisible()
  await page.getByRole('tab', { name: 'Comentarios' }).click()

  // Importing the same file again changes nothing, not even the data file's bytes.
  const before = await readFile(harness.dataFile)
  await importComments({ name: commentsFile.suggestedFilename(), buffer: comments })
  await expect(dialog.getByText('No se agregó ningún comentario nuevo; 3 ya estaban registrados.')).toBeVisible()
  await expect(dialog.getByText('Este archivo ya se había importado: nada cambió.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Listo', exact: true }).click()
  expect((await readFile(harness.dataFile)).equals(before)).toBe(true)

  // A comments file edited after export is refused with the core's message, and nothing changes.
  const edited = { ...JSON.parse(comments.toString('utf8')), packetManifestSha256: '0'.repeat(64) } as Record<string, unknown>
  await importComments({ name: 'comentarios-editado.json', buffer: Buffer.from(JSON.stringify(edited), 'utf8') })
  const refusal = page.getByRole('dialog', { name: 'No se importaron los comentarios' })
  await expect(refusal.getByRole('alert')).toContainText('comentarios-editado.json')
  await expect(refusal.getByRole('alert')).toContainText('El archivo de comentarios fue alterado')
  await expect(refusal.getByText('Nada cambió: los datos se conservan como estaban.')).toBeVisible()
  await refusal.getByRole('button', { name: 'Listo', exact: true }).click()
  expect((await readFile(harness.dataFile)).equals(before)).toBe(true)
})
