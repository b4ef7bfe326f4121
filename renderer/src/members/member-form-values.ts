/**
 * The member form's values, their Spanish validation (the same limits as the
 * contract's schema, checked here so the user sees them beside each field),
 * and the conversion to the operation's input.
 */
import type { TFunction } from 'i18next'
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
}

export type MemberFormErrors = Partial<Record<keyof MemberFormValues, string>>

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
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

export function validateMember(values: MemberFormValues, t: TFunction): MemberFormErrors {
  const errors: MemberFormErrors = {}
  const tooLong = (max: number) => t('members.form.errors.tooLong', { max })
  const limit = (field: keyof MemberFormValues, value: string, max: number) => {
    if (value.trim().length > max) errors[field] = tooLong(max)
  }
  if (!values.fullName.trim()) errors.fullName = t('members.form.errors.fullNameRequired')
  else limit('fullName', values.fullName, 160)
  limit('position', values.position, 160)
  if (!values.institution.trim()) errors.institution = t('members.form.errors.institutionRequired')
  else limit('institution', values.institution, 200)
  if (!values.sector) errors.sector = t('members.form.errors.sectorRequired')
  if (values.sector === 'municipio' && !values.municipality) {
    errors.municipality = t('members.form.errors.municipalityRequired')
  }
  if (values.role === 'suplente' && !values.substituteFor) {
    errors.substituteFor = t('members.form.errors.substituteRequired')
  }
  const email = values.email.trim()
  if (email && !EMAIL.test(email)) errors.email = t('members.form.errors.emailInvalid')
  limit('phone', values.phone, 40)
  return errors
}

/** Call only after validateMember returned no errors. */
export function toMemberInput(values: MemberFormValues): MemberInput {
  return {
    fullName: values.fullName.trim(),
    position: values.position.trim(),
    institution: values.institution.trim(),
    sector: values.sector ?? 'otro',
    municipality: values.municipality,
    role: values.role,
    substituteFor: values.role === 'suplente' ? values.substituteFor : null,
    voting: values.voting,
    email: values.email.trim(),
    phone: values.phone.trim(),
  }
}
