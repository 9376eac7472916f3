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

const URLS = /https?:\/\/\S+/gi

/**
 * A legacy shipping service as a shipment. Its evidences are one text: the links in it are
 * proofs of delivery, the words around them notes.
 */
const toShipment = (service: ShippingService, index: number): Shipment => {
  const text = service.evidences ?? ''
  const notes = text
    .split('\n')
    .map((line) => line.replace(URLS, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean)

  return {
    id: service.serviceId ?? String(index + 1),
    // The order's trackingId is the legacy tracking number (see shipmentTrackingOf).
    trackingNumber: null,
    status: service.serviceStatus,
    carrier: service.courier,
    courier: service.agent,
    vehicle: service.vehicle,
    trackingUrl: service.trackingUrl,
    deliveredDate: null,
    evidences: (text.match(URLS) ?? []).map((url) => ({
      type: null,
      url,
      date: null,
      author: null,
    })),
    notes,
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
