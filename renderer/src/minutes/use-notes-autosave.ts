import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { call } from '../api/call'
import { patchItem, patchSessionCache } from '../api/sessions'
import { NotesAutosave } from './notes-autosave'

/** One autosave per minutes view; everything typed is flushed when the view goes away or the window closes. */
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
  useSyncExternalStore(autosave.subscribe, autosave.getVersion)
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
