// Shapes of the OrderFulfillment query (graphql/orderFulfillment.gql).

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

export type ReconciliationState = 'COMPLETE' | 'SHORT' | 'MISSING' | 'EXTRA'

export interface ItemReconciliation {
  matchedBy: string
  refId: string | null
  ean: string | null
  id: string | null
  name: string | null
  orderedQuantity: number
  pickedQuantity: number
  state: ReconciliationState | string
}

export interface OrderFulfillment {
  orderId: string
  pickAndPack: PickAndPackOrder | null
  oms: OmsOrder | null
  history: StatusChange[]
  items: ItemReconciliation[]
}

export interface OrderFulfillmentData {
  orderFulfillment: OrderFulfillment | null
}
