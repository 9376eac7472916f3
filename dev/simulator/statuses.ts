// Pick and Pack fulfillment statuses, as documented by VTEX, and the moves
// the simulator allows between them.

import {
  END_STATUSES,
  EXCEPTION_STATUSES,
  FLOW_STATUSES,
  KNOWN_STATUSES,
} from '../../node/domain/statuses'
import type { KnownStatus } from '../../node/domain/statuses'

// One status table for the app and the simulator: node/domain/statuses.ts.
export const FLOW = FLOW_STATUSES
export const FINAL = END_STATUSES
export const OUTSIDE_FLOW = EXCEPTION_STATUSES

export type FlowStatus = (typeof FLOW_STATUSES)[number]
export type FulfillmentStatus = KnownStatus

export const ALL_STATUSES: readonly FulfillmentStatus[] = KNOWN_STATUSES

export function isStatus(value: unknown): value is FulfillmentStatus {
  return (
    typeof value === 'string' &&
    (ALL_STATUSES as readonly string[]).includes(value)
  )
}

/**
 * Position of a status along the delivery flow; final statuses sit after
 * ON_ROUTE, statuses outside the flow have none (-1).
 */
export function flowIndex(status: FulfillmentStatus): number {
  const i = (FLOW as readonly string[]).indexOf(status)

  if (i >= 0) return i

  return (FINAL as readonly string[]).includes(status) ? FLOW.length : -1
}

export const PICKING_INDEX = flowIndex('PICKING')
export const SHIPPING_INDEX = flowIndex('PREPARING_SHIPPING')
export const COURIER_INDEX = flowIndex('WAITING_FOR_DELIVERY_COMPANY')

/** The next status along the flow, or null when the order cannot advance. */
export function nextStatus(
  status: FulfillmentStatus,
  pickup: boolean
): FulfillmentStatus | null {
  const i = (FLOW as readonly string[]).indexOf(status)

  if (i < 0) return null
  if (i === FLOW.length - 1) return pickup ? 'WAITING_FOR_PICKUP' : 'DELIVERED'

  return FLOW[i + 1]
}

/** OMS status consistent with a Pick and Pack status (VTEX order flow). */
export function omsStatusFor(status: FulfillmentStatus): {
  status: string
  description: string
} {
  if (status === 'READY_FOR_HANDLING') {
    return {
      status: 'ready-for-handling',
      description: 'Pronto para o manuseio',
    }
  }

  if (status === 'CANCELED') {
    return { status: 'canceled', description: 'Cancelado' }
  }

  if (status === 'INVOICING') {
    return { status: 'invoice', description: 'Verificando Envio' }
  }

  // RETURNED comes after delivery, so after invoicing; IDLE is fulfilled
  // outside Pick and Pack while the OMS still shows it in handling.
  if (status === 'RETURNED')
    return { status: 'invoiced', description: 'Faturado' }
  if (status === 'IDLE' || flowIndex(status) < flowIndex('INVOICED')) {
    return { status: 'handling', description: 'Preparando Entrega' }
  }

  return { status: 'invoiced', description: 'Faturado' }
}
