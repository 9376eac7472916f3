/** Pick and Pack statuses in flow order (VTEX's documentation). */
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

/** The flow ends in one of these: delivered to the door or waiting in a pickup point. */
export const END_STATUSES = ['DELIVERED', 'WAITING_FOR_PICKUP'] as const

/** Outside the flow: external fulfillment, returned and canceled orders. */
export const EXCEPTION_STATUSES = ['IDLE', 'RETURNED', 'CANCELED'] as const

export type KnownStatus =
  | (typeof FLOW_STATUSES)[number]
  | (typeof END_STATUSES)[number]
  | (typeof EXCEPTION_STATUSES)[number]

export const KNOWN_STATUSES: readonly KnownStatus[] = [
  ...FLOW_STATUSES,
  ...END_STATUSES,
  ...EXCEPTION_STATUSES,
]

export type StatusPhase =
  | 'handling'
  | 'picking'
  | 'packing'
  | 'invoicing'
  | 'shipping'
  | 'delivered'
  | 'exception'
  | 'unknown'

const PHASES: Record<KnownStatus, StatusPhase> = {
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

export const isKnownStatus = (status: string): status is KnownStatus =>
  Object.prototype.hasOwnProperty.call(PHASES, status)

export const statusPhase = (status: string): StatusPhase =>
  isKnownStatus(status) ? PHASES[status] : 'unknown'

/**
 * Position used to tell a late notification from a real change: the flow in order, both ends
 * after it, RETURNED after delivery and CANCELED last (nothing follows a cancelation). IDLE
 * (external fulfillment) comes before the flow. Unknown statuses have no rank.
 */
export function statusRank(status: string): number | null {
  const flowIndex = (FLOW_STATUSES as readonly string[]).indexOf(status)

  if (flowIndex >= 0) return flowIndex + 1
  if (status === 'IDLE') return 0
  if (status === 'DELIVERED' || status === 'WAITING_FOR_PICKUP') {
    return FLOW_STATUSES.length + 1
  }

  if (status === 'RETURNED') return FLOW_STATUSES.length + 2
  if (status === 'CANCELED') return FLOW_STATUSES.length + 3

  return null
}

// Spellings of a known status that Pick and Pack's APIs use beside the webhook's.
const STATUS_ALIASES: Record<string, string> = { CANCELLED: 'CANCELED' }

/**
 * The known status a value names in any letter case or spacing ("packing", "Ready for
 * packing", "CANCELLED"); a value that names none is returned as received. The admin reads
 * statuses alike (react/utils/statuses.ts, kept equal by a test).
 */
export function normalizeStatus(status: string): string {
  const code = status
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_')

  const known = Object.prototype.hasOwnProperty.call(STATUS_ALIASES, code)
    ? STATUS_ALIASES[code]
    : code

  // An unknown one is kept as sent, without the spaces around it (a filter trims them).
  return isKnownStatus(known) ? known : status.trim()
}
