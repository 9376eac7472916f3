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
  quantity: number | null
  sellingPrice: number | null
  image: string | null
  categories: Category[]
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
}
