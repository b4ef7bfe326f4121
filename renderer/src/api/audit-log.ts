/** The bitácora with its filters, and its export to CSV. */
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { InputOf } from '../../../main/core/contract/operations'
import { call } from './call'
import { downloadText } from './download'
import { queryKeys } from './query-keys'

export type AuditFilters = Required<InputOf<'listAudit'>>

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: queryKeys.auditLog(filters),
    queryFn: () => call('listAudit', filters),
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

/** Downloads the entries that match the filters as CSV (UTF-8 with BOM). */
export async function exportAudit(filters: AuditFilters): Promise<string> {
  const file = await call('exportAudit', filters)
  downloadText(file)
  return file.fileName
}
