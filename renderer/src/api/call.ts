/**
 * The one door to the main process: `call(name, input)` invokes
 * `window.api[name]`, unwraps its Result and throws an ApiError on failure.
 */
import type { InputOf, OperationName, OutputOf } from '../../../main/core/contract/operations'
import type { Result } from '../../../main/core/contract/operation'
import { i18n } from '../i18n'
import { ApiError } from './api-error'

type Args<K extends OperationName> = InputOf<K> extends undefined ? [] : [input: InputOf<K>]
type Invoke<K extends OperationName> = (input?: InputOf<K>) => Promise<Result<OutputOf<K>>>

export async function call<K extends OperationName>(name: K, ...args: Args<K>): Promise<OutputOf<K>> {
  const api = typeof window === 'undefined' ? undefined : window.api
  const invoke = api?.[name] as Invoke<K> | undefined
  if (typeof invoke !== 'function') throw new ApiError('INTERNO', i18n.t('errors.bridge'))
  let result: Result<OutputOf<K>>
  try {
    result = await invoke(args[0])
  } catch {
    // A rejected invoke means the bridge itself failed; its text is not for users.
    throw new ApiError('INTERNO', i18n.t('errors.bridge'))
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new ApiError('INTERNO', i18n.t('errors.unexpected'))
  }
  if (!result.ok) throw new ApiError(result.error.code, result.error.message || i18n.t('errors.unexpected'))
  return result.value
}
