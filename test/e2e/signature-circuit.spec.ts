/**
 * The signature circuit in the app: every signer signs on their own machine.
 * A concluded session's acta is sent for signature in the order chosen (the
 * session goes «en firma»); the secretary signs in place; the current file is
 * saved, opened on «Firmar acta recibida» as the next signer would on their
 * computer, signed there with a certificate in that member's name and saved;
 * received back on the session, the status table says who signed and the
 * session is «firmada». A file signed on an older revision is refused with
 * the core's message and nothing changes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Download, Locator, Page } from '@playwright/test'
import type { CircuitSignerView } from '../../main/core/contract/views'
import { readDataFile } from '../../main/core/store/read-data-file'
import { makeIdentity, makePkcs12 } from '../unit/signature-fixtures'
import { expect, test } from './fixtures'

const PASSWORD = 'clave-de-prueba-2026'

interface Circuit {
  id: string
  title: string
  chair: CircuitSignerView
  secretary: CircuitSignerView
}

/** The most recent concluded session and its expected signers, as the core lists them before the circuit starts. */
async function concludedSession(page: Page): Promise<Circuit> {
  const found = await page.evaluate(async () => {
    const sessions = await window.api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const session = sessions.value.filter((entry) => entry.status === 'concluida').sort((a, b) => b.date.localeCompare(a.date))[0]
    if (!session) throw new Error('sin sesión concluida')
    const circuit = await window.api.getSignatureCircuit({ sessionId: session.id })
    if (!circuit.ok) throw new Error(circuit.error.message)
    return { id: session.id, title: session.title, state: circuit.value.state, signers: circuit.value.signers }
  })
  expect(found.state).toBe('sin-iniciar')
  const chair = found.signers.find((signer) => signer.capacity === 'Presidencia')
  const secretary = found.signers.find((signer) => signer.capacity === 'Secretaría Técnica')
  if (!chair || !secretary) throw new Error('sin presidencia o secretaría técnica previstas')
  // The default order: the presidency first.
  expect(found.signers.map((signer) => signer.memberId)).toEqual([chair.memberId, secretary.memberId])
  return { id: found.id, title: found.title, chair, secretary }
}

/** A PKCS#12 made on the spot in a member's name, written to a temporary folder. */
async function withCertificates<T>(names: string[], run: (paths: string[]) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'secretariado-circuito-'))
  try {
    const paths: string[] = []
    for (const [index, name] of names.entries()) {
      const identity = makeIdentity({ subject: [{ shortName: 'CN', value: name, utf8: true }, { shortName: 'O', value: 'Secretariado Técnico Local', utf8: true }] })
      const path = join(folder, `firmante-${index + 1}.p12`)
      await writeFile(path, makePkcs12(identity, PASSWORD))
      paths.push(path)
    }
    return await run(paths)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile(await download.path())
}

async function chooseFile(page: Page, scope: Page | Locator, button: string, files: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await scope.getByRole('button', { name: button }).click()
  await (await chooser).setFiles(files)
}

async function checkCertificate(page: Page, scope: Page | Locator, p12Path: string, name: string): Promise<void> {
  await chooseFile(page, scope, 'Elegir archivo .p12 o .pfx', p12Path)
  await scope.getByLabel('Contraseña', { exact: true }).fill(PASSWORD)
  await scope.getByRole('button', { name: 'Verificar certificado' }).click()
  await expect(scope.getByRole('group', { name: 'Firmante' })).toContainText(name)
}

async function sessionOnDisk(dataFile: string, id: string) {
  const session = (await readDataFile(dataFile)).sessions.find((entry) => entry.id === id)
  if (!session) throw new Error('la sesión no está en el archivo de datos')
  return session
}

test('el acta viaja a cada firmante: enviar a firma, firmar aquí, firmar en otro equipo, recibirla y quedar firmada', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  const { id, chair, secretary } = await concludedSession(page)
  await withCertificates([secretary.name, chair.name], async ([secretaryP12, chairP12]) => {
    if (!secretaryP12 || !chairP12) throw new Error('sin certificados')
    await harness.open(`#/sesiones/${id}`)

    // «Enviar a firma»: the expected signers in order; the secretary moves up to sign first.
    await page.getByRole('button', { name: 'Enviar a firma' }).click()
    const send = page.getByRole('dialog', { name: 'Enviar el acta a firma' })
    const order = send.getByRole('list', { name: 'Orden de firma' }).getByRole('listitem')
    await expect(order).toHaveCount(2)
    await expect(order.nth(0)).toContainText(chair.name)
    await expect(order.nth(1)).toContainText(secretary.name)
    await expect(send.getByRole('button', { name: `Subir a ${chair.name}` })).toBeDisabled()
    await send.getByRole('button', { name: `Subir a ${secretary.name}` }).click()
    await expect(order.nth(0)).toContainText(secretary.name)
    await expect(order.nth(1)).toContainText(chair.name)
    // The focus follows the moved signer, now first: its «Bajar» button.
    await expect(send.getByRole('button', { name: `Bajar a ${secretary.name}` })).toBeFocused()
    await send.getByRole('button', { name: 'Enviar a firma' }).click()
    await expect(send).toBeHidden()

    // «En firma»: the session's badge, the circuit card, the secretary next.
    await expect(page.getByText('En firma', { exact: true }).first()).toBeVisible()
    const card = page.getByRole('region', { name: 'Circuito de firma' })
    const table = card.getByRole('table', { name: 'Estado de las firmas' })
    const secretaryRow = table.locator(`tr[data-signer="${secretary.memberId}"]`)
    const chairRow = table.locator(`tr[data-signer="${chair.memberId}"]`)
    await expect(table.locator('tbody tr').nth(0)).toContainText(secretary.name)
    await expect(secretaryRow).toContainText('Pendiente')
    await expect(secretaryRow).toContainText('Sigue')
    await expect(chairRow).not.toContainText('Sigue')
    await expect(card).toContainText('0 de 2 firmas')
    await expect(page.getByRole('button', { name: 'Enviar a firma' })).toHaveCount(0)
    const started = await sessionOnDisk(harness.dataFile, id)
    expect(started.status).toBe('en-firma')
    expect(started.signatureCircuit?.order).toEqual([secretary.memberId, chair.memberId])

    // The secretary signs here, in their own space.
    await card.getByRole('button', { name: 'Firmar acta' }).click()
    const dialog = page.getByRole('dialog', { name: 'Firmar el acta' })
    await expect(dialog.getByRole('img', { name: /^Página 1 de \d+ del acta$/ })).toBeVisible()
    await dialog.getByRole('combobox', { name: 'Firma en el espacio de' }).click()
    await page.getByRole('option', { name: `${secretary.name} · Secretaría Técnica` }).click()
    await checkCertificate(page, dialog, secretaryP12, secretary.name)
    await dialog.getByRole('button', { name: 'Firmar', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByText(`${secretary.name} firmó el acta`)).toBeVisible()
    await expect(secretaryRow).toContainText('Firmada')
    await expect(secretaryRow).not.toContainText('Sigue')
    await expect(chairRow).toContainText('Sigue')
    await expect(card).toContainText('1 de 2 firmas')
    expect((await sessionOnDisk(harness.dataFile, id)).status).toBe('en-firma')

    // The current file, saved to send to the chair.
    const saving = page.waitForEvent('download')
    await card.getByRole('button', { name: 'Guardar archivo actual' }).click()
    const current = await saving
    const currentBytes = await bytesOf(current)
    expect(currentBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    await expect(card.getByRole('group', { name: 'Archivo actual' })).toContainText(current.suggestedFilename())

    // On the chair's computer: «Firmar acta recibida».
    await page.getByRole('link', { name: 'Firmar acta recibida', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Firmar acta recibida' })).toBeVisible()
    await chooseFile(page, page, 'Elegir PDF recibido', { name: current.suggestedFilename(), mimeType: 'application/pdf', buffer: currentBytes })
    await expect(page.getByRole('img', { name: /^Página 1 de \d+ del acta$/ })).toBeVisible()
    const fields = page.getByRole('radiogroup', { name: 'Espacios de firma' })
    await expect(fields.locator(`[data-field="${secretary.field}"]`)).toContainText('Firmada')
    await expect(fields.locator(`[data-field="${chair.field}"]`)).toContainText('Pendiente')
    await expect(fields.locator(`[data-field="${secretary.field}"]`).getByRole('radio')).toBeDisabled()
    await expect(page.getByRole('table', { name: 'Firmas del documento' })).toContainText(secretary.name)
    const signButton = page.getByRole('button', { name: 'Firmar y guardar' })
    await expect(signButton).toBeDisabled()
    await fields.locator(`[data-field="${chair.field}"]`).getByRole('radio').check()
    await checkCertificate(page, page, chairP12, chair.name)
    const signing = page.waitForEvent('download')
    await signButton.click()
    const signedDownload = await signing
    const signed = await bytesOf(signedDownload)
    expect(signedDownload.suggestedFilename()).toMatch(/-firmada\.pdf$/)
    expect(signed.length).toBeGreaterThan(currentBytes.length)
    expect(signed.subarray(0, currentBytes.length).equals(currentBytes)).toBe(true)
    await expect(page.getByText('Acta firmada y guardada')).toBeVisible()
    // Nothing of the key stays: the certificate is asked for again, and the chair's space now shows signed.
    await expect(page.getByRole('group', { name: 'Firmante' })).toHaveCount(0)
    await expect(fields.locator(`[data-field="${chair.field}"]`)).toContainText('Firmada')
    // The signer's side stores nothing.
    expect((await sessionOnDisk(harness.dataFile, id)).signatureCircuit?.revisions).toHaveLength(2)

    // Back at the secretary's: the signed file is received; everyone signed, the session is «firmada».
    await harness.open(`#/sesiones/${id}`)
    await chooseFile(page, card, 'Recibir acta firmada', { name: signedDownload.suggestedFilename(), mimeType: 'application/pdf', buffer: signed })
    await expect(page.getByText(`Se recibió la firma de ${chair.name}. Ya firmaron todos: el acta quedó firmada.`)).toBeVisible()
    await expect(chairRow).toContainText('Firmada')
    await expect(chairRow).toContainText(chair.name)
    await expect(table.locator('tr[data-next]')).toHaveCount(0)
    await expect(card).toContainText('2 de 2 firmas')
    await expect(card.getByRole('button', { name: 'Recibir acta firmada' })).toHaveCount(0)
    await expect(page.getByText('Firmada', { exact: true }).first()).toBeVisible()
    await expect(page.getByRole('region', { name: 'Acta firmada' })).toBeVisible()
    const done = await sessionOnDisk(harness.dataFile, id)
    expect(done.status).toBe('firmada')
    expect(done.signedActa?.signers.map((entry) => entry.memberId)).toEqual([secretary.memberId, chair.memberId])
  })
})

test('un acta firmada sobre una versión anterior se rechaza con el mensaje del núcleo y nada cambia', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/sesiones')
  const { id, chair, secretary } = await concludedSession(page)
  await withCertificates([secretary.name, chair.name], async ([secretaryP12, chairP12]) => {
    if (!secretaryP12 || !chairP12) throw new Error('sin certificados')
    const secretaryBase64 = (await readFile(secretaryP12)).toString('base64')
    const chairBase64 = (await readFile(chairP12)).toString('base64')
    // Set up through the bridge: sent for signature in the default order, the first file taken, then the secretary signs here.
    const older = await page.evaluate(
      async ({ sessionId, secretaryId, p12, password }) => {
        const started = await window.api.startSignatureCircuit({ sessionId, order: null })
        if (!started.ok) throw new Error(started.error.message)
        const first = await window.api.getCurrentActa({ sessionId })
        if (!first.ok) throw new Error(first.error.message)
        const prepared = await window.api.prepareActaSigning({ sessionId })
        if (!prepared.ok) throw new Error(prepared.error.message)
        const signed = await window.api.signActa({ sessionId, credentials: { kind: 'p12', p12Base64: p12, password }, expectedSha256: prepared.value.sha256, signerId: secretaryId, reason: 'Firma del acta de la sesión', location: 'Guadalajara, Jalisco' })
        if (!signed.ok) throw new Error(signed.error.message)
        return first.value
      },
      { sessionId: id, secretaryId: secretary.memberId, p12: secretaryBase64, password: PASSWORD },
    )
    // The chair signed the first file, not the current one.
    const late = await page.evaluate(
      async ({ file, field, p12, password }) => {
        const opened = await window.api.openActaForSigning({ fileName: file.fileName, contentBase64: file.contentBase64 })
        if (!opened.ok) throw new Error(opened.error.message)
        const signed = await window.api.signActaFile({ fileName: file.fileName, contentBase64: file.contentBase64, expectedSha256: opened.value.sha256, field, credentials: { kind: 'p12', p12Base64: p12, password }, reason: 'Firma del acta de la sesión', location: 'Guadalajara, Jalisco' })
        if (!signed.ok) throw new Error(signed.error.message)
        return signed.value
      },
      { file: older, field: chair.field, p12: chairBase64, password: PASSWORD },
    )

    await harness.open(`#/sesiones/${id}`)
    const card = page.getByRole('region', { name: 'Circuito de firma' })
    const table = card.getByRole('table', { name: 'Estado de las firmas' })
    const chairRow = table.locator(`tr[data-signer="${chair.memberId}"]`)
    await expect(chairRow).toContainText('Pendiente')
    await expect(chairRow).toContainText('Sigue')
    await expect(card).toContainText('1 de 2 firmas')
    const before = await readDataFile(harness.dataFile)

    await chooseFile(page, card, 'Recibir acta firmada', { name: late.fileName, mimeType: 'application/pdf', buffer: Buffer.from(late.contentBase64, 'base64') })
    const refusal = card.getByRole('alert')
    await expect(refusal).toContainText(`No se recibió «${late.fileName}»`)
    await expect(refusal).toContainText(`La firma se hizo sobre una versión anterior del acta: después firmó ${secretary.name}.`)
    await expect(refusal).toContainText('No se recibió nada.')

    // Nothing changed: the table, the session's state and the data file.
    await expect(chairRow).toContainText('Pendiente')
    await expect(chairRow).toContainText('Sigue')
    await expect(card).toContainText('1 de 2 firmas')
    await expect(page.getByText('En firma', { exact: true }).first()).toBeVisible()
    const after = await readDataFile(harness.dataFile)
    expect(after.sessions.find((entry) => entry.id === id)).toEqual(before.sessions.find((entry) => entry.id === id))
    expect(after.audit.length).toBe(before.audit.length)

    // The refusal can be dismissed.
    await refusal.getByRole('button', { name: 'Cerrar' }).click()
    await expect(card.getByRole('alert')).toHaveCount(0)
  })
})

test('el RFC y la CURP de una integrante se escriben en mayúsculas, se validan como en el núcleo y se muestran en la lista', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/integrantes')
  await page.getByRole('button', { name: 'Nuevo integrante' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nuevo integrante' })
  await dialog.getByLabel('Nombre completo').fill('Mtra. Laura Gómez Arellano')
  await dialog.getByLabel('Institución').fill('Colectivo Ciudadano de Prueba')
  await dialog.getByRole('combobox', { name: 'Sector' }).click()
  await page.getByRole('option', { name: 'Sociedad civil' }).click()
  const rfc = dialog.getByRole('textbox', { name: 'RFC' })
  const curp = dialog.getByRole('textbox', { name: 'CURP' })
  await rfc.fill('goma80')
  await expect(rfc).toHaveValue('GOMA80')
  await curp.fill('goma800101mjcrrn09')
  await expect(curp).toHaveValue('GOMA800101MJCRRN09')
  await dialog.getByRole('button', { name: 'Registrar integrante' }).click()
  await expect(dialog.getByText('RFC no válido: 12 o 13 caracteres, como GOMA800101AB1')).toBeVisible()
  expect((await readDataFile(harness.dataFile)).members.some((member) => member.fullName === 'Mtra. Laura Gómez Arellano')).toBe(false)

  await rfc.fill('goma800101ab1')
  await dialog.getByRole('button', { name: 'Registrar integrante' }).click()
  await expect(page.getByText('Se registró a Mtra. Laura Gómez Arellano.')).toBeVisible()
  expect((await readDataFile(harness.dataFile)).members.find((member) => member.fullName === 'Mtra. Laura Gómez Arellano')).toMatchObject({ rfc: 'GOMA800101AB1', curp: 'GOMA800101MJCRRN09' })
  await page.getByRole('searchbox', { name: 'Buscar integrante' }).fill('GOMA800101AB1')
  const row = page.getByRole('row', { name: /Mtra\. Laura Gómez Arellano/ })
  await expect(row).toContainText('RFC GOMA800101AB1 · CURP GOMA800101MJCRRN09')
})
