import { describe, it, expect } from 'vitest'
import { generateDemoData } from '../../main/demo/demo-data'
import { dataSchema, MUNICIPALITIES, PILLARS, type Data, type Session } from '../../main/core/model/schema'
import { addDays } from '../../main/core/domain/dates'
import { TODAY } from '../support/clock'


/** Every cross-reference the demo promises, as a list of readable problems (empty when sound). */
function integrityProblems(data: Data): string[] {
  const problems: string[] = []
  const members = new Map(data.members.map((m) => [m.id, m]))
  const sessions = new Map(data.sessions.map((s) => [s.id, s]))
  const sessionIndex = new Map(data.sessions.map((s, i) => [s.id, i]))
  const commitments = new Set(data.commitments.map((c) => c.id))
  const plans = new Set(data.plans.map((p) => p.id))
  const unique = (what: string, ids: string[]) => {
    if (new Set(ids).size !== ids.length) problems.push(`${what}: identificadores repetidos`)
  }
  unique('integrantes', data.members.map((m) => m.id))
  unique('sesiones', data.sessions.map((s) => s.id))
  unique('acuerdos', data.agreements.map((a) => a.id))
  unique('claves de acuerdo', data.agreements.map((a) => a.key))
  unique('compromisos', data.commitments.map((c) => c.id))
  unique('puntos', data.sessions.flatMap((s) => s.agenda.map((i) => i.id)))
  unique('seguimientos', data.agreements.flatMap((a) => a.followUps.map((f) => f.id)))
  unique('intervenciones', data.sessions.flatMap((s) => s.agenda.flatMap((i) => i.interventions.map((x) => x.id))))

  for (const m of data.members) {
    if (m.role === 'suplente') {
      const titular = m.substituteFor ? members.get(m.substituteFor) : undefined
      if (!titular || titular.role !== 'titular') problems.push(`${m.id} suple a quien no es titular`)
      else if (titular.institution !== m.institution) problems.push(`${m.id} suple a un titular de otra institución`)
    } else if (m.substituteFor !== null) problems.push(`${m.id} es titular y suple a alguien`)
  }

  for (const s of data.sessions) {
    for (const id of [s.chairId, s.secretaryId]) if (id && !members.has(id)) problems.push(`${s.id}: coordinación o secretaría inexistente`)
    if (s.actApprovedInSessionId) {
      const later = sessionIndex.get(s.actApprovedInSessionId)
      if (later === undefined || later <= (sessionIndex.get(s.id) ?? 0)) problems.push(`${s.id}: acta aprobada en una sesión inexistente o anterior`)
    }
    const itemIds = new Set<string>()
    for (const item of s.agenda) {
      if (item.parentId !== null && !itemIds.has(item.parentId)) problems.push(`${item.id}: su punto padre no existe o va después`)
      itemIds.add(item.id)
      for (const x of item.interventions) if (x.memberId !== null && !members.has(x.memberId)) problems.push(`${x.id}: integrante inexistente`)
    }
    for (const row of s.attendance) {
      if (!members.has(row.memberId)) problems.push(`${s.id}: asistencia de integrante inexistente`)
      if (row.status === 'suplente') {
        const substitute = row.substituteId ? members.get(row.substituteId) : undefined
        if (!substitute || substitute.substituteFor !== row.memberId) problems.push(`${s.id}: ${row.memberId} representado por quien no es su suplente`)
        else if (s.attendance.find((r) => r.memberId === substitute.id)?.status !== 'presente') problems.push(`${s.id}: el suplente de ${row.memberId} no aparece presente`)
      } else if (row.substituteId !== null) problems.push(`${s.id}: suplente indicado sin estado 'suplente'`)
    }
  }

  for (const a of data.agreements) {
    const session = sessions.get(a.sessionId)
    if (!session) {
      problems.push(`${a.key}: sesión inexistente`)
      continue
    }
    if (!session.agenda.some((i) => i.id === a.itemId)) problems.push(`${a.key}: punto inexistente`)
    const code = `${session.type === 'ordinaria' ? 'SO' : 'SE'}${String(session.number).padStart(2, '0')}-${session.year}`
    if (!a.key.startsWith(`${data.settings.keyPrefix}-${code}-`)) problems.push(`${a.key}: no corresponde a su sesión ${code}`)
    for (const id of a.responsibleMemberIds) if (!members.has(id)) problems.push(`${a.key}: responsable inexistente`)
    for (const v of a.vote.named) if (!members.has(v.memberId)) problems.push(`${a.key}: voto nominal de integrante inexistente`)
    if (a.commitmentId !== null && !commitments.has(a.commitmentId)) problems.push(`${a.key}: compromiso inexistente`)
    for (const f of a.followUps) {
      if (f.date < session.date) problems.push(`${a.key}: seguimiento anterior al acuerdo`)
      if (f.sessionId !== null) {
        const review = sessions.get(f.sessionId)
        if (!review) problems.push(`${a.key}: seguimiento en sesión inexistente`)
        else if (review.date <= session.date || review.date !== f.date) problems.push(`${a.key}: seguimiento con sesión incongruente`)
      }
    }
  }
  for (const c of data.commitments) if (!plans.has(c.planId)) problems.push(`${c.id}: plan inexistente`)
  return problems
}

function held(data: Data): Session[] {
  return data.sessions.filter((s) => s.status === 'concluida')
}

describe('generateDemoData', () => {
  const data = generateDemoData({ today: TODAY })

  it('produces a valid data file that survives the schema unchanged', () => {
    expect(dataSchema.parse(data)).toEqual(data)
  })

  it('is deterministic: same options, same bytes; another seed or day, other data', () => {
    const again = generateDemoData({ today: TODAY })
    expect(JSON.stringify(again)).toBe(JSON.stringify(data))
    expect(JSON.stringify(generateDemoData({ today: TODAY, seed: 2 }))).not.toBe(JSON.stringify(data))
    expect(JSON.stringify(generateDemoData({ today: addDays(TODAY, 1) }))).not.toBe(JSON.stringify(data))
    expect(JSON.stringify(generateDemoData({ today: TODAY, seed: 7, dense: true, sessions: 5 }))).toBe(
      JSON.stringify(generateDemoData({ today: TODAY, seed: 7, dense: true, sessions: 5 })),
    )
  })

  it('keeps every reference pointing at something that exists', () => {
    expect(integrityProblems(data)).toEqual([])
  })

  it.each([0, 1, 2, 3, 6, 14, 30])('creates exactly %i sessions', (sessions) => {
    const result = generateDemoData({ today: TODAY, sessions, seed: 3 })
    expect(result.sessions).toHaveLength(sessions)
    expect(() => dataSchema.parse(result)).not.toThrow()
    expect(integrityProblems(result)).toEqual([])
  })

  it('rejects a malformed day or session count', () => {
    expect(() => generateDemoData({ today: '2026-02-30' })).toThrow()
    expect(() => generateDemoData({ today: TODAY, sessions: -1 })).toThrow()
  })

  it('seats the registry of a real STL', () => {
    expect(data.members.length).toBeGreaterThanOrEqual(32)
    expect(data.members.length).toBeLessThanOrEqual(40)
    for (const name of MUNICIPALITIES) {
      const seat = data.members.find((m) => m.municipality === name && m.role === 'titular')
      expect(seat, name).toBeDefined()
      expect(seat?.sector).toBe('municipio')
      expect(seat?.institution).toBe(`Ayuntamiento de ${name}`)
      expect(seat?.voting).toBe('voz')
    }
    const votingTitulares = data.members.filter((m) => m.active && m.role === 'titular' && m.voting === 'voz-y-voto')
    expect(votingTitulares.length).toBeGreaterThanOrEqual(15)
    const inactive = data.members.filter((m) => !m.active)
    expect(inactive.length).toBeGreaterThanOrEqual(1)
    expect(inactive.length).toBeLessThanOrEqual(2)
    for (const sector of ['gobierno-estatal', 'sociedad-civil', 'organo-garante', 'academia', 'municipio'] as const) {
      expect(data.members.some((m) => m.sector === sector), sector).toBe(true)
    }
    expect(data.members.some((m) => m.institution.startsWith('Instituto de Transparencia, Información Pública'))).toBe(true)
    expect(data.members.some((m) => m.institution === 'Congreso del Estado de Jalisco' && m.voting === 'voz')).toBe(true)
    for (const m of data.members) {
      expect(m.email).toMatch(/^[a-z0-9.]+@example\.(org|mx)$/)
      expect(m.phone).toMatch(/^33 \d{4} \d{4}$/)
    }
    expect(new Set(data.members.map((m) => m.email)).size).toBe(data.members.length)
    expect(data.members.some((m) => /[áéíóúñÁÉÍÓÚÑ]/.test(m.fullName))).toBe(true)
  })

  it('lays out a year: sessions held before today, the next ordinaria convened', () => {
    const convened = data.sessions.filter((s) => s.status === 'convocada')
    expect(convened).toHaveLength(1)
    expect(convened[0]?.type).toBe('ordinaria')
    expect(convened[0]!.date >= TODAY).toBe(true)
    expect(data.sessions.filter((s) => s.type === 'extraordinaria').length).toBeGreaterThanOrEqual(1)
    const cancelled = data.sessions.filter((s) => s.status === 'cancelada')
    expect(cancelled.length).toBeLessThanOrEqual(1)
    for (const s of cancelled) expect(s.cancelReason).not.toBe('')

    const counters = new Map<string, number>()
    for (const s of data.sessions) {
      expect(s.year).toBe(Number(s.date.slice(0, 4)))
      const key = `${s.type}-${s.year}`
      counters.set(key, (counters.get(key) ?? 0) + 1)
      expect(s.number).toBe(counters.get(key))
      if (s.modality !== 'presencial') expect(s.link).toMatch(/^https:\/\/meet\.example\.org\/stl-/)
      if (s.modality !== 'virtual') expect(s.venue).not.toBe('')
      if (s.status === 'concluida') {
        expect(s.date < TODAY).toBe(true)
        expect(s.endTime).not.toBeNull()
        expect(s.endTime! > s.startTime).toBe(true)
      } else {
        expect(s.attendance).toEqual([])
        expect(s.quorum).toBeNull()
        expect(s.actStatus).toBe('borrador')
        for (const item of s.agenda) {
          expect(item.status).toBe('pendiente')
          expect(item.elapsedSeconds).toBe(0)
        }
      }
    }
    for (const s of data.sessions.filter((x) => x.type === 'ordinaria' && x.status !== 'cancelada')) {
      const day = new Date(`${s.date}T12:00:00Z`).getUTCDay()
      expect(day >= 1 && day <= 5, s.date).toBe(true)
    }
  })

  it('records attendance and quorum consistently', () => {
    const active = data.members.filter((m) => m.active)
    const votingTitulares = new Set(active.filter((m) => m.role === 'titular' && m.voting === 'voz-y-voto').map((m) => m.id))
    const statuses = new Set<string>()
    for (const s of held(data)) {
      expect(s.attendance.map((r) => r.memberId).sort()).toEqual(active.map((m) => m.id).sort())
      for (const r of s.attendance) statuses.add(r.status)
      const present = s.attendance.filter((r) => votingTitulares.has(r.memberId) && (r.status === 'presente' || r.status === 'suplente')).length
      expect(s.quorum).toMatchObject({
        call: 'primera',
        votingMembers: votingTitulares.size,
        present,
        required: Math.floor(votingTitulares.size / 2) + 1,
        reached: true,
      })
      expect(present).toBeGreaterThanOrEqual(s.quorum!.required)
      for (const r of s.attendance) {
        if (r.status === 'presente') expect(r.arrivedAt).not.toBeNull()
        else expect(r.arrivedAt).toBeNull()
      }
      expect(s.attendance.find((r) => r.memberId === s.chairId)?.status).toBe('presente')
    }
    for (const status of ['presente', 'ausente', 'justificada', 'suplente']) expect(statuses.has(status), status).toBe(true)
  })

  it('follows the agenda template and develops the items of sessions held', () => {
    for (const s of data.sessions) {
      const titles = s.agenda.map((i) => i.title)
      expect(titles.slice(0, 4)).toEqual([
        'Lista de asistencia y declaración de quórum',
        'Lectura y, en su caso, aprobación del orden del día',
        'Lectura y, en su caso, aprobación del acta de la sesión anterior',
        'Seguimiento de acuerdos',
      ])
      expect(titles.slice(-2)).toEqual(['Asuntos generales', 'Clausura de la sesión'])
      expect(s.agenda[s.agenda.length - 2]?.type).toBe('asuntos-generales')
      const substantive = s.agenda.slice(4, -2).filter((i) => i.parentId === null)
      expect(substantive.length).toBeGreaterThanOrEqual(s.status === 'borrador' ? 1 : 2)
      expect(substantive.length).toBeLessThanOrEqual(5)
      for (const item of s.agenda) {
        expect(item.attachments).toEqual([])
        expect(item.presenter).not.toBe('')
      }
    }
    for (const s of held(data)) {
      expect(s.agenda.filter((i) => i.status === 'diferido').length).toBeLessThanOrEqual(1)
      for (const item of s.agenda) {
        expect(['tratado', 'diferido']).toContain(item.status)
        expect(item.notes.length).toBeGreaterThan(30)
        expect(item.elapsedSeconds).toBeGreaterThan(0)
        for (const x of item.interventions) {
          const row = s.attendance.find((r) => r.memberId === x.memberId)
          expect(row?.status, `${x.speaker} habló sin estar presente`).toBe('presente')
          expect(data.members.find((m) => m.id === x.memberId)?.fullName).toBe(x.speaker)
        }
      }
    }
    expect(data.sessions.some((s) => s.agenda.some((i) => i.parentId !== null))).toBe(true)
  })

  it('approves each acta at the next session held; the latest is in review', () => {
    const list = held(data)
    list.forEach((s, index) => {
      const next = list[index + 1]
      if (next) {
        expect(s.actStatus).toBe('aprobada')
        expect(s.actApprovedInSessionId).toBe(next.id)
      } else {
        expect(s.actStatus).toBe('en-revision')
        expect(s.actApprovedInSessionId).toBeNull()
      }
    })
  })

  it('adopts agreements with keys, votes and follow-ups that fit their session', () => {
    const list = held(data)
    for (const s of list) {
      const agreements = data.agreements.filter((a) => a.sessionId === s.id)
      expect(agreements.length).toBeGreaterThanOrEqual(1)
      agreements.forEach((a, index) => {
        expect(a.key).toBe(`STL-${s.type === 'ordinaria' ? 'SO' : 'SE'}${String(s.number).padStart(2, '0')}-${s.year}-${String(index + 1).padStart(2, '0')}`)
        const item = s.agenda.find((i) => i.id === a.itemId)
        expect(item?.status).toBe('tratado')
        expect(a.text).toMatch(/^Se /)
        const { favor, contra, abstenciones, unanimous, named } = a.vote
        expect(favor + contra + abstenciones).toBeLessThanOrEqual(s.quorum!.present)
        if (unanimous) expect([contra, abstenciones]).toEqual([0, 0])
        if (named.length > 0) {
          expect(named).toHaveLength(favor + contra + abstenciones)
          expect(named.filter((v) => v.vote === 'contra')).toHaveLength(contra)
        }
      })
    }
    for (const s of data.sessions.filter((x) => x.status !== 'concluida')) expect(data.agreements.some((a) => a.sessionId === s.id)).toBe(false)
    const statuses = new Set(data.agreements.map((a) => a.status))
    expect(statuses.has('cumplido')).toBe(true)
    expect(statuses.has('pendiente') || statuses.has('en-proceso')).toBe(true)
    const overdue = data.agreements.filter((a) => (a.status === 'pendiente' || a.status === 'en-proceso') && a.dueDate !== null && a.dueDate < TODAY)
    expect(overdue.length).toBeGreaterThanOrEqual(1)
    expect(data.agreements.some((a) => a.commitmentId !== null)).toBe(true)
    expect(data.agreements.some((a) => a.followUps.some((f) => f.evidenceUrl.startsWith('https://transparencia.example.org/')))).toBe(true)
  })

  it('holds one PAL covering today with OGP-style commitments', () => {
    expect(data.plans).toEqual([{ id: 'pal-2025-2027', name: 'PAL 2025–2027', startYear: 2025, endYear: 2027 }])
    expect(data.commitments.length).toBeGreaterThanOrEqual(6)
    expect(data.commitments.length).toBeLessThanOrEqual(8)
    const progress = new Set<number>()
    for (const c of data.commitments) {
      expect(c.pillars.length).toBeGreaterThanOrEqual(1)
      expect(c.pillars.length).toBeLessThanOrEqual(2)
      for (const p of c.pillars) expect(PILLARS).toContain(p)
      expect(c.problem && c.baseline && c.objective && c.expectedResult && c.leadInstitution && c.coLeadInstitution).toBeTruthy()
      expect(c.startDate < c.endDate).toBe(true)
      expect(c.milestones.length).toBeGreaterThanOrEqual(3)
      expect(c.milestones.length).toBeLessThanOrEqual(5)
      for (const m of c.milestones) {
        if (m.status === 'no-iniciado') expect(m.progress).toBe(0)
        if (m.status === 'completado') expect(m.progress).toBe(100)
        if (m.status === 'en-proceso') expect(m.progress > 0 && m.progress < 100).toBe(true)
      }
      const total = c.milestones.reduce((sum, m) => sum + m.weight, 0)
      progress.add(Math.round(c.milestones.reduce((sum, m) => sum + m.progress * m.weight, 0) / total))
    }
    expect(progress.size).toBeGreaterThanOrEqual(4)
  })

  it('stamps the file from today and nothing after it', () => {
    expect(data.updatedAt.startsWith(TODAY)).toBe(true)
    expect(data.createdAt < data.updatedAt).toBe(true)
    const limit = Date.parse(data.updatedAt)
    const stamps = [
      ...data.members.flatMap((m) => [m.createdAt, m.updatedAt]),
      ...data.sessions.flatMap((s) => [s.createdAt, s.updatedAt]),
      ...data.agreements.flatMap((a) => [a.createdAt, a.updatedAt]),
    ]
    for (const stamp of stamps) expect(Date.parse(stamp)).toBeLessThanOrEqual(limit)
    expect(data.audit.length).toBeGreaterThan(0)
  })

  it('uses the UTC offset Guadalajara had on each date', () => {
    const old = generateDemoData({ today: '2019-12-10', sessions: 14 })
    expect(() => dataSchema.parse(old)).not.toThrow()
    const summer = held(old).find((s) => s.date.slice(5, 7) === '07')
    const winter = held(old).find((s) => ['01', '02', '03', '11', '12'].includes(s.date.slice(5, 7)))
    expect(summer?.createdAt.endsWith('-05:00') || summer?.updatedAt.endsWith('-05:00')).toBe(true)
    expect(summer?.quorum?.declaredAt.endsWith('-05:00')).toBe(true)
    expect(winter?.quorum?.declaredAt.endsWith('-06:00')).toBe(true)
    expect(held(data).every((s) => s.quorum?.declaredAt.endsWith('-06:00'))).toBe(true)
  })

  it.each(['2025-01-03', '2024-06-30', '2027-12-31', '2031-03-01'])('works for today = %s', (today) => {
    const result = generateDemoData({ today, seed: 11 })
    expect(() => dataSchema.parse(result)).not.toThrow()
    expect(integrityProblems(result)).toEqual([])
    const plan = result.plans[0]!
    expect(Number(today.slice(0, 4))).toBeGreaterThanOrEqual(plan.startYear)
    expect(Number(today.slice(0, 4))).toBeLessThanOrEqual(plan.endYear)
  })
})

describe('generateDemoData in dense mode', () => {
  const dense = generateDemoData({ today: TODAY, sessions: 150, dense: true })

  it('is valid and sound', () => {
    expect(dense.sessions).toHaveLength(150)
    expect(() => dataSchema.parse(dense)).not.toThrow()
    expect(integrityProblems(dense)).toEqual([])
  })

  it('fills every session held', () => {
    expect(dense.members.filter((m) => m.active).length).toBeGreaterThanOrEqual(40)
    const list = held(dense)
    expect(list.length).toBeGreaterThanOrEqual(140)
    for (const s of list) {
      expect(s.agenda.length).toBeGreaterThanOrEqual(20)
      for (const item of s.agenda) expect(item.notes.length).toBeGreaterThanOrEqual(1500)
      expect(s.attendance.length).toBeGreaterThanOrEqual(40)
      const agreements = dense.agreements.filter((a) => a.sessionId === s.id)
      expect(agreements.length).toBeGreaterThanOrEqual(3)
      for (const a of agreements) expect(a.followUps.length).toBeGreaterThanOrEqual(1)
    }
    for (const s of dense.sessions) expect(s.number).toBeLessThanOrEqual(99)
  })
})
