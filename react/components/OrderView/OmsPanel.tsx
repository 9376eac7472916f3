import type { ReactNode } from 'react'
import React from 'react'
import { FormattedMessage } from 'react-intl'

import ErrorMessage from '../ErrorMessage'
import { DateTime, Money } from '../Format'
import Heading from '../Heading'
import PanelLoading from '../PanelLoading'
import OmsStatus from './OmsStatus'
import Section from './Section'
import { omsOrderPath } from '../../utils/orderRoutes'
import type { OmsOrder } from './types'

interface Props {
  orderId: string
  oms: OmsOrder | null
  loading: boolean
  errorCode?: string
  onRetry: () => void
  retrying: boolean
  // What the OMS order page holds of the story (OmsSyncStatus), under the order.
  children?: ReactNode
}

function OmsPanel({
  orderId,
  oms,
  loading,
  errorCode,
  onRetry,
  retrying,
  children,
}: Props) {
  return (
    <Section
      id="oms-panel-title"
      title={<FormattedMessage id="admin/pick-and-pack.oms.title" />}
      testId="oms-panel"
    >
      <OmsContent
        oms={oms}
        loading={loading}
        errorCode={errorCode}
        onRetry={onRetry}
        retrying={retrying}
      />
      {children}
      <a
        href={omsOrderPath(orderId)}
        target="_blank"
        rel="noopener noreferrer"
        className="c-link link t-small fw5 db mt5"
      >
        <FormattedMessage id="admin/pick-and-pack.oms.open" />
      </a>
    </Section>
  )
}

function OmsContent({
  oms,
  loading,
  errorCode,
  onRetry,
  retrying,
}: Omit<Props, 'orderId' | 'children'>) {
  if (errorCode)
    return (
      <ErrorMessage code={errorCode} onRetry={onRetry} retrying={retrying} />
    )
  if (!oms) {
    return loading ? (
      <PanelLoading messageId="admin/pick-and-pack.oms.loading" />
    ) : (
      <p className="t-body c-muted-1">
        <FormattedMessage id="admin/pick-and-pack.oms.empty" />
      </p>
    )
  }

  return (
    <div>
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
            {oms.customerName || '—'}
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
              key={`${item.id || item.refId || item.ean || ''}-${i}`}
              className="flex justify-between items-center pv3 bb b--muted-4 t-body"
            >
              <span>
                <span className="c-muted-1">{item.quantity ?? 0} × </span>
                {item.name || item.refId || item.id || '—'}
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

export default OmsPanel
