/**
 * Signatures: the exact document to be signed (for the preview), the
 * signer's certificate described before signing, the acta signed (the session
 * becomes «firmada»), verification of any PDF or of the stored signed acta,
 * and fe de erratas. Credentials pass straight through to the core: nothing
 * here keeps them.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InputOf } from '../../../main/core/contract/operations'
import type { SessionDetail, SignatureCircuitView } from '../../../main/core/contract/views'
import { call } from './call'
import { downloadBase64 } from './download'
import { queryKeys } from './query-keys'
import { refreshAround } from './sessions'

export type Credentials = InputOf<'describeCredentials'>['credentials']

/** Outside 'sessions': a change to the session must not swap the document under a signer's eyes. */
const actaSigningKey = (sessionId: string) => ['firma-del-acta', sessionId] as const

/**
 * The document the signing dialog shows and signs, fetched when the dialog
 * opens. It never refreshes by itself while shown (what was previewed is what
 * `signActa` is told to sign); `forget` drops it when the dialog closes, so
 * the next opening asks the core again.
 */
export function usePrepareActaSigning(sessionId: string, enabled: boolean) {
  const client = useQueryClient()
  const query = useQuery({
    queryKey: actaSigningKey(sessionId),
    queryFn: () => call('prepareActaSigning', { sessionId }),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  })
  return { query, forget: () => client.removeQueries({ queryKey: actaSigningKey(sessionId) }) }
}

export function useDescribeCredentials() {
  return useMutation({ mutationFn: (credentials: Credentials) => call('describeCredentials', { credentials }) })
}

/** Puts the fresh detail in the cache and refreshes the lists and the audit trail. */
function useSessionChange<I>(run: (input: I) => Promise<SessionDetail>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      client.setQueryData(queryKeys.session(detail.session.id), detail)
      void client.invalidateQueries({ queryKey: queryKeys.session(detail.session.id) })
      refreshAround(client)
    },
  })
}

export function useSignActa() {
  return useSessionChange((input: InputOf<'signActa'>) => call('signActa', input))
}

export function useAddErrata() {
  return useSessionChange((input: InputOf<'addErrata'>) => call('addErrata', input))
}

// ── The signature circuit: the acta travels to each signer and comes back with one more signature ──

/** Under the session's key: whatever refreshes the session refreshes its circuit too. */
const circuitKey = (sessionId: string) => [...queryKeys.session(sessionId), 'circuito-de-firma'] as const

/** Who signed, who is pending and the file to send next; asked only when `enabled`. */
export function useSignatureCircuit(sessionId: string, enabled: boolean) {
  return useQuery({ queryKey: circuitKey(sessionId), queryFn: () => call('getSignatureCircuit', { sessionId }), enabled })
}

export function useStartSignatureCircuit() {
  return useSessionChange((input: InputOf<'startSignatureCircuit'>) => call('startSignatureCircuit', input))
}

export function useSetSignatureOrder() {
  return useSessionChange((input: InputOf<'setSignatureOrder'>) => call('setSignatureOrder', input))
}

/** Saves the circuit's current revision (the file to send to the next signer); resolves to its file name. */
export function useDownloadCurrentActa() {
  return useMutation({
    mutationFn: async (sessionId: string) => {
      const file = await call('getCurrentActa', { sessionId })
      downloadBase64(file)
      return file.fileName
    },
  })
}

/**
 * A signed acta returned by a signer, received into the circuit. Resolves to
 * the session and the circuit as they are after it, so the notice can say
 * who signed and who is next.
 */
export function useReceiveSignedActa() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (input: InputOf<'receiveSignedActa'>): Promise<{ detail: SessionDetail; circuit: SignatureCircuitView }> => {
      const detail = await call('receiveSignedActa', input)
      const circuit = await call('getSignatureCircuit', { sessionId: input.sessionId })
      return { detail, circuit }
    },
    onSuccess: ({ detail, circuit }) => {
      client.setQueryData(queryKeys.session(detail.session.id), detail)
      client.setQueryData(circuitKey(detail.session.id), circuit)
      refreshAround(client)
    },
  })
}

// ── The signer's side: an acta received for signing (nothing is stored) ──

export function useOpenActaForSigning() {
  return useMutation({ mutationFn: (input: InputOf<'openActaForSigning'>) => call('openActaForSigning', input) })
}

/** Signs the received acta in the chosen field; resolves to the signed PDF, for the signer to save and send back. */
export function useSignActaFile() {
  return useMutation({ mutationFn: (input: InputOf<'signActaFile'>) => call('signActaFile', input) })
}

export function useVerifyPdf() {
  return useMutation({ mutationFn: (contentBase64: string) => call('verifyPdf', { contentBase64 }) })
}

export function useVerifySignedActa() {
  return useMutation({ mutationFn: (sessionId: string) => call('verifySignedActa', { sessionId }) })
}

/** Downloads the signed acta kept in the data folder; resolves to its file name. */
export function useDownloadSignedActa() {
  return useMutation({
    mutationFn: async (sessionId: string) => {
      const file = await call('getSignedActa', { sessionId })
      downloadBase64(file)
      return file.fileName
    },
  })
}

export function useExportDiagnostics() {
  return useMutation({
    mutationFn: async () => {
      const file = await call('exportDiagnostics')
      downloadBase64(file)
      return file.fileName
    },
  })
}

export function useOpenActasFolder() {
  return useMutation({ mutationFn: () => call('openActasFolder') })
}

export function useOpenDataFolder() {
  return useMutation({ mutationFn: () => call('openDataFolder') })
}
