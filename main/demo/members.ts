/**
 * The demo registry of integrantes: a titular per seat, most seats with a
 * suplente, and two former members kept inactive (people do rotate).
 */
import type { Member } from '../core/model/schema'
import { mexicoInstant } from '../core/domain/dates'
import { INSTITUTIONS, type InstitutionKey, type InstitutionSpec } from './institutions'
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES, TITLES } from './people-names'
import type { Random } from './random'
import { asciiSlug } from './text'

export interface Seat {
  institution: InstitutionSpec
  titular: Member
  /** The active suplente, if the seat has one. */
  suplente: Member | null
}

export interface Registry {
  members: Member[]
  /** Seats in registry order; one per institution. */
  seats: Seat[]
  seat(key: InstitutionKey): Seat
  byId: Map<string, Member>
  /** The seat a member (titular or suplente) belongs to. */
  seatOf: Map<string, Seat>
}

interface Person {
  fullName: string
  email: string
}

export function buildRegistry(rng: Random, options: { dense: boolean; createdOn: string; deactivatedOn: string }): Registry {
  const people = new PersonFactory(rng.fork('personas'))
  const created = mexicoInstant(options.createdOn, 9 * 60 + 30)
  const members: Member[] = []
  const seats: Seat[] = []
  let counter = 0
  const nextId = () => `int-${String(++counter).padStart(3, '0')}`

  const make = (spec: InstitutionSpec, role: Member['role'], substituteFor: string | null, active: boolean): Member => {
    const female = people.rng.chance(0.5)
    const person = people.create(spec, female)
    const position = (role === 'titular' ? spec.titularPosition : spec.suplentePosition)[female ? 0 : 1]
    const member: Member = {
      id: nextId(),
      fullName: person.fullName,
      position,
      institution: spec.name,
      sector: spec.sector,
      municipality: spec.municipality,
      role,
      substituteFor,
      voting: spec.voting,
      active,
      email: person.email,
      phone: people.phone(),
      rfc: '',
      curp: '',
      createdAt: created,
      updatedAt: active ? created : mexicoInstant(options.deactivatedOn, 13 * 60 + 10),
    }
    members.push(member)
    return member
  }

  for (const spec of INSTITUTIONS) {
    const titular = make(spec, 'titular', null, true)
    const suplente = spec.hasSuplente || options.dense ? make(spec, 'suplente', titular.id, true) : null
    seats.push({ institution: spec, titular, suplente })
    // Former members stay in the registry, inactive, so old records keep their names.
    if (spec.key === 'hacienda') make(spec, 'titular', null, false)
    if (spec.key === 'coljal') make(spec, 'suplente', titular.id, false)
  }

  const byKey = new Map(seats.map((seat) => [seat.institution.key, seat]))
  const seatOf = new Map<string, Seat>()
  for (const seat of seats) {
    seatOf.set(seat.titular.id, seat)
    if (seat.suplente) seatOf.set(seat.suplente.id, seat)
  }
  return {
    members,
    seats,
    seat(key) {
      const seat = byKey.get(key)
      if (!seat) throw new Error(`Sin asiento para ${key}`)
      return seat
    },
    byId: new Map(members.map((member) => [member.id, member])),
    seatOf,
  }
}

class PersonFactory {
  private readonly usedNames = new Set<string>()
  private readonly usedEmails = new Set<string>()

  constructor(readonly rng: Random) {}

  create(spec: InstitutionSpec, female: boolean): Person {
    for (;;) {
      const given = this.rng.pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES)
      const first = this.rng.pick(SURNAMES)
      const second = this.rng.pick(SURNAMES)
      if (first === second) continue
      const plain = `${given} ${first} ${second}`
      if (this.usedNames.has(plain)) continue
      this.usedNames.add(plain)
      const title = this.rng.weighted(TITLES[spec.titleKind])[female ? 0 : 1]
      return { fullName: `${title} ${plain}`, email: this.email(given, first, second, spec.domain) }
    }
  }

  /** ana.ramirez@…, then ana.ramirez.iniguez@…, then a number: addresses must stay unique. */
  private email(given: string, first: string, second: string, domain: string): string {
    const name = asciiSlug(given.split(' ')[0] ?? given)
    const candidates = [`${name}.${asciiSlug(first)}`, `${name}.${asciiSlug(first)}.${asciiSlug(second)}`]
    for (let n = 2; ; n++) {
      const local = candidates.shift() ?? `${name}.${asciiSlug(first)}${n}`
      const address = `${local.replace(/-/g, '')}@${domain}`
      if (!this.usedEmails.has(address)) {
        this.usedEmails.add(address)
        return address
      }
    }
  }

  phone(): string {
    return `33 ${this.rng.int(1000, 9999)} ${this.rng.int(1000, 9999)}`
  }
}
