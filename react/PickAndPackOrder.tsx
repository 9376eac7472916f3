import React from 'react'
import { useRuntime } from 'vtex.render-runtime'

import OrderView from './components/OrderView'
import { firstNonEmpty } from './utils/text'

interface Props {
  // The Admin passes route params as props; the runtime has them too.
  params?: { orderId?: string }
}

function PickAndPackOrder({ params }: Props) {
  const { route } = useRuntime()
  // An empty id in the params is no id: the route's is used instead.
  const orderId = firstNonEmpty(params?.orderId, route?.params.orderId) ?? ''

  // A new id is a new page: reset every panel's state.
  return <OrderView key={orderId} orderId={orderId} />
}

export default PickAndPackOrder
