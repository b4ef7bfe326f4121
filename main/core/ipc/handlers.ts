/**
 * All handlers, one per contract operation, grouped by feature under
 * ./handlers. The type below makes a missing or extra handler a compile error.
 */
import type { OperationName } from '../contract/operations'
import { agendaHandlers } from './handlers/agenda'
import { agreementHandlers } from './handlers/agreements'
import { appHandlers } from './handlers/app'
import { backupHandlers } from './handlers/backup'
import { circuitHandlers } from './handlers/circuit'
import { documentHandlers } from './handlers/documents'
import { followUpHandlers } from './handlers/follow-up'
import { planHandlers } from './handlers/plan'
import { roomHandlers } from './handlers/room'
import { meetingHandlers } from './handlers/meeting'
import { memberHandlers } from './handlers/members'
import { packetHandlers } from './handlers/packets'
import { sessionHandlers } from './handlers/sessions'
import { signingHandlers } from './handlers/signing'
import { trustHandlers } from './handlers/trust'
import type { HandlerSet } from './handlers/types'

export const handlers: HandlerSet<OperationName> = {
  ...appHandlers,
  ...memberHandlers,
  ...packetHandlers,
  ...sessionHandlers,
  ...agendaHandlers,
  ...meetingHandlers,
  ...roomHandlers,
  ...agreementHandlers,
  ...followUpHandlers,
  ...planHandlers,
  ...documentHandlers,
  ...signingHandlers,
  ...circuitHandlers,
  ...trustHandlers,
  ...backupHandlers,
}
