import type { ErrorCode } from '../../../main/core/errors'

/** A failure reported by the bridge: a stable code and a Spanish message fit to show. */
export class ApiError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
  }
}

/** The Spanish message to show for any thrown value; never a stack trace. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message
  return fallback
}
