// The OMS sandbox's invoice tracking calls (PATCH .../invoice/{n}, PUT .../invoice/{n}/tracking):
// bodies checked against VTEX's document, what they set shown by Get order (still valid against
// VTEX's schema), and the faults of the OMS writes (scope oms-write, dropAfterLanding).
/* eslint-disable no-await-in-loop */ // sequential HTTP calls on purpose
import { readFileSync } from 'node:fs'
import path from 'node:path'

import Ajv from 'ajv'

import { startSimulator, type Simulator } from '../index'
import { omsSchemaProblem } from '../omsDocument'
import { json, post } from './helpers'

const SCHEMA = JSON.parse(
  readFileSync(
    path.join(__dirname, '../../schemas/vtex/oms-get-order.schema.json'),
    'utf8'
  )
)

const validate = new Ajv({
  strict: false,
  allErrors: true,
  logger: false,
}).compile(SCHEMA)

const SLASHED = '1253881550651-01' // DELIVERED, invoice "NF 651/1"
const INVOICED = '1253881550552-01' // DELIVERED, invoice NF-0552, tracking TRK-552
const NO_TRACKING = '1253881550530-01' // READY_FOR_SHIPPING, NF-0530 without a tracking number
const PACKING = '1253881550485-01' // OMS handling: no invoice yet
const FRESH = '1253881550441-01'
const NOW = Date.parse('2026-12-03T10:00:00.000Z')

const INVOICE_BODY = {
  trackingNumber: 'LGX-0001',
  trackingUrl: 'https://track.example.com/LGX-0001',
  courier: 'Loggo Express',
  dispatchedDate: '2026-11-19T12:00:00.0000000+00:00',
}

const TRACKING_BODY = {
  isDelivered: true,
  deliveredDate: '2026-11-19 14:05',
  events: [
    {
      city: 'São Paulo',
      state: 'SP',
      description: 'Saiu para entrega',
      date: '2026-11-19T13:00:00Z',
    },
    {
      city: 'São Paulo',
      state: 'SP',
      description: 'Entregue',
      date: '2026-11-19',
    },
  ],
}

let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: () => NOW })
})
afterAll(() => sim.close())
beforeEach(() => sim.reset())

const invoiceUrl = (orderId: string, invoiceNumber: string) =>
  `${sim.url}/api/oms/pvt/orders/${orderId}/invoice/${encodeURIComponent(
    invoiceNumber
  )}`

const send = (method: string, url: string, body: unknown) =>
  fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }).then(json)

const patchInvoice = (orderId: string, invoiceNumber: string, body: unknown) =>
  send('PATCH', invoiceUrl(orderId, invoiceNumber), body)

const putTracking = (orderId: string, invoiceNumber: string, body: unknown) =>
  send('PUT', `${invoiceUrl(orderId, invoiceNumber)}/tracking`, body)

async function omsOrder(orderId: string) {
  const { status, body } = await json(
    await fetch(`${sim.url}/api/oms/pvt/orders/${orderId}`)
  )

  expect(status).toBe(200)
  expect(validate(body) ? null : validate.errors).toBeNull()

  return body
}

const packageOf = async (orderId: string) =>
  (await omsOrder(orderId)).packageAttachment.packages[0]

describe('PATCH /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}', () => {
  it('stores the tracking on the invoice and answers as the document says', async () => {
    const answer = await patchInvoice(INVOICED, 'NF-0552', INVOICE_BODY)

    expect(answer.status).toBe(200)
    expect(
      omsSchemaProblem('Updatepartialinvoice.SendTrackingNumber', answer.body)
    ).toBeNull()
    expect(answer.body).toEqual({
      date: new Date(NOW).toISOString(),
      orderId: INVOICED,
      receipt: expect.stringMatching(/^[0-9a-f]{32}$/),
    })
    expect(await packageOf(INVOICED)).toMatchObject({
      invoiceNumber: 'NF-0552',
      trackingNumber: 'LGX-0001',
      trackingUrl: 'https://track.example.com/LGX-0001',
      courier: 'Loggo Express',
      courierStatus: null,
    })
  })

  it('takes an invoice number with "/" and a space, URL-encoded in one segment', async () => {
    expect((await packageOf(SLASHED)).invoiceNumber).toBe('NF 651/1')
    expect(invoiceUrl(SLASHED, 'NF 651/1')).toMatch(/\/invoice\/NF%20651%2F1$/)

    const answer = await patchInvoice(SLASHED, 'NF 651/1', {
      ...INVOICE_BODY,
      trackingUrl: null,
      courier: null,
      dispatchedDate: null,
    })

    expect(answer.status).toBe(200)
    expect(await packageOf(SLASHED)).toMatchObject({
      invoiceNumber: 'NF 651/1',
      trackingNumber: 'LGX-0001',
      trackingUrl: null,
      courier: null,
    })
    // Unencoded, the "/" splits the path: no such route, nothing stored.
    const raw = await send(
      'PATCH',
      `${sim.url}/api/oms/pvt/orders/${SLASHED}/invoice/NF%20651/1`,
      INVOICE_BODY
    )

    expect(raw.status).toBe(404)
  })

  it('answers 404 to an unknown order, an unknown invoice and an order not invoiced', async () => {
    expect(await patchInvoice('1-01', 'NF-0001', INVOICE_BODY)).toEqual({
      status: 404,
      body: { error: { code: 'OMS003', message: 'Order not found' } },
    })
    const unknownInvoice = await patchInvoice(INVOICED, 'NF-9999', INVOICE_BODY)

    expect(unknownInvoice.status).toBe(404)
    expect(unknownInvoice.body.error.message).toBe(
      `Invoice NF-9999 not found in order ${INVOICED}`
    )
    expect((await patchInvoice(PACKING, 'NF-0485', INVOICE_BODY)).status).toBe(
      404
    )
  })

  it.each([
    [
      'a missing field',
      { trackingNumber: 'X', trackingUrl: null, courier: null },
      /must have required property 'dispatchedDate'/,
    ],
    [
      'a wrong type',
      { ...INVOICE_BODY, trackingNumber: 88 },
      /body\.trackingNumber must be string/,
    ],
    [
      'a field the document does not name',
      { ...INVOICE_BODY, trackingURL: 'x' },
      /no field trackingURL/,
    ],
    [
      'an empty tracking number',
      { ...INVOICE_BODY, trackingNumber: ' ' },
      /trackingNumber must not be empty/,
    ],
    [
      'a dispatchedDate that is no date',
      { ...INVOICE_BODY, dispatchedDate: 'yesterday' },
      /dispatchedDate must be a date/,
    ],
    ['a body that is not JSON', '{nope', /must be a JSON object/],
  ])('answers 400 to %s', async (_what, body, message) => {
    const answer = await patchInvoice(INVOICED, 'NF-0552', body)

    expect(answer.status).toBe(400)
    expect(answer.body.error.message).toMatch(message)
    expect((await packageOf(INVOICED)).trackingNumber).toBe('TRK-552')
  })
})

describe('PUT /api/oms/pvt/orders/{orderId}/invoice/{invoiceNumber}/tracking', () => {
  it('stores a courierStatus that Get order shows as VTEX does', async () => {
    expect((await patchInvoice(SLASHED, 'NF 651/1', INVOICE_BODY)).status).toBe(
      200
    )
    const answer = await putTracking(SLASHED, 'NF 651/1', TRACKING_BODY)

    expect(answer.status).toBe(200)
    expect(omsSchemaProblem('UpdateTrackingStatus', answer.body)).toBeNull()
    expect((await packageOf(SLASHED)).courierStatus).toEqual({
      status: 'ok',
      finished: true,
      webHookUrl: null,
      data: [
        {
          lastChange: new Date(NOW).toISOString(),
          city: 'São Paulo',
          state: 'SP',
          description: 'Saiu para entrega',
          createDate: '2026-11-19T13:00:00.000Z',
        },
        {
          lastChange: new Date(NOW).toISOString(),
          city: 'São Paulo',
          state: 'SP',
          description: 'Entregue',
          createDate: '2026-11-19T00:00:00.000Z',
        },
      ],
      deliveredDate: '2026-11-19T14:05:00.000Z',
    })
  })

  it('replaces the events (PUT) and leaves deliveredDate out until delivered', async () => {
    await putTracking(INVOICED, 'NF-0552', TRACKING_BODY)
    const answer = await putTracking(INVOICED, 'NF-0552', {
      isDelivered: false,
      deliveredDate: null,
      events: [TRACKING_BODY.events[0]],
    })

    expect(answer.status).toBe(200)
    const { courierStatus } = await packageOf(INVOICED)

    expect(courierStatus.finished).toBe(false)
    expect(courierStatus.data).toHaveLength(1)
    expect(courierStatus).not.toHaveProperty('deliveredDate')
    // The tracking number of the seed stays (the tracking call never sets it).
    expect((await packageOf(INVOICED)).trackingNumber).toBe('TRK-552')
  })

  it('refuses events on an invoice without a tracking number, then takes them', async () => {
    const refused = await putTracking(NO_TRACKING, 'NF-0530', TRACKING_BODY)

    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toMatch(
      /NF-0530 has no tracking number yet/
    )
    expect((await packageOf(NO_TRACKING)).courierStatus).toBeNull()
    await patchInvoice(NO_TRACKING, 'NF-0530', INVOICE_BODY)
    expect(
      (await putTracking(NO_TRACKING, 'NF-0530', TRACKING_BODY)).status
    ).toBe(200)
    expect((await packageOf(NO_TRACKING)).courierStatus.finished).toBe(true)
  })

  it.each([
    [
      'a deliveredDate not as yyyy-mm-dd hh:mm',
      { ...TRACKING_BODY, deliveredDate: '2026-11-19T14:05:00Z' },
      /deliveredDate must be "yyyy-mm-dd hh:mm"/,
    ],
    [
      'a deliveredDate that is no real date',
      { ...TRACKING_BODY, deliveredDate: '2026-13-40 25:61' },
      /deliveredDate must be/,
    ],
    [
      'an event without its city',
      {
        ...TRACKING_BODY,
        events: [{ state: 'SP', description: 'x', date: '2026-11-19' }],
      },
      /body\.events\.0 must have required property 'city'/,
    ],
    [
      'an event date that is no date',
      {
        ...TRACKING_BODY,
        events: [{ ...TRACKING_BODY.events[0], date: 'soon' }],
      },
      /events\[0\]\.date must be a date/,
    ],
    [
      'an event field the document does not name',
      {
        ...TRACKING_BODY,
        events: [{ ...TRACKING_BODY.events[0], town: 'x' }],
      },
      /no field events\.0\.town/,
    ],
    [
      'isDelivered missing',
      { deliveredDate: null, events: [] },
      /required property 'isDelivered'/,
    ],
  ])('answers 400 to %s', async (_what, body, message) => {
    const answer = await putTracking(INVOICED, 'NF-0552', body)

    expect(answer.status).toBe(400)
    expect(answer.body.error.message).toMatch(message)
    expect((await packageOf(INVOICED)).courierStatus).toBeNull()
  })

  it('answers 404 to an unknown invoice; a reset forgets what was stored', async () => {
    expect(
      (await putTracking(INVOICED, 'NF 651/1', TRACKING_BODY)).status
    ).toBe(404)
    await putTracking(INVOICED, 'NF-0552', TRACKING_BODY)
    await patchInvoice(INVOICED, 'NF-0552', INVOICE_BODY)
    const listed = await fetch(
      `${sim.url}/_sandbox/orders/${INVOICED}/invoices`
    ).then(json)

    expect(listed.body).toEqual([
      expect.objectContaining({
        invoiceNumber: 'NF-0552',
        trackingNumber: 'LGX-0001',
        dispatchedDate: INVOICE_BODY.dispatchedDate,
        invoiceCalls: 1,
        trackingCalls: 1,
      }),
    ])
    sim.reset()
    expect(await packageOf(INVOICED)).toMatchObject({
      trackingNumber: 'TRK-552',
      trackingUrl: null,
      courierStatus: null,
    })
  })
})

describe('faults of the OMS writes', () => {
  const interaction = (orderId: string) =>
    post(`${sim.url}/api/oms/pvt/orders/${orderId}/interactions`, {
      source: 'test',
      message: 'hello',
    }).then(json)

  const getOrder = (orderId: string) =>
    fetch(`${sim.url}/api/oms/pvt/orders/${orderId}`).then(json)

  it('scope oms-write fails the three writes and leaves Get order alone', async () => {
    sim.setFaults({ failureCount: 3, failureStatus: 503, scope: 'oms-write' })
    expect((await getOrder(INVOICED)).status).toBe(200)
    const statuses = [
      (await interaction(INVOICED)).status,
      (await patchInvoice(INVOICED, 'NF-0552', INVOICE_BODY)).status,
      (await putTracking(INVOICED, 'NF-0552', TRACKING_BODY)).status,
      (await patchInvoice(INVOICED, 'NF-0552', INVOICE_BODY)).status,
    ]

    expect(statuses).toEqual([503, 503, 503, 200])
    expect((await packageOf(INVOICED)).courierStatus).toBeNull()
  })

  it('scope oms covers the reads and the writes', async () => {
    sim.setFaults({ failureCount: 2, failureStatus: 500, scope: 'oms' })
    expect((await getOrder(INVOICED)).status).toBe(500)
    const failed = await patchInvoice(INVOICED, 'NF-0552', INVOICE_BODY)

    expect(failed).toEqual({
      status: 500,
      body: { error: { code: '500', message: 'Simulated failure' } },
    })
    expect((await interaction(INVOICED)).status).toBe(200)
  })

  it('dropAfterLanding stores the call, then closes the connection without an answer', async () => {
    sim.setFaults({
      failureCount: 2,
      dropAfterLanding: true,
      scope: 'oms-write',
    })
    await expect(
      fetch(invoiceUrl(INVOICED, 'NF-0552'), {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(INVOICE_BODY),
      })
    ).rejects.toThrow()
    // Landed: Get order shows it.
    expect((await packageOf(INVOICED)).trackingNumber).toBe('LGX-0001')
    await expect(
      post(`${sim.url}/api/oms/pvt/orders/${FRESH}/interactions`, {
        source: 'test',
        message: 'lost answer',
      })
    ).rejects.toThrow()
    const interactions = await fetch(
      `${sim.url}/_sandbox/orders/${FRESH}/interactions`
    ).then(json)

    expect(interactions.body).toEqual([
      expect.objectContaining({ message: 'lost answer' }),
    ])
    // Both drops counted against failureCount: the next write is answered.
    expect((await putTracking(INVOICED, 'NF-0552', TRACKING_BODY)).status).toBe(
      200
    )
  })

  it('refuses dropAfterLanding without failures to shape, and an unknown scope', async () => {
    const refused = await post(`${sim.url}/_sandbox/faults`, {
      dropAfterLanding: true,
    }).then(json)

    expect(refused).toEqual({
      status: 400,
      body: { message: 'dropAfterLanding needs failureCount or failureRate' },
    })
    expect(
      (
        await post(`${sim.url}/_sandbox/faults`, {
          failureCount: 1,
          scope: 'oms-read',
        }).then(json)
      ).status
    ).toBe(400)
    const accepted = await post(`${sim.url}/_sandbox/faults`, {
      failureRate: 0.5,
      dropAfterLanding: true,
      scope: 'oms-write',
    }).then(json)

    expect(accepted.body.faults).toMatchObject({
      dropAfterLanding: true,
      scope: 'oms-write',
    })
  })
})
