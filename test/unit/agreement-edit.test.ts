/**
 * Editing an agreement after its session: the vote is checked against the
 * room at the time it was taken, not against the room after everyone's
 * departure was recorded at the close.
 */
import { describe, expect, it } from 'vitest'
import { readDataFile } from '../../main/core/store/read-data-file'
import { demoBridge } from './helpers'

describe('acuerdos de una sesión concluida', () => {
  it.each([
    ['la demostración', { sessions: 14, seed: 7 }],
    ['otra semilla', { sessions: 20, seed: 3 }],
    ['un año denso', { sessions: 12, seed: 11, dense: true }],
  ])('cada acuerdo de cada sesión concluida (%s) se puede corregir con su misma votación', async (_label, demo) => {
    const bridge = await demoBridge(demo)
    const data = bridge.store.data
    const concluded = new Set(data.sessions.filter((session) => session.status === 'concluida').map((session) => session.id))
    const agreements = data.agreements.filter((agreement) => concluded.has(agreement.sessionId))
    expect(agreements.length).toBeGreaterThan(3)
    // Concluded sessions record a departure for everyone who attended: the bug this guards against.
    for (const id of concluded) {
      const session = data.sessions.find((candidate) => candidate.id === id)!
      const attended = session.attendance.filter((row) => row.status === 'presente')
      expect(attended.length).toBeGreaterThan(0)
      expect(attended.every((row) => row.leftAt !== null)).toBe(true)
    }
    for (const agreement of agreements) {
      const { id, status, text, vote, responsibleMemberIds, responsibleInstitutions, dueDate, commitmentId } = agreement
      const corrected = `${text} (corregido)`
      const saved = await bridge.call('updateAgreement', { id, status, text: corrected, vote, responsibleMemberIds, responsibleInstitutions, dueDate, commitmentId })
      expect(saved.text).toBe(corrected)
    }
    const onDisk = await readDataFile(bridge.dataFile)
    for (const agreement of agreements) expect(onDisk.agreements.find((entry) => entry.id === agreement.id)?.text).toBe(`${agreement.text} (corregido)`)
  })

  it('una votación imposible a la hora en que se tomó se sigue rechazando y nada cambia', async () => {
    const bridge = await demoBridge({ sessions: 14, seed: 7 })
    const data = bridge.store.data
    const session = data.sessions.find((candidate) => candidate.status === 'concluida' && data.agreements.some((agreement) => agreement.sessionId === candidate.id))!
    const agreement = data.agreements.find((candidate) => candidate.sessionId === session.id)!
    const seats = session.attendance.length
    const { id, status, text, responsibleMemberIds, responsibleInstitutions, dueDate, commitmentId } = agreement
    const vote = { favor: seats + 1, contra: 0, abstenciones: 0, unanimous: true, named: [] }
    const message = await bridge.refused('updateAgreement', { id, status, text: `${text} (corregido)`, vote, responsibleMemberIds, responsibleInstitutions, dueDate, commitmentId })
    expect(message).toMatch(/^La votación suma \d+ votos, pero sólo hay \d+ integrantes con voto presentes\.$/)
  })
})
