import { OrderFulfillment } from './orderFulfillment'
import { orderFulfillment } from './query/orderFulfillment'
import { pickAndPackConnection } from './query/pickAndPackConnection'
import { recentStatusChanges } from './query/recentStatusChanges'

export const resolvers = {
  Query: {
    orderFulfillment,
    recentStatusChanges,
    pickAndPackConnection,
  },
  OrderFulfillment,
}
