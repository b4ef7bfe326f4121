/**
 * Documents as jobs: `startDocument` answers at once with a job id (or the
 * core's Spanish refusal), then `getJob` is polled every ~150 ms for its
 * progress until the PDF is ready. The window never waits on one long call.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import type { FileDownload, JobView } from '../../../main/core/contract/views'
import { i18n } from '../i18n'
import { errorMessage } from './api-error'
import { call } from './call'
import { downloadBase64, downloadText } from './download'

export type DocumentKind = JobView['kind']

const POLL_MS = 150
const jobKey = (jobId: string | null) => ['documentJob', jobId] as const

export type DocumentJobState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; progress: number }
  | { phase: 'ready'; file: FileDownload; jobId: string; warnings: string[] }
  | { phase: 'error'; message: string }

/** One document being generated: `start()` and the state to show. */
export function useDocumentJob(kind: DocumentKind, sessionId: string | null) {
  const client = useQueryClient()
  const [jobId, setJobId] = useState<string | null>(null)
  const start = useMutation({
    mutationFn: () => call('startDocument', { kind, sessionId }),
    onSuccess: ({ jobId: id }) => setJobId(id),
  })
  const job = useQuery({
    queryKey: jobKey(jobId),
    queryFn: () => call('getJob', { jobId: jobId ?? '' }),
    enabled: jobId !== null,
    // Poll while the job runs; a finished job (with its PDF) is not fetched again.
    refetchInterval: (query) => (query.state.data?.state === 'en-curso' ? POLL_MS : false),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  })

  let state: DocumentJobState = { phase: 'idle' }
  if (start.isPending) state = { phase: 'starting' }
  else if (start.isError) state = { phase: 'error', message: errorMessage(start.error, i18n.t('errors.unexpected')) }
  else if (jobId !== null) {
    if (job.isError) state = { phase: 'error', message: errorMessage(job.error, i18n.t('errors.unexpected')) }
    else if (!job.data) state = { phase: 'running', progress: 0 }
    else if (job.data.state === 'error') state = { phase: 'error', message: job.data.error?.message || i18n.t('errors.unexpected') }
    else if (job.data.state === 'listo' && job.data.file) state = { phase: 'ready', file: job.data.file, jobId, warnings: job.data.warnings }
    else state = { phase: 'running', progress: job.data.progress }
  }

  const begin = useCallback(() => {
    if (jobId !== null) client.removeQueries({ queryKey: jobKey(jobId) })
    setJobId(null)
    start.reset()
    start.mutate()
  }, [client, jobId, start])

  const reset = useCallback(() => {
    if (jobId !== null) client.removeQueries({ queryKey: jobKey(jobId) })
    setJobId(null)
    start.reset()
  }, [client, jobId, start])

  return { state, start: begin, reset }
}

/** Saves the PDF: in Electron, the native «Guardar como» dialog. */
export function saveDocument(file: FileDownload): void {
  downloadBase64(file)
}

export function useOpenInViewer() {
  return useMutation({ mutationFn: (jobId: string) => call('openJobInViewer', { jobId }) })
}

/** The session's calendar invitation (or its cancellation) as the core writes it, saved as a download; resolves to its file name. */
export async function downloadInvitation(sessionId: string): Promise<string> {
  const file = await call('exportInvitation', { sessionId })
  downloadText(file)
  return file.fileName
}
