/**
 * Rules of the member registry: a suplente stands in for exactly one titular
 * of the registry; a titular stands in for nobody.
 */
import { AppError } from '../errors'
import type { Member } from '../model/schema'
import type { MemberInput } from '../contract/operations'

export function checkMemberPairing(input: Pick<MemberInput, 'role' | 'substituteFor'>, members: readonly Member[], selfId: string | null): void {
  if (input.role === 'titular') {
    if (input.substituteFor !== null) throw new AppError('REGLA', 'Un titular no suple a otro integrante: quite la suplencia o márquelo como suplente.')
    return
  }
  if (input.substituteFor === null) throw new AppError('REGLA', 'Indique a qué titular suple este integrante.')
  if (input.substituteFor === selfId) throw new AppError('REGLA', 'Un integrante no puede suplirse a sí mismo.')
  const titular = members.find((member) => member.id === input.substituteFor)
  if (!titular) throw new AppError('NO_ENCONTRADO', 'El titular indicado no existe.')
  if (titular.role !== 'titular') throw new AppError('REGLA', `${titular.fullName} es suplente: un suplente sólo puede suplir a un titular.`)
}

/** For each member, the name of its pair: the titular a suplente stands in for, or a titular's suplente(s). */
export function pairedNames(members: readonly Member[]): Map<string, string | null> {
  const byId = new Map(members.map((member) => [member.id, member]))
  const substitutes = new Map<string, string[]>()
  for (const member of members) {
    if (member.substituteFor) substitutes.set(member.substituteFor, [...(substitutes.get(member.substituteFor) ?? []), member.fullName])
  }
  return new Map(
    members.map((member) => [
      member.id,
      member.substituteFor ? (byId.get(member.substituteFor)?.fullName ?? null) : (substitutes.get(member.id)?.join(', ') ?? null),
    ]),
  )
}
