// The OMS invoice tracking calls (License Manager "Notify invoice"): an invoice's tracking number
// (PATCH /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}) and its delivery events
// (PUT .../invoice/{invoiceNumber}/tracking). Bodies are checked against VTEX's document
// (omsDocument.ts); what they set shows in the order's packageAttachment.packages[] (oms.ts).
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { applyFaults } from './api'
import type { SimulatorCore } from './core'
import { parseJsonObject, readBody, sendJson } from './http'
import { omsBodyProblem, type OmsBodySchema } from './omsDocument'
import {
  invoiceNumbersOf,
  invoiceTracking,
  OMS_NOT_FOUND,
  type Json,
} from './oms'
import type { CourierStatus, InvoiceUpdate, OrderState } from './state'

/** The document's format for `deliveredDate`: `yyyy-mm-dd hh:mm`. */
const DELIVERED_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/

const shown = (s: string) => (s.length > 100 ? `${s.slice(0, 100)}…` : s)

function badRequest(res: ServerResponse, message: string): void {
  sendJson(res, 400, { error: { code: '1', message } })
}

/** One OMS call: the simulator and the request being answered. */
export interface OmsCall {
  core: SimulatorCore
  req: IncomingMessage
  res: ServerResponse
}

/** The invoice a call is about: `/api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}`, decoded. */
export interface InvoiceTarget {
  orderId: string
  invoiceNumber: string
}

/**
 * The checks both calls share, in one fixed order; null when an answer was
 * already sent (a fault, an unknown order or invoice, a bad body).
 */
async function landed(
  { core, req, res }: OmsCall,
  { orderId, invoiceNumber }: InvoiceTarget,
  schema: OmsBodySchema
): Promise<{ order: OrderState; body: Record<string, unknown> } | null> {
  // Read first: whatever the answer, the connection stays usable for the next call.
  const text = await readBody(req)

  if (!(await applyFaults(core, res, { kind: 'oms-write' }))) return null
  const order = core.store.get(orderId)

  if (!order) {
    sendJson(res, 404, OMS_NOT_FOUND)

    return null
  }

  const body = parseJsonObject(text)

  if (!body) {
    badRequest(res, 'The body must be a JSON object')

    return null
  }

  const problem = omsBodyProblem(schema, body)

  if (problem) {
    badRequest(res, problem)

    return null
  }

  if (!invoiceNumbersOf(order).includes(invoiceNumber)) {
    sendJson(res, 404, {
      error: {
        code: 'OMS003',
        message: `Invoice ${shown(invoiceNumber)} not found in order ${shown(
          orderId
        )}`,
      },
    })

    return null
  }

  return { order, body }
}

function updateOf(order: OrderState, invoiceNumber: string): InvoiceUpdate {
  order.invoices ??= new Map()
  let update = order.invoices.get(invoiceNumber)

  if (!update) {
    update = { invoiceCalls: 0, trackingCalls: 0 }
    order.invoices.set(invoiceNumber, update)
  }

  return update
}

/** The document's 200 answer of both calls. */
const receipt = (core: SimulatorCore, orderId: string) => ({
  date: new Date(core.now()).toISOString(),
  orderId,
  receipt: randomUUID().replace(/-/g, ''),
})

const isDate = (value: string) => Number.isFinite(Date.parse(value))

/** `PATCH .../invoice/{invoiceNumber}` `{trackingNumber, trackingUrl, courier, dispatchedDate}`. */
export async function updateInvoice(
  omsCall: OmsCall,
  target: InvoiceTarget
): Promise<void> {
  const { core, res } = omsCall
  const { orderId, invoiceNumber } = target
  const call = await landed(
    omsCall,
    target,
    'Updatepartialinvoice.SendTrackingNumber.Request'
  )

  if (!call) return
  // The document types them; these are what it says they mean.
  const body = call.body as {
    trackingNumber: string
    trackingUrl: string | null
    courier: string | null
    dispatchedDate: string | null
  }

  if (body.trackingNumber.trim() === '') {
    return badRequest(res, 'trackingNumber must not be empty')
  }

  if (body.dispatchedDate !== null && !isDate(body.dispatchedDate)) {
    return badRequest(
      res,
      'dispatchedDate must be a date, e.g. 2022-02-08T13:16:13.4617653+00:00'
    )
  }

  const update = updateOf(call.order, invoiceNumber)

  update.trackingNumber = body.trackingNumber
  update.trackingUrl = body.trackingUrl
  update.courier = body.courier
  update.dispatchedDate = body.dispatchedDate
  update.invoiceCalls += 1
  sendJson(res, 200, receipt(core, orderId))
}

/** `yyyy-mm-dd hh:mm` (read as UTC) to ISO; null when it is not a real date and time. */
function deliveredIso(value: string): string | null {
  if (!DELIVERED_DATE.test(value)) return null
  const iso = `${value.replace(' ', 'T')}:00.000Z`

  return isDate(iso) && new Date(iso).toISOString() === iso ? iso : null
}

/** `PUT .../invoice/{invoiceNumber}/tracking` `{isDelivered, deliveredDate, events}`. */
export async function updateTracking(
  omsCall: OmsCall,
  target: InvoiceTarget
): Promise<void> {
  const { core, res } = omsCall
  const { orderId, invoiceNumber } = target
  const call = await landed(omsCall, target, 'UpdateTrackingStatusRequest')

  if (!call) return
  const body = call.body as {
    isDelivered: boolean
    deliveredDate: string | null
    events: Array<{
      city: string
      state: string
      description: string
      date: string
    }>
  }

  const deliveredDate =
    body.deliveredDate === null ? null : deliveredIso(body.deliveredDate)

  if (body.deliveredDate !== null && deliveredDate === null) {
    return badRequest(
      res,
      'deliveredDate must be "yyyy-mm-dd hh:mm" (e.g. "2022-10-01 21:15") or null'
    )
  }

  const badEvent = body.events.findIndex((event) => !isDate(event.date))

  if (badEvent >= 0) {
    return badRequest(
      res,
      `events[${badEvent}].date must be a date, e.g. 2015-06-23`
    )
  }

  // VTEX takes events only on an invoice that already has its tracking number.
  if (!invoiceTracking(call.order, invoiceNumber).trackingNumber) {
    return badRequest(
      res,
      `Invoice ${shown(
        invoiceNumber
      )} has no tracking number yet: send it first ` +
        'with PATCH /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}'
    )
  }

  const now = new Date(core.now()).toISOString()
  const courierStatus: CourierStatus = {
    status: 'ok',
    finished: body.isDelivered,
    webHookUrl: null,
    // PUT: the events sent replace the previous ones.
    data: body.events.map((event) => ({
      lastChange: now,
      city: event.city,
      state: event.state,
      description: event.description,
      createDate: new Date(Date.parse(event.date)).toISOString(),
    })),
    ...(deliveredDate !== null && { deliveredDate }),
  }

  const update = updateOf(call.order, invoiceNumber)

  update.courierStatus = courierStatus
  update.trackingCalls += 1
  sendJson(res, 200, receipt(core, orderId))
}

/** Sandbox only: the order's invoices as the OMS calls left them, with how many landed. */
export function listInvoices(
  core: SimulatorCore,
  res: ServerResponse,
  orderId: string
): void {
  const order = core.store.get(orderId)

  if (!order) return sendJson(res, 404, OMS_NOT_FOUND)
  const invoices: Json[] = invoiceNumbersOf(order).map((invoiceNumber) => {
    const update = order.invoices?.get(invoiceNumber)

    return {
      invoiceNumber,
      ...invoiceTracking(order, invoiceNumber),
      dispatchedDate: update?.dispatchedDate ?? null,
      invoiceCalls: update?.invoiceCalls ?? 0,
      trackingCalls: update?.trackingCalls ?? 0,
    }
  })

  sendJson(res, 200, invoices)
}
