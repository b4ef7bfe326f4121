/**
 * All handlers, one per contract operation, grouped by feature under
 * ./handlers. The type below makes a missing or extra handler a compile error.
 */
import type { OperationName } from '../contract/operations'
import { agendaHandlers } from './handlers/agenda'
import { agreementHandlers } from './handlers/agreements'
import { appHandlers } from './handlers/app'
import { followUpHandlers } from './handlers/follow-up'
import { planHandlers } from './handlers/plan'
import { meetingHandlers } from './handlers/meeting'
import { memberHandlers } from './handlers/members'
import { sessionHandlers } from './handlers/sessions'
import type { HandlerSet } from './handlers/types'

export const handlers: HandlerSet<OperationName> = {
  ...appHandlers,
  ...memberHandlers,
  ...sessionHandlers,
  ...agendaHandlers,
  ...meetingHandlers,
  ...agreementHandlers,
  ...followUpHandlers,
  ...planHandlers,
}
