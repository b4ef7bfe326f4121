/**
 * How an operation of the bridge is declared: its input schema (checked in
 * main before any handler runs) and, as a type only, its output.
 */
import type { z } from 'zod'
import type { ErrorInfo } from '../errors'

export interface Operation<I extends z.ZodType, O> {
  readonly input: I
  /** Type-level only: never read at run time. */
  readonly output?: (value: O) => void
}

/** `defineOperation<Output>()(inputSchema)`: the output type is given, the input inferred. */
export function defineOperation<O>() {
  return <I extends z.ZodType>(input: I): Operation<I, O> => ({ input })
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }
