/**
 * The member form's values and the operation's input built from them. The
 * core's `memberInputSchema` checks that input, field by field and whole.
 */
import type { MemberInput } from '../../../main/core/contract/operations'
import type { MemberRow } from '../../../main/core/contract/views'

export interface MemberFormValues {
  fullName: string
  position: string
  institution: string
  sector: MemberInput['sector'] | null
  municipality: MemberInput['municipality']
  role: MemberInput['role']
  substituteFor: string | null
  voting: MemberInput['voting']
  email: string
  phone: string
  /** Optional, as in the member's e.firma; typed in capitals. */
  rfc: string
  curp: string
}

export const emptyMemberValues: MemberFormValues = {
  fullName: '',
  position: '',
  institution: '',
  sector: null,
  municipality: null,
  role: 'titular',
  substituteFor: null,
  voting: 'voz-y-voto',
  email: '',
  phone: '',
  rfc: '',
  curp: '',
}

export function valuesFromMember(member: MemberRow): MemberFormValues {
  return {
    fullName: member.fullName,
    position: member.position,
    institution: member.institution,
    sector: member.sector,
    municipality: member.municipality,
    role: member.role,
    substituteFor: member.substituteFor,
    voting: member.voting,
    email: member.email,
    phone: member.phone,
    rfc: member.rfc,
    curp: member.curp,
  }
}

/** What the form asks to save; a sector not chosen yet stays empty, for the schema to name it. */
export function toMemberInput(values: MemberFormValues) {
  return {
    ...values,
    email: values.email.trim(),
    rfc: values.rfc.trim().toUpperCase(),
    curp: values.curp.trim().toUpperCase(),
    substituteFor: values.role === 'suplente' ? values.substituteFor : null,
  }
}
