import type { HistoryEntry } from './history'
import { chronological } from './history'
import { isRecord, nonEmpty, toRecords, toText } from './normalize'
import type { OmsLanguage } from './omsStory'
import { STATUS_NAMES } from './omsStory'
import type { PickAndPackOrder, Shipment } from './pickAndPackTypes'
import { sha256Hex } from './sha256'

/** An invoice of the OMS order (`packageAttachment.packages[]`). */
export interface OmsInvoice {
  invoiceNumber: string
  /** Set once tracking was written to the invoice (by this app or anyone else). */
  trackingNumber: string | null
}

/** Where the shipment can be followed, as Pick and Pack knows it. */
export interface ShipmentTracking {
  trackingNumber: string
  trackingUrl: string | null
  courier: string | null
}

/** The body of `PATCH /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}`. */
export interface InvoiceTrackingBody {
  trackingNumber: string
  trackingUrl: string | null
  courier: string | null
  dispatchedDate: string | null
}

/** One event of `PUT …/invoice/{invoiceNumber}/tracking`. */
export interface TrackingEvent {
  city: string
  state: string
  description: string
  date: string
}

/** The body of `PUT /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}/tracking`. */
export interface DeliveryTrackingBody {
  isDelivered: boolean
  /** "yyyy-mm-dd hh:mm" (UTC), as the OMS asks, or null. */
  deliveredDate: string | null
  events: TrackingEvent[]
}

export interface TrackingPlan {
  invoiceNumber: string
  invoice: InvoiceTrackingBody
  delivery: DeliveryTrackingBody
  /** Tells a plan already sent from a new one (the calls are repeated only when it changes). */
  key: string
}

export type TrackingWait = 'NO_TRACKING_NUMBER' | 'NO_INVOICE'

/** Statuses after which an order may have an invoice and a shipment to follow. */
export const TRACKING_STATUSES: readonly string[] = [
  'INVOICED',
  'PREPARING_SHIPPING',
  'READY_FOR_SHIPPING',
  'WAITING_FOR_DELIVERY_COMPANY',
  'ON_ROUTE',
  'DELIVERED',
  'WAITING_FOR_PICKUP',
  'RETURNED',
]

/** The statuses that become delivery events on the invoice. */
export const TRACKING_EVENT_STATUSES: readonly string[] = [
  'ON_ROUTE',
  'WAITING_FOR_PICKUP',
  'DELIVERED',
  'RETURNED',
]

/** The OMS order's invoices (returns, `type: "Input"`, are not where tracking goes). */
export function invoicesOf(rawOrder: unknown): OmsInvoice[] {
  const order = isRecord(rawOrder) ? rawOrder : {}
  const attachment = isRecord(order.packageAttachment)
    ? order.packageAttachment
    : {}

  return toRecords(attachment.packages).flatMap((pack) => {
    const invoiceNumber = toText(pack.invoiceNumber)?.trim()

    if (!invoiceNumber || toText(pack.type) === 'Input') return []

    return [{ invoiceNumber, trackingNumber: toText(pack.trackingNumber) }]
  })
}

/**
 * The shipment's tracking: the legacy API's `shipping.trackingId` with its service's URL and
 * courier; on v1, the first shipment (its id is what Pick and Pack's tracking page follows).
 */
export function shipmentTrackingOf(
  order: PickAndPackOrder,
  shipments: Shipment[]
): ShipmentTracking | null {
  const legacyId = order.shipping?.trackingId?.trim()

  if (legacyId) {
    const service = order.shipping?.services[0]

    return {
      trackingNumber: legacyId,
      trackingUrl: service?.trackingUrl ?? null,
      courier: service?.courier ?? null,
    }
  }

  const shipment = shipments.find((candidate) => candidate.id.trim())

  if (!shipment) return null

  // As the legacy order gives them: the carrier's number and name, not Pick and Pack's own
  // shipment id or the driver's name (those only when nothing else is there).
  return {
    trackingNumber:
      nonEmpty(shipment.trackingNumber?.trim()) ?? shipment.id.trim(),
    trackingUrl: shipment.trackingUrl,
    courier: shipment.carrier ?? shipment.courier,
  }
}

const eventTime = (entry: HistoryEntry) => entry.occurredAt ?? entry.receivedAt

/** "yyyy-mm-dd hh:mm" in UTC, the OMS's `deliveredDate` format. */
export function omsDeliveredDate(iso: string): string | null {
  const time = Date.parse(iso)

  if (Number.isNaN(time)) return null

  return new Date(time).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * What to write to the OMS invoice for this order now: its tracking (PATCH), then the delivery
 * events so far (PUT), or why it must wait. Pure: both calls are idempotent, so the same plan
 * may be sent again safely; `key` tells when there is something new to send.
 */
export function trackingPlan(input: {
  tracking: ShipmentTracking | null
  invoices: OmsInvoice[]
  entries: HistoryEntry[]
  currentStatus: string | null
  language: OmsLanguage
}): TrackingPlan | { wait: TrackingWait } {
  const { tracking, invoices, language } = input

  if (!tracking) return { wait: 'NO_TRACKING_NUMBER' }
  const invoice =
    invoices.find((candidate) => !candidate.trackingNumber) ??
    invoices.find(
      (candidate) => candidate.trackingNumber === tracking.trackingNumber
    ) ??
    invoices[0]

  if (!invoice) return { wait: 'NO_INVOICE' }

  const moves = chronological(input.entries).filter((entry) =>
    TRACKING_EVENT_STATUSES.includes(entry.newStatus)
  )

  const dispatched = moves.find((entry) => entry.newStatus === 'ON_ROUTE')
  const delivered =
    input.currentStatus === 'DELIVERED'
      ? [...moves].reverse().find((entry) => entry.newStatus === 'DELIVERED')
      : undefined

  const body = {
    invoice: {
      trackingNumber: tracking.trackingNumber,
      trackingUrl: tracking.trackingUrl,
      courier: tracking.courier,
      dispatchedDate: dispatched ? eventTime(dispatched) : null,
    },
    delivery: {
      isDelivered: input.currentStatus === 'DELIVERED',
      deliveredDate: delivered ? omsDeliveredDate(eventTime(delivered)) : null,
      events: moves.map((entry) => ({
        city: '',
        state: '',
        description: `Pick and Pack: ${
          STATUS_NAMES[language][entry.newStatus] ?? entry.newStatus
        }`,
        date: eventTime(entry),
      })),
    },
  }

  return {
    invoiceNumber: invoice.invoiceNumber,
    ...body,
    key: sha256Hex(JSON.stringify([invoice.invoiceNumber, body])).slice(0, 32),
  }
}

/** What the app wrote to the OMS invoice, kept in the order's document. */
export interface OmsTrackingState {
  state: 'sent' | 'failed' | 'waiting'
  at: string
  /** The plan last sent (state sent) or being tried (failed). */
  key?: string
  attempts: number
  lastError?: string
  wait?: TrackingWait
}
