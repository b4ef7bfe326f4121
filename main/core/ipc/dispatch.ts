/**
 * The one path from a bridge call to a handler, shared by Electron's ipcMain
 * and the browser test harness: unknown operations and malformed input are
 * refused with a Spanish validation error, and no exception ever crosses back,
 * only `{ ok: false, error: { code, message } }`.
 */
import { AppError, describeZodError, toErrorInfo } from '../errors'
import { operations, type OperationName } from '../contract/operations'
import { isPlainIssue } from '../contract/document-inputs'
import type { Result } from '../contract/operation'
import type { HandlerContext } from './context'
import { handlers } from './handlers'

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name)
}

export async function dispatch(name: unknown, input: unknown, context: HandlerContext): Promise<Result<unknown>> {
  if (!isOperationName(name)) {
    return { ok: false, error: { code: 'OPERACION_DESCONOCIDA', message: 'Operación desconocida.' } }
  }
  const parsed = operations[name].input.safeParse(input)
  if (!parsed.success) {
    // A refusal written as a sentence about the file or password the person chose is shown alone, as written.
    const plain = parsed.error.issues.find(isPlainIssue)
    if (plain) return { ok: false, error: { code: 'VALIDACION', message: plain.message } }
    return { ok: false, error: { code: 'VALIDACION', message: `Datos no válidos: ${describeZodError(parsed.error, 5, { bareAppMessages: true }).replace(/\.$/, '')}.` } }
  }
  try {
    const handler = handlers[name] as (input: unknown, context: HandlerContext) => unknown
    const value = await handler(parsed.data, context)
    return { ok: true, value: value ?? null }
  } catch (error) {
    if (!(error instanceof AppError)) console.error(`[${name}]`, error)
    return { ok: false, error: toErrorInfo(error) }
  }
}
