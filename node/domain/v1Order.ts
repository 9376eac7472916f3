import { isRecord, nonEmpty, toNumber, toRecords, toText } from './normalize'
import type {
  Evidence,
  PickAndPackOrder,
  PickedItem,
  Shipment,
} from './pickAndPackTypes'

/**
 * Pick and Pack's v1 order status (picking) as the flow status the webhook and the legacy API
 * speak, so that both generations show one progress. Unknown statuses are kept as they are.
 */
export const V1_STATUS_TO_FLOW: Record<string, string> = {
  // Waiting to be picked: the earliest step it can be, never a later one.
  PENDING: 'READY_FOR_HANDLING',
  IN_PROGRESS: 'PICKING',
  COLLECTED: 'READY_FOR_PACKING',
  COMPLETED: 'READY_FOR_PACKING',
  READY_FOR_PACKING: 'READY_FOR_PACKING',
  PACKING: 'PACKING',
  PACKED: 'READY_FOR_INVOICING',
  SORTING: 'PREPARING_SHIPPING',
  CANCELLED: 'CANCELED',
  // Pick and Pack does not fulfil it: the store does (external fulfillment).
  REJECTED: 'IDLE',
}

/**
 * Where v1 is coarser than the flow (one PENDING for two steps, one PACKED for three), the
 * webhook's record says which step: the recorded status wins when v1 shows it as the order's
 * own status. A sorted order's place comes from its shipment, not from here.
 */
const FLOW_AS_V1_ORDER: Record<string, string> = {
  READY_FOR_HANDLING: 'PENDING',
  READY_FOR_PICKING: 'PENDING',
  PICKING: 'IN_PROGRESS',
  READY_FOR_PACKING: 'READY_FOR_PACKING',
  PACKING: 'PACKING',
  READY_FOR_INVOICING: 'PACKED',
  INVOICING: 'PACKED',
  INVOICED: 'PACKED',
}

export function refineWithRecord(
  order: PickAndPackOrder,
  recordedStatus: string | null
): PickAndPackOrder {
  if (order.source !== 'V1' || !recordedStatus || !order.pickingStatus) {
    return order
  }

  return FLOW_AS_V1_ORDER[recordedStatus] === order.pickingStatus
    ? { ...order, fulfillmentStatus: recordedStatus }
    : order
}

/**
 * A shipment's status as the flow status: once the order is out of the warehouse (SORTING),
 * only its shipment says where it is.
 */
export const V1_SHIPMENT_TO_FLOW: Record<string, string> = {
  CREATED: 'PREPARING_SHIPPING',
  PENDING: 'READY_FOR_SHIPPING',
  ASSIGNED: 'WAITING_FOR_DELIVERY_COMPANY',
  PICKED: 'ON_ROUTE',
  ON_ROUTE: 'ON_ROUTE',
  INCIDENT: 'ON_ROUTE',
  TRANSFER: 'ON_ROUTE',
  ON_HOLD: 'WAITING_FOR_PICKUP',
  DELIVERED: 'DELIVERED',
  RETURNED: 'RETURNED',
  CANCELLED: 'CANCELED',
}

/**
 * The flow status of a v1 order: its own status in the warehouse, its (latest) shipment's once
 * it is sorted for the last mile.
 */
export function v1FlowStatus(
  orderStatus: string,
  shipmentStatuses: string[]
): string {
  const last = shipmentStatuses[shipmentStatuses.length - 1]

  if (orderStatus === 'SORTING' && last) {
    return V1_SHIPMENT_TO_FLOW[last] ?? last
  }

  return V1_STATUS_TO_FLOW[orderStatus] ?? orderStatus
}

/** v1 statuses after which picking is over: a line not picked by then is missing. */
const PICKING_FINISHED = new Set([
  'COLLECTED',
  'COMPLETED',
  'READY_FOR_PACKING',
  'PACKING',
  'PACKED',
  'SORTING',
  'CANCELLED',
  'REJECTED',
])

export const pickingFinished = (status: string | null) =>
  status !== null && PICKING_FINISHED.has(status)

const texts = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(toText).filter((text): text is string => !!text)
    : []

/** Minor currency units to major (cents to reais); decimalDigits from the order's payment. */
function decimalDigitsOf(payment: unknown): number {
  for (const entry of toRecords(payment)) {
    const currency = isRecord(entry.currency) ? entry.currency : null
    const digits = toNumber(currency?.decimalDigits)

    if (digits !== null && Number.isInteger(digits) && digits >= 0) {
      return digits
    }
  }

  // Pick and Pack's stores price in cents unless the order says otherwise.
  return 2
}

const reasonText = (raw: Record<string, unknown>) => {
  const type = toText(raw.reasonType)
  const detail = toText(raw.reasonDetail)

  return type && detail ? `${type}: ${detail}` : type ?? detail
}

/**
 * A weighable line counts weight, not units: `quantity` units of `unitMultiplier` each, in
 * `unitOfMeasure` (5 × 0.25 KILOGRAMS = 1.25 kg); `original…` says what was ordered.
 */
function measured(
  units: number | null,
  multiplier: number | null,
  weighable: boolean
): number | null {
  if (units === null) return null
  if (!weighable || multiplier === null) return units

  // Rounded to grams (or the unit's thousandths): floats must not show 1.2500000000000002.
  return Math.round(units * multiplier * 1000) / 1000
}

function toLine(raw: Record<string, unknown>, digits: number): PickedItem {
  const weighable = raw.weighableProduct === true
  // A weighed line's price is per unit of measure (per kg); its pickingPrice is the piece's.
  const price = weighable
    ? toNumber(raw.price) ?? toNumber(raw.pickingPrice)
    : toNumber(raw.pickingPrice) ?? toNumber(raw.price)

  const images = texts(raw.images)

  return {
    id: toText(raw.sku) ?? toText(raw.id),
    refId: toText(raw.referenceCode),
    ean: toText(raw.ean),
    // Replaced lines name it `name`, the others `itemName`.
    name: toText(raw.itemName) ?? toText(raw.name),
    quantity: measured(
      toNumber(raw.quantity),
      toNumber(raw.unitMultiplier),
      weighable
    ),
    originalQuantity: measured(
      toNumber(raw.originalQuantity),
      toNumber(raw.originalUnitMultiplier) ?? toNumber(raw.unitMultiplier),
      weighable
    ),
    sellingPrice: price === null ? null : price / 10 ** digits,
    image: images[0] ?? toText(raw.image),
    categories: [],
    weighable,
    unitOfMeasure: toText(raw.unitOfMeasure),
    reasons: toRecords(raw.reasons)
      .map(reasonText)
      .filter((text): text is string => !!text),
    replacedBy: texts(raw.replacedBy),
  }
}

/** `replacedBy` holds ids or references: named by the picked line when the order has it. */
function nameSubstitutes(line: PickedItem, picked: PickedItem[]): PickedItem {
  if (line.replacedBy.length === 0) return line

  return {
    ...line,
    replacedBy: line.replacedBy.map((reference) => {
      const substitute = picked.find((item) =>
        [item.id, item.refId, item.ean].includes(reference)
      )

      return substitute?.name ?? reference
    }),
  }
}

/**
 * Turns a v1 `GET /orders/{orderId}` answer into the app's order (prices in the currency's
 * major unit, weighable lines in their measure). Null when it has no status.
 */
export function normalizeV1Order(
  data: unknown,
  requestedOrderId: string,
  shipmentStatuses: string[] = []
): PickAndPackOrder | null {
  if (!isRecord(data)) return null
  const status = toText(data.status)

  if (!status) return null
  const digits = decimalDigitsOf(data.payment)
  const lines = (value: unknown) =>
    toRecords(value).map((raw) => toLine(raw, digits))

  const pickedItems = lines(data.pickedItems)
  const named = (value: unknown) =>
    lines(value).map((line) => nameSubstitutes(line, pickedItems))

  const allLines = toRecords(data.pickedItems).concat(
    toRecords(data.rejectedItems),
    toRecords(data.unhandledItems)
  )

  return {
    orderId: toText(data.orderId) ?? requestedOrderId,
    hostname: null,
    fulfillmentStatus: v1FlowStatus(status, shipmentStatuses),
    pickedItems: pickedItems.map((line) => nameSubstitutes(line, pickedItems)),
    shipping: null,
    source: 'V1',
    pickingStatus: status,
    timings: {
      picking: toNumber(data.pickingTime),
      packing: toNumber(data.packingTime),
      shipping: toNumber(data.shippingTime),
    },
    pickers: [...new Set(allLines.flatMap((line) => texts(line.pickers)))],
    rejectedItems: named(data.rejectedItems),
    replacedItems: named(data.replacedItems),
    unhandledItems: named(data.unhandledItems),
    shipments: null,
  }
}

/** Pickers named by the order's worksheets (`GET /worksheets?orderId=`). */
export const worksheetPickers = (data: unknown): string[] => {
  const sheets = Array.isArray(data)
    ? data
    : isRecord(data)
    ? data.data ?? data.items
    : []

  return [
    ...new Set(
      toRecords(sheets).flatMap((sheet) =>
        toRecords(sheet.pickerAssignment ?? sheet.items)
          .map((assignment) => toText(assignment.pickerId))
          .filter((picker): picker is string => !!picker)
      )
    ),
  ]
}

type ShipmentSummary = { id: string; status: string | null }

/**
 * The shipments of a v1 list (`GET /shipments?orderId=`): ids and statuses, no details. Null
 * when the answer is no list at all (an empty list is an order with no shipment yet).
 */
export const readShipmentList = (data: unknown): ShipmentSummary[] | null => {
  const list = Array.isArray(data)
    ? data
    : isRecord(data)
    ? data.data ?? data.items ?? data.shipments
    : null

  if (!Array.isArray(list)) return null

  return toRecords(list).flatMap((shipment) => {
    const id = toText(shipment.id)

    return id ? [{ id, status: toText(shipment.status) }] : []
  })
}

/** The shipments of a v1 list, none when it cannot be read (where they only refine a status). */
export const shipmentSummaries = (data: unknown): ShipmentSummary[] =>
  readShipmentList(data) ?? []

/** The hostname the order's worksheets name (the v1 order itself carries none). */
export const worksheetHostname = (data: unknown): string | null => {
  const sheets = Array.isArray(data)
    ? data
    : isRecord(data)
    ? data.data ?? data.items
    : []

  for (const sheet of toRecords(sheets)) {
    const hostname = toText(sheet.hostname)

    if (hostname) return hostname
  }

  return null
}

const toEvidence = (raw: Record<string, unknown>): Evidence => ({
  type: toText(raw.type),
  url: toText(raw.content),
  date: toText(raw.date),
  author: toText(raw.author),
})

/** A v1 `GET /shipments/{id}` answer (BY_INTERNAL_ID) as the app's shipment. */
export function normalizeV1Shipment(
  data: unknown,
  requestedId: string
): Shipment | null {
  if (!isRecord(data)) return null
  const agent = isRecord(data.agent) ? data.agent : {}
  const receiver = isRecord(data.receiver) ? data.receiver : {}
  const status = toText(data.status)

  return {
    id: toText(data.id) ?? requestedId,
    trackingNumber: toText(data.serviceId),
    status,
    carrier: toText(data.carrierName),
    courier: nonEmpty(toText(agent.name)) ?? nonEmpty(toText(data.courierName)),
    vehicle: toText(agent.vehicle),
    trackingUrl: toText(data.trackingUrl),
    // Before delivery the document's required deliveredDate holds the promised date.
    deliveredDate:
      status === 'DELIVERED'
        ? toText(data.deliveredDate) ?? toText(receiver.deliveryDate)
        : null,
    evidences: toRecords(data.evidences).map(toEvidence),
    notes: toRecords(data.notes)
      .map((note) => toText(note.content))
      .filter((note): note is string => !!note),
  }
}
