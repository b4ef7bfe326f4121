/**
 * `npm run screenshots`: PNGs of the main screens, with demo data, written to
 * docs/screenshots/. Skipped in the normal test run.
 */
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { TODAY } from '../support/clock'
import { expect, test } from './fixtures'
import { startLiveSession } from './live-session'
import { mkdtemp as makeTempFolder, readFile as readBytes, rm as removeFolder, writeFile as writeBytes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join as joinPath } from 'node:path'
import { serializeData as serializeDocumentsData } from '../../main/core/store/data-format'
import { largeActaData } from '../unit/documents-helpers'
import { makeIdentity, makePkcs12, makeSatKey, satIssuer, satPersonSubject, satSerial } from '../unit/signature-fixtures'

const OUT = resolve(__dirname, '../../docs/screenshots')

test.skip(!process.env.SCREENSHOTS, 'Sólo con `npm run screenshots`.')
test.use({ demo: { sessions: 14, seed: 7 } })

function shooter(page: Page) {
  return async (name: string): Promise<void> => {
    await page.waitForLoadState('networkidle')
    await page.evaluate(() => document.fonts.ready)
    // Dialogs and dropdowns fade in: wait for every transition to finish.
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))))
    await page.waitForTimeout(50)
    // Notifications belong to a moment, not to the screen.
    await page.screenshot({ path: `${OUT}/${name}.png`, style: '.mantine-Notifications-root { visibility: hidden !important; }' })
  }
}

test('pantallas principales', async ({ harness }) => {
  const { page } = harness
  const shot = shooter(page)
  await harness.open()
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  await shot('01-sesiones')

  await page.getByText(/Sesión Ordinaria \d{4}/).nth(2).click()
  await expect(page.getByRole('tab', { name: /Orden del día/ })).toBeVisible()
  await shot('02-sesion-orden-del-dia')
  await page.getByRole('tab', { name: /Pase de lista/ }).click()
  await shot('03-sesion-asistencia')
  await page.getByRole('tab', { name: /Acuerdos/ }).click()
  await shot('04-sesion-acuerdos')

  for (const [link, heading, name] of [
    ['Integrantes', 'Integrantes', '05-integrantes'],
    ['Acuerdos', 'Acuerdos', '06-acuerdos'],
    ['Plan de Acción', 'Plan de Acción', '07-plan-de-accion'],
    ['Configuración', 'Configuración', '08-configuracion'],
  ] as const) {
    await page.getByRole('link', { name: link, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await shot(name)
  }

  await page.getByRole('link', { name: 'Integrantes', exact: true }).click()
  await page.getByRole('button', { name: 'Nuevo integrante' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await shot('09-nuevo-integrante')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Importar CSV' }).click()
  const importDialog = page.getByRole('dialog', { name: 'Importar integrantes desde CSV' })
  const csv = [
    'nombre,cargo,institucion,sector,municipio,caracter,suple_a,participacion,correo,telefono',
    'Mtra. Rebeca Ortiz Lomelí,Directora,Colectivo Datos Jalisco,sociedad civil,,titular,,voz y voto,rebeca.ortiz@example.org,33 3614 2200',
    'Ing. Luz Ramos Peña,Analista,Colectivo Datos Jalisco,sociedad civil,,suplente,Mtra. Rebeca Ortiz Lomelí,voz y voto,luz.ramos@example.org,',
    'Lic. Tomás Ibarra Cuevas,Regidor,Ayuntamiento de Ameca,ayuntamiento,Ameca,titular,,voz y voto,,',
    'Dra. Elena Cortés Villa,Investigadora,Universidad de Guadalajara,academia,,titular,,voz,elena.cortes@correo,',
  ].join('\n')
  await importDialog.locator('input[type=file]').setInputFiles({ name: 'integrantes-2027.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
  await expect(importDialog.getByText('No se importó nada')).toBeVisible()
  await shot('10-importar-integrantes-csv')
  await page.keyboard.press('Escape')

  await page.getByRole('link', { name: 'Sesiones', exact: true }).click()
  await page.getByRole('button', { name: 'Nueva sesión' }).click()
  const form = page.getByRole('dialog', { name: 'Nueva sesión' })
  await form.getByRole('textbox', { name: 'Sede' }).fill('Casa Jalisco, Guadalajara, Jal.')
  await form.getByRole('combobox', { name: 'Coordinación' }).fill('Peña Robles')
  await page.getByRole('option').first().click()
  await form.getByRole('combobox', { name: 'Secretaría técnica' }).fill('Aceves')
  await page.getByRole('option').first().click()
  await shot('11-nueva-sesion')
})

test('una sesión de principio a fin', async ({ harness }) => {
  const { page } = harness
  const shot = shooter(page)
  // Taller than the other screenshots: the meeting screens are read as a whole.
  await page.setViewportSize({ width: 1440, height: 1200 })
  const scrollToTabs = () => page.getByRole('tablist').evaluate((tabs) => window.scrollTo({ top: tabs.getBoundingClientRect().top + window.scrollY - 84 }))
  await harness.open('#/sesiones')

  // The convened session of the demo, with sub-items and a document, in the agenda builder.
  const upcoming = await page.evaluate(async () => {
    const api = window.api
    const sessions = await api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const summary = sessions.value.find((session) => session.status === 'convocada')
    if (!summary) throw new Error('sin sesión convocada')
    const detail = await api.getSession({ id: summary.id })
    if (!detail.ok) throw new Error(detail.error.message)
    const itei = detail.value.session.agenda.find((item) => item.title.startsWith('Informe del ITEI'))
    if (itei) {
      for (const [title, minutes] of [
        ['Resultados de la verificación a los sujetos obligados del Poder Ejecutivo', 8],
        ['Resultados de la verificación a los ayuntamientos del Área Metropolitana de Guadalajara', 10],
      ] as const) {
        await api.addAgendaItem({ sessionId: summary.id, parentId: itei.id, title, type: 'informativo', presenter: 'Lic. Martha Elena Fajardo Ibarra', minutes })
      }
      const text = 'Informe de verificación de obligaciones de transparencia 2026\n'.repeat(900)
      await api.addAttachment({ sessionId: summary.id, itemId: itei.id, fileName: 'informe-verificacion-itei-2026.pdf', contentBase64: btoa(text) })
    }
    const annual = detail.value.session.agenda.find((item) => item.title.startsWith('Aprobación del informe anual'))
    if (annual) {
      const text = 'Informe anual de actividades del Secretariado Técnico Local 2026\n'.repeat(2400)
      await api.addAttachment({ sessionId: summary.id, itemId: annual.id, fileName: 'informe-anual-STL-2026.docx', contentBase64: btoa(text) })
    }
    return summary.id
  })
  await harness.open(`#/sesiones/${upcoming}`)
  await expect(page.getByRole('list', { name: 'Orden del día' })).toBeVisible()
  await page.getByLabel(/^Punto 6: Informe del ITEI/).focus()
  await page.mouse.move(0, 0)
  await scrollToTabs()
  await shot('12-orden-del-dia-editor')

  // Start it and take the roll through the bridge, as a secretary would have by now.
  await page.getByRole('button', { name: 'Iniciar sesión' }).click()
  await page.getByRole('dialog', { name: 'Iniciar la sesión' }).getByRole('button', { name: 'Iniciar sesión' }).click()
  await expect(page.getByText('En curso', { exact: true })).toBeVisible()
  await page.evaluate(async (sessionId) => {
    const api = window.api
    const detail = await api.getSession({ id: sessionId })
    if (!detail.ok) throw new Error(detail.error.message)
    let titular = 0
    for (const entry of detail.value.roster) {
      // Suplentes attend through their titular's row.
      if (entry.role === 'suplente') continue
      titular++
      const arrivedAt = `09:${String(48 + (titular % 12)).padStart(2, '0')}`
      const substitute = entry.substitutes[0]
      if (titular === 3 && substitute) await api.setAttendance({ sessionId, memberId: entry.memberId, status: 'suplente', substituteId: substitute.id, arrivedAt, leftAt: null })
      else if (titular === 5 || titular === 9) await api.setAttendance({ sessionId, memberId: entry.memberId, status: 'justificada', substituteId: null, arrivedAt: null, leftAt: null })
      else if (titular !== 7 && titular !== 12 && titular !== 15) await api.setAttendance({ sessionId, memberId: entry.memberId, status: 'presente', substituteId: null, arrivedAt, leftAt: null })
    }
  }, upcoming)
  await page.reload()
  await page.getByRole('tab', { name: 'Pase de lista' }).click()
  await expect(page.getByText('Hay quórum', { exact: true })).toBeVisible()
  await page.locator('tr[data-member]').nth(2).focus()
  await scrollToTabs()
  await shot('13-pase-de-lista-quorum')
  await page.getByRole('button', { name: 'Declarar quórum' }).click()
  await expect(page.getByText(/^Declarada a las/)).toBeVisible()

  // Live minutes: notes, an intervention and an agreement on item 5.
  await page.getByRole('link', { name: 'Continuar en la minuta en vivo' }).click()
  await expect(page.getByRole('heading', { level: 2, name: /Lista de asistencia/ })).toBeVisible()
  for (const handled of [1, 2, 3, 4]) {
    await page.keyboard.press('Alt+t')
    await expect(page.getByText(`${handled} de 11 atendidos`)).toBeVisible()
    await page.keyboard.press('Alt+ArrowDown')
  }
  await expect(page.getByRole('heading', { level: 2, name: /Aprobación del informe anual/ })).toBeVisible()
  await page.keyboard.press('Alt+n')
  await page.keyboard.type(
    'El Dr. Salvador Peña Robles presentó el informe anual de actividades del Secretariado Técnico Local 2026: cuatro sesiones ordinarias y una extraordinaria, 23 acuerdos adoptados y el avance de los compromisos del Plan de Acción Local.\n\nLa representación del ITEI pidió incluir un anexo con el estado de cumplimiento de cada acuerdo. La Coordinación sometió el informe a votación con esa adición.',
  )
  await expect(page.getByText(/^Guardado a las/)).toBeVisible()
  await page.getByRole('combobox', { name: 'Integrante' }).fill('Fajardo')
  await page.getByRole('option').first().click()
  await page.getByRole('textbox', { name: 'Resumen de la intervención' }).fill('Propone anexar el estado de cumplimiento de cada acuerdo.')
  await page.getByRole('button', { name: 'Agregar intervención' }).click()
  await page.keyboard.press('Alt+r')

  await page.keyboard.press('Alt+a')
  const dialog = page.getByRole('dialog', { name: /Registrar acuerdo/ })
  await dialog.getByRole('textbox', { name: 'Texto del acuerdo' }).fill(
    'Se aprueba el informe anual de actividades del Secretariado Técnico Local 2026, con la adición de un anexo sobre el estado de cumplimiento de cada acuerdo, y se instruye a la Secretaría Técnica su publicación en formatos abiertos.',
  )
  const voters = Number((await dialog.getByText(/integrantes con voto presentes$/).textContent())?.match(/\d+/)?.[0] ?? '0')
  await dialog.getByRole('textbox', { name: 'A favor' }).fill(String(voters - 2))
  await dialog.getByRole('textbox', { name: 'En contra' }).fill('1')
  await dialog.getByRole('textbox', { name: 'Abstenciones' }).fill('1')
  await dialog.getByRole('combobox', { name: 'Integrantes responsables' }).fill('Peña')
  await page.getByRole('option').first().click()
  await dialog.getByRole('combobox', { name: 'Instituciones responsables' }).fill('Coordinación General de Transparencia')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await dialog.getByRole('combobox', { name: 'Compromiso del Plan de Acción' }).click()
  await page.getByRole('option').first().click()
  await dialog.getByRole('textbox', { name: 'Texto del acuerdo' }).click()
  await shot('14-registrar-acuerdo')
  await dialog.getByRole('button', { name: 'Registrar acuerdo' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('[data-agreement]')).toHaveCount(1)
  await page.waitForTimeout(2200)
  await page.getByRole('textbox', { name: 'Desarrollo del punto' }).focus()
  await page.mouse.move(0, 0)
  await page.evaluate(() => window.scrollTo({ top: 0 }))
  await shot('15-minuta-en-vivo')
})

test.describe('documentos y firmas', () => {
  // The large session of the document tests (40 items, 60 members, 30 agreements): its acta takes long enough to show the progress.
  test.use({
    prepare: {
      run: async (dataFile) => {
        await writeBytes(dataFile, serializeDocumentsData(largeActaData().data))
      },
    },
  })

  test('acta, firma, sesión bloqueada y verificación', async ({ harness }) => {
    const { page } = harness
    const shot = shooter(page)
    const folder = await makeTempFolder(joinPath(tmpdir(), 'secretariado-capturas-'))
    try {
      const issuer = satIssuer()
      const efirma = makeIdentity({ subject: satPersonSubject('GABRIELA ACEVES MUÑOZ', 'AEMG800101AB1', 'AEMG800101MJCCXB09'), issuer, serialHex: satSerial('00001000000512345678') })
      await writeBytes(joinPath(folder, 'aceves.cer'), efirma.certificate)
      await writeBytes(joinPath(folder, 'Claveprivada_FIEL_AEMG800101AB1.key'), makeSatKey(efirma, 'clave-fiel'))
      const second = makeIdentity({ subject: [{ shortName: 'CN', value: 'Dr. Salvador Peña Robles', utf8: true }, { shortName: 'O', value: 'Secretariado Técnico Local', utf8: true }] })
      await writeBytes(joinPath(folder, 'pena-robles.p12'), makePkcs12(second, 'clave-p12'))

      const sessionId = largeActaData().sessionId
      await harness.open(`#/sesiones/${sessionId}`)
      await expect(page.getByRole('button', { name: 'Firmar acta' })).toBeVisible()

      await page.getByRole('button', { name: 'Acta (PDF)' }).click()
      const documentDialog = page.getByRole('dialog', { name: 'Acta de la sesión' })
      const bar = documentDialog.getByRole('progressbar')
      await expect.poll(async () => Number((await bar.getAttribute('aria-valuenow').catch(() => '0')) ?? '0'), { intervals: [20] }).toBeGreaterThanOrEqual(25)
      await page.screenshot({ path: `${OUT}/30-acta-generando.png` })
      await expect(documentDialog.getByText('Documento listo')).toBeVisible({ timeout: 30_000 })
      await shot('31-acta-lista')
      await page.keyboard.press('Escape')
      await expect(documentDialog).toBeHidden()

      // An e.firma: RFC and CURP are shown before signing.
      await page.getByRole('button', { name: 'Firmar acta' }).click()
      const dialog = page.getByRole('dialog', { name: 'Firmar el acta' })
      await expect(dialog.getByRole('img', { name: /^Página 1 de \d+ del acta$/ })).toBeVisible({ timeout: 30_000 })
      await dialog.getByText('e.firma del SAT (.cer y .key)').click()
      for (const [button, file] of [
        ['Elegir certificado .cer', 'aceves.cer'],
        ['Elegir llave privada .key', 'Claveprivada_FIEL_AEMG800101AB1.key'],
      ] as const) {
        const chooser = page.waitForEvent('filechooser')
        await dialog.getByRole('button', { name: button }).click()
        await (await chooser).setFiles(joinPath(folder, file))
      }
      await dialog.getByLabel('Contraseña', { exact: true }).fill('clave-fiel')
      await dialog.getByRole('button', { name: 'Verificar certificado' }).click()
      await expect(dialog.getByRole('group', { name: 'Firmante' })).toContainText('AEMG800101AB1')
      await dialog.getByRole('button', { name: 'Firmar', exact: true }).focus()
      await shot('32-firmar-acta')
      // The preview at the «Firmas» page: the reserved signature spaces of what is about to be signed.
      await dialog.getByRole('button', { name: 'Ir a la página de firmas' }).click()
      await expect(dialog.getByRole('img', { name: /^Página (\d+) de \1 del acta$/ })).toBeInViewport()
      await shot('32-vista-previa-firma')
      await dialog.getByRole('button', { name: 'Firmar', exact: true }).click()
      await expect(dialog).toBeHidden({ timeout: 30_000 })

      // A second signer with a .p12.
      await page.getByRole('button', { name: 'Agregar firmante' }).click()
      const more = page.getByRole('dialog', { name: 'Agregar una firma al acta' })
      const chooser = page.waitForEvent('filechooser')
      await more.getByRole('button', { name: 'Elegir archivo .p12 o .pfx' }).click()
      await (await chooser).setFiles(joinPath(folder, 'pena-robles.p12'))
      await more.getByLabel('Contraseña', { exact: true }).fill('clave-p12')
      await more.getByRole('button', { name: 'Verificar certificado' }).click()
      await expect(more.getByRole('group', { name: 'Firmante' })).toContainText('Peña Robles')
      // His name matches no pending space: he signs in the chair's.
      await more.getByRole('combobox', { name: 'Firma en el espacio de' }).click()
      await page.getByRole('option', { name: /· Presidencia$/ }).click()
      await more.getByRole('button', { name: 'Firmar', exact: true }).click()
      await expect(more).toBeHidden({ timeout: 30_000 })

      await page.getByRole('button', { name: 'Agregar fe de erratas' }).click()
      await page
        .getByRole('textbox', { name: 'Texto de la fe de erratas' })
        .fill('En el punto 5, donde dice «Ayuntamiento de Tonalá» debe decir «Ayuntamiento de San Pedro Tlaquepaque».')
      await page.getByRole('button', { name: 'Registrar fe de erratas' }).click()
      await expect(page.getByRole('list', { name: 'Fe de erratas registradas' })).toBeVisible()
      await page.mouse.move(0, 0)
      await page.evaluate(() => window.scrollTo({ top: 0 }))
      await shot('33-sesion-firmada')

      await page.getByRole('button', { name: 'Verificar acta' }).click()
      const table = page.getByRole('table', { name: 'Firmas del documento' })
      await expect(table).toBeVisible()
      await expect(page.getByRole('heading', { name: 'Verificación del acta firmada' })).toBeFocused()
      await page.evaluate(() => {
        document.getElementById('verificacion-acta')?.scrollIntoView({ block: 'start' })
        window.scrollBy({ top: -90 })
      })
      await shot('34-verificacion-firmas')

      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Descargar acta firmada' }).click()
      const signed = await (await download).path()
      await page.getByRole('link', { name: 'Verificar PDF', exact: true }).click()
      const pick = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: 'Elegir PDF' }).click()
      await (await pick).setFiles({ name: 'acta-firmada-STL-SO10-2026.pdf', mimeType: 'application/pdf', buffer: await readBytes(signed) })
      await expect(page.getByRole('table', { name: 'Firmas del documento' })).toBeVisible()
      await shot('35-verificar-pdf')
    } finally {
      await removeFolder(folder, { recursive: true, force: true })
    }
  })
})

test('circuito de firma: el estado de las firmas y la vista del firmante', async ({ harness }) => {
  const { page } = harness
  const shot = shooter(page)
  const folder = await makeTempFolder(joinPath(tmpdir(), 'secretariado-capturas-circuito-'))
  try {
    await harness.open('#/sesiones')
    const { sessionId, chair, secretary } = await page.evaluate(async () => {
      const sessions = await window.api.listSessions()
      if (!sessions.ok) throw new Error(sessions.error.message)
      const session = sessions.value.filter((entry) => entry.status === 'concluida').sort((a, b) => b.date.localeCompare(a.date))[0]
      if (!session) throw new Error('sin sesión concluida')
      const circuit = await window.api.getSignatureCircuit({ sessionId: session.id })
      if (!circuit.ok) throw new Error(circuit.error.message)
      const find = (capacity: string) => {
        const found = circuit.value.signers.find((signer) => signer.capacity === capacity)
        if (!found) throw new Error(`sin ${capacity}`)
        return found
      }
      return { sessionId: session.id, chair: find('Presidencia'), secretary: find('Secretaría Técnica') }
    })
    // The secretary signs with a .p12; the chair, on their own computer, with an e.firma (RFC and CURP shown before signing).
    const secretaryP12 = makePkcs12(makeIdentity({ subject: [{ shortName: 'CN', value: secretary.name, utf8: true }, { shortName: 'O', value: 'Secretariado Técnico Local', utf8: true }] }), 'clave-p12')
    const issuer = satIssuer()
    const efirma = makeIdentity({ subject: satPersonSubject(chair.name.replace(/^(Lic|Licda|Mtra|Mtro|Dra|Dr|Ing)\.\s+/, '').toUpperCase(), 'PERS700101AB1', 'PERS700101HJCXXL01'), issuer, serialHex: satSerial('00001000000598765432') })
    await writeBytes(joinPath(folder, 'presidencia.cer'), efirma.certificate)
    await writeBytes(joinPath(folder, 'Claveprivada_FIEL_PERS700101AB1.key'), makeSatKey(efirma, 'clave-fiel'))

    // Sent for signature with the secretary first, who signs here.
    await page.evaluate(
      async ({ id, order, secretaryId, p12 }) => {
        const started = await window.api.startSignatureCircuit({ sessionId: id, order })
        if (!started.ok) throw new Error(started.error.message)
        const prepared = await window.api.prepareActaSigning({ sessionId: id })
        if (!prepared.ok) throw new Error(prepared.error.message)
        const signed = await window.api.signActa({ sessionId: id, credentials: { kind: 'p12', p12Base64: p12, password: 'clave-p12' }, expectedSha256: prepared.value.sha256, signerId: secretaryId, reason: 'Firma del acta de la sesión', location: 'Guadalajara, Jalisco' })
        if (!signed.ok) throw new Error(signed.error.message)
      },
      { id: sessionId, order: [secretary.memberId, chair.memberId], secretaryId: secretary.memberId, p12: secretaryP12.toString('base64') },
    )
    // Taller than the other screenshots: the session's header, «En firma», and the whole card.
    await page.setViewportSize({ width: 1440, height: 1040 })
    await harness.open(`#/sesiones/${sessionId}`)
    const card = page.getByRole('region', { name: 'Circuito de firma' })
    await expect(card.locator(`tr[data-signer="${chair.memberId}"]`)).toContainText('Sigue')
    await page.mouse.move(0, 0)
    await shot('36-circuito-firma')

    // The current file, saved and opened on the chair's computer.
    const saving = page.waitForEvent('download')
    await card.getByRole('button', { name: 'Guardar archivo actual' }).click()
    const current = await saving
    await page.setViewportSize({ width: 1440, height: 1260 })
    await page.getByRole('link', { name: 'Firmar acta recibida', exact: true }).click()
    const pick = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Elegir PDF recibido' }).click()
    await (await pick).setFiles({ name: current.suggestedFilename(), mimeType: 'application/pdf', buffer: await readBytes(await current.path()) })
    await expect(page.getByRole('img', { name: /^Página 1 de \d+ del acta$/ })).toBeVisible()
    await page.getByRole('radiogroup', { name: 'Espacios de firma' }).locator(`[data-field="${chair.field}"]`).getByRole('radio').check()
    await page.getByText('e.firma del SAT (.cer y .key)').click()
    for (const [button, file] of [
      ['Elegir certificado .cer', 'presidencia.cer'],
      ['Elegir llave privada .key', 'Claveprivada_FIEL_PERS700101AB1.key'],
    ] as const) {
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: button }).click()
      await (await chooser).setFiles(joinPath(folder, file))
    }
    await page.getByLabel('Contraseña', { exact: true }).fill('clave-fiel')
    await page.getByRole('button', { name: 'Verificar certificado' }).click()
    await expect(page.getByRole('group', { name: 'Firmante' })).toContainText('PERS700101HJCXXL01')
    await page.getByRole('button', { name: 'Ir a la página de firmas' }).click()
    await expect(page.getByRole('img', { name: /^Página (\d+) de \1 del acta$/ })).toBeInViewport()
    await page.getByRole('button', { name: 'Firmar y guardar' }).focus()
    await page.evaluate(() => window.scrollTo({ top: 0 }))
    await shot('37-firmar-acta-recibida')
  } finally {
    await removeFolder(folder, { recursive: true, force: true })
  }
})

test('seguimiento, plan, tablero, búsqueda y bitácora', async ({ harness }) => {
  const { page } = harness
  const shot = shooter(page)

  // Acuerdos: only the overdue ones, then one agreement with its follow-up history.
  await harness.open('#/acuerdos?vencidos=1')
  await expect(page.getByRole('heading', { level: 1, name: 'Acuerdos' })).toBeVisible()
  await page.mouse.move(0, 0)
  await shot('20-acuerdos-vencidos')
  const withHistory = await page.evaluate(async () => {
    const rows = await window.api.listAgreements()
    if (!rows.ok) throw new Error(rows.error.message)
    return [...rows.value].sort((a, b) => b.followUps.length - a.followUps.length)[0]?.key ?? ''
  })
  await harness.open(`#/acuerdos?q=${withHistory}`)
  await page.getByRole('button', { name: `Abrir el acuerdo ${withHistory}` }).click()
  const drawer = page.getByRole('dialog', { name: new RegExp(withHistory) })
  await expect(drawer.getByText('Historial de seguimiento')).toBeVisible()
  await page.waitForTimeout(300)
  await shot('21-acuerdo-seguimiento')
  await page.keyboard.press('Escape')

  // Plan de Acción: the commitment with an overdue milestone, its milestones open, and the milestone editor.
  const commitmentId = await page.evaluate(async () => {
    const overview = await window.api.getPlanOverview()
    if (!overview.ok) throw new Error(overview.error.message)
    return (overview.value.commitments.find((c) => c.milestones.some((m) => m.overdue)) ?? overview.value.commitments[0])?.id ?? ''
  })
  await harness.open(`#/plan-de-accion?compromiso=${commitmentId}`)
  await expect(page.getByRole('table', { name: /^Hitos del compromiso/ })).toBeVisible()
  await page.waitForTimeout(300)
  await page.mouse.move(0, 0)
  await shot('22-compromiso-hitos')
  await page.getByRole('button', { name: /^Editar el hito/ }).first().click()
  await expect(page.getByRole('dialog', { name: /Editar hito/ })).toBeVisible()
  await page.waitForTimeout(300)
  await shot('23-editar-hito')
  await page.keyboard.press('Escape')

  // Tablero.
  await page.getByRole('link', { name: 'Tablero', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tablero' })).toBeVisible()
  await expect(page.locator('[data-chart="instituciones"] .recharts-bar-rectangle').first()).toBeVisible()
  await page.mouse.move(0, 0)
  await shot('24-tablero')
  await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight }))
  await shot('25-tablero-pendientes')

  // Búsqueda.
  await page.keyboard.press('Control+k')
  const input = page.getByRole('combobox', { name: 'Buscar', exact: true })
  await expect(input).toBeFocused()
  await input.fill('transparencia')
  await expect(page.getByRole('option').first()).toBeVisible()
  await input.press('ArrowDown')
  await page.waitForTimeout(300)
  await shot('26-busqueda')
  await page.keyboard.press('Escape')

  // Bitácora, after a few changes of the day: a follow-up, a milestone's progress, a state.
  await page.getByRole('link', { name: 'Bitácora', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Bitácora' })).toBeVisible()
  await page.evaluate(async (today) => {
    const api = window.api
    const rows = await api.listAgreements()
    const overview = await api.getPlanOverview()
    if (!rows.ok || !overview.ok) throw new Error('sin datos')
    const open = rows.value.filter((row) => row.state === 'pendiente' || row.state === 'vencido')
    if (open[0]) {
      await api.addFollowUp({ agreementId: open[0].id, date: today, note: 'La Secretaría Técnica recibió el oficio de avance.', evidenceUrl: 'https://transparencia.jalisco.gob.mx/stl/oficio-avance', evidenceFile: null, sessionId: null, status: 'en-proceso' })
    }
    const commitment = overview.value.commitments.find((c) => c.milestones.some((m) => m.status === 'en-proceso'))
    const milestone = commitment?.milestones.find((m) => m.status === 'en-proceso')
    if (commitment && milestone) {
      const { id: _id, overdue: _overdue, ...fields } = milestone
      await api.updateMilestone({ commitmentId: commitment.id, milestoneId: milestone.id, milestone: { ...fields, progress: Math.min(95, milestone.progress + 20) } })
    }
    if (open[1]) await api.setAgreementStatus({ id: open[1].id, status: 'cumplido' })
  }, TODAY)
  await page.reload()
  await expect(page.getByRole('cell', { name: /^Seguimiento del acuerdo/ })).toBeVisible()
  await shot('27-bitacora')

  // The next session's «Seguimiento de acuerdos»: in its detail, then in the live minutes of that item.
  const next = await page.evaluate(async () => {
    const sessions = await window.api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const summary = sessions.value.find((session) => session.status === 'convocada')
    if (!summary) throw new Error('sin sesión convocada')
    const detail = await window.api.getSession({ id: summary.id })
    if (!detail.ok) throw new Error(detail.error.message)
    return { id: summary.id, item: detail.value.session.agenda.find((entry) => entry.title === 'Seguimiento de acuerdos')?.id ?? '' }
  })
  await harness.open(`#/sesiones/${next.id}?pestana=seguimiento`)
  const first = page.locator('[data-pending-agreement]').first()
  await first.getByRole('button', { name: /^Registrar avance del acuerdo/ }).click()
  await first.getByRole('textbox', { name: 'Nota de seguimiento' }).fill('La dependencia informó que el documento está en revisión jurídica; se presentará en la próxima sesión.')
  await page.mouse.move(0, 0)
  await page.evaluate(() => window.scrollTo({ top: 380 }))
  await shot('28-sesion-seguimiento')
  await first.getByRole('button', { name: 'Registrar avance' }).click()
  await expect(first.getByText('1 avance registrado en esta sesión')).toBeVisible()
  await page.getByRole('button', { name: 'Iniciar sesión' }).click()
  await page.getByRole('dialog', { name: 'Iniciar la sesión' }).getByRole('button', { name: 'Iniciar sesión' }).click()
  await expect(page.getByText('En curso', { exact: true })).toBeVisible()
  await harness.open(`#/sesiones/${next.id}/minuta?punto=${next.item}`)
  await expect(page.getByRole('heading', { level: 2, name: /Seguimiento de acuerdos/ })).toBeVisible()
  await page.getByRole('heading', { level: 3, name: 'Acuerdos en seguimiento' }).scrollIntoViewIfNeeded()
  await page.evaluate(() => window.scrollBy({ top: 260 }))
  await page.mouse.move(0, 0)
  await shot('29-minuta-seguimiento')
})

test('revisión de paquete: la vista de la integrante y los comentarios importados', async ({ harness }) => {
  const { page } = harness
  const shot = shooter(page)
  await harness.open('#/sesiones')

  // The convened session with supporting documents on two points.
  const sessionId = await page.evaluate(async () => {
    const api = window.api
    const sessions = await api.listSessions()
    if (!sessions.ok) throw new Error(sessions.error.message)
    const summary = sessions.value.find((session) => session.status === 'convocada' && session.agendaItems > 0)
    if (!summary) throw new Error('sin sesión convocada')
    const detail = await api.getSession({ id: summary.id })
    if (!detail.ok) throw new Error(detail.error.message)
    const find = (start: string) => detail.value.session.agenda.find((item) => item.title.startsWith(start))
    const documents: [string, string, string, number][] = [
      ['Aprobación del informe anual', 'informe-anual-STL-2026.pdf', 'Informe anual de actividades del Secretariado Técnico Local 2026\n', 2400],
      ['Aprobación del informe anual', 'anexo-cumplimiento-de-acuerdos.csv', 'clave,acuerdo,estado\nSTL-SO10-2026-01,Evidencia documental de hitos,pendiente\n', 40],
      ['Informe del ITEI', 'informe-verificacion-itei-2026.pdf', 'Informe de verificación de obligaciones de transparencia 2026\n', 900],
    ]
    for (const [start, fileName, text, times] of documents) {
      const item = find(start)
      if (item) await api.addAttachment({ sessionId: summary.id, itemId: item.id, fileName, contentBase64: btoa(text.repeat(times)) })
    }
    return summary.id
  })

  // «Paquete de revisión» in the session detail.
  await harness.open(`#/sesiones/${sessionId}`)
  const packetDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Paquete de revisión' }).first().click()
  const packetFile = await packetDownload
  const packet = await readBytes(await packetFile.path())

  // The member's copy: the packet open, comments being written.
  await page.getByRole('link', { name: 'Revisión de paquete', exact: true }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Abrir paquete' }).click()
  await (await chooser).setFiles({ name: packetFile.suggestedFilename(), mimeType: 'application/zip', buffer: packet })
  await expect(page.getByText('Paquete verificado · sólo lectura')).toBeVisible()
  await page.waitForTimeout(300)
  await page.mouse.move(0, 0)
  await shot('40-revision-de-paquete')
  const member = page.getByRole('list', { name: 'Orden del día del paquete' })
  const annual = member.getByRole('article', { name: /^Punto \d+: Aprobación del informe anual/ })
  const itei = member.getByRole('article', { name: /^Punto \d+: Informe del ITEI/ })
  const write = async (author: string, general: string, comments: [typeof annual, string][]) => {
    await page.getByRole('textbox', { name: 'Su nombre' }).fill(author)
    await page.getByRole('textbox', { name: 'Comentario general' }).fill(general)
    for (const [item, text] of comments) await item.getByRole('textbox').fill(text)
  }
  await write('Mtra. Begoña Ibáñez Muñoz', 'Agradezco el envío anticipado de los documentos; me permitió revisarlos con mi equipo.', [
    [annual, 'Propongo agregar al informe un anexo con el estado de cumplimiento de cada acuerdo, como el archivo CSV adjunto, y publicarlo en formato abierto.'],
  ])
  await itei.getByRole('textbox').click()
  await page.keyboard.type('Solicito que los resultados se desglosen por sujeto obligado')
  await annual.evaluate((element) => element.scrollIntoView({ block: 'start' }))
  await page.evaluate(() => window.scrollBy({ top: -90 }))
  await page.mouse.move(0, 0)
  await shot('41-revision-comentarios')

  const exportComments = async (): Promise<{ name: string; buffer: Buffer }> => {
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Exportar comentarios' }).click()
    const file = await download
    return { name: file.suggestedFilename(), buffer: await readBytes(await file.path()) }
  }
  await itei.getByRole('textbox').fill('Solicito que los resultados se desglosen por sujeto obligado y que se indique el plazo para solventar las observaciones.')
  const first = await exportComments()
  await write('Ing. Rodrigo Salcedo Ávila', '', [
    [annual, ''],
    [itei, 'Sugiero incluir a los ayuntamientos de fuera del Área Metropolitana en la siguiente verificación.'],
  ])
  const second = await exportComments()

  // The secretariat imports both files: the report, then the comments under each point.
  await harness.open(`#/sesiones/${sessionId}`)
  await page.getByRole('tab', { name: 'Comentarios' }).click()
  const importFile = async (file: { name: string; buffer: Buffer }) => {
    const fileChooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Importar comentarios' }).click()
    await (await fileChooser).setFiles({ ...file, mimeType: 'application/json' })
    await expect(page.getByRole('dialog', { name: 'Comentarios importados' })).toBeVisible()
  }
  await importFile(first)
  await page.mouse.move(0, 0)
  await shot('42-importar-comentarios')
  await page.getByRole('button', { name: 'Listo', exact: true }).click()
  await importFile(second)
  await page.getByRole('button', { name: 'Listo', exact: true }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  // The closed dialog hands the focus back to its button (and scrolls to it): wait for that first.
  await page.waitForTimeout(400)
  await page.getByRole('tab', { name: 'Comentarios' }).evaluate((element) => {
    element.scrollIntoView({ block: 'start' })
    // Just below the header, unless the page ends first.
    if (window.scrollY + window.innerHeight < document.documentElement.scrollHeight) window.scrollBy({ top: -90 })
  })
  await page.mouse.move(0, 0)
  await shot('43-comentarios-de-la-sesion')
})

test('respaldo completo: la tarjeta de Configuración y la restauración de un respaldo verificado', async ({ harness }) => {
  const { page } = harness
  const shot = shooter(page)
  await harness.open('#/configuracion')
  const card = page.getByRole('region', { name: 'Respaldo completo' })
  await expect(card.getByText('Nunca se ha hecho un respaldo completo')).toBeVisible()
  await card.evaluate((element) => element.scrollIntoView({ block: 'start' }))
  await page.evaluate(() => window.scrollBy({ top: -90 }))
  await page.mouse.move(0, 0)
  await shot('50-respaldo-completo')

  const download = page.waitForEvent('download')
  await card.getByRole('button', { name: 'Crear respaldo completo' }).click()
  const archive = await readBytes(await (await download).path())
  await expect(card.getByText(/respaldo-secretariado-\d{4}-\d{2}-\d{2}\.stlbak · /)).toBeVisible()

  await card.getByRole('button', { name: 'Restaurar un respaldo…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Restaurar un respaldo completo' })
  const chooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: 'Elegir respaldo…' }).click()
  await (await chooser).setFiles({ name: `respaldo-secretariado-${TODAY}.stlbak`, mimeType: 'application/zip', buffer: archive })
  await expect(dialog.getByText('Respaldo verificado')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Restaurar', exact: true })).toBeEnabled()
  await page.mouse.move(0, 0)
  await shot('51-restaurar-respaldo')
})

test('la ventana mínima (1024×680): la minuta en vivo y el registro de un acuerdo', async ({ harness }) => {
  const { page } = harness
  const shot = shooter(page)
  await page.setViewportSize({ width: 1024, height: 680 })
  await harness.open('#/sesiones')
  await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
  const sessionId = await startLiveSession(page, { absentEvery: 5 })
  await harness.open(`#/sesiones/${sessionId}/minuta`)
  await expect(page.getByRole('heading', { level: 1, name: 'Minuta en vivo' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Desarrollo del punto' })).toBeVisible()
  await page.keyboard.press('Alt+n')
  await page.keyboard.type('La Secretaría Técnica pasó lista de asistencia: se encuentran presentes 13 de 16 integrantes con voto, por lo que se declaró el quórum legal para sesionar en primera convocatoria.')
  await expect(page.getByText(/^Guardado a las/)).toBeVisible()
  await page.mouse.move(0, 0)
  await shot('60-minuta-en-vivo-1024x680')

  await page.keyboard.press('Alt+a')
  await page.keyboard.type('Se aprueba el orden del día de la presente sesión en sus términos.')
  const dialog = page.getByRole('dialog', { name: /Registrar acuerdo/ })
  await expect(dialog.getByRole('textbox', { name: 'Texto del acuerdo' })).toHaveValue(/en sus términos\.$/)
  await shot('61-registrar-acuerdo-1024x680')
  await page.keyboard.press('Escape')
  await expect(dialog.getByText('¿Descartar lo escrito?')).toBeVisible()
  await shot('62-descartar-lo-escrito')
})

test.describe('primer uso', () => {
  test.use({ demo: null })
  test('la aplicación vacía guía a la Secretaría Técnica', async ({ harness }) => {
    const { page } = harness
    const shot = shooter(page)
    await page.setViewportSize({ width: 1024, height: 680 })
    await harness.open('#/sesiones')
    await expect(page.getByRole('heading', { level: 1, name: 'Sesiones' })).toBeVisible()
    await expect(page.getByText('Primeros pasos').first()).toBeVisible()
    await shot('63-primer-uso')
  })
})
