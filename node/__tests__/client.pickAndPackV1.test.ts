import { PickAndPack, forgetLegacyAccounts } from '../clients/pickAndPack'
import { TokenCache } from '../clients/tokenCache'
import { localContext } from '../../dev/store/clients'
import type { UpstreamControl } from './support/upstream'
import { startUpstream, trackingFixture } from './support/upstream'

const ORDER = '1253881550433-01'
let upstream: UpstreamControl
let keys = 0

/** A client with its own token cache and Api-Key, so that tests never share a token. */
const client = () => {
  const pnp = new PickAndPack(localContext(`v1test${++keys}`), {
    authBaseURL: upstream.url,
    apiBaseURL: upstream.url,
    v1BaseURL: upstream.url,
    tokenCache: new TokenCache(),
    retryPolicy: { retries: 1, baseDelayMs: 1 },
  })

  return {
    pnp,
    credentials: { apiKey: upstream.apiKey, environment: 'prod' as const },
  }
}

const v1Order = (status = 'PACKED') => ({
  orderId: ORDER,
  status,
  pickingTime: 12.5,
  packingTime: '4',
  shippingTime: null,
  payment: [{ currency: { code: 'BRL', decimalDigits: 2 } }],
  pickedItems: [
    {
      id: 'L1',
      sku: '101',
      referenceCode: 'CHEESE',
      itemName: 'Cheese',
      price: 4990,
      pickingPrice: 4990,
      quantity: 25,
      originalQuantity: 24,
      weighableProduct: true,
      unitMultiplier: 0.05,
      originalUnitMultiplier: 0.05,
      unitOfMeasure: 'KILOGRAMS',
      images: ['https://img.example/cheese.png'],
      pickers: [],
    },
  ],
  rejectedItems: [
    {
      id: 'L2',
      sku: '102',
      referenceCode: 'BREAD',
      itemName: 'Bread',
      price: 700,
      quantity: 0,
      originalQuantity: 1,
      reasons: [{ reasonType: 'OUT_OF_STOCK', reasonDetail: 'No stock' }],
    },
  ],
  replacedItems: [],
  unhandledItems: [],
})

beforeAll(async () => {
  upstream = await startUpstream()
})

afterAll(async () => {
  await upstream.close()
})

beforeEach(() => {
  forgetLegacyAccounts()
  upstream.v1Enabled = true
  upstream.v1Orders = { [ORDER]: v1Order() }
  upstream.v1Shipments = {}
  upstream.v1Worksheets = {}
  upstream.tracking = { [ORDER]: trackingFixture(ORDER, 'PACKING') }
  upstream.v1Requests = []
  upstream.counts.v1 = 0
  upstream.counts.tracking = 0
  upstream.counts.token = 0
  upstream.expireV1(0)
})

describe('Pick and Pack v1 API', () => {
  it('reads the v1 order with Bearer auth: prices in major units, weights, reasons, timings', async () => {
    const { pnp, credentials } = client()
    const order = await pnp.getOrderAnyApi(credentials, ORDER)

    expect(order).toMatchObject({
      source: 'V1',
      pickingStatus: 'PACKED',
      fulfillmentStatus: 'READY_FOR_INVOICING',
      timings: { picking: 12.5, packing: 4, shipping: null },
    })
    expect(order.pickedItems[0]).toMatchObject({
      name: 'Cheese',
      quantity: 1.25,
      originalQuantity: 1.2,
      sellingPrice: 49.9,
      weighable: true,
      unitOfMeasure: 'KILOGRAMS',
      image: 'https://img.example/cheese.png',
    })
    expect(order.rejectedItems[0].reasons).toEqual(['OUT_OF_STOCK: No stock'])
    expect(upstream.v1Requests[0].authorization).toBe(
      `Bearer ${upstream.token}`
    )
    expect(upstream.counts.tracking).toBe(0)
  })

  it('names pickers from the worksheets when the lines name none', async () => {
    upstream.v1Worksheets = {
      [ORDER]: [
        { worksheetId: 'W1', pickerAssignment: [{ pickerId: 'ana' }] },
        { worksheetId: 'W2', pickerAssignment: [{ pickerId: 'bruno' }] },
      ],
    }
    const { pnp, credentials } = client()

    expect((await pnp.getOrderAnyApi(credentials, ORDER)).pickers).toEqual([
      'ana',
      'bruno',
    ])
  })

  it('falls back to the legacy API for an order v1 does not know (404)', async () => {
    upstream.v1Orders = {}
    const { pnp, credentials } = client()
    const order = await pnp.getOrderAnyApi(credentials, ORDER)

    expect(order.source).toBe('LEGACY')
    expect(order.fulfillmentStatus).toBe('PACKING')
    expect(upstream.counts.tracking).toBe(1)
  })

  it('serves a store not on v1 (403) by the legacy API, one upstream call per later view', async () => {
    upstream.v1Enabled = false
    const { pnp, credentials } = client()

    expect((await pnp.getOrderAnyApi(credentials, ORDER)).source).toBe('LEGACY')
    const v1Calls = upstream.counts.v1

    expect((await pnp.getOrderAnyApi(credentials, ORDER)).source).toBe('LEGACY')
    expect(upstream.counts.v1).toBe(v1Calls)
    expect(upstream.counts.tracking).toBe(2)
  })

  it('takes a new token once when v1 says the token expired', async () => {
    const { pnp, credentials } = client()

    await pnp.getOrderAnyApi(credentials, ORDER)
    upstream.expireV1(2)
    const tokensBefore = upstream.counts.token

    expect((await pnp.getOrderAnyApi(credentials, ORDER)).source).toBe('V1')
    expect(upstream.counts.token).toBe(tokensBefore + 1)
  })

  it('reads each shipment with its details, by internal id, in parallel', async () => {
    upstream.v1Shipments = {
      [ORDER]: [
        {
          id: 'SH1',
          serviceId: 'TRK-1',
          status: 'DELIVERED',
          carrierName: 'FastCourier',
          agent: { name: 'Ana', vehicle: 'BIKE' },
          trackingUrl: 'https://track.example/SH1',
          deliveredDate: '2026-11-20T15:00:00Z',
          evidences: [
            {
              type: 'PHOTO',
              content: 'https://img.example/pod.png',
              date: '2026-11-20T15:00:00Z',
              author: 'Ana',
            },
          ],
          notes: [{ content: 'Left with the doorman', type: 'INFO' }],
        },
        { id: 'SH2', status: 'RETURNED', notes: [{ content: 'Nobody home' }] },
      ],
    }
    const { pnp, credentials } = client()
    const shipments = await pnp.getShipments(credentials, ORDER)

    expect(shipments).toEqual([
      {
        id: 'SH1',
        trackingNumber: 'TRK-1',
        status: 'DELIVERED',
        carrier: 'FastCourier',
        courier: 'Ana',
        vehicle: 'BIKE',
        trackingUrl: 'https://track.example/SH1',
        deliveredDate: '2026-11-20T15:00:00Z',
        evidences: [
          {
            type: 'PHOTO',
            url: 'https://img.example/pod.png',
            date: '2026-11-20T15:00:00Z',
            author: 'Ana',
          },
        ],
        notes: ['Left with the doorman'],
      },
      expect.objectContaining({ id: 'SH2', notes: ['Nobody home'] }),
    ])
    const details = upstream.v1Requests.filter((r) =>
      /\/shipments\/SH/.test(r.url)
    )

    expect(details.map((r) => r.filter)).toEqual([
      'BY_INTERNAL_ID',
      'BY_INTERNAL_ID',
    ])
  })

  it('says PNP_BAD_ANSWER when the shipments answer is no list, never "no shipment"', async () => {
    const { pnp, credentials } = client()

    upstream.v1Shipments = {}
    upstream.v1ShipmentListBody = { message: 'OK', data: 'maintenance' }

    try {
      await expect(pnp.getShipments(credentials, ORDER)).rejects.toMatchObject({
        code: 'PNP_BAD_ANSWER',
      })
      upstream.v1ShipmentListBody = { data: [] }
      expect(await pnp.getShipments(credentials, ORDER)).toEqual([])
    } finally {
      upstream.v1ShipmentListBody = undefined
    }
  })

  it("gives a legacy store's shipping services as its shipments", async () => {
    upstream.v1Enabled = false
    upstream.tracking = {
      [ORDER]: {
        ...trackingFixture(ORDER, 'ON_ROUTE'),
        shipping: {
          trackingId: 'T',
          trackingStatus: 'ON_ROUTE',
          services: [
            {
              serviceId: 'S1',
              courier: 'FastCourier',
              agent: 'Ana',
              serviceStatus: 'ON_ROUTE',
              evidences:
                'https://img.example/e1.png Left with the doorman\nSigned by Rita',
            },
          ],
        },
      },
    }
    const { pnp, credentials } = client()
    const [shipment] = await pnp.getShipments(credentials, ORDER)

    expect(shipment).toMatchObject({
      id: 'S1',
      status: 'ON_ROUTE',
      carrier: 'FastCourier',
      courier: 'Ana',
      evidences: [{ url: 'https://img.example/e1.png' }],
      notes: ['Left with the doorman', 'Signed by Rita'],
    })
  })

  it('never lets the token or the Api-Key out in an error', async () => {
    upstream.v1Orders = { [ORDER]: 'not an order' }
    const { pnp, credentials } = client()
    const failure = await pnp
      .getOrderAnyApi(credentials, ORDER)
      .catch((error: unknown) => error)

    expect((failure as { extensions: { code: string } }).extensions.code).toBe(
      'PNP_BAD_ANSWER'
    )
    const text = JSON.stringify(failure) + String(failure)

    expect(text).not.toContain(upstream.token)
    expect(text).not.toContain(upstream.apiKey)
  })
})
