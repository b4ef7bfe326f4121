/**
 * Who is expected to sign a session's acta, in signing order, each with the
 * name of the signature field reserved for them on the acta's «Firmas» page.
 * The rule comes from the settings: the session's presidency and technical
 * secretary, or every member present with vote (presidency and secretary first).
 */
import { countsAsPresent, type Data, type Member, type Session } from '../model/schema'
import { foldCharacter } from './text'

export interface ExpectedSigner {
  memberId: string
  name: string
  position: string
  institution: string
  /** What the signer signs as, for the signature page: «Presidencia», «Secretaría Técnica», «Integrante». */
  capacity: 'presidencia' | 'secretaria' | 'integrante'
  /** The reserved signature field's name (/T) in the PDF. */
  field: string
}

export const SIGNER_CAPACITY_LABELS: Record<ExpectedSigner['capacity'], string> = {
  presidencia: 'Presidencia',
  secretaria: 'Secretaría Técnica',
  integrante: 'Integrante',
}

/** The field reserved for a member: stable for the member, free of the periods that would make it a hierarchy. */
export function signatureFieldName(memberId: string): string {
  return `firma-${memberId.replace(/[^A-Za-z0-9_-]/g, '_')}`
}

export function expectedSigners(data: Data, session: Session): ExpectedSigner[] {
  const members = new Map(data.members.map((member) => [member.id, member]))
  const result: ExpectedSigner[] = []
  const add = (member: Member | undefined, capacity: ExpectedSigner['capacity']): void => {
    if (!member || result.some((signer) => signer.memberId === member.id)) return
    result.push({ memberId: member.id, name: member.fullName, position: member.position, institution: member.institution, capacity, field: signatureFieldName(member.id) })
  }
  add(session.chairId ? members.get(session.chairId) : undefined, 'presidencia')
  add(session.secretaryId ? members.get(session.secretaryId) : undefined, 'secretaria')
  if (data.settings.signatureSigners === 'presentes-con-voto') {
    for (const entry of session.attendance) {
      if (!countsAsPresent(entry.status)) continue
      const seat = members.get(entry.memberId)
      if (seat?.voting !== 'voz-y-voto') continue
      // A substitute who attended signs for the seat they filled.
      add(entry.status === 'suplente' && entry.substituteId ? members.get(entry.substituteId) : seat, 'integrante')
    }
  }
  return result
}

/** Titles that precede a name in the registry but never in a certificate. */
const HONORIFICS = new Set(['lic', 'licda', 'mtra', 'mtro', 'dr', 'dra', 'ing', 'arq', 'c', 'profr', 'profra', 'prof', 'sr', 'sra', 'mc', 'psic'])

function nameWords(name: string): string[] {
  return foldCharacter(name)
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 0 && !HONORIFICS.has(word))
}

/** Whether a certificate's name is a member's, ignoring accents, case, punctuation and titles («Mtra. Begoña Ibáñez» ~ «BEGOÑA IBAÑEZ»). */
export function namesMatch(registered: string, certificate: string): boolean {
  const a = nameWords(registered)
  const b = nameWords(certificate)
  return a.length > 0 && a.length === b.length && a.every((word, index) => word === b[index])
}

/** A certificate is a member's: by RFC when both carry one, otherwise by name (accents, case and titles aside). */
export function certificateMatches(member: Pick<Member, 'fullName' | 'rfc'> | undefined, certificateName: string | null, certificateRfc: string | null): boolean {
  if (!member) return false
  if (member.rfc && certificateRfc) return member.rfc === certificateRfc.toUpperCase()
  return certificateName !== null && namesMatch(member.fullName, certificateName)
}
