/**
 * Votes on agreements, consistent with who was in the room: only titulares
 * with vote count, present in person or through their suplente.
 */
import type { Vote } from '../core/model/schema'
import type { Random } from './random'

export interface Voter {
  /** The seat's titular. */
  titularId: string
  /** Who actually cast the vote: the titular, or the suplente standing in. */
  voterId: string
}

export function castVote(rng: Random, voters: readonly Voter[]): Vote {
  const present = voters.length
  // Most STL agreements are reached by consensus; a minority by majority.
  if (present < 3 || rng.chance(0.85)) return { favor: present, contra: 0, abstenciones: 0, unanimous: true, named: [] }
  const contra = rng.int(0, 2)
  const abstenciones = rng.int(contra === 0 ? 1 : 0, 2)
  const favor = present - contra - abstenciones
  const named: Vote['named'] = []
  // A nominal vote is recorded now and then, when a member asks for it.
  if (rng.chance(0.35)) {
    const order = rng.shuffle(voters)
    order.forEach((voter, index) => {
      named.push({ memberId: voter.voterId, vote: index < contra ? 'contra' : index < contra + abstenciones ? 'abstencion' : 'favor' })
    })
  }
  return { favor, contra, abstenciones, unanimous: false, named }
}

/** "por unanimidad de votos de las 14 personas integrantes con derecho a voto presentes". */
export function voteText(vote: Vote): string {
  if (vote.unanimous) return `por unanimidad de votos de las ${vote.favor} personas integrantes con derecho a voto presentes`
  const parts = [`${vote.favor} ${vote.favor === 1 ? 'voto' : 'votos'} a favor`]
  if (vote.contra > 0) parts.push(`${vote.contra} en contra`)
  if (vote.abstenciones > 0) parts.push(`${vote.abstenciones} ${vote.abstenciones === 1 ? 'abstención' : 'abstenciones'}`)
  const last = parts.pop() ?? ''
  return `por mayoría, con ${parts.length > 0 ? `${parts.join(', ')} y ${last}` : last}`
}
