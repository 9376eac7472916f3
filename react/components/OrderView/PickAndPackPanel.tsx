import React from 'react'
import { FormattedMessage } from 'react-intl'

import StaleNotice from '../ErrorMessage/StaleNotice'
import StatusProgress from '../StatusProgress'
import StatusTag from '../StatusTag'
import { useStatusText } from '../../hooks/useStatusText'
import { normalizeStatus } from '../../utils/statuses'
import LiveVsHistory from './LiveVsHistory'
import PanelFallback from './PanelFallback'
import PickedItems from './PickedItems'
import PickingDetails, { SourceBadge } from './PickingDetails'
import Section from './Section'
import ShippingInfo from './ShippingInfo'
import UpdatedAt from '../UpdatedAt'
import { isExternalOrder } from './lines'
import type { LineSummary } from './lines'
import type { HistoryEntry, OrderPickAndPackData } from './types'
import type { PanelQuery } from './usePanelQuery'

export type PickAndPackView = NonNullable<
  OrderPickAndPackData['orderFulfillment']
>

interface Props {
  orderId: string
  query: PanelQuery<PickAndPackView>
  // The history's newest change, to say which is newer when it and the live status differ.
  latestChange: HistoryEntry | null
  // The status before the latest read, when the latest read changed it.
  statusBefore: string | null
  // When both sides answered: what became of the ordered lines; prices in the OMS currency.
  lines?: LineSummary
  currency?: string | null
}

function PickAndPackPanel(props: Props) {
  return (
    <Section
      id="pnp-panel-title"
      title={<FormattedMessage id="admin/pick-and-pack.pnp.title" />}
      testId="pnp-panel"
      aside={<UpdatedAt at={props.query.updatedAt} />}
    >
      <PickAndPackContent {...props} />
    </Section>
  )
}

function PickAndPackContent({
  orderId,
  query,
  latestChange,
  statusBefore,
  lines,
  currency,
}: Props) {
  const { label } = useStatusText()
  const { value, errorCode, refetch, refreshing } = query
  const pickAndPack = value ? value.pickAndPack : null

  if (!pickAndPack) {
    return (
      <PanelFallback
        orderId={orderId}
        query={query}
        notFoundCode="PNP_ORDER_NOT_FOUND"
        loadingMessageId="admin/pick-and-pack.pnp.loading"
        emptyMessageId="admin/pick-and-pack.pnp.empty"
      />
    )
  }

  // "packing" is PACKING: one status, whatever its letter case.
  const status = normalizeStatus(pickAndPack.fulfillmentStatus)

  return (
    <div>
      {errorCode && (
        <StaleNotice
          code={errorCode}
          readAt={query.updatedAt}
          onRetry={refetch}
          retrying={refreshing}
        />
      )}
      <div className="flex items-center justify-between mb5">
        <span
          className={`flex items-center flex-wrap ${
            statusBefore ? 'pa2 br2 bg-warning--faded' : ''
          }`}
          data-testid="live-status"
          data-changed={statusBefore ? 'true' : undefined}
        >
          <StatusTag status={status} size="large" />
          <span className="t-small c-muted-1 ml3" role="status">
            {statusBefore && (
              <FormattedMessage
                id="admin/pick-and-pack.pnp.changedFrom"
                values={{ status: label(statusBefore) }}
              />
            )}
          </span>
        </span>
        <span className="flex items-center">
          {pickAndPack.hostname && (
            <span className="t-small c-muted-1">{pickAndPack.hostname}</span>
          )}
          <SourceBadge source={pickAndPack.source} />
        </span>
      </div>
      <LiveVsHistory
        live={status}
        latest={latestChange}
        readAt={query.updatedAt}
      />
      <StatusProgress status={status} />
      <PickingDetails pickAndPack={pickAndPack} />
      <PickedItems
        items={pickAndPack.pickedItems}
        lines={lines}
        currency={currency}
        external={isExternalOrder(status)}
      />
      {/* v1 has no such block: its shipments have a section of their own. */}
      {pickAndPack.source !== 'V1' && (
        <ShippingInfo shipping={pickAndPack.shipping} />
      )}
    </div>
  )
}

export default PickAndPackPanel
