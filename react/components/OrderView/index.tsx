import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, Layout, PageBlock, PageHeader } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import ErrorMessage from '../ErrorMessage'
import PageTitle from '../PageTitle'
import { useOrderFulfillment } from '../../hooks/useOrderFulfillment'
import { useOrderShipments } from '../../hooks/useOrderShipments'
import { isValidOrderId } from '../../utils/statuses'
import { HOME_PATH, omsOrderPath } from '../../utils/orderRoutes'
import HistoryTimeline from './HistoryTimeline'
import OmsPanel from './OmsPanel'
import OmsSyncStatus from './OmsSyncStatus'
import PickAndPackPanel from './PickAndPackPanel'
import Reconciliation from './Reconciliation'
import Section from './Section'
import ShipmentsPanel from './ShipmentsPanel'

function OrderView({ orderId }: { orderId: string }) {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const valid = isValidOrderId(orderId)
  // An invalid id never leaves the browser.
  const order = useOrderFulfillment(orderId, !valid)
  // Asked at the same time, waited for apart: shipments take one upstream call each.
  const {
    shipments,
    loading: shipmentsLoading,
    errorCode: shipmentsError,
    refetch: refetchShipments,
    refetching: refetchingShipments,
  } = useOrderShipments(orderId, !valid)

  const { fulfillment, loading, refetching, refetch } = order
  const refreshAll = () => {
    refetch()
    refetchShipments()
  }

  const header = (
    <PageHeader
      title={
        <PageTitle>
          {intl.formatMessage(
            { id: 'admin/pick-and-pack.order.title' },
            { orderId }
          )}
        </PageTitle>
      }
      linkLabel={intl.formatMessage({ id: 'admin/pick-and-pack.order.back' })}
      onLinkClick={() => navigate({ to: HOME_PATH })}
    >
      {valid && (
        <div className="flex">
          <div className="mr3">
            <Button
              variation="secondary"
              href={omsOrderPath(orderId)}
              target="_blank"
              rel="noopener noreferrer"
            >
              <FormattedMessage id="admin/pick-and-pack.order.openInOms" />
            </Button>
          </div>
          <Button
            variation="primary"
            onClick={refreshAll}
            isLoading={refetching}
          >
            <FormattedMessage id="admin/pick-and-pack.order.refresh" />
          </Button>
        </div>
      )}
    </PageHeader>
  )

  if (!valid) {
    return (
      <Layout pageHeader={header}>
        <PageBlock>
          <ErrorMessage code="BAD_USER_INPUT" level={2} />
        </PageBlock>
      </Layout>
    )
  }

  const oms = fulfillment ? fulfillment.oms : null
  const pickAndPack = fulfillment ? fulfillment.pickAndPack : null
  // A refetch shows its progress in the panels that have nothing to show yet.
  const busy = loading || refetching
  // "Picked 2 of 3 lines": ordered lines with something picked, from the reconciliation,
  // so an extra item picked but never ordered does not count as a line of the order.
  const ordered = fulfillment
    ? fulfillment.items.filter((i) => i.orderedQuantity > 0)
    : []

  const lines =
    oms && pickAndPack && ordered.length > 0
      ? {
          picked: ordered.filter((i) => i.pickedQuantity > 0).length,
          ordered: ordered.length,
        }
      : undefined

  return (
    <Layout pageHeader={header}>
      <PageBlock variation="half">
        <OmsPanel
          orderId={orderId}
          oms={oms}
          loading={busy}
          errorCode={order.omsError}
          onRetry={refetch}
          retrying={refetching}
        >
          {fulfillment && (
            <OmsSyncStatus
              orderId={orderId}
              omsSync={fulfillment.omsSync}
              onReload={refetch}
              reloading={refetching}
            />
          )}
        </OmsPanel>
        <PickAndPackPanel
          pickAndPack={pickAndPack}
          loading={busy}
          errorCode={order.pnpError}
          onRetry={refetch}
          retrying={refetching}
          lines={lines}
          currency={oms ? oms.currencyCode : undefined}
        />
      </PageBlock>
      {fulfillment && (
        <PageBlock>
          <Section
            id="reconciliation-title"
            title={
              <FormattedMessage id="admin/pick-and-pack.reconciliation.title" />
            }
            testId="reconciliation"
          >
            <Reconciliation
              items={fulfillment.items}
              available={!!oms && !!pickAndPack}
              labelledBy="reconciliation-title"
            />
          </Section>
        </PageBlock>
      )}
      <PageBlock>
        <ShipmentsPanel
          shipments={shipments}
          loading={shipmentsLoading}
          errorCode={shipmentsError}
          onRetry={refetchShipments}
          retrying={refetchingShipments}
        />
      </PageBlock>
      {fulfillment && (
        <PageBlock>
          <Section
            id="history-title"
            title={<FormattedMessage id="admin/pick-and-pack.history.title" />}
            testId="history-section"
          >
            <HistoryTimeline history={fulfillment.history} />
          </Section>
        </PageBlock>
      )}
    </Layout>
  )
}

export default OrderView
