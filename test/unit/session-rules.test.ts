import { describe, expect, it } from 'vitest'
import { AppError } from '../../main/core/errors'
import { DEFAULT_SETTINGS, MUNICIPALITIES, type AgendaItem, type Attendance, type Member, type Session } from '../../main/core/model/schema'
import { agendaNumbers, agendaSchedule, blankItem, indentItem, moveItem, reorderAgenda, STANDARD_AGENDA } from '../../main/core/domain/agenda'
import { checkQuorumDeclaration, computeQuorum, requiredForFirstCall } from '../../main/core/domain/quorum'
import { checkEditable, checkPacketExport, checkStartDate, checkTransition, nextSessionNumber, realStart, sessionActions, startDate } from '../../main/core/domain/session-rules'
import { mexicoInstant, toMinutes } from '../../main/core/domain/dates'
import { nextAgreementKey } from '../../main/core/domain/session-title'
import { checkAgreementVote, checkVote } from '../../main/core/domain/votes'
import { parseMemberCsv } from '../../main/core/domain/member-csv'

const at = '2026-01-01T00:00:00.000Z'
function member(id: string, extra: Partial<Member> = {}): Member {
  return { id, fullName: `Persona ${id}`, position: '', institution: `Institución ${id}`, sector: 'sociedad-civil', municipality: null, role: 'titular', substituteFor: null, voting: 'voz-y-voto', active: true, email: '', phone: '', rfc: '', curp: '', createdAt: at, updatedAt: at, ...extra }
}
const row = (memberId: string, status: Attendance['status'], substituteId: string | null = null): Attendance => ({ memberId, status, substituteId, arrivedAt: null, leftAt: null })
const rules = DEFAULT_SETTINGS.quorum

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error.message
    throw error
  }
  throw new Error('se esperaba un rechazo')
}

describe('numeración de sesiones', () => {
  const sessions = [
    { type: 'ordinaria', year: 2026, number: 1 },
    { type: 'ordinaria', year: 2026, number: 2 },
    { type: 'extraordinaria', year: 2026, number: 1 },
    { type: 'ordinaria', year: 2025, number: 11 },
  ] as const
  it('cuenta por tipo y por año, sin reutilizar números', () => {
    expect(nextSessionNumber(sessions, 'ordinaria', 2026)).toBe(3)
    expect(nextSessionNumber(sessions, 'extraordinaria', 2026)).toBe(2)
    expect(nextSessionNumber(sessions, 'ordinaria', 2027)).toBe(1)
    expect(nextSessionNumber(sessions, 'ordinaria', 2025)).toBe(12)
  })
})

describe('transiciones de estado', () => {
  const base = { status: 'borrador', agenda: [blankItem('p1', STANDARD_AGENDA[0] ?? { title: 'x', type: 'tramite', presenter: '', minutes: 5 })], quorum: null, attendance: [] } as Pick<Session, 'status' | 'agenda' | 'quorum' | 'attendance'>
  it('permite sólo las transiciones de las reglas', () => {
    expect(() => checkTransition(base, 'convocada')).not.toThrow()
    expect(() => checkTransition(base, 'cancelada', 'Falta de sede')).not.toThrow()
    expect(refusal(() => checkTransition(base, 'concluida'))).toBe('Una sesión borrador no puede pasar a «concluida».')
    expect(refusal(() => checkTransition(base, 'en-curso'))).toBe('Una sesión borrador no puede pasar a «en curso».')
    expect(refusal(() => checkTransition({ ...base, status: 'concluida' }, 'firmada'))).toBe('Una sesión sólo pasa a «firmada» al firmar su acta.')
    expect(refusal(() => checkTransition({ ...base, status: 'cancelada' }, 'borrador'))).toBe('Una sesión cancelada no puede pasar a «borrador».')
  })
  it('exige orden del día para convocar, quórum y puntos atendidos para concluir, y motivo para cancelar', () => {
    expect(refusal(() => checkTransition({ ...base, agenda: [] }, 'convocada'))).toMatch(/necesita un orden del día/)
    expect(refusal(() => checkTransition({ ...base, status: 'en-curso' }, 'concluida'))).toMatch(/sin declarar el quórum/)
    const quorum = { declaredAt: at, call: 'primera', votingMembers: 3, present: 2, required: 2, reached: true } as const
    expect(refusal(() => checkTransition({ ...base, status: 'en-curso', quorum }, 'concluida'))).toMatch(/Quedan puntos pendientes/)
    const done = { ...base, status: 'en-curso', quorum, agenda: base.agenda.map((item) => ({ ...item, status: 'tratado' as const })) } as typeof base
    expect(() => checkTransition(done, 'concluida')).not.toThrow()
    expect(refusal(() => checkTransition(base, 'cancelada', '  '))).toBe('Indique el motivo de la cancelación.')
    expect(refusal(() => checkTransition(done, 'cancelada', 'x'))).toMatch(/concluya la sesión/)
  })
  it('una sesión firmada o cancelada no se edita', () => {
    expect(refusal(() => checkEditable({ status: 'firmada' }, 'minuta'))).toMatch(/está firmada.*fe de erratas/)
    expect(refusal(() => checkEditable({ status: 'cancelada' }, 'orden'))).toMatch(/cancelada/)
    expect(refusal(() => checkEditable({ status: 'borrador' }, 'minuta'))).toMatch(/en curso/)
    expect(() => checkEditable({ status: 'en-curso' }, 'minuta')).not.toThrow()
  })
})

describe('el día en que se inicia una sesión', () => {
  const moment = (date: string, time: string) => new Date(mexicoInstant(date, toMinutes(time)))
  const scheduled = { type: 'ordinaria', number: 5, year: 2026, date: '2026-12-09', startTime: '10:00' } as const
  const early = moment('2026-12-01', '14:09')
  const late = moment('2026-12-15', '08:05')
  it('sólo mientras puede iniciarse dice la fecha programada y la de hoy en Guadalajara', () => {
    expect(startDate({ ...scheduled, status: 'convocada' }, early)).toEqual({ scheduled: '2026-12-09', today: '2026-12-01', differs: true })
    expect(startDate({ ...scheduled, status: 'convocada' }, late)).toEqual({ scheduled: '2026-12-09', today: '2026-12-15', differs: true })
    expect(startDate({ ...scheduled, status: 'convocada' }, moment('2026-12-09', '23:59'))).toEqual({ scheduled: '2026-12-09', today: '2026-12-09', differs: false })
    // 21:30 in Guadalajara on the 8th is already the 9th in UTC: the zone decides, not the machine.
    expect(startDate({ ...scheduled, status: 'convocada' }, moment('2026-12-08', '21:30'))?.differs).toBe(true)
    for (const status of ['borrador', 'en-curso', 'concluida', 'firmada', 'cancelada'] as const) expect(startDate({ ...scheduled, status }, early)).toBeNull()
  })
  it('antes o después de su fecha, pide confirmar que se celebra hoy; en su fecha, no', () => {
    expect(refusal(() => checkStartDate(scheduled, early, false))).toBe(
      'La sesión está programada para el miércoles 9 de diciembre de 2026 y hoy es martes 1 de diciembre de 2026. Confirme que se celebra hoy: el acta registrará la fecha y la hora reales.',
    )
    expect(refusal(() => checkStartDate(scheduled, late, false))).toMatch(/^La sesión está programada para el miércoles 9 de diciembre de 2026 y hoy es martes 15 de diciembre de 2026\./)
    expect(() => checkStartDate(scheduled, early, true)).not.toThrow()
    expect(() => checkStartDate(scheduled, late, true)).not.toThrow()
    expect(() => checkStartDate(scheduled, moment('2026-12-09', '09:00'), false)).not.toThrow()
  })
  it('el inicio real lleva la fecha y la hora de hoy y lo que dirá la bitácora; en su fecha no cambia nada', () => {
    expect(realStart(scheduled, early)).toEqual({
      date: '2026-12-01',
      startTime: '14:09',
      summary: 'Quinta Sesión Ordinaria 2026 iniciada el martes 1 de diciembre de 2026 a las 14:09 h; estaba programada para el miércoles 9 de diciembre de 2026 a las 10:00 h',
    })
    expect(realStart(scheduled, late)).toMatchObject({ date: '2026-12-15', startTime: '08:05' })
    expect(realStart(scheduled, moment('2026-12-09', '10:40'))).toBeNull()
  })
})

describe('lo que cada estado permite, como banderas para la pantalla', () => {
  const item = blankItem('p1', STANDARD_AGENDA[0] ?? { title: 'x', type: 'tramite', presenter: '', minutes: 5 })
  const quorum = { declaredAt: at, call: 'primera', votingMembers: 3, present: 2, required: 2, reached: true } as const
  const session = (status: Session['status'], extra: Partial<Pick<Session, 'agenda' | 'quorum'>> = {}) =>
    ({ type: 'ordinaria', number: 4, year: 2026, status, agenda: [item], quorum: null, ...extra }) as Pick<Session, 'type' | 'number' | 'year' | 'status' | 'agenda' | 'quorum'>
  it.each([
    ['borrador', { exportPacket: true, convocatoria: true, invitation: true, attendanceSheet: true, mailDrafts: false, projector: false, acta: false, signActa: false, declareQuorum: false, recordFollowUp: true, importComments: true, sendForSignature: false, receiveSignature: false }],
    ['convocada', { exportPacket: true, convocatoria: true, invitation: true, attendanceSheet: true, mailDrafts: true, projector: false, acta: false, signActa: false, declareQuorum: false, recordFollowUp: true, importComments: true, sendForSignature: false, receiveSignature: false }],
    ['en-curso', { exportPacket: false, convocatoria: false, invitation: false, attendanceSheet: true, mailDrafts: false, projector: true, acta: false, signActa: false, declareQuorum: true, recordFollowUp: true, importComments: true, sendForSignature: false, receiveSignature: false }],
    ['concluida', { exportPacket: false, convocatoria: false, invitation: false, attendanceSheet: false, mailDrafts: false, projector: false, acta: true, signActa: true, declareQuorum: false, recordFollowUp: true, importComments: true, sendForSignature: true, receiveSignature: false }],
    ['en-firma', { exportPacket: false, convocatoria: false, invitation: false, attendanceSheet: false, mailDrafts: false, projector: false, acta: true, signActa: true, declareQuorum: false, recordFollowUp: false, importComments: false, sendForSignature: false, receiveSignature: true }],
    ['firmada', { exportPacket: false, convocatoria: false, invitation: false, attendanceSheet: false, mailDrafts: false, projector: false, acta: true, signActa: false, declareQuorum: false, recordFollowUp: false, importComments: false, sendForSignature: false, receiveSignature: false }],
    ['cancelada', { exportPacket: false, convocatoria: false, invitation: true, attendanceSheet: false, mailDrafts: false, projector: false, acta: false, signActa: false, declareQuorum: false, recordFollowUp: false, importComments: false, sendForSignature: false, receiveSignature: false }],
  ] as const)('%s', (status, expected) => expect(sessionActions(session(status))).toEqual(expected))
  it('el paquete de revisión necesita orden del día; el quórum se declara una vez', () => {
    expect(sessionActions(session('convocada', { agenda: [] })).exportPacket).toBe(false)
    expect(refusal(() => checkPacketExport(session('convocada', { agenda: [] })))).toBe('La Cuarta Sesión Ordinaria 2026 no tiene orden del día: agregue los puntos antes de preparar el paquete de revisión.')
    expect(refusal(() => checkPacketExport(session('en-curso')))).toBe('La Cuarta Sesión Ordinaria 2026 ya está en curso: el paquete de revisión se prepara para una sesión que aún no se celebra.')
    expect(sessionActions(session('en-curso', { quorum })).declareQuorum).toBe(false)
  })
})

describe('quórum', () => {
  const members = [
    member('a'), member('b'), member('c'), member('d'), member('e'),
    member('s-a', { role: 'suplente', substituteFor: 'a' }),
    member('g', { voting: 'voz' }),
  ]
  it.each([
    [1, 1], [2, 2], [5, 3], [6, 4], [16, 9],
  ])('mitad más uno de %i es %i', (n, required) => expect(requiredForFirstCall(n, rules)).toBe(required))
  it('otras reglas: dos tercios y porcentaje', () => {
    expect(requiredForFirstCall(9, { ...rules, rule: 'dos-tercios' })).toBe(6)
    expect(requiredForFirstCall(10, { ...rules, rule: 'porcentaje', percent: 60 })).toBe(6)
    expect(requiredForFirstCall(0, rules)).toBe(0)
  })
  it('cuenta titulares con voto presentes o representados por suplente; no cuenta invitados con voz ni suplentes sueltos', () => {
    const attendance = [row('a', 'suplente', 's-a'), row('b', 'presente'), row('c', 'ausente'), row('d', 'justificada'), row('e', 'ausente'), row('s-a', 'presente'), row('g', 'presente')]
    const status = computeQuorum(attendance, members, rules)
    expect(status).toMatchObject({ votingMembers: 5, present: 2, required: 3, reached: false })
    expect(status.voterIds).toEqual(['s-a', 'b'])
    expect(refusal(() => checkQuorumDeclaration(status, rules))).toBe('No hay quórum en primera convocatoria: se requieren 3 integrantes con voto y hay 2.')
    const withC = computeQuorum([...attendance.filter((r) => r.memberId !== 'c'), row('c', 'presente')], members, rules)
    expect(withC.reached).toBe(true)
    expect(() => checkQuorumDeclaration(withC, rules)).not.toThrow()
  })
  it('segunda convocatoria: procede con el mínimo configurado, sólo si está permitida', () => {
    const attendance = [row('a', 'presente'), row('b', 'ausente'), row('c', 'ausente'), row('d', 'ausente'), row('e', 'ausente')]
    const second = computeQuorum(attendance, members, rules, 'segunda')
    expect(second).toMatchObject({ present: 1, required: 1, reached: true })
    expect(() => checkQuorumDeclaration(second, rules)).not.toThrow()
    expect(refusal(() => checkQuorumDeclaration(second, { ...rules, secondCallAllowed: false }))).toBe('La configuración no permite sesionar en segunda convocatoria.')
    const stricter = computeQuorum(attendance, members, { ...rules, secondCallMinimum: 2 }, 'segunda')
    expect(refusal(() => checkQuorumDeclaration(stricter, rules))).toBe('No hay quórum en segunda convocatoria: se requieren 2 integrantes con voto y hay 1.')
  })
  it('quien ya se retiró no cuenta', () => {
    const status = computeQuorum([{ ...row('a', 'presente'), arrivedAt: '10:00', leftAt: '11:00' }], members, rules)
    expect(status.present).toBe(0)
  })
})

describe('votaciones', () => {
  const voters = ['a', 'b', 'c']
  const vote = (favor: number, contra: number, abstenciones: number, unanimous = false, named: { memberId: string; vote: 'favor' | 'contra' | 'abstencion' }[] = []) => ({ favor, contra, abstenciones, unanimous, named })
  it('acepta votaciones coherentes', () => {
    expect(() => checkVote(vote(3, 0, 0, true), voters)).not.toThrow()
    expect(() => checkVote(vote(2, 1, 0), voters)).not.toThrow()
    expect(() => checkVote(vote(2, 0, 1, false, [{ memberId: 'a', vote: 'favor' }, { memberId: 'b', vote: 'favor' }, { memberId: 'c', vote: 'abstencion' }]), voters)).not.toThrow()
  })
  it.each([
    ['más votos que presentes con voto', vote(3, 1, 0), 'La votación suma 4 votos, pero sólo hay 3 integrantes con voto presentes.'],
    ['ningún voto', vote(0, 0, 0), 'Registre al menos un voto.'],
    ['sin mayoría', vote(1, 1, 1), 'La propuesta no obtuvo mayoría (1 a favor, 1 en contra): no se registra como acuerdo.'],
    ['unanimidad con votos en contra', vote(2, 1, 0, true), 'Una votación por unanimidad no puede tener votos en contra ni abstenciones.'],
    ['voto nominal de alguien sin voto', vote(1, 0, 0, false, [{ memberId: 'z', vote: 'favor' }]), 'Sólo pueden votar nominalmente los integrantes con voto presentes.'],
    ['voto nominal repetido', vote(2, 0, 0, false, [{ memberId: 'a', vote: 'favor' }, { memberId: 'a', vote: 'favor' }]), 'Un integrante aparece dos veces en la votación nominal.'],
    ['nominales que no suman', vote(2, 0, 0, false, [{ memberId: 'a', vote: 'favor' }]), 'Los votos nominales no coinciden con los totales a favor, en contra y abstenciones.'],
  ])('rechaza %s', (_label, value, message) => expect(refusal(() => checkVote(value, voters))).toBe(message))
})

describe('votación y clave de un acuerdo de la sesión', () => {
  const members = [member('a'), member('b'), member('c'), member('s-c', { role: 'suplente', substituteFor: 'c' })]
  const vote = (favor: number, named: { memberId: string; vote: 'favor' | 'contra' | 'abstencion' }[] = []) => ({ favor, contra: 0, abstenciones: 0, unanimous: true, named })
  const settings = { quorum: rules }
  const attendance = [row('a', 'presente'), row('b', 'ausente'), row('c', 'suplente', 's-c')]
  const day = '2026-11-26'
  const at = (time: string) => new Date(mexicoInstant(day, toMinutes(time)))
  it('cuenta como votantes a quienes pueden votar en la sesión ahora, o a la hora en que se votó', () => {
    const held = { attendance, quorum: null, date: day }
    expect(refusal(() => checkAgreementVote(held, members, settings, vote(3)))).toBe('La votación suma 3 votos, pero sólo hay 2 integrantes con voto presentes.')
    expect(() => checkAgreementVote(held, members, settings, vote(2, [{ memberId: 'a', vote: 'favor' }, { memberId: 's-c', vote: 'favor' }]), at('11:30'))).not.toThrow()
    expect(refusal(() => checkAgreementVote(held, members, settings, vote(3), at('11:30')))).toBe('La votación suma 3 votos, pero sólo hay 2 integrantes con voto presentes.')
    expect(refusal(() => checkAgreementVote(held, members, settings, vote(1, [{ memberId: 'c', vote: 'favor' }]), at('11:30')))).toBe('Sólo pueden votar nominalmente los integrantes con voto presentes.')
  })
  it('la asistencia es la de la hora de la votación: quien llegó después o ya se había retirado no cuenta; las salidas del cierre no vacían la sala', () => {
    // Everyone's departure is recorded at the close (13:00), as when a session concludes.
    const timed: Attendance[] = [
      { ...row('a', 'presente'), arrivedAt: '10:00', leftAt: '13:00' },
      { ...row('b', 'presente'), arrivedAt: '11:45', leftAt: '13:00' },
      { ...row('c', 'suplente', 's-c'), arrivedAt: null, leftAt: '11:15' },
    ]
    const held = { attendance: timed, quorum: null, date: day }
    const named = (...ids: string[]) => ids.map((memberId) => ({ memberId, vote: 'favor' as const }))
    // At 11:00: a and the suplente of c; b had not arrived.
    expect(() => checkAgreementVote(held, members, settings, vote(2, named('a', 's-c')), at('11:00'))).not.toThrow()
    expect(refusal(() => checkAgreementVote(held, members, settings, vote(1, named('b')), at('11:00')))).toBe('Sólo pueden votar nominalmente los integrantes con voto presentes.')
    // At 12:00: c's suplente had left, b had arrived.
    expect(() => checkAgreementVote(held, members, settings, vote(2, named('a', 'b')), at('12:00'))).not.toThrow()
    expect(refusal(() => checkAgreementVote(held, members, settings, vote(1, named('s-c')), at('12:00')))).toBe('Sólo pueden votar nominalmente los integrantes con voto presentes.')
    // At the close itself nobody is left, but no vote is recorded after everyone has gone.
    expect(refusal(() => checkAgreementVote(held, members, settings, vote(1), at('13:00')))).toBe('La votación suma 1 votos, pero sólo hay 0 integrantes con voto presentes.')
    // Recorded on another day: the times cannot be placed, everyone who attended counts.
    expect(() => checkAgreementVote(held, members, settings, vote(3), new Date(mexicoInstant('2026-11-27', toMinutes('09:00'))))).not.toThrow()
  })
  it('numera las claves por sesión sin reutilizar la más alta', () => {
    const session = { id: 'ses-1', type: 'ordinaria', number: 3, year: 2026 } as const
    const agreement = (sessionId: string, key: string) => ({ sessionId, key })
    const data = (agreements: { sessionId: string; key: string }[]) => ({ agreements, settings: { keyPrefix: 'STL' } })
    expect(nextAgreementKey(data([]), session)).toBe('STL-SO03-2026-01')
    expect(nextAgreementKey(data([agreement('ses-1', 'STL-SO03-2026-01'), agreement('ses-1', 'STL-SO03-2026-03'), agreement('ses-2', 'STL-SO04-2026-07')]), session)).toBe('STL-SO03-2026-04')
  })
})

describe('orden del día', () => {
  const item = (id: string, parentId: string | null = null, minutes = 10): AgendaItem => blankItem(id, { title: id, type: 'informativo', presenter: '', minutes }, parentId)
  const agenda = [item('a'), item('b'), item('b1', 'b', 5), item('b2', 'b', 5), item('c')]
  it('numera 1, 2, 2.1 y calcula el horario', () => {
    expect([...agendaNumbers(agenda).values()]).toEqual(['1', '2', '2.1', '2.2', '3'])
    const schedule = agendaSchedule(agenda, '10:00')
    expect(schedule.items.map((s) => `${s.number} ${s.start}-${s.end}`)).toEqual(['1 10:00-10:10', '2 10:10-10:30', '2.1 10:20-10:25', '2.2 10:25-10:30', '3 10:30-10:40'])
    expect(schedule.end).toBe('10:40')
  })
  it('mueve puntos con sus subpuntos', () => {
    expect(moveItem(agenda, 'b', 'up').map((i) => i.id)).toEqual(['b', 'b1', 'b2', 'a', 'c'])
    expect(moveItem(agenda, 'b', 'down').map((i) => i.id)).toEqual(['a', 'c', 'b', 'b1', 'b2'])
    expect(moveItem(agenda, 'b2', 'up').map((i) => i.id)).toEqual(['a', 'b', 'b2', 'b1', 'c'])
    expect(moveItem(agenda, 'a', 'up').map((i) => i.id)).toEqual(['a', 'b', 'b1', 'b2', 'c'])
  })
  it('convierte en subpunto y de vuelta', () => {
    const indented = indentItem(agenda, 'c', 'in')
    expect(indented.find((i) => i.id === 'c')?.parentId).toBe('b')
    const outdented = indentItem(agenda, 'b1', 'out')
    expect(outdented.map((i) => `${i.id}:${i.parentId ?? '-'}`)).toEqual(['a:-', 'b:-', 'b2:b', 'b1:-', 'c:-'])
    expect(refusal(() => indentItem(agenda, 'a', 'in'))).toBe('El primer punto no puede ser subpunto.')
    expect(refusal(() => indentItem(agenda, 'b', 'in'))).toBe('Un punto con subpuntos no puede volverse subpunto.')
  })
  it('reordena por arrastre sólo si los subpuntos quedan bajo su punto', () => {
    expect(reorderAgenda(agenda, ['c', 'b', 'b1', 'b2', 'a']).map((i) => i.id)).toEqual(['c', 'b', 'b1', 'b2', 'a'])
    expect(refusal(() => reorderAgenda(agenda, ['b1', 'a', 'b', 'b2', 'c']))).toBe('Cada subpunto debe quedar debajo de su punto principal.')
    expect(refusal(() => reorderAgenda(agenda, ['a', 'b']))).toBe('El nuevo orden no corresponde a los puntos de la sesión.')
  })
})

describe('importación de integrantes desde CSV', () => {
  const existing = [member('a', { fullName: 'Ana Pérez', institution: 'ITEI' })]
  it('acepta encabezados con acentos y mayúsculas, y suplentes del mismo archivo o del padrón', () => {
    const csv = '\uFEFFNombre,Cargo,Institución,Sector,Municipio,Carácter,Suple_a,Participación,Correo,Teléfono\n' +
      'Luis Ñuñez,Regidor,Ayuntamiento de Zapopan,municipio,zapopan,titular,,voz,luis@example.org,33 1111 2222\n' +
      'María López,Asesora,Ayuntamiento de Zapopan,Municipio,Zapopan,suplente,Luis Ñuñez,voz,,\n' +
      'Jorge Ruiz,Director,ITEI,Órgano garante,,suplente,ana perez,voz y voto,,\n'
    const result = parseMemberCsv(csv, existing)
    expect(result.rows.every((r) => r.errors.length === 0)).toBe(true)
    expect(result.members.map((m) => [m.fullName, m.sector, m.municipality, m.role, m.voting, m.substituteForName])).toEqual([
      ['Luis Ñuñez', 'municipio', 'Zapopan', 'titular', 'voz', null],
      ['María López', 'municipio', 'Zapopan', 'suplente', 'voz', 'Luis Ñuñez'],
      ['Jorge Ruiz', 'organo-garante', null, 'suplente', 'voz-y-voto', 'ana perez'],
    ])
  })
  it('informa cada fila con su problema', () => {
    const csv = 'nombre,institucion,sector,correo,caracter,suple_a,municipio\n' +
      'Bien Hecho,Colectivo,sociedad civil,bien@example.org,,,\n' +
      ',Colectivo,sociedad civil,,,,\n' +
      'Mal Correo,Colectivo,sociedad civil,no-es-correo,,,\n' +
      'Sin Sector,Colectivo,iglesia,,,,\n' +
      'Sin Titular,Colectivo,academia,,suplente,Nadie,\n' +
      'Ana Pérez,ITEI,organo garante,,,,\n' +
      'Lejos,Ayuntamiento,municipio,,,,Puerto Vallarta\n' +
      'Sin Municipio,Ayuntamiento,municipio,,,,\n'
    const { rows, members } = parseMemberCsv(csv, existing)
    expect(members.length).toBe(1)
    const byLine = Object.fromEntries(rows.map((r) => [r.line, r.errors.join(' | ')]))
    expect(byLine[2]).toBe('')
    expect(byLine[3]).toMatch(/nombre: El nombre es obligatorio/)
    expect(byLine[4]).toMatch(/correo: Correo electrónico no válido/)
    expect(byLine[5]).toMatch(/sector «iglesia» no reconocido/)
    expect(byLine[6]).toMatch(/no se encontró al titular «Nadie»/)
    // Someone already registered is a warning, and the row is skipped.
    expect(byLine[7]).toBe('')
    const registered = rows.find((r) => r.line === 7)
    expect(registered?.status).toBe('omitida')
    expect(registered?.warnings.join(' ')).toMatch(/Ya existe una persona integrante con este nombre: Ana Pérez/)
    expect(byLine[8]).toBe(`municipio «Puerto Vallarta» no reconocido (use: ${MUNICIPALITIES.join(', ')})`)
    expect(byLine[9]).toBe('municipio: Elija el municipio que representa')
  })
  it('rechaza archivos sin las columnas obligatorias o con columnas desconocidas', () => {
    expect(parseMemberCsv('nombre,edad\nA,3\n', []).rows[0]?.errors[0]).toMatch(/Faltan columnas obligatorias: institucion, sector/)
    expect(parseMemberCsv('nombre,institucion,sector,edad\nA,B,otro,3\n', []).rows[0]?.errors[0]).toMatch(/Columnas no reconocidas: edad/)
    expect(parseMemberCsv('nombre,institucion,sector\n', []).rows[0]?.errors[0]).toBe('El archivo no tiene filas de integrantes.')
  })
})
