/**
 * Pick and Pack API payloads as documented by VTEX. Numbers are documented as "float" or
 * "number" but may arrive as strings, and any field may be missing: everything raw is loose.
 */
export type PickAndPackEnvironment = 'prod' | 'dev'

export interface RawTokenResponse {
  message?: string
  data?: unknown
}

export interface RawCategory {
  name?: unknown
  id?: unknown
}

export interface RawPickedItem {
  image?: unknown
  sellingPrice?: unknown
  ean?: unknown
  quantity?: unknown
  name?: unknown
  id?: unknown
  refId?: unknown
  categories?: unknown
}

export interface RawShippingService {
  serviceId?: unknown
  agent?: unknown
  vehicle?: unknown
  courier?: unknown
  trackingUrl?: unknown
  serviceStatus?: unknown
  evidences?: unknown
  createdAt?: unknown
}

export interface RawShipping {
  trackingId?: unknown
  trackingStatus?: unknown
  services?: unknown
}

export interface RawTracking {
  hostname?: unknown
  orderId?: unknown
  fulfillmentStatus?: unknown
  pickedItems?: unknown
  shipping?: unknown
}

export interface RawTrackingResponse {
  message?: string
  data?: RawTracking
}

/** Error body: `{"message": "...", "code": 1000}`. */
export interface RawPickAndPackError {
  message?: unknown
  code?: unknown
}

/** The normalised order, as the GraphQL `PickAndPackOrder` type exposes it. */
export interface Category {
  id: string | null
  name: string | null
}

export interface PickedItem {
  id: string | null
  refId: string | null
  ean: string | null
  name: string | null
  /** Units, or the weight in `unitOfMeasure` for a weighable line. */
  quantity: number | null
  /** What was ordered, in the same measure (v1 only: `originalQuantity`). */
  originalQuantity: number | null
  sellingPrice: number | null
  image: string | null
  categories: Category[]
  weighable: boolean
  unitOfMeasure: string | null
  /** Why it was not picked, as Pick and Pack says it (`reasonType: reasonDetail`). */
  reasons: string[]
  /** What replaced it (names when the order lists them, else references). */
  replacedBy: string[]
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

export interface Evidence {
  type: string | null
  url: string | null
  date: string | null
  author: string | null
}

export interface Shipment {
  id: string
  /** The carrier's tracking number (v1's `serviceId`), when Pick and Pack gives one. */
  trackingNumber: string | null
  status: string | null
  carrier: string | null
  courier: string | null
  vehicle: string | null
  trackingUrl: string | null
  deliveredDate: string | null
  evidences: Evidence[]
  notes: string[]
}

export interface Timings {
  picking: number | null
  packing: number | null
  shipping: number | null
}

export type PickAndPackSource = 'V1' | 'LEGACY'

export interface PickAndPackOrder {
  orderId: string
  hostname: string | null
  fulfillmentStatus: string
  pickedItems: PickedItem[]
  shipping: Shipping | null
  source: PickAndPackSource
  /** The v1 order status; null on the legacy API. */
  pickingStatus: string | null
  timings: Timings | null
  pickers: string[]
  rejectedItems: PickedItem[]
  replacedItems: PickedItem[]
  unhandledItems: PickedItem[]
  /**
   * The legacy API's shipping services as shipments; null on v1, whose shipments (with their
   * details) take calls of their own.
   */
  shipments: Shipment[] | null
}

/** v1 (VTEX's OpenAPI document): an order line; numbers may arrive as strings. */
export interface RawV1Line {
  id?: unknown
  sku?: unknown
  referenceCode?: unknown
  itemName?: unknown
  price?: unknown
  pickingPrice?: unknown
  quantity?: unknown
  originalQuantity?: unknown
  replacedBy?: unknown
  weighableProduct?: unknown
  unitMultiplier?: unknown
  originalUnitMultiplier?: unknown
  unitOfMeasure?: unknown
  images?: unknown
  image?: unknown
  ean?: unknown
  status?: unknown
  reasons?: unknown
  pickers?: unknown
}

export interface RawV1Order {
  orderId?: unknown
  status?: unknown
  pickingTime?: unknown
  packingTime?: unknown
  shippingTime?: unknown
  pickedItems?: unknown
  rejectedItems?: unknown
  replacedItems?: unknown
  unhandledItems?: unknown
  payment?: unknown
}

export interface RawV1Shipment {
  id?: unknown
  status?: unknown
  carrier?: unknown
  courier?: unknown
  agent?: unknown
  trackingUrl?: unknown
  evidences?: unknown
  notes?: unknown
  deliveredDate?: unknown
  receiver?: unknown
}

export interface RawV1Worksheet {
  id?: unknown
  picker?: unknown
  pickers?: unknown
}

/** v1 error body: `{type, code, message, date, requestId}`. */
export interface RawV1Error {
  type?: unknown
  code?: unknown
  message?: unknown
}
