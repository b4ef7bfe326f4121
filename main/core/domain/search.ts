/**
 * One search box over members, sessions, minutes, agreements and commitments,
 * without regard to accents or case ("sesion" finds "Sesión"). Every word of
 * the query must begin a word of the result.
 *
 * Each entity's folded text is cached by object identity: the store replaces
 * only the objects a change touches, so after an edit only those are folded
 * again and a search over ten years of data is a scan of cached strings.
 */
import type { Data } from '../model/schema'
import { sessionCode, sessionTitle } from './session-title'
import { foldForSearch, searchTerms, wordStart } from './text'

export type SearchKind = 'integrante' | 'sesion' | 'minuta' | 'acuerdo' | 'compromiso'

export interface SearchHit {
  kind: SearchKind
  id: string
  /** The session a minute or agreement belongs to. */
  sessionId: string | null
  title: string
  snippet: string
}

interface Doc {
  kind: SearchKind
  id: string
  sessionId: string | null
  title: string
  text: string
  folded: string
  foldedTitle: string
}

const cache = new WeakMap<object, Doc[]>()

function cached(owner: object, build: () => Omit<Doc, 'folded' | 'foldedTitle'>[]): Doc[] {
  let docs = cache.get(owner)
  if (!docs) {
    docs = build().map((doc) => ({ ...doc, folded: foldForSearch(doc.text), foldedTitle: foldForSearch(doc.title) }))
    cache.set(owner, docs)
  }
  return docs
}

function* documents(data: Data): Generator<Doc> {
  for (const member of data.members) {
    yield* cached(member, () => [{ kind: 'integrante', id: member.id, sessionId: null, title: member.fullName, text: [member.fullName, member.position, member.institution, member.municipality ?? '', member.email].join(' · ') }])
  }
  for (const session of data.sessions) {
    const title = sessionTitle(session)
    yield* cached(session, () => [{ kind: 'sesion', id: session.id, sessionId: session.id, title, text: [title, sessionCode(session), session.venue, session.date].join(' · ') }])
    for (const item of session.agenda) {
      if (!item.notes && item.interventions.length === 0) continue
      yield* cached(item, () => [{ kind: 'minuta', id: item.id, sessionId: session.id, title: `${title}: ${item.title}`, text: [item.title, item.notes, ...item.interventions.map((entry) => `${entry.speaker}: ${entry.summary}`)].join('\n') }])
    }
  }
  for (const agreement of data.agreements) {
    yield* cached(agreement, () => [{ kind: 'acuerdo', id: agreement.id, sessionId: agreement.sessionId, title: agreement.key, text: [agreement.key, agreement.text, ...agreement.responsibleInstitutions, ...agreement.followUps.map((entry) => entry.note)].join('\n') }])
  }
  for (const commitment of data.commitments) {
    yield* cached(commitment, () => [{ kind: 'compromiso', id: commitment.id, sessionId: null, title: `${commitment.number}. ${commitment.title}`, text: [commitment.title, commitment.problem, commitment.objective, commitment.expectedResult, commitment.leadInstitution, commitment.coLeadInstitution, ...commitment.milestones.map((milestone) => milestone.title)].join('\n') }])
  }
}

const KIND_ORDER: Record<SearchKind, number> = { sesion: 0, acuerdo: 1, compromiso: 2, integrante: 3, minuta: 4 }

export function search(data: Data, query: string, limit = 50): SearchHit[] {
  const terms = searchTerms(query)
  if (terms.length === 0) return []
  const hits: { doc: Doc; score: number; at: number }[] = []
  for (const doc of documents(data)) {
    let at = -1
    let inTitle = 0
    let matched = true
    for (const term of terms) {
      const index = wordStart(doc.folded, term)
      if (index === -1) {
        matched = false
        break
      }
      if (at === -1) at = index
      if (wordStart(doc.foldedTitle, term) !== -1) inTitle++
    }
    if (matched) hits.push({ doc, score: inTitle * 10 - KIND_ORDER[doc.kind], at })
  }
  hits.sort((a, b) => b.score - a.score)
  return hits.slice(0, limit).map(({ doc, at }) => ({ kind: doc.kind, id: doc.id, sessionId: doc.sessionId, title: doc.title, snippet: snippet(doc, at) }))
}

/** About 160 characters around the first match, from the original (accented) text. */
function snippet(doc: Doc, at: number): string {
  // Folding keeps NFC text the same length, so positions carry over; otherwise start at the beginning.
  const start = doc.text.length === doc.folded.length ? Math.max(0, at - 60) : 0
  const piece = doc.text.slice(start, start + 160).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '…' : ''}${piece}${start + 160 < doc.text.length ? '…' : ''}`
}
