/** «Datos abiertos»: agreements or commitments (with milestones) as CSV (UTF-8 with BOM) or JSON. */
import type { InputOf } from '../../../main/core/contract/operations'
import { call } from './call'
import { downloadText } from './download'

export type OpenDataRequest = InputOf<'exportOpenData'>

export async function exportOpenData(request: OpenDataRequest): Promise<string> {
  const file = await call('exportOpenData', request)
  downloadText(file)
  return file.fileName
}
