// The Pick and Pack v1 view of an order (VTEX's OpenAPI document,
// dev/schemas/vtex/pick-and-pack-v1.openapi.json), derived from the same
// state as the legacy answer: order, shipments, worksheets and the facility.
//
// Money is in minor currency units (cents: `payment[].currency.decimalDigits`
// is 2). Goods sold by weight (`weighableProduct: true`) follow the document's
// example (a banana: quantity 1, unitMultiplier 0.19, unitOfMeasure
// KILOGRAMS, price 1699, pickingPrice 322):
// - `quantity` counts pieces and `unitMultiplier` is what one piece weighs in
//   `unitOfMeasure`, so the weight is quantity × unitMultiplier;
//   `originalQuantity` × `originalUnitMultiplier` is the weight ordered (the
//   scale changes the multiplier, "before any changes" keeps the ordered one).
//   The simulator cuts cheese as one piece: 1 × 1.2 kg ordered, 1 × 1.25 kg
//   picked.
// - `price` is the price of one unit of measure (a kilogram) and
//   `pickingPrice` that of one piece as picked: price × unitMultiplier,
//   rounded down (1699 × 0.19 = 322.81 → 322 in the example).
// Other lines: UNITS, unitMultiplier 1, pickingPrice = price.
import { createHash } from 'node:crypto'

import {
  CUSTOMERS,
  HOSTNAME,
  productById,
  type PickedLine,
  type Product,
  type Rejection,
} from './seed'
import {
  invoiceNumber,
  orderValue,
  paymentIds,
  shippingEstimateDate,
} from './oms'
import type { OrderState } from './state'
import { statusView, type V1OrderStatus } from './statusMap'
import {
  COURIER_INDEX,
  flowIndex,
  FLOW,
  omsStatusFor,
  PICKING_INDEX,
  SHIPPING_INDEX,
} from './statuses'
import {
  currentSince,
  hasReached,
  minutesBetween,
  reachedAt,
  timeOf,
} from './timeline'

type Json = Record<string, unknown>

const CURRENCY = 'BRL'
const PACKING_INDEX = flowIndex('PACKING')
const READY_FOR_PICKING_INDEX = flowIndex('READY_FOR_PICKING')
const ON_ROUTE_INDEX = flowIndex('ON_ROUTE')
const END_INDEX = FLOW.length

const WAREHOUSE = {
  warehouseId: '1_1',
  warehouseName: 'Sandbox Store Pinheiros',
}

const PICKERS = ['picker.paula', 'picker.rafael', 'picker.sofia']

/** v1 has no MOTORCYCLE: a scooter is the closest of its vehicles. */
const VEHICLES = { BIKE: 'BIKE', CAR: 'CAR', MOTORCYCLE: 'SCOOTER' } as const

const hex = (text: string): string =>
  createHash('sha256').update(text).digest('hex')

/** A stable UUID (version 4 layout) for a name, so ids survive restarts. */
export function uuidFor(name: string): string {
  const h = hex(name)
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)

  return (
    `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-` +
    `${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
  )
}

export const FACILITY_ID = hex('facility/sandboxstore/pinheiros').slice(0, 32)

export const FACILITY = {
  id: FACILITY_ID,
  address: 'Rua dos Pinheiros',
  addressComplement: 'Loja 1',
  city: 'São Paulo',
  contactInformation: {
    email: 'operations@sandboxstore.example.com',
    name: 'Sandbox Store operations',
    phone: '+551130000000',
  },
  country: 'BRA',
  location: { latitude: -23.5614, longitude: -46.6833 },
  name: 'Sandbox Store Pinheiros',
  neighborhood: 'Pinheiros',
  number: '870',
  postalCode: '05422-001',
  reference: 'Next to the Pinheiros market',
  state: 'SP',
}

const CURRENCY_DETAILS = {
  symbol: 'R$',
  code: CURRENCY,
  decimalSeparator: ',',
  name: CURRENCY,
  decimalDigits: 2,
  groupSize: 3,
  groupSeparator: '.',
}

export const shipmentIdOf = (orderId: string): string =>
  uuidFor(`shipment/${orderId}`)

export const worksheetIdOf = (orderId: string): string =>
  `5${orderId.split('-')[0].slice(-11)}`

const packageIdOf = (orderId: string): string => uuidFor(`package/${orderId}`)

const pickerOf = (order: OrderState): string =>
  PICKERS[order.seed.customer % PICKERS.length]

const imageOf = (p: Product, baseUrl: string): string =>
  `${baseUrl}/_sandbox/images/${p.refId}.svg`

// ------------------------------------------------------------------ lines

/** What Pick and Pack did with one line: the basis of every v1 view. */
export interface Outcome {
  product: Product
  /** OMS units ordered; 0 for a substitute or an extra. */
  ordered: number
  picked: PickedLine | null
  kind: 'picked' | 'rejected' | 'unhandled'
  /** For a replaced ordered line: its substitutes. */
  replacedBy: Product[]
  rejection?: Rejection
}

const pickingStarted = (o: OrderState) => o.reachedIndex >= PICKING_INDEX
const pickingDone = (o: OrderState) => o.reachedIndex > PICKING_INDEX
const packingDone = (o: OrderState) => o.reachedIndex > PACKING_INDEX

/**
 * Ordered lines first (picked, rejected, or not handled yet), then what was
 * picked without being ordered (substitutes, extras). Picked lines show from
 * PICKING on, as in the legacy answer; a line with a reason or a substitute
 * is rejected from then on, any other line not picked once picking is done.
 */
export function outcomes(order: OrderState): Outcome[] {
  const { seed } = order
  const started = pickingStarted(order)
  const picked: PickedLine[] = started ? seed.picked ?? seed.ordered : []
  const result: Outcome[] = seed.ordered.map((line) => {
    const product = productById(line.sku)
    const pick = picked.find((l) => l.sku === line.sku) ?? null
    const replacedBy = picked
      .filter((l) => l.replaces === line.sku)
      .map((l) => productById(l.sku))

    const rejection = seed.rejected?.find((r) => r.sku === line.sku)
    const base = { product, ordered: line.quantity, replacedBy, rejection }

    if (pick) return { ...base, picked: pick, kind: 'picked' }
    const rejected =
      started && (replacedBy.length > 0 || !!rejection || pickingDone(order))

    return { ...base, picked: null, kind: rejected ? 'rejected' : 'unhandled' }
  })

  for (const line of picked) {
    if (seed.ordered.some((o) => o.sku === line.sku)) continue
    result.push({
      product: productById(line.sku),
      ordered: 0,
      picked: line,
      kind: 'picked',
      replacedBy: [],
    })
  }

  return result
}

/** Measures of a line: pieces, weight per piece, prices (see the top). */
export function measures(o: Outcome) {
  const { product: p, picked } = o
  const grams = p.soldByWeight?.gramsPerUnit

  if (grams === undefined) {
    return {
      weighable: false,
      unitOfMeasure: 'UNITS',
      price: p.price,
      originalQuantity: o.ordered,
      originalUnitMultiplier: 1,
      quantity: picked ? picked.quantity : null,
      unitMultiplier: 1,
      pickingPrice: picked ? p.price : null,
    }
  }

  const round = (n: number) => Math.round(n * 1000) / 1000
  const perKg = Math.round((p.price * 1000) / grams)
  const orderedKg = round((o.ordered * grams) / 1000)
  const pieces = picked ? picked.quantity : null
  const weighed =
    picked && pieces ? round((picked.weightKg ?? orderedKg) / pieces) : null

  const unitMultiplier = weighed ?? orderedKg

  return {
    weighable: true,
    unitOfMeasure: 'KILOGRAMS',
    price: perKg,
    originalQuantity: o.ordered > 0 ? 1 : 0,
    originalUnitMultiplier: o.ordered > 0 ? orderedKg : unitMultiplier,
    quantity: pieces,
    unitMultiplier,
    pickingPrice: weighed === null ? null : Math.floor(perKg * weighed),
  }
}

function lineStatus(order: OrderState, o: Outcome): V1OrderStatus {
  if (o.kind === 'rejected') return 'REJECTED'
  if (o.kind === 'picked') {
    return pickingDone(order) ? 'COMPLETED' : 'IN_PROGRESS'
  }

  const orderStatus = statusView(order.status).order

  return orderStatus === 'CANCELLED' || orderStatus === 'REJECTED'
    ? orderStatus
    : 'PENDING'
}

function v1Line(order: OrderState, o: Outcome, baseUrl: string): Json {
  const m = measures(o)
  const started = pickingStarted(order)
  const { id } = o.product
  const handled = o.kind !== 'unhandled'
  const pickedPieces = m.quantity ?? 0

  return {
    id,
    sku: id,
    referenceCode: o.product.refId,
    itemName: o.product.name,
    price: m.price,
    pickingPrice: m.pickingPrice,
    quantity: o.kind === 'rejected' ? 0 : m.quantity,
    originalQuantity: m.originalQuantity,
    replacedBy: o.replacedBy.length > 0 ? o.replacedBy.map((p) => p.id) : null,
    weighableProduct: m.weighable,
    unitMultiplier: m.unitMultiplier,
    originalUnitMultiplier: m.originalUnitMultiplier,
    unitOfMeasure: m.unitOfMeasure,
    images: [imageOf(o.product, baseUrl)],
    ean: o.product.ean,
    status: lineStatus(order, o),
    packedQuantity:
      o.kind === 'picked' && packingDone(order) ? pickedPieces : null,
    reasons: o.rejection
      ? [
          {
            reasonType: o.rejection.reasonType,
            reasonDetail: o.rejection.reasonDetail,
          },
        ]
      : null,
    pickers: handled ? [pickerOf(order)] : null,
    worksheets: started ? [worksheetIdOf(order.seed.orderId)] : null,
    warehouses: [
      {
        ...WAREHOUSE,
        quantity: o.kind === 'picked' ? pickedPieces : m.originalQuantity,
      },
    ],
    createdAt: started
      ? reachedAt(order.seed, 'PICKING')
      : order.seed.creationDate,
  }
}

// ------------------------------------------------------------------ order

function pickedOutcomes(order: OrderState): Outcome[] {
  return outcomes(order).filter((o) => o.kind === 'picked')
}

function packages(order: OrderState): Json[] {
  const picked = pickedOutcomes(order)

  if (order.reachedIndex < PACKING_INDEX || picked.length === 0) return []

  return [
    {
      id: packageIdOf(order.seed.orderId),
      status: packingDone(order) ? 'PACKED' : 'PACKING',
      itemsIds: picked.map((o) => o.product.id),
    },
  ]
}

const isInvoiced = (order: OrderState) =>
  omsStatusFor(order.status).status === 'invoiced'

/** `GET /orders/{orderId}`. */
export function v1Order(order: OrderState, baseUrl: string): Json {
  const { seed } = order
  const lines = outcomes(order)
  const line = (o: Outcome) => v1Line(order, o, baseUrl)
  const of = (kind: Outcome['kind']) =>
    lines.filter((o) => o.kind === kind).map(line)

  return {
    orderId: seed.orderId,
    sequence: seed.orderId.split('-')[0].slice(-7),
    status: statusView(order.status).order,
    createdAt: seed.creationDate,
    updatedAt: currentSince(order),
    shippingEstimatedDateMin: shippingEstimateDate(seed),
    tags: [],
    pickingTime: pickingDone(order)
      ? minutesBetween('PICKING', 'READY_FOR_PACKING')
      : 0,
    packingTime: packingDone(order)
      ? minutesBetween('PACKING', 'READY_FOR_INVOICING')
      : 0,
    shippingTime:
      order.reachedIndex >= END_INDEX
        ? minutesBetween('PREPARING_SHIPPING', 'DELIVERED')
        : 0,
    invoices: isInvoiced(order)
      ? [{ invoiceKey: invoiceNumber(seed), invoiceTotal: orderValue(seed) }]
      : [],
    unhandledItems: of('unhandled'),
    pickedItems: of('picked'),
    rejectedItems: of('rejected'),
    replacedItems: lines
      .filter((o) => o.replacedBy.length > 0)
      .map((o) => ({
        id: o.product.id,
        referenceCode: o.product.refId,
        name: o.product.name,
        originalQuantity: measures(o).originalQuantity,
        image: imageOf(o.product, baseUrl),
        orderSource: seed.orderId,
        temperature: o.product.temperature,
        // Not listed for the order's replacedItems, but required for the
        // worksheet's: which SKUs replaced this one.
        replacedBy: o.replacedBy.map((p) => p.id),
      })),
    packages: packages(order),
    payment: [
      {
        ...paymentIds(seed),
        paymentName: 'Pix',
        currency: CURRENCY_DETAILS,
      },
    ],
  }
}

// -------------------------------------------------------------- shipments

/** Whether the order has a shipment now (as the legacy `shipping`). */
export const hasShipment = (order: OrderState): boolean =>
  !!order.seed.shipping && order.reachedIndex >= SHIPPING_INDEX

/** Delivered to the door (and maybe returned afterwards). */
const wasDelivered = (order: OrderState): boolean =>
  order.reachedIndex >= END_INDEX &&
  (order.status === 'DELIVERED' || order.status === 'RETURNED')

/** Proof of delivery shows when the legacy answer shows its evidences. */
const proofShown = (order: OrderState): boolean =>
  order.status === 'DELIVERED' || order.status === 'RETURNED'

/**
 * The document makes `deliveredDate` a required date-time: before delivery
 * the simulator sends the promised date (as `receiver.deliveryDate`). It is a
 * delivery date only when the status says DELIVERED (or RETURNED after it).
 */
const deliveredDate = (order: OrderState): string =>
  wasDelivered(order)
    ? reachedAt(order.seed, 'DELIVERED')
    : shippingEstimateDate(order.seed)

const pickedPieces = (order: OrderState): number =>
  pickedOutcomes(order).reduce((n, o) => n + (measures(o).quantity ?? 0), 0)

const agentIdOf = (name: string): string =>
  String(parseInt(hex(`agent/${name}`).slice(0, 8), 16) % 10_000_000)

/** `GET /shipments?orderId=`: summaries, no agent, URL, evidences or notes. */
export function v1ShipmentList(order: OrderState): Json[] {
  const plan = order.seed.shipping

  if (!plan || !hasShipment(order)) return []
  const assigned = order.reachedIndex >= COURIER_INDEX
  const customer = CUSTOMERS[order.seed.customer]

  return [
    {
      id: shipmentIdOf(order.seed.orderId),
      serviceId: plan.trackingId,
      orderId: order.seed.orderId,
      carrierId: hex(`carrier/${plan.courier}`).slice(0, 24),
      status: statusView(order.status).shipment,
      carrierName: plan.courier,
      paymentMethod: 'ONLINE',
      tags: [],
      deliveredDate: deliveredDate(order),
      customerId: `user-${order.seed.customer + 1}`,
      customerAddressId: `addr-${order.seed.orderId}`,
      source: 'Pinheiros-São Paulo',
      destination: `${customer.neighborhood}-São Paulo`,
      courierId: assigned ? agentIdOf(plan.agent) : null,
      courierName: assigned ? plan.agent : null,
      seller: HOSTNAME,
      packagesQuantity: packages(order).length,
      itemsQuantity: pickedPieces(order),
      serviceType: order.seed.pickup ? 'PICKUP' : 'DELIVERY',
      creationDate: reachedAt(order.seed, 'PREPARING_SHIPPING'),
    },
  ]
}

/** Kilograms of the picked goods (1 kg a unit, the OMS sandbox's weight). */
function packageWeight(order: OrderState): string {
  const kg = pickedOutcomes(order).reduce((sum, o) => {
    const m = measures(o)

    return (
      sum +
      (m.weighable ? (m.quantity ?? 0) * m.unitMultiplier : m.quantity ?? 0)
    )
  }, 0)

  return String(Math.round(kg * 1000) / 1000)
}

function shipmentPackages(order: OrderState, baseUrl: string): Json[] {
  const picked = pickedOutcomes(order)

  if (picked.length === 0) return []
  const items = picked.map((o) => {
    const m = measures(o)

    return {
      name: o.product.name,
      image: imageOf(o.product, baseUrl),
      ean: o.product.ean,
      quantity: m.quantity ?? 0,
      id: o.product.id,
      price: m.pickingPrice ?? m.price,
    }
  })

  return [
    {
      totalValue: items.reduce((sum, i) => sum + i.price * i.quantity, 0),
      envelope: 'BAG',
      orderId: order.seed.orderId,
      weight: packageWeight(order),
      description: 'Sandbox Store paper bag',
      id: packageIdOf(order.seed.orderId),
      categories: [...new Set(picked.map((o) => o.product.category.name))],
      items,
      dimensions: { width: '40', length: '30', height: '25' },
    },
  ]
}

export const photoUrl = (baseUrl: string, orderId: string): string =>
  `${baseUrl}/_sandbox/images/evidence-${orderId}.svg`

export const signatureUrl = (baseUrl: string, orderId: string): string =>
  `${baseUrl}/_sandbox/images/signature-${orderId}.svg`

function proof(order: OrderState, baseUrl: string) {
  const plan = order.seed.shipping
  const evidence = plan?.evidence
  const evidences: Json[] = []
  const notes: Json[] = []

  if (!plan) return { evidences, notes }
  // Captured a minute before the delivery was closed.
  const date = new Date(
    Date.parse(reachedAt(order.seed, 'DELIVERED')) - 60_000
  ).toISOString()

  const author = plan.agent
  const { orderId } = order.seed

  if (evidence && proofShown(order)) {
    if (evidence.kind === 'text') {
      // v1 evidences are URLs: a text proof is a note.
      notes.push({ date, type: 'COMMENT', content: evidence.text, author })
    } else {
      evidences.push({
        date,
        type: 'IMAGE',
        content: photoUrl(baseUrl, orderId),
        author,
      })
    }

    if (evidence.kind === 'photo-and-signature') {
      evidences.push({
        date,
        type: 'SIGNATURE',
        content: signatureUrl(baseUrl, orderId),
        author,
      })
    }
  }

  for (const note of plan.notes ?? []) {
    if (!hasReached(order, note.at)) continue
    notes.push({
      date: timeOf(order, note.at),
      type: 'COMMENT',
      content: note.text,
      author,
    })
  }

  return { evidences, notes }
}

/** `GET /shipments/{id}`: one shipment with its details. */
export function v1Shipment(order: OrderState, baseUrl: string): Json | null {
  const [summary] = v1ShipmentList(order)
  const plan = order.seed.shipping

  if (!summary || !plan) return null
  const assigned = order.reachedIndex >= COURIER_INDEX
  const customer = CUSTOMERS[order.seed.customer]
  const { evidences, notes } = proof(order, baseUrl)
  const distance =
    order.reachedIndex >= END_INDEX
      ? 4200
      : order.reachedIndex >= ON_ROUTE_INDEX
      ? 1800
      : 0

  return {
    id: summary.id,
    orderId: summary.orderId,
    carrierId: summary.carrierId,
    serviceId: summary.serviceId,
    carrierName: summary.carrierName,
    seller: summary.seller,
    status: summary.status,
    // Required by the document: before a courier is assigned, nobody (empty
    // id and name) on the vehicle type the carrier's service uses.
    agent: {
      id: assigned ? agentIdOf(plan.agent) : '',
      name: assigned ? plan.agent : '',
      vehicle: VEHICLES[plan.vehicle],
    },
    trackingUrl: `${baseUrl}/_sandbox/track/${plan.trackingId}`,
    totalDistanceTraveled: distance,
    comments: '-',
    evidences,
    packages: shipmentPackages(order, baseUrl),
    type: summary.serviceType,
    notes,
    paymentMethod: summary.paymentMethod,
    carrierServiceType: 'LOCAL',
    timezone: { offset: -180, value: 'America/Sao_Paulo' },
    tags: [],
    deliveredDate: summary.deliveredDate,
    sender: {
      name: FACILITY.name,
      city: FACILITY.city,
      state: FACILITY.state,
      country: FACILITY.country,
      pickupDate: reachedAt(order.seed, 'ON_ROUTE'),
      zipCode: FACILITY.postalCode,
    },
    receiver: {
      name: `${customer.firstName} ${customer.lastName}`,
      city: 'São Paulo',
      state: 'SP',
      country: 'BRA',
      deliveryDate: shippingEstimateDate(order.seed),
      zipCode: customer.postalCode,
    },
    labels: [],
  }
}

// ------------------------------------------------------------- worksheets

/** Whether the order has a worksheet (from READY_FOR_PICKING on). */
export const hasWorksheet = (order: OrderState): boolean =>
  order.reachedIndex >= READY_FOR_PICKING_INDEX

function pickerAssignment(order: OrderState): Json[] {
  if (!pickingStarted(order)) return []

  return [
    {
      notes: [],
      method: 'AUTOMATIC',
      active: !pickingDone(order),
      assignmentDate: reachedAt(order.seed, 'PICKING'),
      pickerId: pickerOf(order),
      finishedDate: pickingDone(order)
        ? reachedAt(order.seed, 'READY_FOR_PACKING')
        : null,
    },
  ]
}

function worksheetCounts(order: OrderState) {
  const lines = outcomes(order)
  const ordered = lines.filter((o) => o.ordered > 0)
  const units = ordered.reduce((n, o) => n + measures(o).originalQuantity, 0)
  const picked = pickedPieces(order)

  return {
    itemsQuantity: ordered.length,
    unitsQuantity: units,
    completedUnitsQuantity: pickingStarted(order) ? picked : 0,
    packedUnitsQuantity: packingDone(order) ? picked : 0,
  }
}

const worksheetStatus = (order: OrderState) => statusView(order.status).order

const finishedDate = (order: OrderState) =>
  pickingDone(order) ? reachedAt(order.seed, 'READY_FOR_PACKING') : null

/** `GET /worksheets?orderId=`: the order's picking worksheet (one). */
export function v1WorksheetList(order: OrderState): Json[] {
  if (!hasWorksheet(order)) return []
  const { seed } = order
  const counts = worksheetCounts(order)
  const promise = shippingEstimateDate(seed)

  return [
    {
      id: uuidFor(`worksheet/${seed.orderId}`),
      facilityId: FACILITY_ID,
      worksheetId: worksheetIdOf(seed.orderId),
      categoriesIds: [
        ...new Set(seed.ordered.map((l) => productById(l.sku).category.id)),
      ],
      finishedDate: finishedDate(order),
      initDate: reachedAt(seed, 'PICKING'),
      status: worksheetStatus(order),
      ordersIds: [
        {
          orderId: seed.orderId,
          unitsQuantity: counts.unitsQuantity,
          itemsQuantity: counts.itemsQuantity,
        },
      ],
      hostname: HOSTNAME,
      items: [],
      pickerAssignment: pickerAssignment(order),
      ...counts,
      deliveryWindow: { minDate: promise, maxDate: promise },
      createdAt: reachedAt(seed, 'READY_FOR_PICKING'),
    },
  ]
}

/** `GET /worksheets/{worksheetId}`: the worksheet with its items. */
export function v1Worksheet(order: OrderState, baseUrl: string): Json | null {
  const [summary] = v1WorksheetList(order)

  if (!summary) return null
  const { seed } = order
  const lines = outcomes(order)
  const started = pickingStarted(order)
  const shipmentStatus = hasShipment(order)
    ? statusView(order.status).shipment
    : 'PENDING'

  const prices = (o: Outcome) => {
    const m = measures(o)

    return { sellingPrice: m.price, listPrice: m.price }
  }

  const base = (o: Outcome) => ({
    id: o.product.id,
    name: o.product.name,
    image: imageOf(o.product, baseUrl),
    temperature: o.product.temperature,
  })

  const counts = (o: Outcome) => {
    const m = measures(o)
    const original = m.originalQuantity
    const picked = m.quantity ?? 0
    const replaced = o.replacedBy.length > 0 ? original : 0
    let rejected = 0

    if (o.kind === 'picked') rejected = Math.max(0, original - picked)
    else if (o.kind === 'rejected') rejected = original - replaced

    return { original, picked, rejected, replaced }
  }

  const items = lines.map((o) => {
    const c = counts(o)

    return {
      ...base(o),
      referenceCode: o.product.refId,
      categories: [o.product.category],
      itemAssignment: {
        startPickingAt: reachedAt(seed, 'PICKING'),
        assignedAt: reachedAt(seed, 'READY_FOR_PICKING'),
        finishedAt: finishedDate(order),
      },
      originalQuantity: c.original,
      completedQuantity: started ? c.picked : 0,
      pickedQuantity: started ? c.picked : null,
      rejectedQuantity: c.rejected,
      replacedQuantity: c.replaced,
      orderSource: [
        {
          orderId: seed.orderId,
          ...prices(o),
          currencyCode: CURRENCY,
          status: shipmentStatus,
          quantity: c.original,
          pickedQuantity: c.picked,
          rejectedQuantity: c.rejected,
          replacedQuantity: c.replaced,
          replacedBy: o.replacedBy.map((p) => p.id),
          notes: [],
        },
      ],
    }
  })

  const reasonNotes = (o: Outcome) =>
    o.rejection
      ? [
          {
            date: finishedDate(order) ?? reachedAt(seed, 'PICKING'),
            type: 'COMMENT',
            content: `${o.rejection.reasonType}: ${o.rejection.reasonDetail}`,
            author: pickerOf(order),
          },
        ]
      : []

  return {
    id: summary.id,
    worksheetId: summary.worksheetId,
    initDate: summary.initDate,
    finishedDate: summary.finishedDate,
    status: summary.status,
    createdAt: summary.createdAt,
    priority: 0,
    categoriesIds: summary.categoriesIds,
    lastPickedItemTime: started
      ? Date.parse(finishedDate(order) ?? reachedAt(seed, 'PICKING'))
      : 0,
    finishEstimatedDate: reachedAt(seed, 'READY_FOR_PACKING'),
    hostname: HOSTNAME,
    pickerAssignment: summary.pickerAssignment,
    totalCompletedItems: lines.filter((o) => o.kind === 'picked').length,
    totalPackedItems: packingDone(order)
      ? lines.filter((o) => o.kind === 'picked').length
      : 0,
    updatedAt: currentSince(order),
    lastStatusChangeTime: Date.parse(currentSince(order)),
    totalItems: lines.length,
    ordersIds: [
      {
        totalValue: orderValue(seed),
        orderId: seed.orderId,
        unitsQuantity: worksheetCounts(order).unitsQuantity,
        itemsQuantity: worksheetCounts(order).itemsQuantity,
        shippingEstimatedDate: shippingEstimateDate(seed),
        isInvoiced: isInvoiced(order),
        priority: 0,
      },
    ],
    facilityId: FACILITY_ID,
    items,
    pickedItems: lines
      .filter((o) => o.kind === 'picked')
      .map((o) => {
        const c = counts(o)
        const packed = packingDone(order) ? c.picked : 0

        return {
          ...base(o),
          originalQuantity: c.original,
          pickedQuantity: c.picked,
          packedQuantity: packed,
          orderSource: [
            {
              orderId: seed.orderId,
              ...prices(o),
              quantity: c.original,
              pickedQuantity: c.picked,
              packedQuantity: packed,
              currencyCode: CURRENCY,
            },
          ],
        }
      }),
    rejectedItems: lines
      .filter((o) => o.kind === 'rejected' && o.replacedBy.length === 0)
      .map((o) => {
        const c = counts(o)

        return {
          ...base(o),
          originalQuantity: c.original,
          rejectedQuantity: c.rejected,
          replacedQuantity: 0,
          orderSource: [
            {
              orderId: seed.orderId,
              quantity: c.original,
              rejectedQuantity: c.rejected,
              currencyCode: CURRENCY,
              notes: reasonNotes(o),
            },
          ],
        }
      }),
    replacedItems: lines
      .filter((o) => o.replacedBy.length > 0)
      .map((o) => {
        const c = counts(o)
        const m = measures(o)
        const replacedBy = o.replacedBy.map((p) => p.id)

        return {
          ...base(o),
          originalQuantity: c.original,
          replacedQuantity: c.replaced,
          replacedBy,
          orderSource: [
            {
              orderId: seed.orderId,
              ...prices(o),
              quantity: c.original,
              replacedQuantity: c.replaced,
              currencyCode: CURRENCY,
              unitMultiplier: m.unitMultiplier,
              unitOfMeasure: m.unitOfMeasure,
              originalUnitMultiplier: m.originalUnitMultiplier,
              replacedBy,
              reasons: o.rejection
                ? [
                    {
                      reasonType: o.rejection.reasonType,
                      reasonDetail: o.rejection.reasonDetail,
                    },
                  ]
                : [],
              notes: [],
            },
          ],
        }
      }),
  }
}
