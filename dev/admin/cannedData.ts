// Canned GraphQL answers for serve-standalone.ts: enough to see every state of the page
// without the service. Shapes follow graphql/schema.graphql.

interface GraphQLBody {
  operationName?: string
  variables?: Record<string, unknown>
}

const STATUS_BY_ID: Record<string, string> = {
  'CANCELED-1': 'CANCELED',
  'PICKUP-1': 'WAITING_FOR_PICKUP',
  'WEIRD-1': 'SOMETHING_NEW',
  'PACKING-1': 'PACKING',
}

function image(origin: string, name: string, color: string) {
  return `${origin}/fake-images/${name}.svg?c=${encodeURIComponent(color)}`
}

function oms(orderId: string) {
  return {
    orderId,
    status: 'handling',
    statusDescription: 'Handling',
    creationDate: '2026-11-20T09:00:00.000Z',
    value: 38.75,
    currencyCode: 'BRL',
    customerName: 'Jane Doe',
    customerEmail: 'jane.doe@example.com',
    items: [
      {
        id: '1',
        refId: 'BAN-1',
        ean: '7891000000011',
        name: 'Banana 1kg',
        quantity: 3,
        sellingPrice: 10.5,
        imageUrl: null,
      },
      {
        id: '2',
        refId: 'MILK-1',
        ean: '7891000000028',
        name: 'Milk 1L',
        quantity: 1,
        sellingPrice: 4.25,
        imageUrl: null,
      },
      {
        id: '3',
        refId: 'BREAD-1',
        ean: '7891000000035',
        name: 'Bread',
        quantity: 1,
        sellingPrice: 3,
        imageUrl: null,
      },
    ],
  }
}

function pickAndPack(orderId: string, origin: string) {
  return {
    orderId,
    hostname: 'mystore.pickingnpacking.com',
    fulfillmentStatus: STATUS_BY_ID[orderId] || 'ON_ROUTE',
    pickedItems: [
      {
        id: '1',
        refId: 'BAN-1',
        ean: '7891000000011',
        name: 'Banana 1kg',
        quantity: 2,
        sellingPrice: 10.5,
        image: image(origin, 'banana', '#ffe135'),
        categories: [{ id: '10', name: 'Fruits' }],
      },
      {
        id: '2',
        refId: 'MILK-1',
        ean: '7891000000028',
        name: 'Milk 1L',
        quantity: 1,
        sellingPrice: 4.25,
        image: image(origin, 'milk', '#dfe8f0'),
        categories: [{ id: '20', name: 'Dairy' }],
      },
    ],
    shipping: {
      trackingId: 'TRK-88',
      trackingStatus: 'On route',
      services: [
        {
          serviceId: 'S-1',
          agent: 'Ana Driver',
          vehicle: 'BIKE',
          courier: 'FastCourier',
          trackingUrl: 'https://tracking.example.com/TRK-88',
          serviceStatus: 'ON_ROUTE',
          evidences: `${image(
            origin,
            'evidence',
            '#8bc34a'
          )} Left with the doorman`,
          createdAt: '2026-11-20T10:00:00.000Z',
        },
      ],
    },
  }
}

const HISTORY = [
  ['READY_FOR_HANDLING', 'READY_FOR_PICKING', '09:05'],
  ['READY_FOR_PICKING', 'PICKING', '09:40'],
  ['PICKING', 'READY_FOR_PACKING', '10:02'],
  ['READY_FOR_PACKING', 'ON_ROUTE', '10:30'],
]

function history(orderId: string) {
  return HISTORY.map(([oldStatus, newStatus, time]) => ({
    orderId,
    oldStatus,
    newStatus,
    hostname: 'mystore.pickingnpacking.com',
    receivedAt: `2026-11-20T${time}:00.000Z`,
  }))
}

const ITEMS = [
  {
    matchedBy: 'REF_ID',
    refId: 'BAN-1',
    ean: '7891000000011',
    id: '1',
    name: 'Banana 1kg',
    orderedQuantity: 3,
    pickedQuantity: 2,
    state: 'SHORT',
  },
  {
    matchedBy: 'REF_ID',
    refId: 'MILK-1',
    ean: '7891000000028',
    id: '2',
    name: 'Milk 1L',
    orderedQuantity: 1,
    pickedQuantity: 1,
    state: 'COMPLETE',
  },
  {
    matchedBy: 'REF_ID',
    refId: 'BREAD-1',
    ean: '7891000000035',
    id: '3',
    name: 'Bread',
    orderedQuantity: 1,
    pickedQuantity: 0,
    state: 'MISSING',
  },
]

const PNP_ERRORS: Record<string, string> = {
  'PNP-DOWN': 'PNP_UNAVAILABLE',
  'NOT-CONFIGURED': 'NOT_CONFIGURED',
  UNAUTHORIZED: 'PNP_UNAUTHORIZED',
  'NOT-IN-PNP': 'PNP_ORDER_NOT_FOUND',
}

const OMS_ERRORS: Record<string, string> = {
  'OMS-DOWN': 'OMS_UNAVAILABLE',
  'NOT-IN-OMS': 'OMS_ORDER_NOT_FOUND',
}

function fieldError(field: 'pickAndPack' | 'oms', code: string) {
  return {
    message: `${field}: ${code}`,
    path: ['orderFulfillment', field],
    extensions: { code },
  }
}

function orderFulfillment(orderId: string, origin: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) {
    return {
      data: { orderFulfillment: null },
      errors: [
        {
          message: 'Invalid order id',
          path: ['orderFulfillment'],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    }
  }

  const errors = []
  const pnpError = PNP_ERRORS[orderId]
  const omsError = OMS_ERRORS[orderId]

  if (pnpError) errors.push(fieldError('pickAndPack', pnpError))
  if (omsError) errors.push(fieldError('oms', omsError))

  return {
    data: {
      orderFulfillment: {
        orderId,
        pickAndPack: pnpError ? null : pickAndPack(orderId, origin),
        oms: omsError ? null : oms(orderId),
        history: history(orderId),
        items: pnpError || omsError ? [] : ITEMS,
      },
    },
    ...(errors.length ? { errors } : {}),
  }
}

const RECENT = [
  ['XDE-1253881550433-01', 'READY_FOR_PACKING', 'ON_ROUTE', '10:30'],
  ['1253881550555-01', 'PACKING', 'READY_FOR_INVOICING', '10:12'],
  ['CANCELED-1', 'PICKING', 'CANCELED', '10:05'],
  ['PICKUP-1', 'ON_ROUTE', 'WAITING_FOR_PICKUP', '09:58'],
  ['1253881550777-01', 'PENDING', 'READY_FOR_HANDLING', '09:50'],
].map(([orderId, oldStatus, newStatus, time]) => ({
  orderId,
  oldStatus,
  newStatus,
  hostname: 'mystore.pickingnpacking.com',
  receivedAt: `2026-11-20T${time}:00.000Z`,
}))

// Apollo asks for __typename everywhere; a real graphql-js server answers it, so do we.
const FIELD_TYPES: Record<string, Record<string, string>> = {
  Query: {
    orderFulfillment: 'OrderFulfillment',
    recentStatusChanges: 'StatusChange',
    pickAndPackConnection: 'ConnectionCheck',
  },
  OrderFulfillment: {
    pickAndPack: 'PickAndPackOrder',
    oms: 'OmsOrder',
    history: 'StatusChange',
    items: 'ItemReconciliation',
  },
  PickAndPackOrder: { pickedItems: 'PickedItem', shipping: 'Shipping' },
  PickedItem: { categories: 'Category' },
  Shipping: { services: 'ShippingService' },
  OmsOrder: { items: 'OmsItem' },
}

function withTypenames(value: unknown, type: string): unknown {
  if (Array.isArray(value)) return value.map((v) => withTypenames(v, type))
  if (!value || typeof value !== 'object') return value
  const fields = FIELD_TYPES[type] || {}
  const result: Record<string, unknown> =
    type === 'Query' ? {} : { __typename: type }

  for (const [key, child] of Object.entries(value)) {
    result[key] = fields[key] ? withTypenames(child, fields[key]) : child
  }

  return result
}

export function cannedGraphQL(
  body: GraphQLBody,
  origin = 'http://127.0.0.1:8090'
) {
  const answer = cannedAnswer(body, origin) as {
    data?: unknown
    errors?: unknown[]
  }

  return answer.data
    ? { ...answer, data: withTypenames(answer.data, 'Query') }
    : answer
}

function cannedAnswer(body: GraphQLBody, origin: string) {
  const variables = body.variables || {}

  switch (body.operationName) {
    case 'OrderFulfillment':
      return orderFulfillment(String(variables.orderId || ''), origin)

    case 'RecentStatusChanges': {
      const status =
        typeof variables.status === 'string' ? variables.status : null

      return {
        data: {
          recentStatusChanges: RECENT.filter(
            (c) => !status || c.newStatus === status
          ).slice(0, Number(variables.first || 20)),
        },
      }
    }

    case 'PickAndPackConnection':
      return {
        data: {
          pickAndPackConnection: process.env.CANNED_CONNECTION
            ? { ok: false, code: process.env.CANNED_CONNECTION, message: null }
            : { ok: true, code: null, message: null },
        },
      }

    default:
      return {
        errors: [{ message: `unknown operation ${body.operationName}` }],
      }
  }
}

/** A flat SVG placeholder, so canned images load without the internet. */
export function fakeImage(name: string, color: string): string {
  const label = name.replace(/[^a-z0-9 ]/gi, '').slice(0, 12)

  return `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="120" viewBox="0 0 160 120"><rect width="160" height="120" rx="8" fill="${color.replace(
    /[^#a-z0-9]/gi,
    ''
  )}"/><text x="80" y="66" font-family="sans-serif" font-size="16" text-anchor="middle" fill="#3f3f40">${label}</text></svg>`
}
