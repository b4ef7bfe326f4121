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
import { sessionKey, sessionTitle } from './session-title'
import { foldForSearch, searchTerms, wordStart } from './text'

export type SearchKind = 'integrante' | 'sesion' | 'minuta' | 'acuerdo' | 'compromiso'

export interface SearchHit {
  kind: SearchKind
  id: string
  /** The session a minute or agreement belongs to. */
  sessionId: string | null
  title: string
  snippet: string
  /** The day it belongs to (`YYYY-MM-DD`: a session's, or the session's of a minute or agreement); null for members and commitments. */
  date: string | null
}

interface Doc {
  kind: SearchKind
  id: string
  sessionId: string | null
  title: string
  /** What the snippet is cut from. */
  text: string
  date: string | null
  /** `text`, then words that match without being shown (the date as written in the data). */
  folded: string
  foldedTitle: string
  /** Folding kept `text` the same length, so a match's position in `folded` is its position in `text`. */
  aligned: boolean
}

type DocSource = Omit<Doc, 'folded' | 'foldedTitle' | 'aligned'> & { hidden?: string }

/** The parts of a line that have something, joined by « · »: an empty venue leaves no «· ·». */
const joined = (...parts: (string | null | undefined)[]): string => parts.filter((part): part is string => Boolean(part?.trim())).join(' · ')

const cache = new WeakMap<object, { key: string; docs: Doc[] }>()

/** Cached per object and per `key` (what else its text depends on: the key prefix of the settings). */
function cached(owner: object, key: string, build: () => DocSource[]): Doc[] {
  const hit = cache.get(owner)
  if (hit?.key === key) return hit.docs
  const docs = build().map(({ hidden, ...doc }) => {
    const folded = foldForSearch(doc.text)
    return { ...doc, folded: hidden ? `${folded}\n${foldForSearch(hidden)}` : folded, foldedTitle: foldForSearch(doc.title), aligned: folded.length === doc.text.length }
  })
  cache.set(owner, { key, docs })
  return docs
}

function* documents(data: Data): Generator<Doc> {
  const prefix = data.settings.keyPrefix
  for (const member of data.members) {
    yield* cached(member, '', () => [{ kind: 'integrante', id: member.id, sessionId: null, title: member.fullName, date: null, text: joined(member.fullName, member.position, member.institution, member.municipality, member.email) }])
  }
  const sessionDates = new Map<string, string>()
  for (const session of data.sessions) {
    sessionDates.set(session.id, session.date)
    const title = sessionTitle(session)
    // The key as the sessions list shows it (STL-SO03-2026); the date is shown by the dialog in words, and still found as written.
    yield* cached(session, prefix, () => [{ kind: 'sesion', id: session.id, sessionId: session.id, title, date: session.date, text: joined(title, sessionKey(prefix, session), session.venue), hidden: session.date }])
    for (const item of session.agenda) {
      if (!item.notes && item.interventions.length === 0) continue
      yield* cached(item, `${title}|${session.date}`, () => [{ kind: 'minuta', id: item.id, sessionId: session.id, title: `${title}: ${item.title}`, date: session.date, text: [item.title, item.notes, ...item.interventions.map((entry) => `${entry.speaker}: ${entry.summary}`)].filter(Boolean).join('\n') }])
    }
  }
  for (const agreement of data.agreements) {
    const date = sessionDates.get(agreement.sessionId) ?? null
    yield* cached(agreement, date ?? '', () => [{ kind: 'acuerdo', id: agreement.id, sessionId: agreement.sessionId, title: agreement.key, date, text: [agreement.key, agreement.text, ...agreement.responsibleInstitutions, ...agreement.followUps.map((entry) => entry.note)].filter(Boolean).join('\n') }])
  }
  for (const commitment of data.commitments) {
    yield* cached(commitment, '', () => [{ kind: 'compromiso', id: commitment.id, sessionId: null, title: `${commitment.number}. ${commitment.title}`, date: null, text: [commitment.title, commitment.problem, commitment.objective, commitment.expectedResult, commitment.leadInstitution, commitment.coLeadInstitution, ...commitment.milestones.map((milestone) => milestone.title)].filter(Boolean).join('\n') }])
  }
}

const KIND_ORDER: Record<SearchKind, number> = { sesion: 0, acuerdo: 1, compromiso: 2, integrante: 3, minuta: 4 }

export function search(data: Data, query: string, limit = 50): SearchHit[] {
  const terms = searchTerms(query)
  if (terms.length === 0) return []
  const hits: { doc: Doc; score: number; at: number; order: number }[] = []
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
    if (matched) hits.push({ doc, score: inTitle * 10 - KIND_ORDER[doc.kind], at, order: hits.length })
  }
  // The best matches first; among equals, the newest (a later session, its minutes and agreements) before the older ones.
  hits.sort((a, b) => b.score - a.score || (b.doc.date ?? '').localeCompare(a.doc.date ?? '') || a.order - b.order)
  return hits.slice(0, limit).map(({ doc, at }) => ({ kind: doc.kind, id: doc.id, sessionId: doc.sessionId, title: doc.title, snippet: snippet(doc, at), date: doc.date }))
}

/** About 160 characters around the first match, from the original (accented) text. */
function snippet(doc: Doc, at: number): string {
  // Folding keeps NFC text the same length, so positions carry over; otherwise start at the beginning.
  // A match in the hidden words (past the text) shows the text from its beginning.
  const start = doc.aligned && at < doc.text.length ? Math.max(0, at - 60) : 0
  const piece = doc.text.slice(start, start + 160).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '…' : ''}${piece}${start + 160 < doc.text.length ? '…' : ''}`
}
