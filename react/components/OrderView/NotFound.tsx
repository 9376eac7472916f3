import React from 'react'
import { FormattedMessage } from 'react-intl'

import Heading from '../Heading'
import OrderSearch from '../OrderSearch'
import OrderIdHint from './OrderIdHint'

interface Props {
  orderId: string
  // The app recorded changes for this id all the same (listed below the message).
  recorded?: boolean
}

/** Neither the OMS nor Pick and Pack knows the order: one message for the page, not two. */
function NotFound({ orderId, recorded = false }: Props) {
  return (
    <div data-testid="order-not-found-page">
      <div
        role="alert"
        className="tc pv6 ph4"
        data-testid="order-not-found"
        data-error-code="ORDER_NOT_FOUND"
      >
        <Heading level={2} spacing="mt0 mb3">
          <FormattedMessage id="admin/pick-and-pack.notFound.title" />
        </Heading>
        <p className="t-body c-muted-1 mt0 mb4 lh-copy">
          <FormattedMessage
            id="admin/pick-and-pack.notFound.description"
            values={{ orderId }}
          />
        </p>
        {recorded && (
          <p
            className="t-body c-muted-1 mt0 mb4 lh-copy"
            data-testid="order-not-found-recorded"
          >
            <FormattedMessage id="admin/pick-and-pack.notFound.recorded" />
          </p>
        )}
        <OrderIdHint orderId={orderId} />
      </div>
      {/* A way on, outside the alert: the id may be mistyped, or another order was meant. */}
      <div className="mw6 center pb6 ph4">
        <OrderSearch />
      </div>
    </div>
  )
}

export default NotFound
