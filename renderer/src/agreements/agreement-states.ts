import type { AgreementState } from '../../../main/core/contract/views'
import type { Agreement } from '../../../main/core/model/schema'

/** The states a person can give an agreement (the core's AGREEMENT_STATUSES). */
export const AGREEMENT_STATUSES = ['pendiente', 'en-proceso', 'cumplido', 'cancelado'] as const satisfies ReadonlyArray<Agreement['status']>

/** Every state shown in lists, with `vencido`, which the core derives from the due date. */
export const AGREEMENT_STATES = ['pendiente', 'en-proceso', 'vencido', 'cumplido', 'cancelado'] as const satisfies ReadonlyArray<AgreementState>
