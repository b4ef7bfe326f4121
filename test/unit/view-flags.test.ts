/**
 * The flags and values the views carry so the renderer never re-implements a
 * rule: whether a session was held, milestones due soon and days left,
 * agreements open and days late, the dashboard's day; and the pure rules the
 * forms take from the core (milestone state and progress, word matching,
 * vote limits, comments to export, CSV columns).
 */
import { describe, expect, it } from 'vitest'
import { exportCommentsSchema } from '../../main/core/contract/packet-inputs'
import { isFollowUpItem } from '../../main/core/domain/agenda'
import { filterAudit } from '../../main/core/domain/audit'
import { MEMBER_CSV_COLUMNS, MEMBER_CSV_HEADER, MEMBER_CSV_REQUIRED } from '../../main/core/domain/csv-columns'
import { daysBetween } from '../../main/core/domain/dates'
import { parseMemberCsv } from '../../main/core/domain/member-csv'
import { MILESTONE_DUE_SOON_DAYS, milestoneStateProblem, planInForce, withMilestoneProgress, withMilestoneStatus } from '../../main/core/domain/progress'
import { isHeld } from '../../main/core/domain/session-rules'
import { matchesWords } from '../../main/core/domain/text'
import { MAX_VOTE_COUNT, MILESTONE_STATUSES, voteSchema, type AuditEntry } from '../../main/core/model/schema'
import { TODAY, daysFromNow, fixedClock } from '../support/clock'
import { demoBridge, openBridge } from './helpers'

const setup = () => demoBridge({ sessions: 14, seed: 4 })

describe('sesiones celebradas', () => {
  it('la lista y el detalle dicen si la sesión se celebró con la regla del núcleo (en curso aún no)', async () => {
    const { call } = await setup()
    const summaries = await call('listSessions', undefined)
    expect(summaries.length).toBeGreaterThan(0)
    for (const summary of summaries) expect(summary.held).toBe(isHeld(summary))
    expect(isHeld({ status: 'en-curso' })).toBe(false)
    expect(isHeld({ status: 'cancelada' })).toBe(false)
    for (const summary of summaries.slice(0, 5)) {
      const detail = await call('getSession', { id: summary.id })
      expect(detail.held).toBe(summary.held)
      expect(detail.can.acta).toBe(detail.held)
    }
  })
})

describe('el día de inicio de una sesión', () => {
  it('el detalle dice, con el reloj de los manejadores, si iniciarla hoy es iniciarla en otro día que el de su fecha', async () => {
    const { call, store, dataFile } = await setup()
    const summaries = await call('listSessions', undefined)
    for (const summary of summaries) {
      const detail = await call('getSession', { id: summary.id })
      if (detail.allowedTransitions.includes('en-curso')) expect(detail.startDate).toEqual({ scheduled: summary.date, today: TODAY, differs: summary.date !== TODAY })
      else expect(detail.startDate).toBeNull()
    }
    const convened = summaries.find((summary) => summary.status === 'convocada')
    if (!convened) throw new Error('demo')
    expect(convened.date).not.toBe(TODAY)
    expect((await call('getSession', { id: convened.id })).startDate?.differs).toBe(true)
    await store.close()
    // On the session's own day, the same detail asks for nothing.
    const onItsDay = await openBridge(dataFile, { now: fixedClock(daysFromNow(daysBetween(TODAY, convened.date))) })
    expect((await onItsDay.call('getSession', { id: convened.id })).startDate).toEqual({ scheduled: convened.date, today: convened.date, differs: false })
    await onItsDay.store.close()
  })
})

describe('hitos por vencer', () => {
  it('cada hito trae los días que faltan y si vence pronto, con la misma ventana que el tablero', async () => {
    const { call } = await setup()
    const overview = await call('getPlanOverview', undefined)
    const milestones = overview.commitments.flatMap((commitment) => commitment.milestones)
    expect(milestones.length).toBeGreaterThan(0)
    for (const milestone of milestones) {
      const open = milestone.status !== 'completado'
      expect(milestone.daysLeft).toBe(daysBetween(TODAY, milestone.dueDate))
      expect(milestone.overdue).toBe(open && milestone.daysLeft < 0)
      expect(milestone.dueSoon).toBe(open && milestone.daysLeft >= 0 && milestone.daysLeft <= MILESTONE_DUE_SOON_DAYS)
    }
    const dashboard = await call('getDashboard', undefined)
    const inPlan = overview.commitments.filter((commitment) => commitment.planId === dashboard.plan?.id).flatMap((commitment) => commitment.milestones)
    expect(dashboard.milestonesDue.map((entry) => entry.milestoneId).sort()).toEqual(inPlan.filter((milestone) => milestone.overdue || milestone.dueSoon).map((milestone) => milestone.id).sort())
    for (const entry of dashboard.milestonesDue) expect(entry.daysLeft).toBe(daysBetween(TODAY, entry.dueDate))
  })
})

describe('acuerdos abiertos y días de atraso', () => {
  it('cada fila dice si sigue abierto y cuántos días lleva vencido; el tablero da su día y los abiertos', async () => {
    const { call } = await setup()
    const rows = await call('listAgreements', undefined)
    expect(rows.some((row) => row.state === 'vencido')).toBe(true)
    for (const row of rows) {
      expect(row.open).toBe(row.status === 'pendiente' || row.status === 'en-proceso')
      if (row.state === 'vencido') expect(row.daysLate).toBe(daysBetween(row.dueDate ?? '', TODAY))
      else expect(row.daysLate).toBeNull()
    }
    expect(rows.filter((row) => row.daysLate !== null).every((row) => (row.daysLate ?? 0) > 0)).toBe(true)
    const dashboard = await call('getDashboard', undefined)
    expect(dashboard.asOf).toBe(TODAY)
    expect(dashboard.openAgreements).toBe(rows.filter((row) => row.open).length)
    expect(dashboard.openAgreements).toBe(dashboard.agreementsByState.filter((entry) => ['pendiente', 'en-proceso', 'vencido'].includes(entry.state)).reduce((sum, entry) => sum + entry.count, 0))
    const sessions = await call('listSessions', undefined)
    for (const summary of sessions.slice(0, 4)) {
      const detail = await call('getSession', { id: summary.id })
      for (const row of detail.pendingAgreements) expect(row.open || row.followUps.some((entry) => entry.sessionId === summary.id)).toBe(true)
    }
  })
})

describe('estado y avance de un hito', () => {
  it('el avance fija el estado y el estado fija el avance, siempre en una pareja que el núcleo acepta', () => {
    for (const status of MILESTONE_STATUSES) {
      for (let progress = 0; progress <= 100; progress++) {
        expect(milestoneStateProblem(withMilestoneProgress({ status }, progress))).toBeNull()
        for (const next of MILESTONE_STATUSES) expect(milestoneStateProblem(withMilestoneStatus({ progress }, next))).toBeNull()
      }
    }
    expect(withMilestoneProgress({ status: 'no-iniciado' }, 40)).toEqual({ status: 'en-proceso', progress: 40 })
    expect(withMilestoneProgress({ status: 'en-proceso' }, 100)).toEqual({ status: 'completado', progress: 100 })
    expect(withMilestoneProgress({ status: 'completado' }, 0)).toEqual({ status: 'no-iniciado', progress: 0 })
    expect(withMilestoneProgress({ status: 'en-proceso' }, 0)).toEqual({ status: 'en-proceso', progress: 0 })
    expect(withMilestoneStatus({ progress: 100 }, 'en-proceso')).toEqual({ status: 'en-proceso', progress: 90 })
    expect(withMilestoneStatus({ progress: 35 }, 'completado')).toEqual({ status: 'completado', progress: 100 })
  })
})

describe('coincidencia por palabras', () => {
  it('cada palabra de la consulta debe iniciar una palabra del texto, sin acentos ni mayúsculas', () => {
    expect(matchesWords('sesion ord', 'Tercera Sesión Ordinaria 2026')).toBe(true)
    expect(matchesWords('ordinaria', 'Primera Sesión Extraordinaria')).toBe(false)
    expect(matchesWords('ñúñez', 'Lic. Mariana Ñúñez Cortés')).toBe(true)
    expect(matchesWords('STL-SO03-2026-02', 'Seguimiento del acuerdo STL-SO03-2026-02 (ahora cumplido)')).toBe(true)
    expect(matchesWords('   ', 'cualquier cosa')).toBe(true)
  })
  it('la bitácora filtra igual que la búsqueda', () => {
    const entry = (id: string, summary: string): AuditEntry => ({ id, at: `${TODAY}T10:00:00.000-06:00`, profile: 'Secretaría Técnica', entity: 'sesion', entityId: id, action: 'editar', summary })
    const entries = [entry('a', 'Primera Sesión Extraordinaria 2026 editada'), entry('b', 'Tercera Sesión Ordinaria 2026 editada')]
    const found = (text: string) => filterAudit(entries, { entity: null, text, from: null, to: null, limit: 10 }).map((row) => row.id)
    expect(found('ordinaria')).toEqual(['b'])
    expect(found('sesion 2026')).toEqual(['b', 'a'])
    expect(found('tecnica')).toEqual(['b', 'a'])
  })
})

describe('límites y esquemas que los formularios leen del núcleo', () => {
  it('los votos tienen un máximo en el esquema', () => {
    expect(voteSchema.shape.favor.maxValue).toBe(MAX_VOTE_COUNT)
    expect(voteSchema.shape.favor.minValue).toBe(0)
    const vote = { favor: MAX_VOTE_COUNT + 1, contra: 0, abstenciones: 0, unanimous: false, named: [] }
    expect(voteSchema.safeParse(vote).error?.issues[0]?.message).toBe(`Máximo ${MAX_VOTE_COUNT} votos`)
  })
  it('los comentarios por exportar piden el nombre y limitan su largo', () => {
    const messages = (input: unknown) => exportCommentsSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? []
    expect(messages({ packetId: 'paq-0123456789abcdef', author: '  ', general: 'Hola', items: [] })).toEqual(['Escriba su nombre: los comentarios se firman con el nombre de quien los escribe.'])
    expect(messages({ packetId: 'paq-0123456789abcdef', author: 'Ana', general: 'x'.repeat(8001), items: [] })[0]).toMatch(/como máximo 8000/)
  })
  it('las columnas del CSV de integrantes son las que lee el importador', () => {
    expect(MEMBER_CSV_HEADER).toBe(MEMBER_CSV_COLUMNS.join(','))
    const missing = parseMemberCsv('cargo\nDirector\n', [])
    expect(missing.rows[0]?.errors[0]).toContain(`Faltan columnas obligatorias: ${MEMBER_CSV_REQUIRED.join(', ')}`)
    const valid = parseMemberCsv(`${MEMBER_CSV_HEADER}\nMtra. Ana Prueba,Directora,Instituto de Prueba,academia,,titular,,voz y voto,ana@example.org,,pera800101ab1,\n`, [])
    expect(valid.rows[0]?.errors).toEqual([])
    expect(valid.members).toHaveLength(1)
    // The RFC of the member's e.firma is optional, kept in capitals, and checked.
    expect(valid.members[0]?.rfc).toBe('PERA800101AB1')
    const wrong = parseMemberCsv(`${MEMBER_CSV_HEADER}\nMtra. Ana Prueba,Directora,Instituto de Prueba,academia,,titular,,voz y voto,,,NO-ES-RFC,\n`, [])
    expect(wrong.rows[0]?.errors.join(' ')).toMatch(/RFC no válido/)
  })
})

describe('el plan vigente', () => {
  const plans = [
    { id: 'pal-a', startYear: 2024, endYear: 2025 },
    { id: 'pal-b', startYear: 2026, endYear: 2027 },
    { id: 'pal-c', startYear: 2028, endYear: 2029 },
  ]
  it('es el que cubre el año; sin ninguno, el más reciente', () => {
    expect(planInForce(plans, TODAY)?.id).toBe('pal-b')
    expect(planInForce(plans, '2031-01-15')?.id).toBe('pal-c')
    expect(planInForce([], TODAY)).toBeUndefined()
  })
  it('la pantalla del plan y el tablero muestran el mismo', async () => {
    const { call } = await setup()
    const overview = await call('getPlanOverview', undefined)
    const dashboard = await call('getDashboard', undefined)
    expect(overview.currentPlanId).not.toBeNull()
    expect(overview.currentPlanId).toBe(dashboard.plan?.id)
  })
})

describe('el punto de seguimiento', () => {
  it('el núcleo señala el punto «Seguimiento de acuerdos» del orden del día, sin importar acentos ni mayúsculas', async () => {
    const { call, store } = await setup()
    const next = store.data.sessions.find((session) => session.status === 'convocada')
    if (!next) throw new Error('demo')
    const detail = await call('getSession', { id: next.id })
    const flagged = detail.session.agenda.filter((item) => detail.plan[item.id]?.followUp).map((item) => item.title)
    expect(flagged).toHaveLength(1)
    expect(flagged[0]).toMatch(/^seguimiento de acuerdos/i)
    expect(isFollowUpItem('SEGUIMIENTO DE ACUERDOS anteriores')).toBe(true)
    expect(isFollowUpItem('Informe de seguimiento')).toBe(false)
  })
})
