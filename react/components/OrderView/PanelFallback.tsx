import React from 'react'
import { FormattedMessage } from 'react-intl'

import ErrorMessage from '../ErrorMessage'
import PanelLoading from '../PanelLoading'
import OrderIdHint from './OrderIdHint'
import type { PanelQuery } from './usePanelQuery'

interface Props {
  orderId: string
  query: PanelQuery<unknown>
  /** The error code saying this side does not know the order: the order-id hint goes with it. */
  notFoundCode: string
  loadingMessageId: string
  emptyMessageId: string
}

/**
 * What a panel shows while it has no data: why (with Try again), that it is loading, or that
 * there is none.
 */
function PanelFallback({
  orderId,
  query,
  notFoundCode,
  loadingMessageId,
  emptyMessageId,
}: Props) {
  const { loading, errorCode, refetch, refreshing } = query

  if (errorCode) {
    return (
      <>
        <ErrorMessage
          code={errorCode}
          onRetry={refetch}
          retrying={refreshing}
        />
        {errorCode === notFoundCode && (
          <div className="tc">
            <OrderIdHint orderId={orderId} />
          </div>
        )}
      </>
    )
  }

  return loading ? (
    <PanelLoading messageId={loadingMessageId} />
  ) : (
    <p className="t-body c-muted-1">
      <FormattedMessage id={emptyMessageId} />
    </p>
  )
}

export default PanelFallback
