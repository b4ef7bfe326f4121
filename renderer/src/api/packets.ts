/**
 * Offline review over the bridge. The secretariat exports a review packet
 * and imports members' comments (which changes a session); member mode opens
 * a packet read-only, fetches its files and exports the member's comments,
 * without touching the data file.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InputOf } from '../../../main/core/contract/operations'
import type { SessionDetail } from '../../../main/core/contract/views'
import { call } from './call'
import { queryKeys } from './query-keys'

/**
 * A file chosen by the user, as base64 for the bridge. `onProgress` receives
 * the fraction read (0 … 1), for packets of many megabytes.
 */
export function readFileAsBase64(file: File, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('lectura'))
    reader.onprogress = (event) => {
      if (onProgress && event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total)
    }
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.readAsDataURL(file)
  })
}

/** Secretariat: the packet of a session not yet held (takes a couple of seconds: it renders PDFs). */
export function useExportPacket() {
  return useMutation({ mutationFn: (sessionId: string) => call('exportPacket', { sessionId }) })
}

/** Secretariat: a member's comments file into the session; refreshes what shows them. */
export function useImportComments() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (contentBase64: string) => call('importComments', { contentBase64 }),
    onSuccess: (report) => {
      void client.invalidateQueries({ queryKey: queryKeys.session(report.sessionId), exact: true })
      void client.invalidateQueries({ queryKey: queryKeys.sessions, exact: true })
      void client.invalidateQueries({ queryKey: ['audit'] })
    },
  })
}

/**
 * How many members' comments an agenda item has, read from the session detail
 * already in the cache (never fetched from here: the detail page owns it).
 */
export function useItemCommentCount(sessionId: string, itemId: string): number {
  const count = useQuery({
    queryKey: queryKeys.session(sessionId),
    queryFn: () => call('getSession', { id: sessionId }),
    enabled: false,
    select: (detail: SessionDetail) => detail.session.comments.filter((comment) => comment.itemId === itemId).length,
  })
  return count.data ?? 0
}

/** Member mode: a packet verified and opened read-only (kept in the main process, not in the data file). */
export function useOpenPacket() {
  return useMutation({ mutationFn: (contentBase64: string) => call('openPacket', { contentBase64 }) })
}

/** Member mode: one file of the open packet (an attachment or one of its PDFs). */
export function usePacketFile() {
  return useMutation({ mutationFn: (input: InputOf<'getPacketAttachment'>) => call('getPacketAttachment', input) })
}

/** Member mode: the member's comments as the small JSON file to send to the secretariat. */
export function useExportComments() {
  return useMutation({ mutationFn: (input: InputOf<'exportComments'>) => call('exportComments', input) })
}
