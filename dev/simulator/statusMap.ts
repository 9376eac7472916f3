// One table for how each Pick and Pack flow status (the webhook's and the
// legacy API's `fulfillmentStatus`) shows in the other answers of the same
// order: the legacy shipping status, the v1 order status and the v1 shipment
// status. Both APIs read it, so that they tell one story.
import type { FulfillmentStatus } from './statuses'

/** v1 order (and worksheet, line, package) statuses: VTEX's OpenAPI document. */
export const V1_ORDER_STATUSES = [
  'IN_PROGRESS',
  'PENDING',
  'COLLECTED',
  'COMPLETED',
  'READY_FOR_PACKING',
  'PACKING',
  'PACKED',
  'SORTING',
  'CANCELLED',
  'REJECTED',
] as const

/** v1 shipment statuses: VTEX's OpenAPI document. */
export const V1_SHIPMENT_STATUSES = [
  'CREATED',
  'PENDING',
  'ASSIGNED',
  'PICKED',
  'ON_ROUTE',
  'INCIDENT',
  'RETURNED',
  'DELIVERED',
  'CANCELLED',
  'ON_HOLD',
  'TRANSFER',
] as const

export type V1OrderStatus = (typeof V1_ORDER_STATUSES)[number]
export type V1ShipmentStatus = (typeof V1_SHIPMENT_STATUSES)[number]

export interface StatusView {
  /** `shipping.trackingStatus` / `serviceStatus` of the legacy answer. */
  legacyShipping: string
  /** v1 `GET /orders/{id}` `status`: the warehouse side (picking, packing). */
  order: V1OrderStatus
  /** v1 shipment `status`: the last mile. */
  shipment: V1ShipmentStatus
}

const view = (
  legacyShipping: string,
  order: V1OrderStatus,
  shipment: V1ShipmentStatus
): StatusView => ({ legacyShipping, order, shipment })

/**
 * The v1 order status follows the warehouse: PENDING until picking starts,
 * IN_PROGRESS while picking, READY_FOR_PACKING / PACKING / PACKED, then
 * SORTING (packages sorted for dispatch), where it stays while the shipment
 * status tells the last mile. COLLECTED and COMPLETED are not used for orders
 * (the simulator uses COMPLETED for picked lines). IDLE (fulfilled outside
 * Pick and Pack) is REJECTED: Pick and Pack will not handle it.
 *
 * A shipment exists from PREPARING_SHIPPING on (as the legacy `shipping`):
 * CREATED, PENDING (ready, no courier yet), ASSIGNED (courier assigned),
 * ON_ROUTE, then DELIVERED, or ON_HOLD for a pickup order held at the pickup
 * point; RETURNED and CANCELLED. A status before shipping (an order moved back
 * with `{"to"}`) or IDLE leaves it CREATED, as the legacy answer does.
 */
export const STATUS_VIEWS: Readonly<Record<FulfillmentStatus, StatusView>> = {
  READY_FOR_HANDLING: view('CREATED', 'PENDING', 'CREATED'),
  READY_FOR_PICKING: view('CREATED', 'PENDING', 'CREATED'),
  PICKING: view('CREATED', 'IN_PROGRESS', 'CREATED'),
  READY_FOR_PACKING: view('CREATED', 'READY_FOR_PACKING', 'CREATED'),
  PACKING: view('CREATED', 'PACKING', 'CREATED'),
  READY_FOR_INVOICING: view('CREATED', 'PACKED', 'CREATED'),
  INVOICING: view('CREATED', 'PACKED', 'CREATED'),
  INVOICED: view('CREATED', 'PACKED', 'CREATED'),
  PREPARING_SHIPPING: view('CREATED', 'SORTING', 'CREATED'),
  READY_FOR_SHIPPING: view('READY', 'SORTING', 'PENDING'),
  WAITING_FOR_DELIVERY_COMPANY: view('WAITING_COURIER', 'SORTING', 'ASSIGNED'),
  ON_ROUTE: view('ON_ROUTE', 'SORTING', 'ON_ROUTE'),
  DELIVERED: view('DELIVERED', 'SORTING', 'DELIVERED'),
  WAITING_FOR_PICKUP: view('READY_FOR_PICKUP', 'SORTING', 'ON_HOLD'),
  IDLE: view('CREATED', 'REJECTED', 'CREATED'),
  RETURNED: view('RETURNED', 'SORTING', 'RETURNED'),
  CANCELED: view('CANCELED', 'CANCELLED', 'CANCELLED'),
}

export const statusView = (status: FulfillmentStatus): StatusView =>
  STATUS_VIEWS[status]
