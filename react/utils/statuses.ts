// Pick and Pack statuses: the flow, where a status sits in it, and how it is coloured.
// Pure data and functions only, so the admin page and its tests share one truth.
import { own } from './own'

export const FLOW_STATUSES = [
  'READY_FOR_HANDLING',
  'READY_FOR_PICKING',
  'PICKING',
  'READY_FOR_PACKING',
  'PACKING',
  'READY_FOR_INVOICING',
  'INVOICING',
  'INVOICED',
  'PREPARING_SHIPPING',
  'READY_FOR_SHIPPING',
  'WAITING_FOR_DELIVERY_COMPANY',
  'ON_ROUTE',
] as const

// The flow has two possible ends: home delivery or the customer collecting it.
export const END_STATUSES = ['DELIVERED', 'WAITING_FOR_PICKUP'] as const

// Outside the flow: external fulfillment, returned, canceled.
export const EXCEPTION_STATUSES = ['IDLE', 'RETURNED', 'CANCELED'] as const

export const KNOWN_STATUSES: readonly string[] = [
  ...FLOW_STATUSES,
  ...END_STATUSES,
  ...EXCEPTION_STATUSES,
]

export type Phase =
  | 'handling'
  | 'picking'
  | 'packing'
  | 'invoicing'
  | 'shipping'
  | 'delivered'
  | 'exception'
  | 'unknown'

const PHASE_BY_STATUS: Record<string, Phase> = {
  READY_FOR_HANDLING: 'handling',
  READY_FOR_PICKING: 'picking',
  PICKING: 'picking',
  READY_FOR_PACKING: 'packing',
  PACKING: 'packing',
  READY_FOR_INVOICING: 'invoicing',
  INVOICING: 'invoicing',
  INVOICED: 'invoicing',
  PREPARING_SHIPPING: 'shipping',
  READY_FOR_SHIPPING: 'shipping',
  WAITING_FOR_DELIVERY_COMPANY: 'shipping',
  ON_ROUTE: 'shipping',
  DELIVERED: 'delivered',
  WAITING_FOR_PICKUP: 'delivered',
  IDLE: 'exception',
  RETURNED: 'exception',
  CANCELED: 'exception',
}

export function isKnownStatus(status: string | null | undefined): boolean {
  return own(PHASE_BY_STATUS, status) !== undefined
}

export function isExceptionStatus(status: string | null | undefined): boolean {
  return phaseOf(status) === 'exception'
}

export function phaseOf(status: string | null | undefined): Phase {
  return own(PHASE_BY_STATUS, status) ?? 'unknown'
}

// Colours from vtex-tachyons' palette (config.json), so tags match the Admin.
export const PHASE_COLORS: Record<Phase, { bg: string; fg: string }> = {
  handling: { bg: '#e3e4e6', fg: '#3f3f40' },
  picking: { bg: '#cce8ff', fg: '#25354d' },
  packing: { bg: '#368df7', fg: '#ffffff' },
  invoicing: { bg: '#fff6e0', fg: '#8a6100' },
  shipping: { bg: '#2a6dbf', fg: '#ffffff' },
  delivered: { bg: '#8bc34a', fg: '#ffffff' },
  exception: { bg: '#ff4c4c', fg: '#ffffff' },
  unknown: { bg: '#f2f4f5', fg: '#585959' },
}

export type StepState = 'done' | 'current' | 'todo'

export interface Step {
  status: string
  state: StepState
}

export interface Progress {
  // null when the status cannot be placed in the flow (exception or unknown)
  steps: Step[] | null
  currentIndex: number
  total: number
}

/**
 * The steps to draw for a status: the twelve common steps plus the one end that applies
 * (WAITING_FOR_PICKUP when the order is there, DELIVERED otherwise).
 */
export function progressOf(status: string | null | undefined): Progress {
  const end =
    status === 'WAITING_FOR_PICKUP' ? 'WAITING_FOR_PICKUP' : 'DELIVERED'

  const flow: string[] = [...FLOW_STATUSES, end]
  const currentIndex = status ? flow.indexOf(status) : -1

  if (currentIndex < 0) {
    return { steps: null, currentIndex: -1, total: flow.length }
  }

  const steps = flow.map(
    (s, i): Step => ({
      status: s,
      state:
        i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'todo',
    })
  )

  return { steps, currentIndex, total: flow.length }
}

export const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isValidOrderId(value: string): boolean {
  return ORDER_ID_PATTERN.test(value)
}

const RANK = new Map(KNOWN_STATUSES.map((status, i) => [status, i]))

/**
 * Items in the app's status order (the flow, its ends, then the exceptions); statuses this
 * page does not know come after, in the order they were received.
 */
export function inStatusOrder<T>(
  items: readonly T[],
  statusOf: (item: T) => string
): T[] {
  const rank = (item: T) => RANK.get(statusOf(item)) ?? KNOWN_STATUSES.length

  // Array.prototype.sort is stable: unknown statuses keep their order.
  return [...items].sort((a, b) => rank(a) - rank(b))
}

// Spellings of a known status that Pick and Pack's APIs use beside the webhook's.
const STATUS_ALIASES: Record<string, string> = { CANCELLED: 'CANCELED' }

/**
 * The known status a value names in any letter case or spacing ("packing", "Ready for
 * packing", "CANCELLED"); a value that names none is returned as received.
 */
export function normalizeStatus(status: string): string {
  const code = status
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_')

  const known = own(STATUS_ALIASES, code) ?? code

  // An unknown one is kept as sent, without the spaces around it (a filter trims them).
  return isKnownStatus(known) ? known : status.trim()
}

// Where a status sits in the flow; both ends share the last place.
const FLOW_RANK = new Map<string, number>([
  ...FLOW_STATUSES.map((status, i): [string, number] => [status, i]),
  ...END_STATUSES.map((status): [string, number] => [
    status,
    FLOW_STATUSES.length,
  ]),
])

/** The place of a status in the flow, or undefined outside it (exceptions, unknown). */
export function flowRank(
  status: string | null | undefined
): number | undefined {
  return status ? FLOW_RANK.get(status) : undefined
}
