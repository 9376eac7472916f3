import { isRecord, toNumber, toRecords, toText } from './normalize'
import type {
  Category,
  PickAndPackOrder,
  PickedItem,
  Shipment,
  Shipping,
  ShippingService,
} from './pickAndPackTypes'

const toCategory = (raw: Record<string, unknown>): Category => ({
  id: toText(raw.id),
  name: toText(raw.name),
})

const toPickedItem = (raw: Record<string, unknown>): PickedItem => ({
  id: toText(raw.id),
  refId: toText(raw.refId),
  ean: toText(raw.ean),
  name: toText(raw.name),
  quantity: toNumber(raw.quantity),
  originalQuantity: null,
  sellingPrice: toNumber(raw.sellingPrice),
  image: toText(raw.image),
  categories: toRecords(raw.categories).map(toCategory),
  weighable: false,
  unitOfMeasure: null,
  reasons: [],
  replacedBy: [],
})

/** Evidences are documented as a string; tolerate a list of them. */
function toEvidences(value: unknown): string | null {
  if (Array.isArray(value)) {
    const texts = value.map(toText).filter((text): text is string => !!text)

    return texts.length > 0 ? texts.join('\n') : null
  }

  return toText(value)
}

const toShippingService = (raw: Record<string, unknown>): ShippingService => ({
  serviceId: toText(raw.serviceId),
  agent: toText(raw.agent),
  vehicle: toText(raw.vehicle),
  courier: toText(raw.courier),
  trackingUrl: toText(raw.trackingUrl),
  serviceStatus: toText(raw.serviceStatus),
  evidences: toEvidences(raw.evidences),
  createdAt: toText(raw.createdAt),
})

function toShipping(raw: unknown): Shipping | null {
  if (!isRecord(raw)) return null

  return {
    trackingId: toText(raw.trackingId),
    trackingStatus: toText(raw.trackingStatus),
    services: toRecords(raw.services).map(toShippingService),
  }
}

const isUrl = (text: string) => /^https?:\/\//i.test(text)

/** A legacy shipping service as a shipment: its evidences are links or plain text. */
const toShipment = (service: ShippingService, index: number): Shipment => {
  const lines = service.evidences?.split('\n').filter(Boolean) ?? []

  return {
    id: service.serviceId ?? String(index + 1),
    status: service.serviceStatus,
    carrier: null,
    courier: service.agent ?? service.courier,
    vehicle: service.vehicle,
    trackingUrl: service.trackingUrl,
    deliveredDate: null,
    evidences: lines
      .filter(isUrl)
      .map((url) => ({ type: null, url, date: null, author: null })),
    notes: lines.filter((line) => !isUrl(line)),
  }
}

/**
 * Turns the `data` of a picking-tracking answer into the app's order. Returns null when the
 * payload has no usable status (the caller treats that as an upstream failure). Unknown
 * statuses are kept as they are.
 */
export function normalizeTracking(
  data: unknown,
  requestedOrderId: string
): PickAndPackOrder | null {
  if (!isRecord(data)) return null

  const fulfillmentStatus = toText(data.fulfillmentStatus)

  if (!fulfillmentStatus) return null

  const shipping = toShipping(data.shipping)

  return {
    orderId: toText(data.orderId) ?? requestedOrderId,
    hostname: toText(data.hostname),
    fulfillmentStatus,
    pickedItems: toRecords(data.pickedItems).map(toPickedItem),
    shipping,
    source: 'LEGACY',
    pickingStatus: null,
    timings: null,
    pickers: [],
    rejectedItems: [],
    replacedItems: [],
    unhandledItems: [],
    shipments: shipping?.services.map(toShipment) ?? [],
  }
}
