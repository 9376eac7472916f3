// Mocked answers of the board's queries (fulfillmentBoard, fulfillmentOrders).
import { GraphQLError } from 'graphql'

import FULFILLMENT_BOARD from '../../components/Board/graphql/fulfillmentBoard.gql'
import FULFILLMENT_ORDERS from '../../components/Board/graphql/fulfillmentOrders.gql'
import type {
  FulfillmentBoard,
  FulfillmentOrdersVariables,
  OrderPage,
  OrderSummary,
} from '../../components/Board/types'

export const UPDATED_AT = '2026-11-20T10:30:00.000Z'

export function boardData(
  overrides: Partial<FulfillmentBoard> = {}
): FulfillmentBoard {
  return {
    updatedAt: UPDATED_AT,
    statuses: [],
    late: 0,
    drift: 0,
    refreshing: false,
    ...overrides,
  }
}

interface MockOptions {
  errors?: GraphQLError[]
  delay?: number
  // Answers every matching request (counted by the jest.fn), instead of one.
  repeat?: jest.Mock
  /** The board asked for counts made now (the Refresh button), not the shared snapshot. */
  fresh?: boolean
}

export function boardMock(
  data: FulfillmentBoard | null,
  { errors = [], delay = 0, repeat, fresh = false }: MockOptions = {}
) {
  const result = {
    data: { fulfillmentBoard: data },
    ...(errors.length ? { errors } : {}),
  }

  return {
    request: { query: FULFILLMENT_BOARD, variables: { fresh } },
    result,
    delay,
    ...(repeat ? { newData: repeat.mockImplementation(() => result) } : {}),
  }
}

export function orderSummary(
  overrides: Partial<OrderSummary> = {}
): OrderSummary {
  return {
    orderId: '1253881550433-01',
    status: 'PICKING',
    since: '2026-11-20T08:00:00.000Z',
    late: false,
    drift: [],
    omsStatus: 'handling',
    lastChangeAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  }
}

/** `count` orders ORDER-<start>… in PICKING. */
export function orderRange(start: number, count: number): OrderSummary[] {
  return Array.from({ length: count }, (_, i) =>
    orderSummary({ orderId: `ORDER-${String(start + i).padStart(4, '0')}` })
  )
}

export function page(
  orders: OrderSummary[],
  total = orders.length,
  after: string | null = null
): OrderPage {
  return { orders, total, after }
}

export function ordersVariables(
  overrides: Partial<FulfillmentOrdersVariables> = {}
): FulfillmentOrdersVariables {
  return {
    status: null,
    attention: null,
    search: null,
    first: 50,
    after: null,
    ...overrides,
  }
}

export function ordersMock(
  variables: Partial<FulfillmentOrdersVariables>,
  data: OrderPage | null,
  { errors = [], delay = 0, repeat }: MockOptions = {}
) {
  const result = {
    data: { fulfillmentOrders: data },
    ...(errors.length ? { errors } : {}),
  }

  return {
    request: {
      query: FULFILLMENT_ORDERS,
      variables: ordersVariables(variables),
    },
    result,
    delay,
    ...(repeat ? { newData: repeat.mockImplementation(() => result) } : {}),
  }
}

export function rootError(field: string, code: string) {
  return new GraphQLError(
    `${field} failed`,
    undefined,
    undefined,
    undefined,
    [field],
    undefined,
    { code }
  )
}

/** The board with nothing on it: what the home page tests that are not about it answer. */
export function emptyBoardMocks() {
  return [boardMock(boardData()), ordersMock({}, page([]))]
}
