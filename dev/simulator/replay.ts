// The seeded orders' history, replayed at `npm start` so that a first run has something to see:
// each order's path to its seeded status, as the webhook notifications Pick and Pack would
// have sent (the first with no old status: the order entered Pick and Pack), dated in the past
// from an anchor, and the OMS broadcast of its seeded OMS status. The dates depend on the
// anchor only, so a replay with the same anchor sends the same notifications (the app
// recognises them as redeliveries) and the same broadcasts.
//
// How long each order has been in its status at the anchor is chosen against the app's default
// time limits (a grocery operation: 15 min waiting for picking, 45 min picking…): every third
// order that can be late is, by half its limit again; the others are well within theirs; final
// orders changed a few hours ago (within the board's window).
import { DEFAULT_STATUS_TIME_LIMITS } from '../../node/domain/board'
import type { OmsBroadcast } from './omsEvents'
import { OMS_STATUS_BEFORE_HANDLING } from './omsState'
import { SEED_ORDERS, type SeedOrder } from './seed'
import {
  FLOW,
  flowIndex,
  omsStatusFor,
  type FulfillmentStatus,
} from './statuses'
import { minutesBetween } from './timeline'

export interface ReplayStep {
  /** null: the order's first notification. */
  oldStatus: FulfillmentStatus | null
  newStatus: FulfillmentStatus
  /** The notification's `date` (ISO). */
  date: string
}

export interface ReplayOrder {
  orderId: string
  inPickAndPack: boolean
  status: FulfillmentStatus
  /** When it entered its status (the last step's date). */
  since: string
  /** Minutes in its status at the anchor. */
  ageMinutes: number
  /** The default limit of its status; null: it cannot be late (final statuses). */
  limitMinutes: number | null
  /** Late at the anchor by the app's default limits. */
  late: boolean
  /** The webhook notifications, oldest first (none for an OMS-only order). */
  steps: ReplayStep[]
  /** The broadcast of its seeded OMS status. */
  oms: OmsBroadcast
}

/** A status outside the flow comes this long after the last one (timeline.ts does the same). */
const OUTSIDE_FLOW_MINUTES = 30
/** The OMS approved the payment this long before the order reached Pick and Pack. */
const PAYMENT_MINUTES = 3

/** The Pick and Pack statuses an order went through to its seeded status, in order. */
export function pathTo(seed: SeedOrder): FulfillmentStatus[] {
  const reached = seed.reached ?? seed.status
  const index = flowIndex(reached)
  const path: FulfillmentStatus[] = FLOW.slice(
    0,
    Math.min(Math.max(index, 0), FLOW.length - 1) + 1
  )

  if (index >= FLOW.length) path.push(reached) // DELIVERED or WAITING_FOR_PICKUP
  if (path[path.length - 1] !== seed.status) path.push(seed.status)

  return path
}

function stepMinutes(from: FulfillmentStatus, to: FulfillmentStatus): number {
  return flowIndex(from) >= 0 && flowIndex(to) >= 0
    ? minutesBetween(from, to)
    : OUTSIDE_FLOW_MINUTES
}

const minus = (ms: number, minutes: number) =>
  new Date(ms - minutes * 60_000).toISOString()

/** Dates of each status of `path`, the last one `ageMinutes` before the anchor. */
function datesOf(
  path: FulfillmentStatus[],
  anchorMs: number,
  ageMinutes: number
): string[] {
  const minutesAgo: number[] = [ageMinutes]

  for (let i = path.length - 1; i > 0; i--) {
    minutesAgo.unshift(minutesAgo[0] + stepMinutes(path[i - 1], path[i]))
  }

  return minutesAgo.map((m) => minus(anchorMs, m))
}

/** The OMS broadcast of the OMS status the path ends in (and the one before it). */
function omsBroadcastOf(
  orderId: string,
  path: FulfillmentStatus[],
  dates: string[]
): OmsBroadcast {
  const states = [
    {
      state: OMS_STATUS_BEFORE_HANDLING,
      date: minus(Date.parse(dates[0]), PAYMENT_MINUTES),
    },
  ]

  path.forEach((status, i) => {
    const state = omsStatusFor(status).status

    if (state !== states[states.length - 1].state) {
      states.push({ state, date: dates[i] })
    }
  })
  const current = states[states.length - 1]
  const last = states[states.length - 2]

  return {
    domain: 'Marketplace',
    orderId,
    currentState: current.state,
    lastState: last.state,
    currentChangeDate: current.date,
    lastChangeDate: last.date,
  }
}

/** Every seeded order's replay at `anchorMs`, in seed order. */
export function replayPlan(
  anchorMs: number,
  seeds: readonly SeedOrder[] = SEED_ORDERS,
  limits: Readonly<Record<string, number>> = DEFAULT_STATUS_TIME_LIMITS
): ReplayOrder[] {
  let limited = 0
  let unlimited = 0

  return seeds.map((seed) => {
    const limit =
      !seed.omsOnly && limits[seed.status] > 0 ? limits[seed.status] : null

    let ageMinutes: number

    if (limit !== null) {
      const k = limited++

      ageMinutes =
        k % 3 === 0
          ? Math.round(limit * 1.5) + 3 + (k % 4) * 2
          : Math.max(2, Math.round(limit * (0.25 + 0.1 * (k % 4))))
    } else {
      ageMinutes = (seed.omsOnly ? 90 : 45) + 50 * unlimited++
    }

    const path = pathTo(seed)
    const dates = datesOf(path, anchorMs, ageMinutes)
    const steps: ReplayStep[] = seed.omsOnly
      ? []
      : path.map((newStatus, i) => ({
          oldStatus: i === 0 ? null : path[i - 1],
          newStatus,
          date: dates[i],
        }))

    return {
      orderId: seed.orderId,
      inPickAndPack: !seed.omsOnly,
      status: seed.status,
      since: dates[dates.length - 1],
      ageMinutes,
      limitMinutes: limit,
      late: limit !== null && ageMinutes > limit,
      steps,
      oms: omsBroadcastOf(seed.orderId, path, dates),
    }
  })
}

/** Late orders at the anchor, over the Pick and Pack orders and over those that can be late. */
export function lateShare(plan: readonly ReplayOrder[]) {
  const orders = plan.filter((o) => o.inPickAndPack)
  const limited = orders.filter((o) => o.limitMinutes !== null)
  const late = orders.filter((o) => o.late).length

  return {
    late,
    orders: orders.length,
    canBeLate: limited.length,
    ofOrders: late / orders.length,
    ofCanBeLate: late / limited.length,
  }
}
