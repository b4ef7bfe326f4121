/**
 * The full backup end to end: created from Configuración as a download, shown
 * on its card, refused when damaged, and restored through the restore screen
 * with its confirmation; the app then shows the restored data.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Download, Page } from '@playwright/test'
import { buildFullBackup } from '../../main/core/backup/create'
import { readDataFile } from '../../main/core/store/read-data-file'
import { Store } from '../../main/core/store/store'
import { NOW, fixedClock } from '../support/clock'
import { expect, test } from './fixtures'

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path()
  return readFile(path)
}

async function pickArchive(page: Page, name: string, buffer: Buffer): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Restaurar un respaldo completo' })
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Elegir respaldo…' }).click()
  await (await chooser).setFiles({ name, mimeType: 'application/zip', buffer })
}

test('crea un respaldo completo, lo muestra y lo restaura con confirmación', async ({ harness }) => {
  const { page } = harness
  await harness.open('#/configuracion')
  const card = page.getByRole('region', { name: 'Respaldo completo' })
  await expect(card.getByText('Nunca se ha hecho un respaldo completo')).toBeVisible()
  await expect(card.getByRole('alert').filter({ hasText: 'Haga un respaldo completo' })).toBeVisible()

  const download = page.waitForEvent('download')
  await card.getByRole('button', { name: 'Crear respaldo completo' }).click()
  const saved = await download
  expect(saved.suggestedFilename()).toBe('respaldo-secretariado-2026-11-26.stlbak')
  const archive = await bytesOf(saved)
  expect(archive.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'))
  await expect(page.getByText(/Se creó el respaldo completo respaldo-secretariado-2026-11-26\.stlbak/)).toBeVisible()
  // The card now shows it, and the reminder is gone.
  await expect(card.getByText(/respaldo-secretariado-2026-11-26\.stlbak · /)).toBeVisible()
  await expect(card.getByText(/26 nov 2026, \d\d:\d\d · Hoy/)).toBeVisible()
  await expect(card.getByText('Haga un respaldo completo')).toBeHidden()
  const recorded = (await readDataFile(harness.dataFile)).lastFullBackup
  expect(recorded).toMatchObject({ fileName: 'respaldo-secretariado-2026-11-26.stlbak', bytes: archive.length })

  // A change made after the backup, which the restore takes back.
  const member = (await readDataFile(harness.dataFile)).members[0]
  if (!member) throw new Error('sin integrantes')
  await harness.store().update((draft) => {
    const target = draft.members.find((candidate) => candidate.id === member.id)
    if (target) target.fullName = 'Persona Temporal Posterior'
  })

  await card.getByRole('button', { name: 'Restaurar un respaldo…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restaurar un respaldo completo' })
  await expect(dialog.getByRole('button', { name: 'Restaurar', exact: true })).toBeDisabled()

  // A damaged copy is refused with the core's reason, and nothing can be restored from it.
  const damaged = Buffer.from(archive)
  const at = damaged.length - 400
  damaged[at] = (damaged[at] ?? 0) ^ 0xff
  await pickArchive(page, 'dañado.stlbak', damaged.subarray(0, damaged.length - 10))
  await expect(dialog.getByRole('alert').filter({ hasText: 'Este respaldo no se puede restaurar' })).toContainText(/respaldo está (incompleto|dañado)/)
  await expect(dialog.getByRole('button', { name: 'Restaurar', exact: true })).toBeDisabled()

  await pickArchive(page, 'respaldo-secretariado-2026-11-26.stlbak', archive)
  await expect(dialog.getByText('Respaldo verificado')).toBeVisible()
  await expect(dialog.getByText(/\d+ integrantes, 14 sesiones, \d+ acuerdos/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Restaurar', exact: true }).click()
  const confirm = dialog.getByRole('alertdialog', { name: '¿Reemplazar los datos actuales?' })
  await expect(confirm).toContainText(harness.dataFile)
  await expect(confirm).toContainText(/se moverán, sin borrarse, a una carpeta nueva «antes-de-restaurar-…» dentro de .*respaldos,/)
  // «Volver» keeps everything as it is.
  await dialog.getByRole('button', { name: 'Volver' }).click()
  await expect(confirm).toBeHidden()
  expect((await readDataFile(harness.dataFile)).members.find((candidate) => candidate.id === member.id)?.fullName).toBe('Persona Temporal Posterior')

  await dialog.getByRole('button', { name: 'Restaurar', exact: true }).click()
  await dialog.getByRole('button', { name: 'Sí, reemplazar y restaurar' }).click()
  await expect(page.getByText(/Se restauraron los datos del respaldo del 26 nov 2026.*Los datos anteriores quedaron en .*antes-de-restaurar-/)).toBeVisible()
  await expect(dialog).toBeHidden()

  // On disk: the restored data, and the replaced file kept aside.
  const data = await readDataFile(harness.dataFile)
  expect(data.members.find((candidate) => candidate.id === member.id)?.fullName).toBe(member.fullName)
  expect(data.audit.at(-1)).toMatchObject({ action: 'restaurar' })
  const aside = (await readdir(join(dirname(harness.dataFile), 'respaldos'))).filter((name) => name.startsWith('antes-de-restaurar-'))
  expect(aside).toHaveLength(1)
  const kept = await readDataFile(join(dirname(harness.dataFile), 'respaldos', aside[0] ?? '', 'secretariado.json'))
  expect(kept.members.find((candidate) => candidate.id === member.id)?.fullName).toBe('Persona Temporal Posterior')

  // And in the app: every screen reads the restored data.
  await page.getByRole('link', { name: 'Integrantes', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Integrantes' })).toBeVisible()
  await expect(page.getByText(member.fullName, { exact: true })).toBeVisible()
  await expect(page.getByText('Persona Temporal Posterior')).toHaveCount(0)
})

test.describe('en la pantalla de recuperación', () => {
  /** Made from the data file before it is damaged, as a USB drive would hold it. */
  let archive: Buffer = Buffer.alloc(0)
  test.use({
    prepare: {
      run: async (dataFile) => {
        const store = await Store.open({ dataFile, now: fixedClock() })
        await store.update((draft) => void (draft.settings.defaultVenue = 'Sala del respaldo'))
        archive = (await buildFullBackup(store, { now: NOW, appVersion: 'pruebas' })).bytes
        await store.close()
        const bytes = await readFile(dataFile)
        await writeFile(dataFile, bytes.subarray(0, bytes.length >> 1))
      },
    },
  })

  test('restaura un respaldo completo y la aplicación vuelve con sus datos', async ({ harness }) => {
    const { page } = harness
    await harness.open()
    await expect(page.getByRole('heading', { level: 1, name: 'Recuperación de datos' })).toBeVisible()
    const offer = page.getByRole('region', { name: 'Restaurar un respaldo completo' })
    await offer.getByRole('button', { name: 'Restaurar un respaldo…' }).click()
    await pickArchive(page, 'respaldo.stlbak', archive)
    const dialog = page.getByRole('dialog', { name: 'Restaurar un respaldo completo' })
    await expect(dialog.getByText('Respaldo verificado')).toBeVisible()
    await dialog.getByRole('button', { name: 'Restaurar', exact: true }).click()
    await dialog.getByRole('button', { name: 'Sí, reemplazar y restaurar' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
    const data = await readDataFile(harness.dataFile)
    expect(data.settings.defaultVenue).toBe('Sala del respaldo')
    expect(data.audit.at(-1)).toMatchObject({ action: 'restaurar' })
    // The damaged file was already set aside by the store; nothing of it was deleted.
    expect((await readdir(dirname(harness.dataFile))).some((name) => name.startsWith('secretariado.danado-'))).toBe(true)
  })
})
