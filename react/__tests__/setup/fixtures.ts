import { GraphQLError } from 'graphql'

import ORDER_FULFILLMENT from '../../components/OrderView/graphql/orderFulfillment.gql'
import type {
  OmsOrder,
  OrderFulfillment,
  PickAndPackOrder,
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
        orderId: ORDER_ID,
        oldStatus: 'READY_FOR_PICKING',
        newStatus: 'PICKING',
        hostname: 'store.example.com',
        receivedAt: '2026-11-20T09:40:00.000Z',
      },
      {
        orderId: ORDER_ID,
        oldStatus: 'PICKING',
        newStatus: 'READY_FOR_PACKING',
        hostname: 'store.example.com',
        receivedAt: '2026-11-20T10:02:00.000Z',
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
      {
        matchedBy: 'NONE',
        refId: 'GUM-1',
        ean: null,
        id: null,
        name: 'Chewing gum',
        orderedQuantity: 0,
        pickedQuantity: 1,
        state: 'EXTRA',
      },
    ],
    ...overrides,
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

/** A mocked OrderFulfillment answer: data, and the errors that came with it. */
export function orderMock(
  data: OrderFulfillment | null,
  errors: GraphQLError[] = [],
  orderId = ORDER_ID
) {
  return {
    request: { query: ORDER_FULFILLMENT, variables: { orderId } },
    result: {
      data: { orderFulfillment: data },
      ...(errors.length ? { errors } : {}),
    },
  }
}
