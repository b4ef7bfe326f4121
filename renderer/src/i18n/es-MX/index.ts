/**
 * Every string the user sees, in Mexican Spanish, one file per feature.
 * Components read them through react-i18next's `t`; enum labels live here
 * too so a status never shows its internal code.
 */
import { agreements } from './agreements'
import { audit } from './audit'
import { backup } from './backup'
import { common } from './common'
import { confirmations } from './confirmations'
import { dashboard } from './dashboard'
import { documents } from './documents'
import { enums } from './enums'
import { members } from './members'
import { minutes } from './minutes'
import { packets } from './packets'
import { plan } from './plan'
import { projector } from './projector'
import { recovery } from './recovery'
import { search } from './search'
import { sessions } from './sessions'
import { settings } from './settings'
import { signing } from './signing'

const features = [common, enums, sessions, minutes, members, agreements, plan, dashboard, documents, signing, packets, settings, audit, search, recovery, backup, confirmations, projector] as const

type Feature = (typeof features)[number]
type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never
type IsUnion<U> = [U] extends [Intersection<U>] ? false : true
type Namespace = Feature extends infer F ? (F extends unknown ? keyof F : never) : never
/** Namespaces defined by more than one feature file; there must be none. */
type Shared = { [K in Namespace]: IsUnion<Extract<Feature, Record<K, unknown>>> extends true ? K : never }[Namespace]
const noneShared: [Shared] extends [never] ? true : Shared = true

export const esMX = Object.assign({}, ...features) as Intersection<Feature>
export type Resources = typeof esMX
void noneShared
