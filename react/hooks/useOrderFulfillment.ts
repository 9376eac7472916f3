import { useQuery } from 'react-apollo'

import ORDER_FULFILLMENT from '../components/OrderView/graphql/orderFulfillment.gql'
import type { OrderFulfillmentData } from '../components/OrderView/types'
import { errorCodeAt, rootErrorCode } from '../utils/graphqlErrors'

// Apollo's NetworkStatus.refetch: a refetch is running while data is on screen.
const REFETCHING = 4

/**
 * One request for the whole order; errorPolicy 'all' keeps the half that answered when the
 * other failed, and each failure is mapped to its panel by the error's path.
 */
export function useOrderFulfillment(orderId: string, skip = false) {
  const { data, error, loading, networkStatus, refetch } =
    useQuery<OrderFulfillmentData>(ORDER_FULFILLMENT, {
      variables: { orderId },
      skip,
      errorPolicy: 'all',
      notifyOnNetworkStatusChange: true,
      // Pick and Pack moves on while the page is open: always ask, never show stale cache alone.
      fetchPolicy: 'cache-and-network',
    })

  const fulfillment = (data && data.orderFulfillment) || null
  const rootError = fulfillment
    ? undefined
    : rootErrorCode(error, 'orderFulfillment')

  return {
    fulfillment,
    loading,
    refetching: networkStatus === REFETCHING,
    // Without the root object every panel shows the same cause.
    rootError,
    omsError: fulfillment
      ? errorCodeAt(error, ['orderFulfillment', 'oms'])
      : rootError,
    pnpError: fulfillment
      ? errorCodeAt(error, ['orderFulfillment', 'pickAndPack'])
      : rootError,
    refetch: () => {
      // A failed refetch is already reported through `error`; keep the promise quiet.
      refetch().catch(() => undefined)
    },
  }
}
