// Shapes of the order view's queries (graphql/*.gql): each panel asks `orderFulfillment` for its
// own fields only, so that each waits for, and fails on, its own side alone.

export interface Category {
  id: string | null
  name: string | null
}

export interface PickedItem {
  id: string | null
  refId: string | null
  ean: string | null
  name: string | null
  quantity: number | null
  sellingPrice: number | null
  image: string | null
  categories: Category[]
  weighable: boolean
  // UNITS, KILOGRAMS, …; null when Pick and Pack does not say.
  unitOfMeasure: string | null
  reasons: string[]
  replacedBy: string[]
}

/** A rejected, replaced or unhandled line: the panel only counts them. */
export interface ExceptionLine {
  id: string | null
  refId: string | null
  name: string | null
}

/** Minutes each step took (v1 only). */
export interface Timings {
  picking: number | null
  packing: number | null
  shipping: number | null
}

export interface ShippingService {
  serviceId: string | null
  agent: string | null
  vehicle: string | null
  courier: string | null
  trackingUrl: string | null
  serviceStatus: string | null
  evidences: string | null
  createdAt: string | null
}

export interface Shipping {
  trackingId: string | null
  trackingStatus: string | null
  services: ShippingService[]
}

export interface PickAndPackOrder {
  orderId: string
  hostname: string | null
  fulfillmentStatus: string
  pickedItems: PickedItem[]
  shipping: Shipping | null
  // V1 when Pick and Pack's v1 API answered, LEGACY for the tracking endpoint.
  source: string
  pickingStatus: string | null
  timings: Timings | null
  pickers: string[]
  rejectedItems: ExceptionLine[]
  replacedItems: ExceptionLine[]
  unhandledItems: ExceptionLine[]
}

export interface OmsItem {
  id: string | null
  refId: string | null
  ean: string | null
  name: string | null
  quantity: number | null
  sellingPrice: number | null
  imageUrl: string | null
}

export interface OmsOrder {
  orderId: string
  status: string | null
  statusDescription: string | null
  creationDate: string | null
  value: number | null
  currencyCode: string | null
  customerName: string | null
  customerEmail: string | null
  items: OmsItem[]
}

export interface StatusChange {
  orderId: string
  oldStatus: string | null
  newStatus: string
  hostname: string | null
  receivedAt: string
}

/** A change in the order's history: its own id, and how the app learned of it. */
export interface HistoryEntry extends StatusChange {
  id: string
  // When the change happened, by the notification's own date; null when it carried none.
  occurredAt: string | null
  // webhook, sweep (the webhook missed it, the sweep found it), view (seen live here) or
  // backfill (recorded from Pick and Pack's live status by the backfill).
  source: string
}

export type ReconciliationState =
  | 'COMPLETE'
  | 'SHORT'
  | 'MISSING'
  | 'EXTRA'
  | 'SUBSTITUTED'
  | 'PENDING'

export interface ItemReconciliation {
  matchedBy: string
  refId: string | null
  ean: string | null
  id: string | null
  name: string | null
  orderedQuantity: number
  pickedQuantity: number
  state: ReconciliationState | string
  reasons: string[]
  substitutes: string[]
  weighable: boolean
  unitOfMeasure: string | null
}

export interface OrderFulfillment {
  orderId: string
  pickAndPack: PickAndPackOrder | null
  oms: OmsOrder | null
  history: HistoryEntry[]
  items: ItemReconciliation[]
  // Null when the app could not read what the OMS holds.
  omsSync: OmsSync | null
  // Where the recorded status and the OMS disagree (OrderSummary.drift's codes).
  drift: string[]
}

/** What VTEX's own order page holds of this order's story. */
export interface OmsSync {
  interactions: number
  trackingSent: boolean
  pending: number
  lastError: string | null
  // timeout, unreadable or http:<status>: worded in the page's language when known.
  lastErrorCode: string | null
  // SENT, WAITING, FAILED or OFF; another value is shown as received.
  tracking: string
  interactionsOn: boolean
}

export interface RetryOmsSyncData {
  retryOmsSync: OmsSync
}

export interface OrderFulfillmentData {
  orderFulfillment: OrderFulfillment | null
}

/** OrderPickAndPack: the Pick and Pack panel and the ordered-vs-picked table. */
export interface OrderPickAndPackData {
  orderFulfillment: Pick<
    OrderFulfillment,
    'orderId' | 'pickAndPack' | 'items'
  > | null
}

/** OrderOms: the OMS panel and what the OMS holds of the story. */
export interface OrderOmsData {
  orderFulfillment: Pick<
    OrderFulfillment,
    'orderId' | 'oms' | 'omsSync' | 'drift'
  > | null
}

/** OrderHistory: the status changes the app recorded. */
export interface OrderHistoryData {
  orderFulfillment: Pick<OrderFulfillment, 'orderId' | 'history'> | null
}

export interface Evidence {
  type: string | null
  url: string | null
  date: string | null
  author: string | null
}

export interface Shipment {
  id: string
  status: string | null
  carrier: string | null
  courier: string | null
  vehicle: string | null
  trackingUrl: string | null
  deliveredDate: string | null
  evidences: Evidence[]
  notes: string[]
}

export interface OrderShipmentsData {
  orderShipments: Shipment[] | null
}
