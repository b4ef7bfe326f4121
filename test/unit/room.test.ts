/**
 * Around the session, through the bridge: the members' confirmations before
 * it (the quorum they foresee, the roll call that starts from them), the
 * projector that follows the live minutes, and the schema step that brings
 * both to older data files.
 */
import { describe, expect, it } from 'vitest'
import type { SessionDetail } from '../../main/core/contract/views'
import type { Member } from '../../main/core/model/schema'
import { findIntegrityProblems } from '../../main/core/domain/integrity'
import { migrate } from '../../main/core/store/migrations'
import { readDataFile } from '../../main/core/store/read-data-file'
import { demoData } from '../support/bridge'
import { NOW } from '../support/clock'
import { demoBridge, type Bridge } from './helpers'

function convenedIn(bridge: Bridge): string {
  const convened = bridge.store.data.sessions.find((session) => session.status === 'convocada')
  if (!convened) throw new Error('sin sesión convocada en los datos de prueba')
  return convened.id
}

/** Titulares with vote, one of them with an active suplente. */
function people(bridge: Bridge): { voters: Member[]; withSubstitute: Member; substitute: Member; aSubstitute: Member; nonVoter: Member | undefined } {
  const members = bridge.store.data.members.filter((member) => member.active)
  const voters = members.filter((member) => member.role === 'titular' && member.voting === 'voz-y-voto')
  const substitute = members.find((member) => member.role === 'suplente' && voters.some((voter) => voter.id === member.substituteFor))
  const withSubstitute = voters.find((voter) => voter.id === substitute?.substituteFor)
  if (!substitute || !withSubstitute) throw new Error('los datos de prueba no tienen un titular con suplente')
  return { voters, withSubstitute, substitute, aSubstitute: substitute, nonVoter: members.find((member) => member.role === 'titular' && member.voting === 'voz') }
}

describe('confirmaciones antes de la sesión', () => {
  it('cada respuesta cuenta en el quórum previsto, con la misma regla del pase de lista, y queda en el archivo y la bitácora', async () => {
    const bridge = await demoBridge({ sessions: 4, seed: 3 })
    const sessionId = convenedIn(bridge)
    const { voters, withSubstitute, substitute } = people(bridge)
    const first = await bridge.call('getSession', { id: sessionId })
    expect(first.confirmations.open).toBe(true)
    expect(first.confirmations.expected).toMatchObject({ confirmed: 0, declined: 0, expected: 0, votingMembers: voters.length, reached: false })
    expect(first.confirmations.rows.every((row) => row.answer === 'sin-respuesta')).toBe(true)
    const required = first.confirmations.expected.required
    expect(required).toBe(Math.floor(voters.length / 2) + 1)

    // Enough titulares confirm to reach the quorum, one through their suplente; one declines.
    const others = voters.filter((voter) => voter.id !== withSubstitute.id)
    let detail: SessionDetail = first
    for (const voter of others.slice(0, required - 1)) {
      detail = await bridge.call('setConfirmation', { sessionId, memberId: voter.id, answer: 'confirmo', substituteId: null })
    }
    expect(detail.confirmations.expected).toMatchObject({ confirmed: required - 1, expected: required - 1, reached: false })
    detail = await bridge.call('setConfirmation', { sessionId, memberId: withSubstitute.id, answer: 'confirmo', substituteId: substitute.id })
    expect(detail.confirmations.expected).toMatchObject({ confirmed: required, expected: required, reached: true })
    const decliner = others[required - 1]
    if (!decliner) throw new Error('faltan titulares')
    detail = await bridge.call('setConfirmation', { sessionId, memberId: decliner.id, answer: 'declino', substituteId: null })
    expect(detail.confirmations.expected).toMatchObject({ confirmed: required, declined: 1, expected: required, reached: true })
    const row = detail.confirmations.rows.find((entry) => entry.memberId === withSubstitute.id)
    expect(row).toMatchObject({ answer: 'confirmo', substitute: { id: substitute.id, fullName: substitute.fullName }, answeredAt: NOW.toISOString() })
    expect(row?.substitutes.map((entry) => entry.id)).toContain(substitute.id)
    expect(detail.roster.find((entry) => entry.memberId === decliner.id)?.confirmation).toEqual({ answer: 'declino', substituteId: null })

    // «Sin respuesta» takes an answer back.
    detail = await bridge.call('setConfirmation', { sessionId, memberId: decliner.id, answer: 'sin-respuesta', substituteId: null })
    expect(detail.confirmations.expected.declined).toBe(0)
    detail = await bridge.call('setConfirmation', { sessionId, memberId: decliner.id, answer: 'declino', substituteId: null })

    const stored = (await readDataFile(bridge.dataFile)).sessions.find((session) => session.id === sessionId)
    expect(stored?.confirmations).toHaveLength(required + 1)
    expect(stored?.confirmations.find((entry) => entry.memberId === withSubstitute.id)).toEqual({ memberId: withSubstitute.id, response: 'confirmo', substituteId: substitute.id, at: NOW.toISOString() })
    const audit = bridge.store.data.audit.map((entry) => entry.summary)
    expect(audit).toContain(`Confirmación para la ${detail.title}: ${withSubstitute.fullName}, confirmó su asistencia (asiste su suplente ${substitute.fullName})`)
    expect(audit).toContain(`Confirmación para la ${detail.title}: ${decliner.fullName}, declinó`)

    // The roll call starts from the answers: who declined is a justified absence, the rest absent until they arrive.
    const started = await bridge.call('changeSessionStatus', { id: sessionId, status: 'en-curso', confirmDate: true })
    expect(started.session.attendance.find((entry) => entry.memberId === decliner.id)?.status).toBe('justificada')
    expect(started.session.attendance.find((entry) => entry.memberId === withSubstitute.id)?.status).toBe('ausente')
    expect(started.roster.find((entry) => entry.memberId === withSubstitute.id)?.confirmation).toEqual({ answer: 'confirmo', substituteId: substitute.id })
    expect(started.quorum.present).toBe(0)
    expect(started.confirmations.open).toBe(false)
    // Once it started, answers are the roll call's business.
    expect(await bridge.refused('setConfirmation', { sessionId, memberId: decliner.id, answer: 'confirmo', substituteId: null })).toMatch(/las confirmaciones se registran antes de la sesión/)
  })

  it('rechaza, sin tocar el archivo, una respuesta que el padrón no admite', async () => {
    const bridge = await demoBridge({ sessions: 4, seed: 3 })
    const sessionId = convenedIn(bridge)
    const { voters, withSubstitute, substitute } = people(bridge)
    const stranger = voters.find((voter) => voter.id !== withSubstitute.id)
    if (!stranger) throw new Error('faltan titulares')
    expect(await bridge.refused('setConfirmation', { sessionId, memberId: substitute.id, answer: 'confirmo', substituteId: null })).toMatch(/es suplente: registre la respuesta en su titular/)
    expect(await bridge.refused('setConfirmation', { sessionId, memberId: stranger.id, answer: 'confirmo', substituteId: substitute.id })).toMatch(/Elija a un suplente registrado de/)
    expect(await bridge.refused('setConfirmation', { sessionId, memberId: withSubstitute.id, answer: 'declino', substituteId: substitute.id })).toMatch(/Sólo quien confirma puede enviar a su suplente/)
    expect(await bridge.refused('setConfirmation', { sessionId, memberId: 'int-nadie', answer: 'confirmo', substituteId: null })).toMatch(/no existe en el padrón/)
    expect(await bridge.refused('setConfirmation', { sessionId, memberId: withSubstitute.id, answer: 'quizas', substituteId: null })).toBeTruthy()
    const held = bridge.store.data.sessions.find((session) => session.status === 'concluida' || session.status === 'firmada')
    if (!held) throw new Error('sin sesión celebrada')
    expect(await bridge.refused('setConfirmation', { sessionId: held.id, memberId: withSubstitute.id, answer: 'confirmo', substituteId: null })).toBeTruthy()
  })
})

describe('un suplente que ya no puede suplir', () => {
  it('no cuenta en el quórum previsto y la fila lo dice', async () => {
    const bridge = await demoBridge({ sessions: 4, seed: 3 })
    const sessionId = convenedIn(bridge)
    const { withSubstitute, substitute } = people(bridge)
    const confirmed = await bridge.call('setConfirmation', { sessionId, memberId: withSubstitute.id, answer: 'confirmo', substituteId: substitute.id })
    expect(confirmed.confirmations.expected.expected).toBe(1)
    await bridge.call('setMemberActive', { id: substitute.id, active: false })
    const after = await bridge.call('getSession', { id: sessionId })
    expect(after.confirmations.expected).toMatchObject({ confirmed: 1, expected: 0 })
    expect(after.confirmations.rows.find((row) => row.memberId === withSubstitute.id)?.substitute).toEqual({ id: substitute.id, fullName: substitute.fullName, available: false })
  })
})

describe('proyección', () => {
  it('sigue a la minuta en vivo: el punto abierto y su tiempo, el quórum, el último acuerdo; nunca las notas', async () => {
    let now = NOW.getTime()
    const bridge = await demoBridge({ sessions: 4, seed: 3 }, { now: () => new Date(now) })
    const sessionId = convenedIn(bridge)
    // Not in course yet: the projector has nothing to follow.
    const before = await bridge.call('projectorView', { sessionId })
    expect(before.item).toBeNull()
    expect(await bridge.refused('openProjector', { sessionId })).toMatch(/no está en curso/)

    const started = await bridge.call('changeSessionStatus', { id: sessionId, status: 'en-curso', confirmDate: true })
    for (const entry of started.roster.filter((candidate) => candidate.role === 'titular')) {
      await bridge.call('setAttendance', { sessionId, memberId: entry.memberId, status: 'presente', substituteId: null, arrivedAt: '09:00', leftAt: null })
    }
    const declared = await bridge.call('declareQuorum', { sessionId, call: 'primera' })
    const item = declared.session.agenda.find((candidate) => candidate.minutes > 0)
    if (!item) throw new Error('sin punto con tiempo')
    await bridge.call('saveItemNotes', { sessionId, itemId: item.id, notes: 'NOTAS-RESERVADAS de la secretaría' })
    await bridge.call('setLiveItem', { sessionId, itemId: item.id, running: true, elapsedSeconds: 30 })

    now += 90_000
    const view = await bridge.call('projectorView', { sessionId })
    expect(view.title).toBe(declared.title)
    expect(view.item).toMatchObject({ id: item.id, number: declared.plan[item.id]?.number, title: item.title, presenter: item.presenter, plannedMinutes: item.minutes, elapsedSeconds: 120, remainingSeconds: item.minutes * 60 - 120, running: true })
    expect(view.quorum).toMatchObject({ declared: true, present: declared.quorum.present, required: declared.quorum.required, reached: true })
    expect(view.asOf).toBe(new Date(now).toISOString())
    expect(JSON.stringify(view)).not.toContain('NOTAS-RESERVADAS')
    expect(view.lastAgreement).toBeNull()

    // Paused: the time stays; an agreement appears with its vote.
    await bridge.call('setLiveItem', { sessionId, itemId: item.id, running: false, elapsedSeconds: 125 })
    now += 600_000
    const voters = declared.quorum.voters.length
    const agreement = await bridge.call('createAgreement', {
      sessionId,
      itemId: item.id,
      text: 'Se aprueba el calendario de sesiones para 2027.',
      vote: { favor: voters, contra: 0, abstenciones: 0, unanimous: true, named: [] },
      responsibleMemberIds: [],
      responsibleInstitutions: [],
      dueDate: null,
      commitmentId: null,
    })
    const paused = await bridge.call('projectorView', { sessionId })
    expect(paused.item).toMatchObject({ elapsedSeconds: 125, running: false })
    expect(paused.lastAgreement).toEqual({ key: agreement.key, text: agreement.text, itemNumber: declared.plan[item.id]?.number, vote: `Aprobado por unanimidad (${voters} votos a favor).` })

    // Over time: the remaining time goes negative.
    await bridge.call('setLiveItem', { sessionId, itemId: item.id, running: true, elapsedSeconds: item.minutes * 60 })
    now += 65_000
    expect((await bridge.call('projectorView', { sessionId })).item?.remainingSeconds).toBe(-65)

    // Outside the app's window the core says where the projector opens.
    expect(await bridge.refused('openProjector', { sessionId })).toMatch(/sólo está disponible en la aplicación de escritorio/)
    expect(await bridge.refused('setLiveItem', { sessionId, itemId: 'pto-nada', running: false, elapsedSeconds: 0 })).toMatch(/no existe en el orden del día/)
    expect(await bridge.refused('setLiveItem', { sessionId, itemId: item.id, running: false, elapsedSeconds: -1 })).toBeTruthy()

    // Concluded: the projector shows no item any more, and the live item is refused.
    for (const entry of declared.session.agenda) await bridge.call('setItemStatus', { sessionId, itemId: entry.id, status: 'tratado' })
    await bridge.call('changeSessionStatus', { id: sessionId, status: 'concluida' })
    expect((await bridge.call('projectorView', { sessionId })).item).toBeNull()
    expect(await bridge.refused('setLiveItem', { sessionId, itemId: item.id, running: false, elapsedSeconds: 0 })).toMatch(/sigue a una sesión en curso/)
  })

  it('abre la ventana de proyección cuando la aplicación la ofrece', async () => {
    const asked: string[] = []
    const bridge = await demoBridge({ sessions: 4, seed: 3 })
    const sessionId = convenedIn(bridge)
    await bridge.call('changeSessionStatus', { id: sessionId, status: 'en-curso', confirmDate: true })
    bridge.context.openProjector = (id) => {
      asked.push(id)
      return Promise.resolve()
    }
    expect(await bridge.call('openProjector', { sessionId })).toBeNull()
    expect(asked).toEqual([sessionId])
  })
})

describe('esquema 7', () => {
  it('un archivo del esquema 6 gana confirmaciones vacías y ningún punto proyectado; lo ya escrito se conserva', () => {
    const migrated = migrate({ schemaVersion: 6, sessions: [{ id: 'a' }, { id: 'b', confirmations: [{ memberId: 'x' }], live: null }] }, 7)
    expect(migrated).toEqual({ schemaVersion: 7, sessions: [{ id: 'a', confirmations: [], live: null }, { id: 'b', confirmations: [{ memberId: 'x' }], live: null }] })
  })
})

describe('integridad de las confirmaciones', () => {
  it('una confirmación repetida o de alguien que no está en el padrón es un daño del archivo', () => {
    const data = demoData({ sessions: 4, seed: 3 })
    const session = data.sessions.find((candidate) => candidate.status === 'convocada')
    const member = data.members.find((candidate) => candidate.role === 'titular')
    if (!session || !member) throw new Error('datos de prueba incompletos')
    expect(findIntegrityProblems(data)).toEqual([])
    const at = NOW.toISOString()
    session.confirmations = [
      { memberId: member.id, response: 'confirmo', substituteId: null, at },
      { memberId: member.id, response: 'declino', substituteId: null, at },
      { memberId: 'int-nadie', response: 'confirmo', substituteId: 'int-otro', at },
    ]
    expect(findIntegrityProblems(data)).toEqual([
      `la sesión ${session.id} tiene dos confirmaciones de ${member.id}`,
      `una confirmación de la sesión ${session.id} nombra a un integrante inexistente (int-nadie)`,
      `una confirmación de la sesión ${session.id} nombra a un integrante inexistente (int-otro)`,
    ])
  })
})
