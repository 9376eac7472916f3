// The OMS side of a sandbox order: its status follows Pick and Pack's flow (omsStatusFor)
// until a sandbox control cancels or invoices it in the OMS on its own, as merchants and ERPs
// do; from then on the OMS keeps that status whatever Pick and Pack does (the drift the app's
// board flags: canceled in the OMS but still active in Pick and Pack, invoiced too early).
import type { OrderState } from './state'
import { omsStatusFor } from './statuses'

export type OmsAction = 'cancel' | 'invoice'

export const OMS_ACTIONS: readonly OmsAction[] = ['cancel', 'invoice']

/** The OMS status an order had before it reached `ready-for-handling`. */
export const OMS_STATUS_BEFORE_HANDLING = 'payment-approved'

const DESCRIPTIONS: Record<string, string> = {
  canceled: 'Cancelado',
  invoiced: 'Faturado',
}

/** Why an OMS control was refused, with the HTTP status that says so. */
export class OmsActionError extends Error {
  constructor(public readonly httpStatus: 400 | 404 | 409, message: string) {
    super(message)
  }
}

/** The order's OMS status and its description (VTEX's Portuguese label). */
export function omsStateOf(order: OrderState): {
  status: string
  description: string
} {
  if (order.oms) {
    return {
      status: order.oms.status,
      description: DESCRIPTIONS[order.oms.status],
    }
  }

  return omsStatusFor(order.status)
}

export const omsStatusOf = (order: OrderState): string =>
  omsStateOf(order).status

/** When the OMS status last changed, as far as the sandbox knows. */
export function omsChangedAt(order: OrderState): string {
  return (
    order.omsChangedAt ??
    order.oms?.at ??
    // The seed's own timeline: the OMS sandbox's invoice (+1 h) falls on it too.
    new Date(Date.parse(order.seed.creationDate) + 3600_000).toISOString()
  )
}

export function isOmsAction(value: unknown): value is OmsAction {
  return (
    typeof value === 'string' &&
    (OMS_ACTIONS as readonly string[]).includes(value)
  )
}

/**
 * Cancels or invoices the order in the OMS at `at` (Pick and Pack is left as it is); answers the
 * OMS status it had before. Refuses what the OMS refuses: a canceled order cannot be invoiced
 * nor canceled again, an invoiced one cannot be canceled nor invoiced again.
 */
export function applyOmsAction(
  order: OrderState,
  action: OmsAction,
  at: string
): { lastState: string; lastChangeDate: string } {
  const current = omsStatusOf(order)

  if (current === 'canceled') {
    throw new OmsActionError(
      409,
      `Order ${order.seed.orderId} is already canceled in the OMS`
    )
  }

  if (current === 'invoiced') {
    throw new OmsActionError(
      409,
      `Order ${order.seed.orderId} is already invoiced in the OMS${
        action === 'cancel' ? ': an invoiced order cannot be canceled' : ''
      }`
    )
  }

  const lastChangeDate = omsChangedAt(order)

  order.oms = { status: action === 'cancel' ? 'canceled' : 'invoiced', at }
  order.omsChangedAt = at

  return { lastState: current, lastChangeDate }
}
