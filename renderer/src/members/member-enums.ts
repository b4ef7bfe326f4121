/** Enum values the member form and filters offer, checked against main's types. */
import type { MemberInput } from '../../../main/core/contract/operations'
import type { Sector } from '../../../main/core/model/schema'

export const SECTOR_OPTIONS = [
  'gobierno-estatal',
  'sociedad-civil',
  'organo-garante',
  'academia',
  'municipio',
  'otro',
] as const satisfies ReadonlyArray<Sector>

export const MUNICIPALITY_OPTIONS = [
  'Guadalajara',
  'Zapopan',
  'Tlajomulco de Zúñiga',
  'San Pedro Tlaquepaque',
  'Tonalá',
] as const satisfies ReadonlyArray<NonNullable<MemberInput['municipality']>>
