// Mutable order state over the immutable seed: current status and how far
// along the flow each order got (which decides picked items and shipping).
import { omsStatusOf } from './omsState'
import { SEED_ORDERS, type SeedOrder, type SeededOrderSummary } from './seed'
import {
  flowIndex,
  isStatus,
  nextStatus,
  type FulfillmentStatus,
} from './statuses'

export interface OrderState {
  seed: SeedOrder
  status: FulfillmentStatus
  /** Highest flow index reached so far (statuses outside the flow keep it). */
  reachedIndex: number
  /**
   * Set when the OMS was moved on its own (POST /_sandbox/orders/{id}/oms): the OMS status
   * then no longer follows Pick and Pack's (see omsState.ts).
   */
  oms?: OmsOverride
  /** When the OMS status last changed, once the sandbox knows (run time or replay). */
  omsChangedAt?: string
  /** What the OMS invoice calls set, by invoice number (see omsInvoices.ts). */
  invoices?: Map<string, InvoiceUpdate>
}

/** What `PATCH .../invoice/{n}` and `PUT .../invoice/{n}/tracking` set on one invoice. */
export interface InvoiceUpdate {
  trackingNumber?: string
  trackingUrl?: string | null
  courier?: string | null
  dispatchedDate?: string | null
  courierStatus?: CourierStatus
  /** Calls that landed, so that tests can count the app's writes. */
  invoiceCalls: number
  trackingCalls: number
}

/** A package's `courierStatus` as VTEX's Get order shows it (a type: it is served as JSON). */
export type CourierStatus = {
  status: string | null
  finished: boolean
  webHookUrl: null
  data: Array<{
    lastChange: string
    city: string
    state: string
    description: string
    createDate: string
  }>
  /** Absent until delivered: the schema has it as a non-nullable string. */
  deliveredDate?: string
}

/** An OMS status set by a sandbox control, not derived from Pick and Pack's. */
export interface OmsOverride {
  status: 'canceled' | 'invoiced'
  /** When it was set (the cancellation or the invoice's issuance date). */
  at: string
}

export interface AdvanceResult {
  orderId: string
  oldStatus: FulfillmentStatus
  newStatus: FulfillmentStatus
}

/** Why an advance was refused, with the HTTP status that says so. */
export class AdvanceError extends Error {
  constructor(public readonly httpStatus: 400 | 404 | 409, message: string) {
    super(message)
  }
}

function initialState(seed: SeedOrder): OrderState {
  return {
    seed,
    status: seed.status,
    reachedIndex: flowIndex(seed.reached ?? seed.status),
  }
}

export class OrderStore {
  private orders = new Map<string, OrderState>()

  constructor() {
    this.reset()
  }

  public reset(): void {
    this.orders = new Map(SEED_ORDERS.map((s) => [s.orderId, initialState(s)]))
  }

  public get(orderId: string): OrderState | undefined {
    return this.orders.get(orderId)
  }

  /** Every order, in seed order. */
  public all(): OrderState[] {
    return [...this.orders.values()]
  }

  public summaries(): SeededOrderSummary[] {
    return [...this.orders.values()].map((o) => ({
      orderId: o.seed.orderId,
      description: o.seed.description,
      status: o.status,
      inPickAndPack: !o.seed.omsOnly,
      omsStatus: omsStatusOf(o),
    }))
  }

  /** Pick and Pack orders that can still move along the flow. */
  public advanceable(): string[] {
    return [...this.orders.values()]
      .filter((o) => !o.seed.omsOnly && nextStatus(o.status, false) !== null)
      .map((o) => o.seed.orderId)
  }

  /** Next flow status, or `to` when given (any status, for tests). */
  public advance(orderId: string, to?: unknown): AdvanceResult {
    const order = this.orders.get(orderId)

    if (!order) {
      throw new AdvanceError(404, `Order ${orderId} is not in the sandbox seed`)
    }

    if (order.seed.omsOnly) {
      throw new AdvanceError(
        409,
        `Order ${orderId} exists only in the OMS sandbox, not in Pick and Pack`
      )
    }

    let target: FulfillmentStatus | null

    if (to !== undefined) {
      if (!isStatus(to)) {
        throw new AdvanceError(400, `"to" must be a Pick and Pack status`)
      }

      if (to === order.status) {
        throw new AdvanceError(409, `Order ${orderId} is already ${to}`)
      }

      target = to
    } else {
      target = nextStatus(order.status, order.seed.pickup === true)
      if (!target) {
        throw new AdvanceError(
          409,
          `Order ${orderId} is ${order.status}, which has no next status; ` +
            'pass {"to": "STATUS"} to move it anyway'
        )
      }
    }

    const oldStatus = order.status

    order.status = target
    order.reachedIndex = Math.max(order.reachedIndex, flowIndex(target))

    return { orderId, oldStatus, newStatus: target }
  }
}
