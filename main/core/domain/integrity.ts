/**
 * Cross-references the schema alone cannot express: unique ids, and every id
 * that points elsewhere pointing at something that exists.
 */
import type { Data } from '../model/schema'

export function findIntegrityProblems(data: Data): string[] {
  const problems: string[] = []
  const members = uniqueIds(data.members, 'integrante', problems)
  const sessions = uniqueIds(data.sessions, 'sesión', problems)
  const plans = uniqueIds(data.plans, 'plan', problems)
  const commitments = uniqueIds(data.commitments, 'compromiso', problems)
  uniqueIds(data.agreements, 'acuerdo', problems)

  for (const member of data.members) {
    if (member.substituteFor !== null && !members.has(member.substituteFor)) {
      problems.push(`el integrante ${member.id} suple a un integrante inexistente (${member.substituteFor})`)
    }
  }
  const items = new Map<string, Set<string>>()
  for (const session of data.sessions) {
    const ids = new Set(session.agenda.map((item) => item.id))
    items.set(session.id, ids)
    for (const item of session.agenda) {
      if (item.parentId !== null && !ids.has(item.parentId)) {
        problems.push(`el punto ${item.id} de la sesión ${session.id} depende de un punto inexistente`)
      }
    }
    for (const row of session.attendance) {
      if (!members.has(row.memberId)) problems.push(`la asistencia de la sesión ${session.id} nombra a un integrante inexistente (${row.memberId})`)
    }
    const answered = new Set<string>()
    for (const answer of session.confirmations) {
      if (answered.has(answer.memberId)) problems.push(`la sesión ${session.id} tiene dos confirmaciones de ${answer.memberId}`)
      answered.add(answer.memberId)
      for (const id of [answer.memberId, answer.substituteId]) {
        if (id !== null && !members.has(id)) problems.push(`una confirmación de la sesión ${session.id} nombra a un integrante inexistente (${id})`)
      }
    }
  }
  const keys = new Set<string>()
  for (const agreement of data.agreements) {
    if (keys.has(agreement.key)) problems.push(`la clave de acuerdo ${agreement.key} está repetida`)
    keys.add(agreement.key)
    const sessionItems = items.get(agreement.sessionId)
    if (!sessions.has(agreement.sessionId)) problems.push(`el acuerdo ${agreement.key} pertenece a una sesión inexistente`)
    else if (!sessionItems?.has(agreement.itemId)) problems.push(`el acuerdo ${agreement.key} pertenece a un punto inexistente`)
    if (agreement.commitmentId !== null && !commitments.has(agreement.commitmentId)) {
      problems.push(`el acuerdo ${agreement.key} se vincula a un compromiso inexistente`)
    }
  }
  for (const commitment of data.commitments) {
    if (!plans.has(commitment.planId)) problems.push(`el compromiso ${commitment.id} pertenece a un plan inexistente`)
  }
  return problems
}

function uniqueIds(list: readonly { id: string }[], what: string, problems: string[]): Set<string> {
  const ids = new Set<string>()
  for (const { id } of list) {
    if (ids.has(id)) problems.push(`el identificador de ${what} ${id} está repetido`)
    ids.add(id)
  }
  return ids
}
