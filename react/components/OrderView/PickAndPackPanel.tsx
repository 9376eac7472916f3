import React from 'react'
import { FormattedMessage } from 'react-intl'

import ErrorMessage from '../ErrorMessage'
import PanelLoading from '../PanelLoading'
import StatusProgress from '../StatusProgress'
import StatusTag from '../StatusTag'
import PickedItems from './PickedItems'
import ShippingInfo from './ShippingInfo'
import type { PickAndPackOrder } from './types'

interface Props {
  pickAndPack: PickAndPackOrder | null
  loading: boolean
  errorCode?: string
  onRetry: () => void
  retrying: boolean
  // When both halves answered: "picked 2 of 3 lines"; prices in the OMS currency.
  lines?: { picked: number; ordered: number }
  currency?: string | null
}

function PickAndPackPanel(props: Props) {
  return (
    <section aria-labelledby="pnp-panel-title" data-testid="pnp-panel">
      <h3 id="pnp-panel-title" className="t-heading-4 mt0 mb5">
        <FormattedMessage id="admin/pick-and-pack.pnp.title" />
      </h3>
      <PickAndPackContent {...props} />
    </section>
  )
}

function PickAndPackContent({
  pickAndPack,
  loading,
  errorCode,
  onRetry,
  retrying,
  lines,
  currency,
}: Props) {
  if (errorCode)
    return (
      <ErrorMessage code={errorCode} onRetry={onRetry} retrying={retrying} />
    )
  if (!pickAndPack) {
    return loading ? (
      <PanelLoading messageId="admin/pick-and-pack.pnp.loading" />
    ) : (
      <p className="t-body c-muted-1">
        <FormattedMessage id="admin/pick-and-pack.pnp.empty" />
      </p>
    )
  }

  return (
    <div>
      <div className="flex items-center justify-between mb5">
        <StatusTag status={pickAndPack.fulfillmentStatus} size="large" />
        {pickAndPack.hostname && (
          <span className="t-small c-muted-1">{pickAndPack.hostname}</span>
        )}
      </div>
      <StatusProgress status={pickAndPack.fulfillmentStatus} />
      <PickedItems
        items={pickAndPack.pickedItems}
        lines={lines}
        currency={currency}
      />
      <ShippingInfo shipping={pickAndPack.shipping} />
    </div>
  )
}

export default PickAndPackPanel
