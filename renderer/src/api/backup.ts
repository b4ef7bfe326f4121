/** The full backup (.stlbak): its status, creating one (a download), verifying and restoring a picked archive. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { call } from './call'
import { downloadBase64 } from './download'
import { queryKeys } from './query-keys'

export function useFullBackupStatus() {
  return useQuery({ queryKey: queryKeys.fullBackup, queryFn: () => call('getFullBackupStatus') })
}

/**
 * Creates the archive in the core, hands it to the browser's download (the
 * desktop app asks where to save it), then has the core record it in the data
 * file and the bitácora.
 */
export function useCreateFullBackup() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async () => {
      const created = await call('createFullBackup')
      downloadBase64(created.file)
      const status = await call('recordFullBackup', { sha256: created.report.archiveSha256 })
      return { ...created, status }
    },
    onSuccess: async ({ status }) => {
      client.setQueryData(queryKeys.fullBackup, status)
      await client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.fullBackup[0] })
    },
  })
}

/** Verifies a picked archive without changing anything. */
export function useInspectFullBackup() {
  return useMutation({ mutationFn: (input: { contentBase64: string }) => call('inspectFullBackup', input) })
}

/** Replaces the data with a verified archive; every cached read is then stale, so all are dropped. */
export function useRestoreFullBackup() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { contentBase64: string; fileName: string }) => call('restoreFullBackup', { ...input, confirmed: true }),
    onSuccess: async (restored) => {
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.status[0] })
      client.setQueryData(queryKeys.status, restored.status)
      await client.invalidateQueries()
    },
  })
}
