import React from 'react'
import { FormattedMessage } from 'react-intl'
import { useRuntime } from 'vtex.render-runtime'

import { orderPath } from '../../utils/orderRoutes'

// VTEX order ids end in the sequence of the order within its purchase: -01, -02…
const SUFFIX = /-\d{2,}$/

/** The id to try when `orderId` lacks its "-NN" suffix; undefined when it has one. */
export function suggestedOrderId(orderId: string): string | undefined {
  return SUFFIX.test(orderId) ? undefined : `${orderId}-01`
}

/** "Order ids end in -01 (or -02…): try 1253881550433-01", for an id without its suffix. */
function OrderIdHint({ orderId }: { orderId: string }) {
  const { navigate } = useRuntime()
  const suggestion = suggestedOrderId(orderId)

  if (!suggestion) return null
  const to = orderPath(suggestion)

  return (
    <p className="t-body mt0 mb0 lh-copy" data-testid="order-id-hint">
      <FormattedMessage
        id="admin/pick-and-pack.notFound.hint"
        values={{
          suggestion: (
            <a
              href={to}
              className="c-link link fw5"
              onClick={(event) => {
                event.preventDefault()
                navigate({ to })
              }}
            >
              {suggestion}
            </a>
          ),
        }}
      />
    </p>
  )
}

export default OrderIdHint
