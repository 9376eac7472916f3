import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

import StaleNotice from '../ErrorMessage/StaleNotice'
import { DateTime, Money } from '../Format'
import Heading from '../Heading'
import OmsStatus from './OmsStatus'
import OmsSyncStatus from './OmsSyncStatus'
import PanelFallback from './PanelFallback'
import Section from './Section'
import UpdatedAt from '../UpdatedAt'
import type { PanelQuery } from './usePanelQuery'
import type { OmsSync, OrderOmsData } from './types'
import { DRIFT_MESSAGES } from '../../utils/messages'
import { own } from '../../utils/own'
import { firstNonEmpty } from '../../utils/text'

type OmsView = NonNullable<OrderOmsData['orderFulfillment']>

interface Props {
  orderId: string
  query: PanelQuery<OmsView>
  // The app's own record of what it sent, whatever became of the OMS order: null when it
  // could not be read, undefined while no answer came back.
  omsSync?: OmsSync | null
  // The app recorded no Pick and Pack change for the order.
  nothingRecorded?: boolean
}

function OmsPanel({ orderId, query, omsSync, nothingRecorded }: Props) {
  const { refetch, refreshing } = query

  return (
    <Section
      id="oms-panel-title"
      title={<FormattedMessage id="admin/pick-and-pack.oms.title" />}
      testId="oms-panel"
      aside={<UpdatedAt at={query.updatedAt} />}
    >
      <OmsContent orderId={orderId} query={query} />
      {/* What VTEX's own order page holds of the story, as the app recorded it. */}
      {omsSync !== undefined && (
        <OmsSyncStatus
          orderId={orderId}
          omsSync={omsSync}
          onReload={refetch}
          reloading={refreshing}
          nothingRecorded={nothingRecorded}
        />
      )}
    </Section>
  )
}

function OmsContent({ orderId, query }: Omit<Props, 'omsSync'>) {
  const { value, errorCode, refetch, refreshing } = query
  const oms = value ? value.oms : null

  if (!oms) {
    return (
      <PanelFallback
        orderId={orderId}
        query={query}
        notFoundCode="OMS_ORDER_NOT_FOUND"
        loadingMessageId="admin/pick-and-pack.oms.loading"
        emptyMessageId="admin/pick-and-pack.oms.empty"
      />
    )
  }

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
      <DriftNotice codes={value?.drift ?? []} />
      <dl className="ma0 t-body lh-copy">
        <div className="flex mb2">
          <dt className="c-muted-1 w-40">
            <FormattedMessage id="admin/pick-and-pack.oms.status" />
          </dt>
          <dd className="ma0 fw5" data-testid="oms-status">
            <OmsStatus
              status={oms.status}
              description={oms.statusDescription}
            />
          </dd>
        </div>
        <div className="flex mb2">
          <dt className="c-muted-1 w-40">
            <FormattedMessage id="admin/pick-and-pack.oms.created" />
          </dt>
          <dd className="ma0">
            <DateTime value={oms.creationDate} />
          </dd>
        </div>
        <div className="flex mb2">
          <dt className="c-muted-1 w-40">
            <FormattedMessage id="admin/pick-and-pack.oms.customer" />
          </dt>
          <dd className="ma0">
            {firstNonEmpty(oms.customerName) ?? '—'}
            {oms.customerEmail && (
              <span className="db t-small c-muted-1">{oms.customerEmail}</span>
            )}
          </dd>
        </div>
        <div className="flex mb2">
          <dt className="c-muted-1 w-40">
            <FormattedMessage id="admin/pick-and-pack.oms.total" />
          </dt>
          <dd className="ma0 fw5" data-testid="oms-total">
            <Money value={oms.value} currency={oms.currencyCode} />
          </dd>
        </div>
      </dl>
      <Heading level={3}>
        <FormattedMessage id="admin/pick-and-pack.oms.items" />
      </Heading>
      {oms.items.length === 0 ? (
        <p className="t-body c-muted-1">
          <FormattedMessage id="admin/pick-and-pack.oms.noItems" />
        </p>
      ) : (
        <ul className="list ma0 pa0" data-testid="oms-items">
          {oms.items.map((item, i) => (
            <li
              key={`${firstNonEmpty(item.id, item.refId, item.ean) ?? ''}-${i}`}
              className="flex justify-between items-center pv3 bb b--muted-4 t-body"
            >
              <span>
                <span className="c-muted-1">{item.quantity ?? '—'} × </span>
                {firstNonEmpty(item.name, item.refId, item.id) ?? '—'}
              </span>
              <span className="tr">
                <Money
                  value={
                    item.sellingPrice === null || item.quantity === null
                      ? item.sellingPrice
                      : item.sellingPrice * item.quantity
                  }
                  currency={oms.currencyCode}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** Why the board lists this order under "Disagrees with the OMS", where the order is seen. */
function DriftNotice({ codes }: { codes: string[] }) {
  const intl = useIntl()

  if (codes.length === 0) return null
  const reasons = codes
    .map((code) => {
      const id = own(DRIFT_MESSAGES, code)

      return id ? intl.formatMessage({ id }) : code
    })
    .join('; ')

  return (
    <p className="t-body c-danger fw5 mt0 mb3" data-testid="oms-drift">
      <FormattedMessage
        id="admin/pick-and-pack.oms.drift"
        values={{ reasons }}
      />
    </p>
  )
}

export default OmsPanel
