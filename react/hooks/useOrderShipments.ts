import { useQuery } from 'react-apollo'

import ORDER_SHIPMENTS from '../components/OrderView/graphql/orderShipments.gql'
import type { OrderShipmentsData } from '../components/OrderView/types'
import { rootErrorCode } from '../utils/graphqlErrors'

// Apollo's NetworkStatus.refetch.
const REFETCHING = 4

/**
 * The order's shipments, in a request of their own: Pick and Pack answers them one call per
 * shipment, and the rest of the order view must not wait for that.
 */
export function useOrderShipments(orderId: string, skip = false) {
  const { data, error, loading, networkStatus, refetch } =
    useQuery<OrderShipmentsData>(ORDER_SHIPMENTS, {
      variables: { orderId },
      skip,
      errorPolicy: 'all',
      notifyOnNetworkStatusChange: true,
      fetchPolicy: 'cache-and-network',
    })

  const shipments = data?.orderShipments ?? null

  return {
    shipments,
    loading,
    refetching: networkStatus === REFETCHING,
    errorCode: shipments ? undefined : rootErrorCode(error, 'orderShipments'),
    refetch: () => {
      // A failed refetch is already reported through `error`.
      refetch().catch(() => undefined)
    },
  }
}
