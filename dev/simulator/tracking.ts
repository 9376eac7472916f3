// The Pick and Pack "picking-tracking" payload for an order's current state.
import { HOSTNAME, productById, type PickedLine, type SeedOrder } from './seed'
import {
  COURIER_INDEX,
  PICKING_INDEX,
  SHIPPING_INDEX,
  type FulfillmentStatus,
} from './statuses'
import type { OrderState } from './state'
import { statusView } from './statusMap'
import { reachedAt } from './timeline'
import { photoUrl } from './v1'

export interface PickedItemPayload {
  image: string
  sellingPrice: number | string
  ean?: string
  quantity: number | string
  name: string
  id: string
  refId?: string
  categories?: Array<{ name: string; id: string }>
}

export interface ServicePayload {
  serviceId: string
  agent?: string
  vehicle?: string
  courier: string
  trackingUrl?: string
  serviceStatus: string
  evidences?: string
  createdAt: string
}

export interface TrackingPayload {
  hostname: string
  orderId: string
  fulfillmentStatus: FulfillmentStatus
  pickedItems: PickedItemPayload[]
  shipping?: {
    trackingId: string
    trackingStatus: string
    services: ServicePayload[]
  }
}

function pickedItem(
  line: PickedLine,
  seed: SeedOrder,
  baseUrl: string
): PickedItemPayload {
  const p = productById(line.sku)
  const price = p.price / 100
  const keep = line.keep ?? 'all'
  // Goods sold by weight: the legacy answer counts in the OMS's units (12.5
  // portions of 100 g for 1.25 kg), at the price of one portion.
  const grams = p.soldByWeight?.gramsPerUnit
  const quantity =
    grams !== undefined && line.weightKg !== undefined
      ? Math.round((line.weightKg * 1000 * 1000) / grams) / 1000
      : line.quantity

  return {
    image: `${baseUrl}/_sandbox/images/${p.refId}.svg`,
    // The docs type these as "float"/"number" but real answers carry strings.
    sellingPrice: seed.numbersAsStrings ? price.toFixed(2) : price,
    ...(keep !== 'id' && { ean: p.ean }),
    quantity: seed.numbersAsStrings ? String(quantity) : quantity,
    name: p.name,
    id: p.id,
    ...(keep === 'all' && { refId: p.refId }),
    ...(!seed.omitCategories && { categories: [p.category] }),
  }
}

function shipping(
  order: OrderState,
  baseUrl: string
): TrackingPayload['shipping'] {
  const plan = order.seed.shipping

  if (!plan || order.reachedIndex < SHIPPING_INDEX) return undefined
  const status = statusView(order.status).legacyShipping
  const withDriver = order.reachedIndex >= COURIER_INDEX
  const done = order.status === 'DELIVERED' || order.status === 'RETURNED'
  let evidences: string | undefined

  // One evidence, as documented (a string): the photo, or the text. v1 has
  // the signature too.
  if (done && plan.evidence?.kind === 'text') {
    evidences = plan.evidence.text
  } else if (done && plan.evidence) {
    evidences = photoUrl(baseUrl, order.seed.orderId)
  }

  const createdAt = reachedAt(order.seed, 'PREPARING_SHIPPING')

  return {
    trackingId: plan.trackingId,
    trackingStatus: status,
    services: [
      {
        serviceId: `SRV-${plan.trackingId}`,
        ...(withDriver && { agent: plan.agent, vehicle: plan.vehicle }),
        courier: plan.courier,
        trackingUrl: `${baseUrl}/_sandbox/track/${plan.trackingId}`,
        serviceStatus: status,
        ...(evidences !== undefined && { evidences }),
        createdAt,
      },
    ],
  }
}

export function trackingPayload(
  order: OrderState,
  baseUrl: string
): TrackingPayload {
  const { seed } = order
  const picked = order.reachedIndex >= PICKING_INDEX
  const lines = seed.picked ?? seed.ordered
  const ship = shipping(order, baseUrl)

  return {
    hostname: HOSTNAME,
    orderId: seed.orderId,
    fulfillmentStatus: order.status,
    pickedItems: picked ? lines.map((l) => pickedItem(l, seed, baseUrl)) : [],
    ...(ship && { shipping: ship }),
  }
}
