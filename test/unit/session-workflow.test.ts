/**
 * A whole meeting through the bridge (dispatch → handlers → durable store),
 * and the refusals a secretary can run into, each leaving the file untouched.
 */
import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SessionDetail } from '../../main/core/contract/views'
import { renderActa } from '../../main/core/documents'
import { mexicoInstant, toMinutes } from '../../main/core/domain/dates'
import { readDataFile } from '../../main/core/store/read-data-file'
import { NOW, TODAY, daysFromNow, fixedClock } from '../support/clock'
import { demoBridge, openBridge, tempFolder, type Bridge } from './helpers'

function setup() {
  return demoBridge({ sessions: 6, seed: 11 })
}

const newSession = { type: 'ordinaria', date: '2026-12-10', startTime: '10:00', modality: 'presencial', venue: 'Casa Jalisco', link: '', chairId: null, secretaryId: null, agendaSource: 'estandar' } as const

describe('una sesión completa a través del puente', () => {
  it('crea, convoca, pasa lista, declara quórum, escribe la minuta, registra acuerdos y concluye', async () => {
    const { store, dataFile, call, refused } = await setup()
    let detail: SessionDetail = await call('createSession', { ...newSession, date: TODAY })
    const year = detail.session.year
    expect(detail.session.status).toBe('borrador')
    expect(detail.title).toMatch(new RegExp(`^\\S+( \\S+)? Sesión Ordinaria ${year}$`))
    expect(detail.session.agenda.map((item) => detail.plan[item.id]?.number)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(detail.expectedEnd).toBe('11:05')

    const [first, , , followUp] = detail.session.agenda
    detail = await call('addAgendaItem', { sessionId: detail.session.id, parentId: null, title: 'Presentación del informe de avance del PAL', type: 'deliberativo', presenter: 'ITEI', minutes: 30 })
    const substantive = detail.session.agenda.at(-1)
    if (!first || !followUp || !substantive) throw new Error('agenda')
    detail = await call('moveAgendaItem', { sessionId: detail.session.id, itemId: substantive.id, direction: 'up' })
    detail = await call('moveAgendaItem', { sessionId: detail.session.id, itemId: substantive.id, direction: 'up' })
    expect(detail.plan[substantive.id]?.number).toBe('5')
    const id = detail.session.id

    expect(await refused('setAttendance', { sessionId: id, memberId: detail.roster[0]?.memberId, status: 'presente', substituteId: null, arrivedAt: null, leftAt: null })).toBe('La asistencia se registra cuando la sesión está en curso.')
    detail = await call('changeSessionStatus', { id, status: 'convocada' })
    detail = await call('changeSessionStatus', { id, status: 'en-curso' })
    expect(detail.session.attendance.length).toBe(detail.roster.length)

    const voting = detail.roster.filter((entry) => entry.role === 'titular' && entry.voting === 'voz-y-voto')
    expect(await refused('declareQuorum', { sessionId: id, call: 'primera' })).toMatch(/^No hay quórum en primera convocatoria: se requieren \d+ integrantes con voto y hay 0\.$/)
    for (const entry of voting.slice(0, detail.quorum.required)) {
      detail = await call('setAttendance', { sessionId: id, memberId: entry.memberId, status: 'presente', substituteId: null, arrivedAt: '09:55', leftAt: null })
    }
    expect(detail.quorum.reached).toBe(true)
    detail = await call('declareQuorum', { sessionId: id, call: 'primera' })
    expect(detail.session.quorum).toMatchObject({ reached: true, present: detail.quorum.required })

    for (const [index, item] of detail.session.agenda.slice(0, 3).entries()) {
      await call('saveItemNotes', { sessionId: id, itemId: item.id, notes: `Desarrollo del punto ${index + 1}: se comentó la información con acentos y eñes — año, opinión.` })
    }
    const voters = detail.quorum.voters.length
    const agreementA = await call('createAgreement', { sessionId: id, itemId: substantive.id, text: 'Se aprueba el informe de avance del PAL.', vote: { favor: voters, contra: 0, abstenciones: 0, unanimous: true, named: [] }, responsibleMemberIds: [], responsibleInstitutions: ['ITEI'], dueDate: '2027-01-31', commitmentId: null })
    const agreementB = await call('createAgreement', { sessionId: id, itemId: substantive.id, text: 'Se instruye a la Secretaría Técnica publicar el informe.', vote: { favor: voters - 1, contra: 1, abstenciones: 0, unanimous: false, named: [] }, responsibleMemberIds: [voting[0]?.memberId], responsibleInstitutions: [], dueDate: null, commitmentId: null })
    expect(agreementA.key).toBe(`STL-${detail.key.slice(4)}-01`)
    expect(agreementB.key).toBe(`STL-${detail.key.slice(4)}-02`)
    expect(await refused('createAgreement', { sessionId: id, itemId: substantive.id, text: 'Exceso', vote: { favor: voters + 1, contra: 0, abstenciones: 0, unanimous: true, named: [] }, responsibleMemberIds: [], responsibleInstitutions: [], dueDate: null, commitmentId: null })).toBe(`La votación suma ${voters + 1} votos, pero sólo hay ${voters} integrantes con voto presentes.`)

    expect(await refused('changeSessionStatus', { id, status: 'concluida' })).toMatch(/Quedan puntos pendientes/)
    for (const item of detail.session.agenda) await call('setItemStatus', { sessionId: id, itemId: item.id, status: 'tratado' })
    detail = await call('changeSessionStatus', { id, status: 'concluida' })
    expect(detail.session.status).toBe('concluida')
    expect(detail.session.endTime).not.toBeNull()

    await store.close()
    const onDisk = (await readDataFile(dataFile))
    const saved = onDisk.sessions.find((session) => session.id === id)
    expect(saved?.status).toBe('concluida')
    expect(saved?.agenda.filter((item) => item.notes.includes('eñes'))).toHaveLength(3)
    expect(onDisk.agreements.filter((agreement) => agreement.sessionId === id).map((agreement) => agreement.key)).toEqual([agreementA.key, agreementB.key])
    expect(onDisk.audit.some((entry) => /Quórum declarado/.test(entry.summary))).toBe(true)
  })

  it('numera por tipo y año, copia el orden del día anterior y rechaza lo que las reglas no permiten', async () => {
    const { store, call, refused } = await setup()
    const a = await call('createSession', { ...newSession, date: '2027-06-10' })
    const b = await call('createSession', { ...newSession, date: '2027-06-17', agendaSource: 'anterior' })
    expect(b.session.number).toBe(a.session.number + 1)
    expect(b.session.agenda.map((item) => item.title)).toEqual(a.session.agenda.map((item) => item.title))
    const extra = await call('createSession', { ...newSession, type: 'extraordinaria', date: '2027-07-05' })
    expect(extra.title).toBe('Primera Sesión Extraordinaria 2027')
    expect(await refused('changeSessionStatus', { id: a.session.id, status: 'concluida' })).toBe('Una sesión borrador no puede pasar a «concluida».')
    expect(await refused('changeSessionStatus', { id: a.session.id, status: 'cancelada', reason: '' })).toBe('Indique el motivo de la cancelación.')
    expect(await refused('createSession', { ...newSession, chairId: 'int-nadie' })).toBe('La persona que coordina no existe en el padrón.')
    expect(await refused('createSession', { ...newSession, date: '2026-02-30' })).toMatch(/Fecha no válida/)
    expect(await refused('reorderAgenda', { sessionId: a.session.id, order: ['x'] })).toBe('El nuevo orden no corresponde a los puntos de la sesión.')
    const signedLike = store.data.sessions.find((session) => session.status === 'concluida')
    if (!signedLike) throw new Error('demo')
    expect(await refused('addAgendaItem', { sessionId: signedLike.id, parentId: null, title: 'Tarde', type: 'informativo', presenter: '', minutes: 5 })).toBe('El orden del día de una sesión concluida ya no se modifica.')
    await store.close()
  })

  it('importa integrantes desde CSV sólo si todas las filas son válidas', async () => {
    const { store, call, refused } = await setup()
    const before = store.data.members.length
    const bad = 'nombre,institucion,sector\nBuena Persona,Colectivo,sociedad civil\nMala,Colectivo,club\n'
    const report = await call('importMembersCsv', csvFile(bad, true))
    expect(report).toMatchObject({ valid: false, imported: 0 })
    expect(report.rows[1]?.errors[0]).toMatch(/sector «club» no reconocido/)
    expect(store.data.members.length).toBe(before)
    await refused('importMembersCsv', { fileName: 'integrantes.csv', contentBase64: 5, apply: true })
    const good = await call('importMembersCsv', csvFile('nombre,institucion,sector\nBuena Persona,Colectivo,sociedad civil\n', true))
    expect(good).toMatchObject({ valid: true, imported: 1 })
    expect(store.data.members.length).toBe(before + 1)
    await store.close()
  })
})

describe('el reloj de los manejadores', () => {
  it('decide qué acuerdos de la sesión siguiente están vencidos, no la fecha de la máquina', async () => {
    const today = await demoBridge({ sessions: 14, seed: 7 })
    const next = today.store.data.sessions.find((session) => session.status === 'convocada')
    if (!next) throw new Error('demo')
    const now = await today.call('getSession', { id: next.id })
    const dueLater = now.pendingAgreements.filter((row) => row.dueDate !== null && row.dueDate > TODAY && row.state !== 'vencido')
    expect(dueLater.length).toBeGreaterThan(0)
    await today.store.close()

    const monthLater = await openBridge(today.dataFile, { now: fixedClock(daysFromNow(60)) })
    const later = await monthLater.call('getSession', { id: next.id })
    for (const row of dueLater) expect(later.pendingAgreements.find((candidate) => candidate.id === row.id)?.state).toBe('vencido')
    await monthLater.store.close()
  })
})

/** An instant of Guadalajara's wall clock: `at('2026-12-01', '14:09')`. */
function at(date: string, time: string): Date {
  return new Date(mexicoInstant(date, toMinutes(time)))
}

/** A clock the test moves: it starts at the suites' NOW. */
function movableClock(): { now: () => Date; set: (instant: Date) => void } {
  let current = NOW.getTime()
  return { now: () => new Date(current), set: (instant) => void (current = instant.getTime()) }
}

/** A convened session scheduled for `date` at 10:00, created and convened at NOW. */
async function convened(call: Bridge['call'], date: string): Promise<SessionDetail> {
  const created = await call('createSession', { ...newSession, date })
  return call('changeSessionStatus', { id: created.session.id, status: 'convocada' })
}

/** Takes the roll, declares quorum, treats every item and concludes: the session then has an acta. */
async function holdAndConclude(call: Bridge['call'], started: SessionDetail, arrivedAt: string): Promise<SessionDetail> {
  const id = started.session.id
  let detail = started
  const voting = detail.roster.filter((entry) => entry.role === 'titular' && entry.voting === 'voz-y-voto')
  for (const entry of voting.slice(0, detail.quorum.required)) {
    detail = await call('setAttendance', { sessionId: id, memberId: entry.memberId, status: 'presente', substituteId: null, arrivedAt, leftAt: null })
  }
  await call('declareQuorum', { sessionId: id, call: 'primera' })
  for (const item of detail.session.agenda) await call('setItemStatus', { sessionId: id, itemId: item.id, status: 'tratado' })
  return call('changeSessionStatus', { id, status: 'concluida' })
}

/** The acta's text as pdftotext reads it, whitespace collapsed. */
async function actaText(bridge: Bridge, id: string, now: Date): Promise<string> {
  const file = join(await tempFolder(), 'acta.pdf')
  await writeFile(file, await renderActa(bridge.store.data, id, { now }))
  const result = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(result.stderr)
  return result.stdout.replace(/\s+/g, ' ')
}

describe('una sesión iniciada en otro día que el de su fecha', () => {
  const DEC_9 = '2026-12-09'
  const DEC_1 = '2026-12-01'

  it('se rechaza sin confirmación, nombrando ambas fechas, y el archivo no cambia', async () => {
    const clock = movableClock()
    const bridge = await demoBridge({ sessions: 6, seed: 11 }, { now: clock.now })
    const session = await convened(bridge.call, DEC_9)
    clock.set(at(DEC_1, '14:09'))
    const detail = await bridge.call('getSession', { id: session.session.id })
    expect(detail.startDate).toEqual({ scheduled: DEC_9, today: DEC_1, differs: true })
    const message =
      'La sesión está programada para el miércoles 9 de diciembre de 2026 y hoy es martes 1 de diciembre de 2026. Confirme que se celebra hoy: el acta registrará la fecha y la hora reales.'
    expect(await bridge.refused('changeSessionStatus', { id: session.session.id, status: 'en-curso' })).toBe(message)
    expect(await bridge.refused('changeSessionStatus', { id: session.session.id, status: 'en-curso', reason: '', confirmDate: false })).toBe(message)
    expect(await bridge.refused('changeSessionStatus', { id: session.session.id, status: 'en-curso', confirmDate: 'sí' })).toMatch(/confirmDate/)
    const onDisk = (await readDataFile(bridge.dataFile)).sessions.find((candidate) => candidate.id === session.session.id)
    expect(onDisk).toMatchObject({ status: 'convocada', date: DEC_9, startTime: '10:00' })
    // Cancelling it needs no confirmation of the date: only starting it does.
    const cancelled = await bridge.call('changeSessionStatus', { id: session.session.id, status: 'cancelada', reason: 'Se reprogramará.' })
    expect(cancelled.session).toMatchObject({ status: 'cancelada', date: DEC_9, startTime: '10:00' })
  })

  it('confirmada, toma la fecha y la hora reales, lo anota en la bitácora y el acta dice la fecha real', async () => {
    const clock = movableClock()
    const bridge = await demoBridge({ sessions: 6, seed: 11 }, { now: clock.now })
    const session = await convened(bridge.call, DEC_9)
    const id = session.session.id
    clock.set(at(DEC_1, '14:09'))
    const started = await bridge.call('changeSessionStatus', { id, status: 'en-curso', confirmDate: true })
    expect(started.session).toMatchObject({ status: 'en-curso', date: DEC_1, startTime: '14:09', number: session.session.number, year: session.session.year })
    expect(started.title).toBe(session.title)
    expect(started.key).toBe(session.key)
    expect(started.startDate).toBeNull()
    const entries = bridge.store.data.audit.filter((entry) => entry.entityId === id).map((entry) => entry.summary)
    expect(entries).toContain(
      `${session.title} iniciada el martes 1 de diciembre de 2026 a las 14:09 h; estaba programada para el miércoles 9 de diciembre de 2026 a las 10:00 h`,
    )
    expect(entries).toContain(`${session.title}: convocada → en curso`)

    clock.set(at(DEC_1, '16:30'))
    const concluded = await holdAndConclude(bridge.call, started, '14:09')
    expect(concluded.session).toMatchObject({ status: 'concluida', date: DEC_1, startTime: '14:09', endTime: '16:30' })
    const text = await actaText(bridge, id, clock.now())
    expect(text).toContain('Siendo las 14:09 horas del martes 1 de diciembre de 2026')
    expect(text).toContain('a las 16:30 horas del martes 1 de diciembre de 2026')
    expect(text).not.toContain('9 de diciembre')
    expect(text).not.toContain('10:00 horas')

    await bridge.store.close()
    const saved = (await readDataFile(bridge.dataFile)).sessions.find((candidate) => candidate.id === id)
    expect(saved).toMatchObject({ date: DEC_1, startTime: '14:09', endTime: '16:30', status: 'concluida' })
  })

  it('también pregunta si se inicia tarde, después de su fecha, y entonces registra el día real', async () => {
    const clock = movableClock()
    const bridge = await demoBridge({ sessions: 6, seed: 11 }, { now: clock.now })
    const session = await convened(bridge.call, '2026-11-20')
    expect((await bridge.call('getSession', { id: session.session.id })).startDate).toEqual({ scheduled: '2026-11-20', today: TODAY, differs: true })
    expect(await bridge.refused('changeSessionStatus', { id: session.session.id, status: 'en-curso' })).toBe(
      'La sesión está programada para el viernes 20 de noviembre de 2026 y hoy es jueves 26 de noviembre de 2026. Confirme que se celebra hoy: el acta registrará la fecha y la hora reales.',
    )
    const started = await bridge.call('changeSessionStatus', { id: session.session.id, status: 'en-curso', confirmDate: true })
    expect(started.session).toMatchObject({ date: TODAY, startTime: '09:00' })
  })

  it('el día lo decide Guadalajara: a las 21:30 del 8 de diciembre (03:30 UTC del 9) aún no es el día de la sesión', async () => {
    const clock = movableClock()
    const bridge = await demoBridge({ sessions: 6, seed: 11 }, { now: clock.now })
    const session = await convened(bridge.call, DEC_9)
    clock.set(at('2026-12-08', '21:30'))
    expect(clock.now().toISOString()).toBe('2026-12-09T03:30:00.000Z')
    expect((await bridge.call('getSession', { id: session.session.id })).startDate).toEqual({ scheduled: DEC_9, today: '2026-12-08', differs: true })
    expect(await bridge.refused('changeSessionStatus', { id: session.session.id, status: 'en-curso' })).toMatch(/^La sesión está programada para el miércoles 9 de diciembre de 2026 y hoy es martes 8 de diciembre de 2026\./)
  })

  it('iniciada en su fecha, nada cambia: ni la hora programada ni la bitácora, con o sin confirmación', async () => {
    const clock = movableClock()
    const bridge = await demoBridge({ sessions: 6, seed: 11 }, { now: clock.now })
    const first = await convened(bridge.call, DEC_9)
    const second = await convened(bridge.call, DEC_9)
    clock.set(at(DEC_9, '10:20'))
    expect((await bridge.call('getSession', { id: first.session.id })).startDate).toEqual({ scheduled: DEC_9, today: DEC_9, differs: false })
    for (const [session, input] of [
      [first, {}],
      [second, { confirmDate: true }],
    ] as const) {
      const started = await bridge.call('changeSessionStatus', { id: session.session.id, status: 'en-curso', ...input })
      expect(started.session).toMatchObject({ status: 'en-curso', date: DEC_9, startTime: '10:00' })
      expect(bridge.store.data.audit.filter((entry) => entry.entityId === session.session.id).map((entry) => entry.summary).filter((summary) => /iniciada el/.test(summary))).toEqual([])
    }
    clock.set(at(DEC_9, '12:00'))
    const concluded = await holdAndConclude(bridge.call, await bridge.call('getSession', { id: first.session.id }), '10:00')
    expect(concluded.session).toMatchObject({ date: DEC_9, startTime: '10:00', endTime: '12:00' })
    expect(await actaText(bridge, first.session.id, clock.now())).toContain('Siendo las 10:00 horas del miércoles 9 de diciembre de 2026')
  })
})

/** A CSV as the import dialog sends it: its name and its bytes. */
function csvFile(text: string, apply: boolean) {
  return { fileName: 'integrantes.csv', contentBase64: Buffer.from(text, 'utf8').toString('base64'), apply }
}
