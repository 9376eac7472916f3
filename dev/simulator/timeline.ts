// When each status of an order was reached, on a fixed timeline from its
// creation date, so that answers are deterministic whatever the clock: the
// OMS sandbox's invoice (+1 h) and the legacy shipping service (+2 h) fall on
// it too. Orders advanced at run time keep the seed's timeline.
import type { SeedOrder } from './seed'
import type { OrderState } from './state'
import { FLOW, flowIndex, type FulfillmentStatus } from './statuses'

/** Minutes after creation at which each flow status (then the end) is reached. */
const FLOW_MINUTES = [0, 6, 12, 30, 36, 48, 54, 60, 120, 130, 140, 150, 180]
/** A status outside the flow comes this long after the furthest one reached. */
const OUTSIDE_FLOW_MINUTES = 30

if (FLOW_MINUTES.length !== FLOW.length + 1) {
  throw new Error('timeline: one entry per flow status, plus the end')
}

const plusMinutes = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString()

/** When the flow status (or end, DELIVERED / WAITING_FOR_PICKUP) is reached. */
export function reachedAt(seed: SeedOrder, status: FulfillmentStatus): string {
  const i = flowIndex(status)

  return plusMinutes(seed.creationDate, FLOW_MINUTES[Math.max(0, i)])
}

/** Minutes between two flow statuses (a stage's length). */
export function minutesBetween(
  from: FulfillmentStatus,
  to: FulfillmentStatus
): number {
  return FLOW_MINUTES[flowIndex(to)] - FLOW_MINUTES[flowIndex(from)]
}

/** When the order entered its current status. */
export function currentSince(order: OrderState): string {
  const { seed, status, reachedIndex } = order
  const i = flowIndex(status)

  if (i >= 0) return plusMinutes(seed.creationDate, FLOW_MINUTES[i])

  return plusMinutes(
    seed.creationDate,
    FLOW_MINUTES[Math.max(0, reachedIndex)] + OUTSIDE_FLOW_MINUTES
  )
}

/** Whether the order got to `status` (outside the flow: is in it now). */
export function hasReached(
  order: OrderState,
  status: FulfillmentStatus
): boolean {
  const i = flowIndex(status)

  return i >= 0 ? order.reachedIndex >= i : order.status === status
}

/** When `status` was reached, for an order that has reached it. */
export function timeOf(order: OrderState, status: FulfillmentStatus): string {
  return flowIndex(status) >= 0
    ? reachedAt(order.seed, status)
    : currentSince(order)
}
