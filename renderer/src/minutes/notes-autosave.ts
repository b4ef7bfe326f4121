/**
 * Autosave of the notes (desarrollo) of each agenda item, built so typing is
 * never lost:
 * - what the secretary typed is the source of truth for an item from the
 *   first keystroke on; a refetch of the session never replaces it;
 * - a save starts after a pause in typing, or at once on flush (blur, item
 *   change, leaving the view, concluding the session);
 * - saves of one item run one at a time, in order, and the last text typed
 *   is always the last one saved; a failed save keeps the text and says so.
 * Plain TypeScript with a subscribe/snapshot pair for useSyncExternalStore.
 */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; error: unknown }

interface Draft {
  text: string
  saved: string
  savedAt: string | null
  timer: ReturnType<typeof setTimeout> | null
  running: Promise<void> | null
  state: SaveState
}

export type SaveNotes = (itemId: string, notes: string) => Promise<string>

export class NotesAutosave {
  private readonly drafts = new Map<string, Draft>()
  private readonly listeners = new Set<() => void>()
  private version = 0

  constructor(
    private readonly save: SaveNotes,
    private readonly onSaved: (itemId: string, notes: string) => void = () => undefined,
    private readonly delay = 700,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getVersion = (): number => this.version

  /** The text to show: the draft once the user has typed, otherwise what the core has. */
  text(itemId: string, stored: string): string {
    return this.drafts.get(itemId)?.text ?? stored
  }

  state(itemId: string): SaveState {
    return this.drafts.get(itemId)?.state ?? { kind: 'idle' }
  }

  /** Whether some text has not reached the core yet. */
  hasUnsaved(): boolean {
    return [...this.drafts.values()].some((draft) => draft.text !== draft.saved)
  }

  edit(itemId: string, text: string, stored: string): void {
    let draft = this.drafts.get(itemId)
    if (!draft) {
      draft = { text: stored, saved: stored, savedAt: null, timer: null, running: null, state: { kind: 'idle' } }
      this.drafts.set(itemId, draft)
    }
    draft.text = text
    if (draft.timer) clearTimeout(draft.timer)
    draft.timer = setTimeout(() => void this.flush(itemId), this.delay)
    if (!draft.running) draft.state = text === draft.saved && draft.state.kind !== 'error' ? this.restingState(draft) : { kind: 'pending' }
    this.emit()
  }

  /** Saves the item's text now if it differs from what the core has; resolves once it is saved (or failed). */
  flush(itemId: string): Promise<void> {
    const draft = this.drafts.get(itemId)
    if (!draft) return Promise.resolve()
    if (draft.timer) {
      clearTimeout(draft.timer)
      draft.timer = null
    }
    if (draft.running) return draft.running.then(() => this.flush(itemId))
    if (draft.text === draft.saved) {
      if (draft.state.kind === 'pending') {
        draft.state = this.restingState(draft)
        this.emit()
      }
      return Promise.resolve()
    }
    const text = draft.text
    draft.state = { kind: 'saving' }
    this.emit()
    draft.running = this.save(itemId, text).then(
      (at) => {
        draft.running = null
        draft.saved = text
        draft.savedAt = at
        draft.state = draft.text === text ? { kind: 'saved', at } : { kind: 'pending' }
        this.onSaved(itemId, text)
        this.emit()
      },
      (error: unknown) => {
        draft.running = null
        draft.state = { kind: 'error', error }
        this.emit()
      },
    )
    return draft.running
  }

  flushAll(): Promise<void> {
    return Promise.all([...this.drafts.keys()].map((itemId) => this.flush(itemId))).then(() => undefined)
  }

  private restingState(draft: Draft): SaveState {
    return draft.savedAt ? { kind: 'saved', at: draft.savedAt } : { kind: 'idle' }
  }

  private emit(): void {
    this.version++
    for (const listener of this.listeners) listener()
  }
}
