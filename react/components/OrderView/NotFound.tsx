import React from 'react'
import { FormattedMessage } from 'react-intl'

import Heading from '../Heading'
import OrderIdHint from './OrderIdHint'

interface Props {
  orderId: string
  // The app recorded changes for this id all the same (listed below the message).
  recorded?: boolean
}

/** Neither the OMS nor Pick and Pack knows the order: one message for the page, not two. */
function NotFound({ orderId, recorded = false }: Props) {
  return (
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
  )
}

export default NotFound
