/**
 * Which window may ask what: the main window runs the whole app; the
 * projector's window only reads the app's state and the projector's view, so
 * nothing shown in the room can change the data even if its page were
 * compromised.
 */
import type { OperationName } from '../contract/operation-names'

export type AppWindowKind = 'principal' | 'proyeccion'

export const PROJECTOR_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>(['getStatus', 'projectorView'])

export function windowMayCall(kind: AppWindowKind, name: OperationName): boolean {
  return kind === 'principal' || PROJECTOR_OPERATIONS.has(name)
}
