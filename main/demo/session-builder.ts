/**
 * Builds the demo sessions in date order: who came, what was on the agenda,
 * how long each item took, what was said and agreed. Sessions are built
 * chronologically because each one reviews the agreements of the ones before
 * and approves the previous acta.
 */
import type { AgendaItem, Agreement, Attendance, Commitment, Intervention, Session, Settings } from '../core/model/schema'
import { sessionTitle } from '../core/domain/session-title'
import { AgreementBook, type ReviewLine } from './agreement-book'
import { TOPICS, PILLAR_NAMES, type AgreementTemplate, type Responsible, type TopicSpec } from './agenda-topics'
import { addDays, mexicoInstant, isWeekend, longSpanishDate, monthOf, fromMinutes, yearOf } from '../core/domain/dates'
import { INSTITUTIONS, institutionInText, type InstitutionKey } from './institutions'
import type { Registry, Seat } from './members'
import { CANCEL_REASONS, CLOSINGS, FILLERS, GENERAL_MATTERS, INTERVENTIONS, NO_GENERAL_MATTERS, OPENINGS, SECTOR_INTERVENTIONS, VENUES } from './phrases'
import { planPeriod, type PlanBuild } from './plan'
import type { Random } from './random'
import type { SessionSlot } from './schedule'
import { capitalize, fill, joinSpanish, pad2, tidySpanish } from './text'
import { castVote, voteText, type Voter } from './votes'

export interface SessionContext {
  rng: Random
  dense: boolean
  today: string
  /** The last day entities may be stamped with: the day before `today`. */
  lastDay: string
  registry: Registry
  planBuild: PlanBuild
  settings: Settings
  book: AgreementBook
}

interface SessionMeta extends SessionSlot {
  id: string
  year: number
  number: number
  title: string
}

type Presence = 'presente' | 'suplente' | 'ausente' | 'justificada'

/** Who sat at the table for each seat. */
interface Roll {
  presence: Map<InstitutionKey, Presence>
  /** The person speaking for a seat, if anyone came. */
  speaker(key: InstitutionKey): Seat['titular'] | null
  voters: Voter[]
  /** Members physically present. */
  attendees: Seat['titular'][]
  votingMembers: number
  required: number
}

type ItemRole = 'lista' | 'orden' | 'acta' | 'seguimiento' | 'sustantivo' | 'subpunto' | 'generales' | 'clausura'

interface PlannedItem {
  id: string
  parentId: string | null
  title: string
  type: AgendaItem['type']
  role: ItemRole
  seat: Seat
  minutes: number
  topic: TopicSpec | null
  values: Record<string, string | number>
  commitment: Commitment | null
  status: AgendaItem['status']
}

/** What earlier agendas covered, so topics do not repeat too soon. */
interface TopicHistory {
  /** Topic ids of the last few sessions. */
  recent: string[]
  /** `year:topicId` of one-off business already seen. */
  yearly: Set<string>
}

interface HeldSession {
  meta: SessionMeta
  session: Session
}

const CHAIR: InstitutionKey = 'planeacion'
const SECRETARY: InstitutionKey = 'transparencia'
/** Dense data must give every item at least this much development text. */
const DENSE_NOTES_LENGTH = 1500
const DENSE_MIN_ITEMS = 20
/** Lista, orden del día, acta, seguimiento, asuntos generales, clausura. */
const TEMPLATE_ITEMS = 6

export function buildSessions(ctx: SessionContext, slots: readonly SessionSlot[]): Session[] {
  const metas = numberSessions(slots)
  const pastIndexes = metas.flatMap((meta, index) => (meta.phase === 'pasada' ? [index] : []))
  // One agreement five sessions back never gets an answer: the demo needs an overdue one.
  const silentIndex = pastIndexes.length >= 5 ? pastIndexes[pastIndexes.length - 5] : undefined
  const sessions: Session[] = []
  const held: HeldSession[] = []
  const history: TopicHistory = { recent: [], yearly: new Set() }

  metas.forEach((meta, index) => {
    const rng = ctx.rng.fork(meta.id)
    const session = baseSession(ctx, rng, meta)
    if (meta.phase === 'pasada') {
      holdSession(ctx, rng, meta, session, held[held.length - 1] ?? null, history, index === silentIndex)
      held.push({ meta, session })
    } else {
      const allPresent = rollForFuture(ctx)
      const planned = planAgenda(ctx, rng, meta, allPresent, history)
      session.agenda = planned.map((item) => toAgendaItem(item, allPresent, '', 0, []))
      if (meta.phase === 'cancelada') {
        session.status = 'cancelada'
        session.cancelReason = rng.pick(CANCEL_REASONS)
        session.updatedAt = mexicoInstant(clampDate(addDays(meta.date, -2), ctx.lastDay), 13 * 60 + rng.int(0, 59))
      } else if (meta.phase === 'convocada') {
        session.status = 'convocada'
        const convened = clampDate(addDays(meta.date, -7), ctx.lastDay)
        session.updatedAt = laterInstant(session.createdAt, mexicoInstant(convened, 12 * 60 + rng.int(0, 59)))
      }
    }
    sessions.push(session)
  })

  // Each acta is approved at the next session held; the latest one is still circulating.
  held.forEach(({ meta, session }, index) => {
    const next = held[index + 1]
    if (next) {
      session.actStatus = 'aprobada'
      session.actApprovedInSessionId = next.session.id
      session.updatedAt = mexicoInstant(next.meta.date, minutesOfTime(next.session.endTime ?? next.session.startTime))
    } else {
      session.actStatus = 'en-revision'
      session.updatedAt = laterInstant(session.updatedAt, mexicoInstant(clampDate(addDays(meta.date, 3), ctx.lastDay), 11 * 60))
    }
  })
  return sessions
}

/** Numbers restart every year and run separately for ordinarias and extraordinarias. */
function numberSessions(slots: readonly SessionSlot[]): SessionMeta[] {
  const counters = new Map<string, number>()
  return slots.map((slot) => {
    const year = yearOf(slot.date)
    const counterKey = `${slot.type}-${year}`
    const number = (counters.get(counterKey) ?? 0) + 1
    counters.set(counterKey, number)
    const code = `${slot.type === 'ordinaria' ? 'so' : 'se'}${pad2(number)}`
    return { ...slot, year, number, id: `ses-${year}-${code}`, title: sessionTitle({ type: slot.type, number, year }) }
  })
}

function baseSession(ctx: SessionContext, rng: Random, meta: SessionMeta): Session {
  const modality = rng.weighted<Session['modality']>(
    meta.type === 'extraordinaria'
      ? [['presencial', 4], ['hibrida', 2], ['virtual', 4]]
      : [['presencial', 13], ['hibrida', 5], ['virtual', 2]],
  )
  const startTime =
    modality === 'virtual' && !ctx.dense
      ? rng.weighted([['10:00', 3], ['12:00', 2], ['17:00', 1]] as const)
      : rng.weighted([['10:00', 6], ['09:30', 1], ['11:00', 2], ['12:00', 1]] as const)
  const code = `${meta.type === 'ordinaria' ? 'so' : 'se'}${pad2(meta.number)}`
  // Drafts are prepared a few weeks ahead (extraordinarias at shorter notice), never after `today`.
  const lead = meta.type === 'ordinaria' ? rng.int(18, 30) : rng.int(5, 10)
  const createdOn = meta.phase === 'borrador' ? addDays(ctx.today, -rng.int(1, 4)) : clampDate(addDays(meta.date, -lead), ctx.lastDay)
  const createdAt = mexicoInstant(createdOn, 9 * 60 + rng.int(0, 150))
  return {
    id: meta.id,
    type: meta.type,
    number: meta.number,
    year: meta.year,
    date: meta.date,
    startTime,
    endTime: null,
    modality,
    venue: modality === 'virtual' ? '' : rng.pick(VENUES),
    link: modality === 'presencial' ? '' : `https://meet.example.org/stl-${meta.year}-${code}`,
    status: 'borrador',
    chairId: ctx.registry.seat(CHAIR).titular.id,
    secretaryId: ctx.registry.seat(SECRETARY).titular.id,
    agenda: [],
    attendance: [],
    quorum: null,
    actStatus: 'borrador',
    actApprovedInSessionId: null,
    cancelReason: '',
    invitationSequence: 0,
    confirmations: [],
    live: null,
    comments: [],
    signedActa: null,
    signatureCircuit: null,
    errata: [],
    createdAt,
    updatedAt: createdAt,
  }
}

// ---------------------------------------------------------------------------
// Attendance

function takeRoll(ctx: SessionContext, rng: Random): { roll: Roll; accompanying: Set<string> } {
  const presence = new Map<InstitutionKey, Presence>()
  const accompanying = new Set<string>()
  for (const seat of ctx.registry.seats) {
    const key = seat.institution.key
    if (key === CHAIR || key === SECRETARY) {
      presence.set(key, 'presente')
      continue
    }
    const canSend = seat.suplente !== null
    const voting = seat.institution.voting === 'voz-y-voto'
    presence.set(
      key,
      rng.weighted<Presence>(
        voting
          ? [['presente', 78], ['suplente', canSend ? 12 : 0], ['justificada', 6], ['ausente', 4]]
          : [['presente', 60], ['suplente', canSend ? 15 : 0], ['justificada', 12], ['ausente', 13]],
      ),
    )
  }
  const votingSeats = ctx.registry.seats.filter((seat) => seat.institution.voting === 'voz-y-voto')
  const votingMembers = votingSeats.length
  const required = requiredForQuorum(ctx.settings, votingMembers)
  const counted = () => votingSeats.filter((seat) => isAttending(presence.get(seat.institution.key))).length
  // The demo's sessions were all validly held on first call: top up attendance if the draw fell short.
  for (const seat of rng.shuffle(votingSeats)) {
    if (counted() >= required) break
    if (!isAttending(presence.get(seat.institution.key))) presence.set(seat.institution.key, 'presente')
  }
  for (const seat of ctx.registry.seats) {
    if (seat.suplente && presence.get(seat.institution.key) === 'presente' && rng.chance(0.3)) accompanying.add(seat.suplente.id)
  }
  const speaker = (key: InstitutionKey) => {
    const seat = ctx.registry.seat(key)
    const state = presence.get(key)
    if (state === 'presente') return seat.titular
    if (state === 'suplente') return seat.suplente
    return null
  }
  const voters: Voter[] = votingSeats.flatMap((seat) => {
    const person = speaker(seat.institution.key)
    return person ? [{ titularId: seat.titular.id, voterId: person.id }] : []
  })
  const attendees = ctx.registry.seats.flatMap((seat) => {
    const people: Seat['titular'][] = []
    const person = speaker(seat.institution.key)
    if (person) people.push(person)
    if (seat.suplente && accompanying.has(seat.suplente.id)) people.push(seat.suplente)
    return people
  })
  return { roll: { presence, speaker, voters, attendees, votingMembers, required }, accompanying }
}

/** Future sessions are planned as if every titular will come. */
function rollForFuture(ctx: SessionContext): Roll {
  const presence = new Map<InstitutionKey, Presence>(ctx.registry.seats.map((seat) => [seat.institution.key, 'presente']))
  const votingMembers = ctx.registry.seats.filter((seat) => seat.institution.voting === 'voz-y-voto').length
  return {
    presence,
    speaker: (key) => ctx.registry.seat(key).titular,
    voters: [],
    attendees: ctx.registry.seats.map((seat) => seat.titular),
    votingMembers,
    required: requiredForQuorum(ctx.settings, votingMembers),
  }
}

function requiredForQuorum(settings: Settings, votingMembers: number): number {
  switch (settings.quorum.rule) {
    case 'mitad-mas-uno':
      return Math.floor(votingMembers / 2) + 1
    case 'dos-tercios':
      return Math.ceil((votingMembers * 2) / 3)
    case 'porcentaje':
      return Math.ceil((votingMembers * settings.quorum.percent) / 100)
  }
}

function isAttending(presence: Presence | undefined): boolean {
  return presence === 'presente' || presence === 'suplente'
}

function attendanceRows(
  ctx: SessionContext,
  rng: Random,
  roll: Roll,
  accompanying: Set<string>,
  startMinute: number,
  endMinute: number,
): Attendance[] {
  const rows: Attendance[] = []
  const quorumPeople = new Set(roll.voters.map((voter) => voter.voterId))
  const times = (memberId: string) => {
    // Latecomers are never among those counted for quorum at the start.
    const late = !quorumPeople.has(memberId) && rng.chance(0.12)
    const arrived = late ? startMinute + rng.int(10, 40) : startMinute + rng.int(-15, 4)
    // Some leave before the close, but never those who vote: the agreements are voted by the whole roll.
    const early = rng.chance(0.08)
    const left = early ? Math.max(arrived + 30, endMinute - rng.int(15, 60)) : endMinute
    const stays = quorumPeople.has(memberId)
    return { arrivedAt: fromMinutes(arrived), leftAt: fromMinutes(stays ? endMinute : Math.min(Math.max(left, arrived + 5), endMinute)) }
  }
  for (const member of ctx.registry.members) {
    if (!member.active) continue
    const seat = ctx.registry.seatOf.get(member.id)
    if (!seat) continue
    const state = roll.presence.get(seat.institution.key) ?? 'ausente'
    if (member.role === 'titular') {
      if (state === 'presente') rows.push({ memberId: member.id, status: 'presente', substituteId: null, ...times(member.id) })
      else if (state === 'suplente') rows.push({ memberId: member.id, status: 'suplente', substituteId: seat.suplente?.id ?? null, arrivedAt: null, leftAt: null })
      else rows.push({ memberId: member.id, status: state, substituteId: null, arrivedAt: null, leftAt: null })
    } else {
      // A suplente is present when standing in for the titular or accompanying them.
      const here = state === 'suplente' || accompanying.has(member.id)
      rows.push(here ? { memberId: member.id, status: 'presente', substituteId: null, ...times(member.id) } : { memberId: member.id, status: 'ausente', substituteId: null, arrivedAt: null, leftAt: null })
    }
  }
  return rows
}

// ---------------------------------------------------------------------------
// Agenda

function planAgenda(ctx: SessionContext, rng: Random, meta: SessionMeta, roll: Roll, history: TopicHistory): PlannedItem[] {
  const seat = (key: InstitutionKey) => ctx.registry.seat(key)
  const items: PlannedItem[] = []
  let counter = 0
  const add = (item: Omit<PlannedItem, 'id' | 'status' | 'values'> & { values?: Record<string, string | number> }): PlannedItem => {
    const planned: PlannedItem = { ...item, id: `${meta.id}-p${pad2(++counter)}`, status: 'pendiente', values: item.values ?? {} }
    items.push(planned)
    return planned
  }
  const template = (role: ItemRole, title: string, type: AgendaItem['type'], key: InstitutionKey, minutes: number) =>
    add({ parentId: null, title, type, role, seat: seat(key), minutes, topic: null, commitment: null })

  template('lista', 'Lista de asistencia y declaración de quórum', 'tramite', SECRETARY, 5)
  template('orden', 'Lectura y, en su caso, aprobación del orden del día', 'votacion', CHAIR, 5)
  template('acta', 'Lectura y, en su caso, aprobación del acta de la sesión anterior', 'votacion', SECRETARY, rng.int(5, 10))
  template('seguimiento', 'Seguimiento de acuerdos', 'informativo', SECRETARY, ctx.dense ? 15 : rng.int(10, 20))

  // A draft agenda is still being put together: only part of its business is known.
  const substantive = meta.phase === 'borrador' ? rng.int(1, 2) : meta.type === 'extraordinaria' ? rng.int(2, 3) : rng.int(2, 5)
  for (const instance of chooseTopics(ctx, rng, meta, roll, history, substantive)) {
    const { topic, values, commitment } = instance
    const minutes = ctx.dense ? rng.int(5, 12) : rng.int(topic.minutes[0], topic.minutes[1])
    const parent = add({ parentId: null, title: fillText(topic.title, values), type: topic.type, role: 'sustantivo', seat: instance.seat, minutes, topic, values, commitment })
    for (const sub of instance.subItems) {
      add({ parentId: parent.id, title: sub.title, type: 'informativo', role: 'subpunto', seat: sub.seat, minutes: ctx.dense ? rng.int(4, 8) : rng.int(5, 10), topic: sub.topic, values: sub.values, commitment: sub.commitment })
    }
  }

  template('generales', 'Asuntos generales', 'asuntos-generales', CHAIR, ctx.dense ? 10 : rng.int(5, 15))
  template('clausura', 'Clausura de la sesión', 'tramite', CHAIR, 2)
  return items
}

interface TopicInstance {
  topic: TopicSpec
  seat: Seat
  values: Record<string, string | number>
  commitment: Commitment | null
  subItems: { title: string; seat: Seat; topic: TopicSpec | null; values: Record<string, string | number>; commitment: Commitment | null }[]
}

function chooseTopics(
  ctx: SessionContext,
  rng: Random,
  meta: SessionMeta,
  roll: Roll,
  history: TopicHistory,
  count: number,
): TopicInstance[] {
  const month = monthOf(meta.date)
  const active = ctx.planBuild.commitments.filter((c) => c.startDate <= meta.date && meta.date <= c.endDate)
  const planYear = meta.year - planPeriod(meta.date).startYear + 1
  const eligible = TOPICS.filter(
    (topic) =>
      (!topic.months || topic.months.includes(month)) &&
      (!topic.planYears || ctx.dense || topic.planYears.includes(planYear)) &&
      (!topic.yearly || ctx.dense || !history.yearly.has(`${meta.year}:${topic.id}`)) &&
      (topic.needs !== 'commitment' || active.length > 0),
  )
  // Fresh topics first; an extraordinaria is called for business that cannot wait.
  const recent = new Set(history.recent)
  const ordered = rng
    .shuffle(eligible)
    .sort((a, b) => rank(a) - rank(b))
  function rank(topic: TopicSpec): number {
    if (topic.standing && meta.type === 'ordinaria') return -1
    return (meta.type === 'extraordinaria' && !topic.extraordinary ? 2 : 0) + (recent.has(topic.id) ? 1 : 0)
  }

  const usedCommitments = new Set<string>()
  const usedMunicipalities = new Set<InstitutionKey>()
  const instances: TopicInstance[] = []
  let itemCount = 0
  // Dense: the six template items plus these must clear the minimum, with a small margin.
  const enough = () => (ctx.dense ? TEMPLATE_ITEMS + itemCount >= DENSE_MIN_ITEMS + 2 : instances.length >= count)

  const tryTopic = (topic: TopicSpec) => {
    const instance = instantiate(ctx, rng, meta, roll, topic, active, usedCommitments, usedMunicipalities)
    if (!instance) return
    instances.push(instance)
    itemCount += 1 + instance.subItems.length
  }
  for (const topic of ordered) {
    if (enough()) break
    tryTopic(topic)
  }
  // Dense sessions go on with more reports from commitments and municipalities until the agenda is full.
  const repeatable = TOPICS.filter((topic) => topic.id === 'avance-compromiso' || topic.id === 'avance-municipio')
  for (let guard = 0; ctx.dense && !enough() && guard < 40; guard++) tryTopic(rng.pick(repeatable))
  // Last resort for benchmark data: take up a topic again rather than leave the agenda short.
  for (let guard = 0; ctx.dense && !enough() && guard < 40 && eligible.length > 0; guard++) tryTopic(rng.pick(eligible))

  history.recent.push(...instances.map((instance) => instance.topic.id))
  history.recent.splice(0, Math.max(0, history.recent.length - 8))
  for (const instance of instances) history.yearly.add(`${meta.year}:${instance.topic.id}`)
  return instances
}

function instantiate(
  ctx: SessionContext,
  rng: Random,
  meta: SessionMeta,
  roll: Roll,
  topic: TopicSpec,
  active: Commitment[],
  usedCommitments: Set<string>,
  usedMunicipalities: Set<InstitutionKey>,
): TopicInstance | null {
  const present = (key: InstitutionKey) => roll.speaker(key) !== null
  const { startYear, endYear } = planPeriod(meta.date)
  const municipalities = INSTITUTIONS.filter((spec) => spec.sector === 'municipio' && present(spec.key) && !usedMunicipalities.has(spec.key))
  const csos = INSTITUTIONS.filter((spec) => spec.sector === 'sociedad-civil')
  const base: Record<string, string | number> = {
    plan: `Plan de Acción Local ${startYear}–${endYear}`,
    year: meta.year,
    nextYear: meta.year + 1,
    municipio: '',
    n: '',
    commitment: '',
    lead: '',
    coLead: '',
    pillar: rng.pick(PILLAR_NAMES),
    cso: rng.pick(csos).name,
  }

  let commitment: Commitment | null = null
  let seatKey: InstitutionKey
  const needsCommitment = topic.needs === 'commitment' && topic.title.includes('{n}')
  if (needsCommitment) {
    const candidates = active.filter((c) => !usedCommitments.has(c.id) && present(reporterOf(ctx, c)))
    if (candidates.length === 0) return null
    commitment = rng.pick(candidates)
    usedCommitments.add(commitment.id)
    Object.assign(base, commitmentValues(commitment))
  }
  if (topic.presenter === 'reporter') {
    if (!commitment) return null
    seatKey = reporterOf(ctx, commitment)
  } else if (topic.presenter === 'municipio') {
    if (municipalities.length === 0) return null
    const spec = rng.pick(municipalities)
    usedMunicipalities.add(spec.key)
    seatKey = spec.key
    base.municipio = spec.municipality ?? ''
  } else {
    seatKey = topic.presenter
  }
  if (!present(seatKey)) return null

  const subItems: TopicInstance['subItems'] = []
  if (topic.subItems === 'commitments') {
    const reporting = rng.sample(
      active.filter((c) => present(reporterOf(ctx, c))),
      ctx.dense ? 4 : rng.int(2, 3),
    )
    const followUpTopic = TOPICS.find((candidate) => candidate.id === 'avance-compromiso') ?? null
    for (const c of reporting.sort((a, b) => a.number - b.number)) {
      subItems.push({ title: `Compromiso ${c.number}. ${c.title}`, seat: ctx.registry.seat(reporterOf(ctx, c)), topic: followUpTopic, values: { ...base, ...commitmentValues(c) }, commitment: c })
    }
  } else if (topic.subItems) {
    for (const sub of topic.subItems) {
      if (present(sub.presenter)) subItems.push({ title: sub.title, seat: ctx.registry.seat(sub.presenter), topic: null, values: base, commitment: null })
    }
  }
  return { topic, seat: ctx.registry.seat(seatKey), values: base, commitment, subItems }
}

function reporterOf(ctx: SessionContext, commitment: Commitment): InstitutionKey {
  return ctx.planBuild.specs.get(commitment.id)?.reporter ?? SECRETARY
}

function commitmentValues(commitment: Commitment): Record<string, string | number> {
  return {
    n: commitment.number,
    commitment: commitment.title,
    lead: institutionInText(commitment.leadInstitution),
    coLead: institutionInText(commitment.coLeadInstitution),
  }
}

// ---------------------------------------------------------------------------
// A session held

function holdSession(
  ctx: SessionContext,
  rng: Random,
  meta: SessionMeta,
  session: Session,
  previous: HeldSession | null,
  history: TopicHistory,
  silent: boolean,
): void {
  const { roll, accompanying } = takeRoll(ctx, rng)
  const planned = planAgenda(ctx, rng, meta, roll, history)
  const startMinute = minutesOfTime(session.startTime)

  // Occasionally an item is deferred: its material was not ready.
  const deferrable = planned.filter((item) => item.role === 'sustantivo' && !planned.some((other) => other.parentId === item.id))
  const substantiveCount = planned.filter((item) => item.role === 'sustantivo').length
  if (substantiveCount >= 3 && rng.chance(0.12)) rng.pick(deferrable).status = 'diferido'
  for (const item of planned) if (item.status === 'pendiente') item.status = 'tratado'

  // Timing: items run back to back from the start time; their durations vary around the estimate.
  const elapsed = planned.map((item) =>
    item.status === 'diferido' ? rng.int(60, 180) : Math.max(60, Math.round(item.minutes * 60 * (0.6 + rng.next() * 0.8))),
  )
  const startsAt: number[] = []
  let cursor = 0
  elapsed.forEach((seconds) => {
    startsAt.push(cursor)
    cursor += seconds + rng.int(0, 60)
  })
  const endMinute = startMinute + Math.ceil(cursor / 60)
  const at = (seconds: number) => mexicoInstant(meta.date, startMinute + Math.floor(seconds / 60), Math.floor(seconds % 60))

  // Agreements: every vote taken on a substantive item, plus a few more (dense: at least three).
  const book = ctx.book
  const reviewMinute = startMinute + Math.floor((startsAt[3] ?? 0) / 60)
  const reviewLines = book.review({ id: meta.id, date: meta.date, minute: reviewMinute }, previous?.meta.date ?? null)
  const agreements = adoptAgreements(ctx, rng, meta, planned, roll, endMinute, silent)

  const agenda = planned.map((item, index) => {
    const start = startsAt[index] ?? 0
    const seconds = elapsed[index] ?? 0
    const { notes, interventions } = developItem(ctx, rng, {
      meta,
      item,
      roll,
      previous,
      reviewLines,
      agreements: agreements.filter((agreement) => agreement.itemId === item.id),
      endTime: fromMinutes(endMinute),
      quorumTime: fromMinutes(startMinute + Math.floor((start + seconds) / 60)),
      interventionAt: (fraction) => at(start + Math.floor(seconds * fraction)),
    })
    return toAgendaItem(item, roll, ctx.dense ? lengthen(rng, notes) : notes, seconds, interventions)
  })

  session.agenda = agenda
  session.status = 'concluida'
  session.endTime = fromMinutes(endMinute)
  session.attendance = attendanceRows(ctx, rng, roll, accompanying, startMinute, endMinute)
  session.quorum = {
    declaredAt: at((startsAt[0] ?? 0) + (elapsed[0] ?? 0)),
    call: 'primera',
    votingMembers: roll.votingMembers,
    present: roll.voters.length,
    required: roll.required,
    reached: roll.voters.length >= roll.required,
  }
  session.updatedAt = mexicoInstant(meta.date, endMinute)
}

function adoptAgreements(
  ctx: SessionContext,
  rng: Random,
  meta: SessionMeta,
  planned: PlannedItem[],
  roll: Roll,
  endMinute: number,
  silent: boolean,
): Agreement[] {
  const candidates = planned.filter((item) => item.status === 'tratado' && item.topic !== null && item.topic.agreements.length > 0)
  const votes = candidates.filter((item) => item.type === 'votacion')
  const target = Math.max(votes.length, ctx.dense ? rng.int(3, 5) : rng.int(1, 3))
  const chosen: { item: PlannedItem; template: AgreementTemplate }[] = []
  for (const item of votes) chosen.push({ item, template: (item.topic as TopicSpec).agreements[0] as AgreementTemplate })
  // Then other items, one agreement each, and a second one from items that have it when still short.
  for (const round of [0, 1]) {
    for (const item of rng.shuffle(candidates)) {
      if (chosen.length >= target) break
      const template = item.topic?.agreements[round]
      if (!template || chosen.some((entry) => entry.template === template && entry.item === item)) continue
      if (round === 0 && chosen.some((entry) => entry.item === item)) continue
      chosen.push({ item, template })
    }
  }
  const order = new Map(planned.map((item, index) => [item.id, index]))
  chosen.sort((a, b) => (order.get(a.item.id) ?? 0) - (order.get(b.item.id) ?? 0) || (a.item.topic?.agreements.indexOf(a.template) ?? 0) - (b.item.topic?.agreements.indexOf(b.template) ?? 0))

  const sessionCode = `${meta.type === 'ordinaria' ? 'SO' : 'SE'}${pad2(meta.number)}`
  // Recorded one minute apart before the close, while the whole roll is in the room.
  const createdAt = (index: number) => mexicoInstant(meta.date, endMinute - (chosen.length - index))
  let silentUsed = !silent
  return chosen.map(({ item, template }, index) => {
    const created = createdAt(index)
    const seq = pad2(index + 1)
    const responsibleSeats = resolveResponsible(ctx, template.responsible, item)
    const institutions = responsibleSeats.map((seat) => seat.institution.name)
    if (template.linksCommitment && item.commitment && !institutions.includes(item.commitment.leadInstitution)) institutions.unshift(item.commitment.leadInstitution)
    const agreement: Agreement = {
      id: `acu-${sessionCode.toLowerCase()}-${meta.year}-${seq}`,
      key: `${ctx.settings.keyPrefix}-${sessionCode}-${meta.year}-${seq}`,
      sessionId: meta.id,
      itemId: item.id,
      text: fillText(template.text, item.values),
      vote: castVote(rng, roll.voters),
      responsibleMemberIds: [...new Set(responsibleSeats.map((seat) => seat.titular.id))],
      responsibleInstitutions: [...new Set(institutions)],
      dueDate: template.dueDays === null ? null : workingDay(addDays(meta.date, template.dueDays + rng.int(0, 10))),
      status: 'pendiente',
      commitmentId: item.commitment?.id ?? null,
      followUps: [],
      createdAt: created,
      updatedAt: created,
    }
    const isSilent = !silentUsed && agreement.dueDate !== null
    if (isSilent) silentUsed = true
    const first = agreement.responsibleInstitutions[0] ?? ctx.settings.bodyName
    ctx.book.add(agreement, { institution: institutionInText(first), sessionDate: meta.date, endMinute, silent: isSilent })
    return agreement
  })
}

function resolveResponsible(ctx: SessionContext, responsible: readonly Responsible[], item: PlannedItem): Seat[] {
  const seats: Seat[] = []
  for (const who of responsible) {
    let seat: Seat | null
    if (who === 'presenter' || who === 'municipio') seat = item.seat
    else if (who === 'reporter') seat = item.commitment ? ctx.registry.seat(reporterOf(ctx, item.commitment)) : item.seat
    else if (who === 'coLead') seat = item.commitment ? ctx.registry.seat(ctx.planBuild.specs.get(item.commitment.id)?.coLead ?? SECRETARY) : null
    else seat = ctx.registry.seat(who)
    if (seat && !seats.includes(seat)) seats.push(seat)
  }
  return seats
}

// ---------------------------------------------------------------------------
// Notes and interventions

interface DevelopContext {
  meta: SessionMeta
  item: PlannedItem
  roll: Roll
  previous: HeldSession | null
  reviewLines: ReviewLine[]
  agreements: Agreement[]
  endTime: string
  quorumTime: string
  interventionAt: (fraction: number) => string
}

function developItem(ctx: SessionContext, rng: Random, dev: DevelopContext): { notes: string; interventions: Intervention[] } {
  const { item, roll, meta } = dev
  const interventions: Intervention[] = []
  const presenter = roll.speaker(item.seat.institution.key) ?? item.seat.titular
  const sentences: string[] = []
  const speak = (count: number) => {
    const speakers = rng.sample(
      roll.attendees.filter((person) => person.id !== presenter.id),
      count,
    )
    const used = new Set<string>()
    speakers.forEach((person, index) => {
      // Half the time a sector-specific remark, when the speaker's sector has one; never the same remark twice in an item.
      const own = SECTOR_INTERVENTIONS[person.sector] ?? []
      const pool = (own.length > 0 && rng.chance(0.5) ? own : INTERVENTIONS).filter((candidate) => !used.has(candidate))
      const phrase = rng.pick(pool.length > 0 ? pool : INTERVENTIONS)
      used.add(phrase)
      const seat = ctx.registry.seatOf.get(person.id)
      const institution = seat ? seat.institution.shortName : person.institution
      sentences.push(`${person.fullName}, de ${institution}, ${phrase}`)
      interventions.push({
        id: `${item.id}-i${index + 1}`,
        memberId: person.id,
        speaker: person.fullName,
        summary: capitalize(phrase),
        at: dev.interventionAt((index + 1) / (count + 1)),
      })
    })
  }

  switch (item.role) {
    case 'lista': {
      const represented = roll.voters.filter((voter) => voter.voterId !== voter.titularId).length
      sentences.push(
        `La Secretaría Técnica pasó lista de asistencia y verificó la presencia de ${roll.voters.length} de las ${roll.votingMembers} personas integrantes con derecho a voto${represented > 0 ? `, ${represented === 1 ? 'una de ellas representada por su suplente' : `${represented} de ellas representadas por su suplente`}` : ''}.`,
        `Al existir quórum legal, a las ${dev.quorumTime} horas la Coordinación declaró válidamente instalada la ${meta.title} en primera convocatoria.`,
      )
      const guests = ctx.registry.seats.filter((seat) => seat.institution.voting === 'voz' && roll.speaker(seat.institution.key)).map((seat) => seat.institution.shortName)
      if (guests.length > 0) sentences.push(`Se registró la asistencia, con voz, de ${joinSpanish(guests)}.`)
      const excused = ctx.registry.seats.filter((seat) => roll.presence.get(seat.institution.key) === 'justificada').map((seat) => seat.titular.fullName)
      if (excused.length > 0) sentences.push(`Justificaron previamente su inasistencia: ${joinSpanish(excused)}.`)
      break
    }
    case 'orden':
      sentences.push(
        'La Secretaría Técnica dio lectura al orden del día, circulado con la convocatoria.',
        `Sometido a votación, fue aprobado ${voteText({ favor: roll.voters.length, contra: 0, abstenciones: 0, unanimous: true, named: [] })}.`,
      )
      break
    case 'acta': {
      const previous = dev.previous
      sentences.push(
        previous
          ? `Se puso a consideración el proyecto de acta de la ${previous.meta.title}, celebrada el ${longSpanishDate(previous.meta.date)}, circulado previamente para observaciones.`
          : 'Se puso a consideración el proyecto de acta de la sesión anterior, circulado previamente para observaciones.',
      )
      if (rng.chance(0.35)) {
        const from = rng.pick(ctx.registry.seats.filter((seat) => roll.speaker(seat.institution.key)))
        sentences.push(`Se incorporaron las precisiones remitidas por ${from.institution.shortName}.`)
      } else sentences.push('No se recibieron observaciones.')
      sentences.push(`Sometida a votación, el acta fue aprobada ${voteText({ favor: roll.voters.length, contra: 0, abstenciones: 0, unanimous: true, named: [] })}.`)
      break
    }
    case 'seguimiento':
      if (dev.reviewLines.length === 0) sentences.push('La Secretaría Técnica informó que no hay acuerdos pendientes de seguimiento.')
      else {
        sentences.push('La Secretaría Técnica presentó el estado que guardan los acuerdos adoptados en sesiones anteriores:')
        for (const line of dev.reviewLines) sentences.push(line.text)
      }
      speak(rng.int(0, 1))
      sentences.push('Las personas integrantes se dieron por enteradas del estado de los acuerdos.')
      break
    case 'sustantivo':
    case 'subpunto': {
      const values = { ...item.values, presenter: presenter.fullName, institution: item.seat.institution.shortName }
      if (item.status === 'diferido') {
        sentences.push(`A solicitud de ${item.seat.institution.shortName}, se acordó diferir el punto para una sesión posterior, a fin de contar con la información completa.`)
        break
      }
      sentences.push(fillText(rng.pick(OPENINGS), values))
      const details = item.topic?.details ?? []
      for (const detail of ctx.dense ? details : rng.sample(details, item.role === 'subpunto' ? 1 : rng.int(1, 2))) sentences.push(fillText(detail, values))
      speak(ctx.dense ? rng.int(2, 4) : item.role === 'subpunto' ? rng.int(0, 1) : rng.int(0, 3))
      const keys = dev.agreements.map((agreement) => agreement.key)
      if (keys.length === 1) sentences.push(`Derivado de lo anterior, se adoptó el acuerdo ${keys[0]}.`)
      if (keys.length > 1) sentences.push(`Derivado de lo anterior, se adoptaron los acuerdos ${joinSpanish(keys)}.`)
      if (item.type !== 'asuntos-generales' && item.type !== 'tramite') {
        const closing = rng.pick(CLOSINGS[item.type])
        const vote = dev.agreements[0]?.vote ?? { favor: roll.voters.length, contra: 0, abstenciones: 0, unanimous: true, named: [] }
        sentences.push(fill(closing, { voteText: voteText(vote) }))
      }
      break
    }
    case 'generales': {
      const announcements = rng.sample(GENERAL_MATTERS, ctx.dense ? rng.int(2, 3) : rng.weighted([[0, 3], [1, 4], [2, 2]] as const))
      const speakers = rng.sample(roll.attendees, announcements.length)
      announcements.forEach((template, index) => {
        const person = speakers[index]
        if (!person) return
        const institution = ctx.registry.seatOf.get(person.id)?.institution.shortName ?? person.institution
        sentences.push(`${person.fullName}, de ${institution}, ${template}`)
        interventions.push({
          id: `${item.id}-i${index + 1}`,
          memberId: person.id,
          speaker: person.fullName,
          summary: capitalize(template),
          at: dev.interventionAt((index + 1) / (announcements.length + 1)),
        })
      })
      if (sentences.length === 0) sentences.push(NO_GENERAL_MATTERS)
      break
    }
    case 'clausura':
      sentences.push(`No habiendo más asuntos que tratar, la Coordinación dio por concluida la ${meta.title} a las ${dev.endTime} horas del ${longSpanishDate(meta.date)}.`)
      break
  }
  return { notes: tidySpanish(sentences.join(' ')), interventions }
}

/** Dense data pads every development to a realistic long-meeting length. */
function lengthen(rng: Random, notes: string): string {
  let text = notes
  let last = ''
  while (text.length < DENSE_NOTES_LENGTH) {
    const sentence = rng.pick(FILLERS)
    if (sentence === last) continue
    text += ` ${sentence}`
    last = sentence
  }
  return text
}

function toAgendaItem(item: PlannedItem, roll: Roll, notes: string, elapsedSeconds: number, interventions: Intervention[]): AgendaItem {
  const presenter = roll.speaker(item.seat.institution.key) ?? item.seat.titular
  return {
    id: item.id,
    parentId: item.parentId,
    title: item.title,
    type: item.type,
    presenter: presenter.fullName,
    minutes: item.minutes,
    notes,
    status: item.status,
    attachments: [],
    interventions,
    elapsedSeconds,
  }
}

// ---------------------------------------------------------------------------
// Small helpers

/** Fills placeholders, contracts "de el" → "del", and starts the sentence in capitals. */
function fillText(template: string, values: Record<string, string | number>): string {
  return capitalize(tidySpanish(fill(template, values)))
}

function minutesOfTime(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number]
  return h * 60 + m
}

function clampDate(date: string, max: string): string {
  return date > max ? max : date
}

function laterInstant(a: string, b: string): string {
  return Date.parse(b) > Date.parse(a) ? b : a
}

/** Due dates fall on working days. */
function workingDay(date: string): string {
  let day = date
  while (isWeekend(day)) day = addDays(day, 1)
  return day
}
