import type { OperationName, OutputOf, ParsedInputOf } from '../../contract/operations'
import type { HandlerContext } from '../context'

export type Handler<K extends OperationName> = (input: ParsedInputOf<K>, context: HandlerContext) => Promise<OutputOf<K>> | OutputOf<K>

/** Handlers for a subset of the contract; handlers.ts checks that together they cover all of it. */
export type HandlerSet<K extends OperationName> = { [Name in K]: Handler<Name> }
