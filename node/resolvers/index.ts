import { retryOmsSync } from './mutation/retryOmsSync'
import { startBackfill } from './mutation/startBackfill'
import { OrderFulfillment } from './orderFulfillment'
import { PickAndPackOrderResolvers } from './pickAndPackOrder'
import { fulfillmentBoard } from './query/fulfillmentBoard'
import { fulfillmentOrders } from './query/fulfillmentOrders'
import { maintenance } from './query/maintenance'
import { orderFulfillment } from './query/orderFulfillment'
import { orderShipments } from './query/orderShipments'
import { pickAndPackConnection } from './query/pickAndPackConnection'
import { recentStatusChanges } from './query/recentStatusChanges'
import { webhookHealth } from './query/webhookHealth'

export const resolvers = {
  Query: {
    orderFulfillment,
    recentStatusChanges,
    orderShipments,
    pickAndPackConnection,
    fulfillmentBoard,
    fulfillmentOrders,
    maintenance,
    webhookHealth,
  },
  Mutation: {
    retryOmsSync,
    startBackfill,
  },
  OrderFulfillment,
  PickAndPackOrder: PickAndPackOrderResolvers,
}
