/**
 * Configuración end to end: a certificate authority imported from a file is
 * listed and kept in the data file, a signer's certificate is refused in
 * Spanish, removing asks first; and «Quién firma el acta» is saved.
 */
import forge from 'node-forge'
import { readDataFile } from '../../main/core/store/read-data-file'
import { makeIdentity } from '../unit/signature-fixtures'
import { expect, test } from './fixtures'

const authority = makeIdentity({ subject: [{ shortName: 'CN', value: 'Autoridad Certificadora de Pruebas', utf8: true }, { shortName: 'O', value: 'Pruebas' }], ca: true })
const person = makeIdentity({ subject: [{ shortName: 'CN', value: 'Jorge Alberto Peña Ruiz', utf8: true }], issuer: authority })

test('importa una autoridad de confianza, la lista, rechaza un certificado de persona y la quita', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/configuracion')
  const card = page.getByRole('region', { name: 'Autoridades de confianza' })
  await expect(card.getByText(/se informa como «confiable»/)).toBeVisible()
  await expect(card.getByText('Aún no hay autoridades de confianza.')).toBeVisible()

  const choose = async (name: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser')
    await card.getByRole('button', { name: 'Importar certificado…' }).click()
    await (await chooser).setFiles({ name, mimeType: 'application/x-pem-file', buffer })
  }

  await choose('autoridad.pem', Buffer.from(forge.pki.certificateToPem(authority.forgeCert)))
  await expect(page.getByText('Se agregó 1 autoridad de confianza.')).toBeVisible()
  const table = card.getByRole('table', { name: 'Autoridades de confianza' })
  const row = table.getByRole('row', { name: /Autoridad Certificadora de Pruebas/ })
  await expect(row).toBeVisible()
  const stored = (await readDataFile(harness.dataFile)).trustedAuthorities
  expect(stored.map((entry) => entry.name)).toEqual(['Autoridad Certificadora de Pruebas'])
  const fingerprint = stored[0]?.fingerprint ?? ''
  await expect(row.getByText(`${fingerprint.slice(0, 4).toUpperCase()} ${fingerprint.slice(4, 8).toUpperCase()}`, { exact: false })).toBeVisible()
  await expect(row.getByRole('button', { name: 'Copiar la huella SHA-256 completa de Autoridad Certificadora de Pruebas' })).toBeVisible()

  // A signer's own certificate is no authority: refused with the core's message, nothing added.
  await choose('persona.cer', person.certificate)
  await expect(page.getByText(/«persona\.cer» pertenece a «Jorge Alberto Peña Ruiz», que no es una autoridad certificadora/)).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(2)
  expect((await readDataFile(harness.dataFile)).trustedAuthorities).toHaveLength(1)

  // Removing asks first; cancelling keeps it.
  await row.getByRole('button', { name: 'Quitar Autoridad Certificadora de Pruebas' }).click()
  const dialog = page.getByRole('dialog', { name: '¿Quitar la autoridad «Autoridad Certificadora de Pruebas»?' })
  await expect(dialog.getByText(/dejarán de informarse como confiables/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancelar' }).click()
  await expect(dialog).toBeHidden()
  expect((await readDataFile(harness.dataFile)).trustedAuthorities).toHaveLength(1)

  await row.getByRole('button', { name: 'Quitar Autoridad Certificadora de Pruebas' }).click()
  await dialog.getByRole('button', { name: 'Quitar autoridad' }).click()
  await expect(page.getByText('Se quitó la autoridad «Autoridad Certificadora de Pruebas».')).toBeVisible()
  await expect(card.getByText('Aún no hay autoridades de confianza.')).toBeVisible()
  const data = await readDataFile(harness.dataFile)
  expect(data.trustedAuthorities).toEqual([])
  expect(data.audit.filter((entry) => entry.entity === 'configuracion').map((entry) => entry.action).slice(-2)).toEqual(['crear', 'eliminar'])
})

test('«Quién firma el acta» se guarda en la configuración', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/configuracion')
  const signers = page.getByRole('combobox', { name: 'Quién firma el acta' })
  await expect(signers).toHaveValue('Presidencia y Secretaría Técnica')
  await signers.click()
  await page.getByRole('option', { name: 'Todas las personas presentes con voto' }).click()
  await expect(page.getByText(/cada persona integrante con voto que asistió/)).toBeVisible()
  await page.getByRole('button', { name: 'Guardar' }).click()
  await expect(page.getByText('La configuración se guardó.')).toBeVisible()
  expect((await readDataFile(harness.dataFile)).settings.signatureSigners).toBe('presentes-con-voto')

  await harness.restart()
  await expect(page.getByRole('combobox', { name: 'Quién firma el acta' })).toHaveValue('Todas las personas presentes con voto')
})
