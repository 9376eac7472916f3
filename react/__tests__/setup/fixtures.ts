import { GraphQLError } from 'graphql'

import ORDER_HISTORY from '../../components/OrderView/graphql/orderHistory.gql'
import ORDER_OMS from '../../components/OrderView/graphql/orderOms.gql'
import ORDER_PICK_AND_PACK from '../../components/OrderView/graphql/orderPickAndPack.gql'
import ORDER_SHIPMENTS from '../../components/OrderView/graphql/orderShipments.gql'
import RETRY_OMS_SYNC from '../../components/OrderView/graphql/retryOmsSync.gql'
import type {
  ItemReconciliation,
  OmsOrder,
  OmsSync,
  HistoryEntry,
  OrderFulfillment,
  PickAndPackOrder,
  PickedItem,
  Shipment,
} from '../../components/OrderView/types'

export const ORDER_ID = 'XDE-1253881550433-01'

export function omsOrder(overrides: Partial<OmsOrder> = {}): OmsOrder {
  return {
    orderId: ORDER_ID,
    status: 'handling',
    statusDescription: 'Handling',
    creationDate: '2026-11-20T09:00:00.000Z',
    value: 38.75,
    currencyCode: 'BRL',
    customerName: 'Jane Doe',
    customerEmail: 'jane@example.com',
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
    ...overrides,
  }
}

/** The v1 fields of a line counted in units, with nothing to explain. */
export const countedLine = {
  weighable: false,
  unitOfMeasure: null,
  reasons: [],
  replacedBy: [],
}

export const countedResult = {
  reasons: [],
  substitutes: [],
  weighable: false,
  unitOfMeasure: null,
}

export function pickAndPackOrder(
  overrides: Partial<PickAndPackOrder> = {}
): PickAndPackOrder {
  return {
    orderId: ORDER_ID,
    hostname: 'store.example.com',
    fulfillmentStatus: 'ON_ROUTE',
    pickedItems: [
      {
        id: '1',
        refId: 'BAN-1',
        ean: '7891000000011',
        name: 'Banana 1kg',
        quantity: 2,
        sellingPrice: 10.5,
        image: 'https://img.example.com/banana.jpg',
        categories: [{ id: '10', name: 'Fruits' }],
        ...countedLine,
      },
      {
        id: '2',
        refId: 'MILK-1',
        ean: '7891000000028',
        name: 'Milk 1L',
        quantity: 1,
        sellingPrice: 4.25,
        image: null,
        categories: [],
        ...countedLine,
      },
    ],
    source: 'LEGACY',
    pickingStatus: null,
    timings: null,
    pickers: [],
    rejectedItems: [],
    replacedItems: [],
    unhandledItems: [],
    shipping: {
      trackingId: 'TRK-88',
      trackingStatus: 'On route',
      services: [
        {
          serviceId: 'S-1',
          agent: 'Ana Driver',
          vehicle: 'BIKE',
          courier: 'FastCourier',
          trackingUrl: 'https://track.example.com/TRK-88',
          serviceStatus: 'ON_ROUTE',
          evidences:
            'https://cdn.example.com/proof/door.png Left with the doorman',
          createdAt: '2026-11-20T10:00:00.000Z',
        },
      ],
    },
    ...overrides,
  }
}

export function fulfillment(
  overrides: Partial<OrderFulfillment> = {}
): OrderFulfillment {
  return {
    orderId: ORDER_ID,
    pickAndPack: pickAndPackOrder(),
    oms: omsOrder(),
    history: [
      {
        id: 'change-1',
        orderId: ORDER_ID,
        oldStatus: 'READY_FOR_PICKING',
        newStatus: 'PICKING',
        hostname: 'store.example.com',
        receivedAt: '2026-11-20T09:40:00.000Z',
        occurredAt: null,
        source: 'webhook',
      },
      {
        id: 'change-2',
        orderId: ORDER_ID,
        oldStatus: 'PICKING',
        newStatus: 'READY_FOR_PACKING',
        hostname: 'store.example.com',
        receivedAt: '2026-11-20T10:02:00.000Z',
        occurredAt: null,
        source: 'webhook',
      },
    ],
    items: [
      {
        matchedBy: 'REF_ID',
        refId: 'BAN-1',
        ean: '7891000000011',
        id: '1',
        name: 'Banana 1kg',
        orderedQuantity: 3,
        pickedQuantity: 2,
        state: 'SHORT',
        ...countedResult,
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
        ...countedResult,
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
        ...countedResult,
      },
      {
        matchedBy: 'NONE',
        refId: 'GUM-1',
        ean: null,
        id: null,
        name: 'Chewing gum',
        orderedQuantity: 0,
        pickedQuantity: 1,
        state: 'EXTRA',
        ...countedResult,
      },
    ],
    omsSync: omsSync(),
    drift: [],
    ...overrides,
  }
}

/** What the OMS holds: every change written, tracking on the invoice, nothing failed. */
export function omsSync(overrides: Partial<OmsSync> = {}): OmsSync {
  return {
    interactions: 2,
    trackingSent: true,
    pending: 0,
    lastError: null,
    lastErrorCode: null,
    tracking: 'SENT',
    interactionsOn: true,
    ...overrides,
  }
}

/** A mocked RetryOmsSync answer: the new state, or errors. */
export function retryMock(
  data: OmsSync | null,
  {
    errors = [],
    orderId = ORDER_ID,
    delay = 0,
  }: { errors?: GraphQLError[]; orderId?: string; delay?: number } = {}
) {
  return {
    request: { query: RETRY_OMS_SYNC, variables: { orderId } },
    result: {
      data: data ? { retryOmsSync: data } : null,
      ...(errors.length ? { errors } : {}),
    },
    delay,
  }
}

export function panelError(panel: 'pickAndPack' | 'oms', code: string) {
  return new GraphQLError(
    `${panel} failed`,
    undefined,
    undefined,
    undefined,
    ['orderFulfillment', panel],
    undefined,
    { code }
  )
}

export type Panel = 'pickAndPack' | 'oms' | 'history'

/** The query of each panel, and the fields of the order it asks for. */
export const PANEL_QUERIES = {
  pickAndPack: {
    query: ORDER_PICK_AND_PACK,
    fields: ['pickAndPack', 'items'],
  },
  oms: { query: ORDER_OMS, fields: ['oms', 'omsSync', 'drift'] },
  history: { query: ORDER_HISTORY, fields: ['history'] },
} as const

/** The field of the order a GraphQL error concerns: its path's second part. */
function fieldOf(error: GraphQLError): string | undefined {
  const path = error.path ?? []

  return typeof path[1] === 'string' ? path[1] : undefined
}

/**
 * One panel's mocked answer: its fields of `data` (null when `data` is), and the errors at
 * those fields or at the root. `delay` keeps it in flight that long (ms).
 */
export function panelMock(
  panel: Panel,
  data: OrderFulfillment | null,
  {
    errors = [],
    orderId = ORDER_ID,
    delay = 0,
  }: { errors?: GraphQLError[]; orderId?: string; delay?: number } = {}
) {
  const { query, fields } = PANEL_QUERIES[panel]
  const own = errors.filter((error) => {
    const field = fieldOf(error)

    return !field || (fields as readonly string[]).includes(field)
  })

  const picked = data
    ? Object.fromEntries([
        ['orderId', data.orderId],
        ...fields.map((field) => [field, data[field]]),
      ])
    : null

  return {
    request: { query, variables: { orderId } },
    result: {
      data: { orderFulfillment: picked },
      ...(own.length ? { errors: own } : {}),
    },
    delay,
  }
}

/**
 * The order view's three order requests (Pick and Pack, OMS, history) answering `data` and
 * `errors`, each error with the panel whose fields it concerns (a root error with all).
 */
export function orderMock(
  data: OrderFulfillment | null,
  errors: GraphQLError[] = [],
  {
    orderId = ORDER_ID,
    delays = {},
  }: { orderId?: string; delays?: Partial<Record<Panel, number>> } = {}
) {
  return (['pickAndPack', 'oms', 'history'] as const).map((panel) =>
    panelMock(panel, data, { errors, orderId, delay: delays[panel] ?? 0 })
  )
}

/** A network failure of every order request. */
export function orderNetworkError(error: Error, orderId = ORDER_ID) {
  return (['pickAndPack', 'oms', 'history'] as const).map((panel) => ({
    request: { query: PANEL_QUERIES[panel].query, variables: { orderId } },
    error,
  }))
}

/** A picked line with everything v1 may add left at its default. */
export function pickedLine(overrides: Partial<PickedItem> = {}): PickedItem {
  return {
    id: null,
    refId: null,
    ean: null,
    name: null,
    quantity: 1,
    sellingPrice: null,
    image: null,
    categories: [],
    ...countedLine,
    ...overrides,
  }
}

/** An ordered-vs-picked line. */
export function resultLine(
  overrides: Partial<ItemReconciliation> = {}
): ItemReconciliation {
  return {
    matchedBy: 'REF_ID',
    refId: null,
    ean: null,
    id: null,
    name: null,
    orderedQuantity: 1,
    pickedQuantity: 1,
    state: 'COMPLETE',
    ...countedResult,
    ...overrides,
  }
}

/** An order as Pick and Pack's v1 API describes it. */
export function v1PickAndPackOrder(
  overrides: Partial<PickAndPackOrder> = {}
): PickAndPackOrder {
  return pickAndPackOrder({
    hostname: null,
    fulfillmentStatus: 'READY_FOR_INVOICING',
    source: 'V1',
    pickingStatus: 'PACKED',
    timings: { picking: 12, packing: 65, shipping: null },
    pickers: ['Ana Picker', 'Bruno Picker'],
    rejectedItems: [{ id: '3', refId: 'BREAD-1', name: 'Bread' }],
    replacedItems: [{ id: '2', refId: 'MILK-1', name: 'Milk 1L' }],
    unhandledItems: [],
    shipping: null,
    ...overrides,
  })
}

export function shipment(overrides: Partial<Shipment> = {}): Shipment {
  return {
    id: 'SHP-1',
    status: 'DELIVERED',
    carrier: 'FastCourier',
    courier: 'Ana Driver',
    vehicle: 'BIKE',
    trackingUrl: 'https://track.example.com/SHP-1',
    deliveredDate: '2026-11-20T11:30:00.000Z',
    evidences: [
      {
        type: 'PHOTO',
        url: 'https://cdn.example.com/proof/door.jpg',
        date: '2026-11-20T11:29:00.000Z',
        author: 'Ana Driver',
      },
    ],
    notes: ['Left with the doorman'],
    ...overrides,
  }
}

export function shipmentsError(code: string) {
  return new GraphQLError(
    'orderShipments failed',
    undefined,
    undefined,
    undefined,
    ['orderShipments'],
    undefined,
    { code }
  )
}

/** A mocked OrderShipments answer; `delay` keeps it in flight that long (ms). */
export function shipmentsMock(
  data: Shipment[] | null,
  {
    errors = [],
    orderId = ORDER_ID,
    delay = 0,
  }: {
    errors?: GraphQLError[]
    orderId?: string
    delay?: number
  } = {}
) {
  return {
    request: { query: ORDER_SHIPMENTS, variables: { orderId } },
    result: {
      data: { orderShipments: data },
      ...(errors.length ? { errors } : {}),
    },
    delay,
  }
}

/**
 * The requests of an order neither the OMS nor Pick and Pack knows, for which the app recorded
 * `history` (its changes moved to this id).
 */
export const unknownOrder = (
  orderId: string,
  history: HistoryEntry[],
  delays: Partial<Record<Panel, number>> = {}
) =>
  orderMock(
    fulfillment({
      orderId,
      oms: null,
      pickAndPack: null,
      items: [],
      history: history.map((change) => ({ ...change, orderId })),
    }),
    [
      panelError('oms', 'OMS_ORDER_NOT_FOUND'),
      panelError('pickAndPack', 'PNP_ORDER_NOT_FOUND'),
    ],
    { orderId, delays }
  )
