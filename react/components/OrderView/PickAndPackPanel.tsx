import React from 'react'
import { FormattedMessage } from 'react-intl'

import ErrorMessage from '../ErrorMessage'
import PanelLoading from '../PanelLoading'
import StatusProgress from '../StatusProgress'
import StatusTag from '../StatusTag'
import PickedItems from './PickedItems'
import PickingDetails, { SourceBadge } from './PickingDetails'
import Section from './Section'
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
    <Section
      id="pnp-panel-title"
      title={<FormattedMessage id="admin/pick-and-pack.pnp.title" />}
      testId="pnp-panel"
    >
      <PickAndPackContent {...props} />
    </Section>
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
        <span className="flex items-center">
          {pickAndPack.hostname && (
            <span className="t-small c-muted-1">{pickAndPack.hostname}</span>
          )}
          <SourceBadge source={pickAndPack.source} />
        </span>
      </div>
      <StatusProgress status={pickAndPack.fulfillmentStatus} />
      <PickingDetails pickAndPack={pickAndPack} />
      <PickedItems
        items={pickAndPack.pickedItems}
        lines={lines}
        currency={currency}
      />
      {/* v1 has no such block: its shipments have a section of their own. */}
      {pickAndPack.source !== 'V1' && (
        <ShippingInfo shipping={pickAndPack.shipping} />
      )}
    </div>
  )
}

export default PickAndPackPanel
