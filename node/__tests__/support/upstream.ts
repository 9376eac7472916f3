import http from 'http'
import type { AddressInfo } from 'net'

/** A small Pick and Pack + OMS upstream that speaks the documented contract, for tests. */
export interface UpstreamControl {
  url: string
  apiKey: string
  token: string
  counts: { token: number; tracking: number; oms: number; v1: number }
  /** v1 orders by id (`GET /{env}/v1/orders/{id}`); unknown ids answer 404 WORK0001B. */
  v1Orders: Record<string, unknown>
  /** v1 shipment details by order id; the list answers their ids only. */
  v1Shipments: Record<string, Array<Record<string, unknown>>>
  /** What the shipments list answers instead of the list, when set (a malformed answer). */
  v1ShipmentListBody?: unknown
  v1Worksheets: Record<string, unknown[]>
  /** false: every v1 call answers 403 SHR0007B, as for an account not on v1. */
  v1Enabled: boolean
  /** Answer the next N v1 calls with 403 EXPIRED_TOKEN. */
  expireV1(count: number): void
  /** Interactions the OMS took (`POST /api/oms/pvt/orders/{id}/interactions`), in order. */
  interactions: Array<{ orderId: string; source: string; message: string }>
  /** Answer the next N interaction calls with this status (nothing is recorded). */
  failInteractions(count: number, status: number): void
  /** Tracking numbers the OMS took (`PATCH .../invoice/{invoiceNumber}`, decoded), in order. */
  invoices: OmsWrite[]
  /** Tracking events the OMS took (`PUT .../invoice/{invoiceNumber}/tracking`), in order. */
  trackings: OmsWrite[]
  /**
   * Answer the next N OMS writes (interactions, invoice, tracking) with this status, nothing
   * recorded; `failInteractions` ones, for interactions, come first.
   */
  failOmsWrites(count: number, status: number): void
  /** The next N OMS writes are recorded (they landed), then the connection closes unanswered. */
  dropOmsWrites(count: number): void
  /** Run once, after the next interaction landed and before it is answered. */
  beforeInteractionAnswer?: () => Promise<void>
  /** Every v1 request: path and headers that matter. */
  v1Requests: Array<{ url: string; authorization?: string; filter?: string }>
  /** Answer the next N tracking calls with this status and body. */
  failTracking(count: number, status: number, body?: unknown): void
  failOms(count: number, status: number): void
  tracking: Record<string, unknown>
  oms: Record<string, unknown>
  close(): Promise<void>
}

/** One invoice tracking call the OMS took. */
export interface OmsWrite {
  orderId: string
  invoiceNumber: string
  body: Record<string, unknown>
}

const OMS_NOT_FOUND = { error: { code: 'OMS003', message: 'Order not found' } }

const jwt = (payload: object) =>
  `${[{ alg: 'HS256', typ: 'JWT' }, payload]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.')}.signature`

export async function startUpstream(
  apiKey = 'test-api-key'
): Promise<UpstreamControl> {
  const now = Math.floor(Date.now() / 1000)
  const token = jwt({ hostname: 'teststore', iat: now, exp: now + 900 })
  let trackingFailures: Array<{ status: number; body: unknown }> = []
  let omsFailures: number[] = []
  let expiries = 0
  let interactionFailures: number[] = []
  let omsWriteFailures: number[] = []
  let omsWriteDrops = 0

  const control = {
    apiKey,
    token,
    counts: { token: 0, tracking: 0, oms: 0, v1: 0 },
    tracking: {} as Record<string, unknown>,
    oms: {} as Record<string, unknown>,
    v1Orders: {} as Record<string, unknown>,
    v1Shipments: {} as Record<string, Array<Record<string, unknown>>>,
    v1ShipmentListBody: undefined as unknown,
    v1Worksheets: {} as Record<string, unknown[]>,
    v1Enabled: true,
    v1Requests: [] as Array<{
      url: string
      authorization?: string
      filter?: string
    }>,
    expireV1(count: number) {
      expiries = count
    },
    interactions: [] as Array<{
      orderId: string
      source: string
      message: string
    }>,
    failInteractions(count: number, status: number) {
      interactionFailures = Array.from({ length: count }, () => status)
    },
    invoices: [] as OmsWrite[],
    trackings: [] as OmsWrite[],
    failOmsWrites(count: number, status: number) {
      omsWriteFailures = Array.from({ length: count }, () => status)
    },
    dropOmsWrites(count: number) {
      omsWriteDrops = count
    },
    beforeInteractionAnswer: undefined as undefined | (() => Promise<void>),
    failTracking(
      count: number,
      status: number,
      body: unknown = { message: 'Internal error', code: 1003 }
    ) {
      trackingFailures = Array.from({ length: count }, () => ({ status, body }))
    },
    failOms(count: number, status: number) {
      omsFailures = Array.from({ length: count }, () => status)
    },
  }

  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }

    let raw = ''

    req.on('data', (chunk: Buffer) => (raw += chunk.toString()))
    req.on('end', () => {
      const url = req.url ?? ''
      const tokenMatch = /^\/(prod|dev)\/token$/.exec(url)
      const trackingMatch = /^\/(prod|dev)\/picking-tracking\/([^/?]+)$/.exec(
        url
      )

      const omsMatch = /^\/api\/oms\/pvt\/orders\/([^/?]+)/.exec(url)
      const interactionMatch =
        /^\/api\/oms\/pvt\/orders\/([^/?]+)\/interactions(\?|$)/.exec(url)

      // The invoice number is one URL-encoded segment ("NF 651/1" arrives as NF%20651%2F1).
      const invoiceMatch =
        /^\/api\/oms\/pvt\/orders\/([^/?]+)\/invoice\/([^/?]+)(\/tracking)?(\?|$)/.exec(
          url
        )

      /** Answers an OMS write, unless it is to be dropped: then only the socket closes. */
      const answerWrite = (drop: boolean, status: number, body: unknown) =>
        drop ? req.socket.destroy() : send(status, body)

      /** The next OMS write's fate: a failure status, dropped after landing, or answered. */
      const writeFate = (): { failure?: number; drop: boolean } => {
        const failure = omsWriteFailures.shift()

        if (failure) return { failure, drop: false }
        const drop = omsWriteDrops > 0

        if (drop) omsWriteDrops--

        return { drop }
      }

      if (req.method === 'POST' && interactionMatch) {
        const failure = interactionFailures.shift()

        if (failure) return send(failure, { error: { message: 'failure' } })
        const fate = writeFate()

        if (fate.failure) {
          return send(fate.failure, { error: { message: 'failure' } })
        }

        let body: { source?: string; message?: string } = {}

        try {
          body = JSON.parse(raw)
        } catch {
          return answerWrite(fate.drop, 400, { error: { message: 'not JSON' } })
        }

        if (
          typeof body.source !== 'string' ||
          typeof body.message !== 'string'
        ) {
          return answerWrite(fate.drop, 400, {
            error: { message: 'source and message required' },
          })
        }

        control.interactions.push({
          orderId: decodeURIComponent(interactionMatch[1]),
          source: body.source,
          message: body.message,
        })
        const hook = control.beforeInteractionAnswer

        control.beforeInteractionAnswer = undefined

        return (hook ? hook() : Promise.resolve()).then(() =>
          answerWrite(fate.drop, 200, {})
        )
      }

      const tracking = invoiceMatch?.[3] !== undefined

      if (invoiceMatch && req.method === (tracking ? 'PUT' : 'PATCH')) {
        const fate = writeFate()

        if (fate.failure) {
          return send(fate.failure, { error: { message: 'failure' } })
        }

        let orderId: string
        let invoiceNumber: string
        let body: unknown

        try {
          orderId = decodeURIComponent(invoiceMatch[1])
          invoiceNumber = decodeURIComponent(invoiceMatch[2])
        } catch {
          return answerWrite(fate.drop, 400, {
            error: { message: 'malformed URL encoding' },
          })
        }

        if (!control.oms[orderId]) {
          return answerWrite(fate.drop, 404, OMS_NOT_FOUND)
        }

        try {
          body = JSON.parse(raw)
        } catch {
          return answerWrite(fate.drop, 400, { error: { message: 'not JSON' } })
        }

        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          return answerWrite(fate.drop, 400, {
            error: { message: 'body must be a JSON object' },
          })
        }

        const written = tracking ? control.trackings : control.invoices

        written.push({
          orderId,
          invoiceNumber,
          body: body as Record<string, unknown>,
        })

        return answerWrite(fate.drop, 200, {})
      }

      const v1Match = /^\/(prod|dev)\/v1\/([^?]+)(?:\?(.*))?$/.exec(url)

      if (req.method === 'GET' && v1Match) {
        control.counts.v1++
        control.v1Requests.push({
          url,
          authorization: req.headers.authorization,
          filter: req.headers['x-pnp-filtermethod'] as string | undefined,
        })
        const error = (status: number, type: string, code: string) =>
          send(status, {
            type,
            code,
            message: code,
            date: new Date().toISOString(),
            requestId: 'test',
          })

        if (!control.v1Enabled) return error(403, 'Forbidden', 'SHR0007B')
        if (expiries > 0) {
          expiries--

          return error(403, 'Forbidden', 'EXPIRED_TOKEN')
        }

        if (req.headers.authorization !== `Bearer ${token}`) {
          return error(403, 'Forbidden', 'SHR0007B')
        }

        const [resource, id] = v1Match[2].split('/').map(decodeURIComponent)
        const orderId = new URLSearchParams(v1Match[3] ?? '').get('orderId')

        if (resource === 'orders' && id) {
          const order = control.v1Orders[id]

          return order ? send(200, order) : error(404, 'NotFound', 'WORK0001B')
        }

        if (resource === 'shipments' && !id && orderId) {
          if (control.v1ShipmentListBody !== undefined) {
            return send(200, control.v1ShipmentListBody)
          }

          return send(
            200,
            (control.v1Shipments[orderId] ?? []).map(
              ({ id: shipmentId, status }) => ({
                id: shipmentId,
                orderId,
                status,
              })
            )
          )
        }

        if (resource === 'shipments' && id) {
          const shipment = Object.values(control.v1Shipments)
            .flat()
            .find((candidate) => candidate.id === id)

          return shipment
            ? send(200, shipment)
            : error(404, 'NotFound', 'WORK0001B')
        }

        if (resource === 'worksheets' && orderId) {
          return send(200, control.v1Worksheets[orderId] ?? [])
        }

        return error(404, 'NotFound', 'WORK0001B')
      }

      if (req.method === 'POST' && tokenMatch) {
        control.counts.token++
        let key: unknown

        try {
          key = JSON.parse(raw).apiKey
        } catch {
          key = undefined
        }

        return key === apiKey
          ? send(200, { message: 'success', data: token })
          : send(401, { message: 'Internal server', code: 1000 })
      }

      if (req.method === 'GET' && trackingMatch) {
        control.counts.tracking++
        const failure = trackingFailures.shift()

        if (failure) return send(failure.status, failure.body)
        if (req.headers.authorization !== token) {
          return send(401, { message: 'Internal server', code: 1000 })
        }

        const id = decodeURIComponent(trackingMatch[2])
        const order = control.tracking[id]

        return order
          ? send(200, { message: 'OK', data: order })
          : send(400, { message: `Order not found by ${id}`, code: 1002 })
      }

      if (req.method === 'GET' && omsMatch) {
        control.counts.oms++
        const failure = omsFailures.shift()

        if (failure) return send(failure, { error: { message: 'failure' } })
        const order = control.oms[decodeURIComponent(omsMatch[1])]

        return order ? send(200, order) : send(404, OMS_NOT_FOUND)
      }

      return send(404, { message: 'Resource not found', code: 1001 })
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  // The same object the server reads: a test's assignments reach it.
  return Object.assign(control, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  })
}

/** A Pick and Pack order as the API documents it, numbers partly as strings. */
export const trackingFixture = (orderId: string, status = 'PACKING') => ({
  hostname: 'teststore',
  orderId,
  fulfillmentStatus: status,
  pickedItems: [
    {
      id: '1',
      refId: 'BAN-1',
      ean: '7891000000011',
      name: 'Banana 1kg',
      quantity: '2',
      sellingPrice: '10.50',
      image: 'http://img/ban.png',
      categories: [{ id: '10', name: 'Fruit' }],
    },
    {
      id: '9',
      refId: 'SUB-9',
      ean: '7891000000099',
      name: 'Oat milk',
      quantity: 1,
      sellingPrice: 6,
    },
  ],
  shipping: {
    trackingId: 'TRK-88',
    trackingStatus: 'ON_ROUTE',
    services: [
      {
        serviceId: 's1',
        courier: 'FastCourier',
        agent: 'Ana Driver',
        vehicle: 'BIKE',
        serviceStatus: 'ON_ROUTE',
        trackingUrl: 'http://track/TRK-88',
        evidences: 'Left with the doorman',
        createdAt: '2026-11-20T10:00:00Z',
      },
    ],
  },
})

/** An OMS order (values in cents). */
export const omsFixture = (orderId: string) => ({
  orderId,
  status: 'handling',
  statusDescription: 'Preparando Entrega',
  creationDate: '2026-11-20T09:00:00.000Z',
  value: 3875,
  clientProfileData: {
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane@example.com',
  },
  storePreferencesData: {
    currencyCode: 'BRL',
    currencyFormatInfo: { CurrencyDecimalDigits: 2 },
  },
  items: [
    {
      id: '1',
      refId: 'BAN-1',
      ean: '7891000000011',
      name: 'Banana 1kg',
      quantity: 3,
      price: 1050,
      sellingPrice: 1050,
    },
    {
      id: '2',
      refId: 'MLK-1',
      ean: '7891000000028',
      name: 'Milk 1L',
      quantity: 1,
      price: 425,
      sellingPrice: 425,
    },
  ],
})
