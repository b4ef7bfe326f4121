import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { call } from '../api/call'
import { patchItem, patchSessionCache } from '../api/sessions'
import { NotesAutosave } from './notes-autosave'

/**
 * One autosave per minutes view; everything typed is flushed when the view
 * goes away or the window closes. The page does not re-render on each
 * keystroke: only what shows the draft subscribes to it (useNotesDraft).
 */
export function useNotesAutosave(sessionId: string): NotesAutosave {
  const client = useQueryClient()
  const [autosave] = useState(
    () =>
      new NotesAutosave(
        async (itemId, notes) => (await call('saveItemNotes', { sessionId, itemId, notes })).savedAt,
        // Other screens read the notes from the cached session.
        (itemId, notes) => patchSessionCache(client, sessionId, (detail) => patchItem(detail, itemId, { notes })),
      ),
  )
  useEffect(() => {
    const onUnload = () => void autosave.flushAll()
    window.addEventListener('beforeunload', onUnload)
    return () => {
      window.removeEventListener('beforeunload', onUnload)
      void autosave.flushAll()
    }
  }, [autosave])
  return autosave
}

/** Re-renders the caller whenever a draft or a save state changes. */
export function useNotesDraft(autosave: NotesAutosave): void {
  useSyncExternalStore(autosave.subscribe, autosave.getVersion)
}
