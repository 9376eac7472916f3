// Shapes of the FulfillmentBoard and FulfillmentOrders queries (graphql/*.gql).

export interface StatusCount {
  status: string
  count: number
  late: number
}

export interface FulfillmentBoard {
  updatedAt: string
  statuses: StatusCount[]
  late: number
  drift: number
  /** Counts being computed again: asked again in a moment. */
  refreshing: boolean
}

export type Attention = 'LATE' | 'DRIFT'

export interface OrderSummary {
  orderId: string
  status: string
  since: string
  late: boolean
  drift: string[]
  omsStatus: string | null
  lastChangeAt: string
}

export interface OrderPage {
  orders: OrderSummary[]
  total: number
  after: string | null
}

export interface FulfillmentBoardData {
  fulfillmentBoard: FulfillmentBoard | null
}

export interface FulfillmentBoardVariables {
  /** Counted now, not the shared snapshot (the Refresh button). */
  fresh: boolean
}

export interface FulfillmentOrdersData {
  fulfillmentOrders: OrderPage | null
}

/** What the table shows: the arguments of fulfillmentOrders but the page. */
export interface OrderFilter {
  status: string | null
  attention: Attention | null
  search: string | null
}

export interface FulfillmentOrdersVariables extends OrderFilter {
  first: number
  after: string | null
}
