import React, { useMemo } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, Layout, PageBlock, PageHeader } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import ErrorMessage from '../ErrorMessage'
import OrderSearch from '../OrderSearch'
import PageTitle from '../PageTitle'
import PanelLoading from '../PanelLoading'
import { useVisibleInterval } from '../../hooks/useVisibleInterval'
import { isValidOrderId, normalizeStatus } from '../../utils/statuses'
import { HOME_PATH, omsOrderPath } from '../../utils/orderRoutes'
import ORDER_HISTORY from './graphql/orderHistory.gql'
import ORDER_OMS from './graphql/orderOms.gql'
import ORDER_PICK_AND_PACK from './graphql/orderPickAndPack.gql'
import ORDER_SHIPMENTS from './graphql/orderShipments.gql'
import HistoryPanel from './HistoryPanel'
import { newestFirst } from './HistoryTimeline'
import NotFound from './NotFound'
import OmsPanel from './OmsPanel'
import PickAndPackPanel from './PickAndPackPanel'
import Reconciliation from './Reconciliation'
import Section from './Section'
import ShipmentsPanel from './ShipmentsPanel'
import { isCanceledOrder, isExternalOrder, summarizeLines } from './lines'
import type {
  OrderHistoryData,
  OrderOmsData,
  OrderPickAndPackData,
  OrderShipmentsData,
} from './types'
import { useChangeMarks } from './useChangeMarks'
import { usePanelQuery } from './usePanelQuery'

// How often each panel asks again while the tab is visible.
export const POLL_MS = 15_000

// What each panel takes from its answer: the same object while the answer is the same.
const selectPickAndPack = (data: OrderPickAndPackData | undefined) =>
  data?.orderFulfillment?.pickAndPack ? data.orderFulfillment : null

const selectOms = (data: OrderOmsData | undefined) =>
  data?.orderFulfillment?.oms ? data.orderFulfillment : null

const selectHistory = (data: OrderHistoryData | undefined) =>
  data?.orderFulfillment?.history ?? null

const selectShipments = (data: OrderShipmentsData | undefined) =>
  data?.orderShipments ?? null

function OrderView({ orderId }: { orderId: string }) {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const valid = isValidOrderId(orderId)
  // An invalid id never leaves the browser.
  const skip = !valid

  // One request per panel, asked at the same time and waited for apart: the OMS answers in
  // milliseconds while Pick and Pack may take seconds.
  const pnp = usePanelQuery({
    query: ORDER_PICK_AND_PACK,
    orderId,
    skip,
    path: ['orderFulfillment', 'pickAndPack'],
    select: selectPickAndPack,
  })

  const oms = usePanelQuery({
    query: ORDER_OMS,
    orderId,
    skip,
    path: ['orderFulfillment', 'oms'],
    select: selectOms,
  })

  const history = usePanelQuery({
    query: ORDER_HISTORY,
    orderId,
    skip,
    path: ['orderFulfillment', 'history'],
    select: selectHistory,
  })

  // Each shipment costs Pick and Pack one call of its own: never waited for by the rest.
  const shipments = usePanelQuery({
    query: ORDER_SHIPMENTS,
    orderId,
    skip,
    path: ['orderShipments'],
    select: selectShipments,
  })

  const panels = [pnp, oms, history, shipments]

  // Fresh while visible: a hidden tab asks nothing, and catches up when shown again.
  useVisibleInterval(() => {
    if (valid) panels.forEach((panel) => panel.poll())
  }, POLL_MS)

  const refreshAll = () => panels.forEach((panel) => panel.refetch())

  const pickAndPack = pnp.value ? pnp.value.pickAndPack : null
  const omsOrder = oms.value ? oms.value.oms : null
  // The app's own record of what it sent to the OMS comes with the OMS order but is read
  // apart from it: shown (with Send again) when the OMS is down or does not know the order.
  // Undefined while nothing came back.
  const omsAnswer = oms.answer?.orderFulfillment
  const omsSync = omsAnswer ? omsAnswer.omsSync : oms.value?.omsSync
  const liveStatus = pickAndPack
    ? normalizeStatus(pickAndPack.fulfillmentStatus)
    : null

  const historyIds = useMemo(
    () => (history.value ? history.value.map((change) => change.id) : null),
    [history.value]
  )

  const latestChange = useMemo(() => {
    const [latest] = history.value ? newestFirst(history.value) : []

    return latest
      ? { ...latest, newStatus: normalizeStatus(latest.newStatus) }
      : null
  }, [history.value])

  const { fresh } = useChangeMarks(history.updatedAt, historyIds, null)
  const { statusBefore } = useChangeMarks(pnp.updatedAt, null, liveStatus)

  // Neither side knows the order: one message for the page, not one per panel.
  const notFound =
    pnp.errorCode === 'PNP_ORDER_NOT_FOUND' &&
    oms.errorCode === 'OMS_ORDER_NOT_FOUND' &&
    !pickAndPack &&
    !omsOrder

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
          {/* The page's one link to the order in the OMS; none to an order it does not know. */}
          {!notFound && (
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
          )}
          <Button
            variation="primary"
            onClick={refreshAll}
            isLoading={panels.some((panel) => panel.refreshing)}
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
          <div data-testid="order-invalid-id">
            <ErrorMessage code="BAD_USER_INPUT" level={2} />
            <div className="mw6 center mt5">
              <OrderSearch />
            </div>
          </div>
        </PageBlock>
      </Layout>
    )
  }

  if (notFound) {
    // The app may still have recorded changes for it (test orders such as QA-1 reach the
    // webhook): shown under the message, which stays true of both upstreams.
    const recorded = history.value !== null && history.value.length > 0

    return (
      <Layout pageHeader={header}>
        <PageBlock>
          <NotFound orderId={orderId} recorded={recorded} />
        </PageBlock>
        {recorded && (
          <PageBlock>
            <HistoryPanel query={history} fresh={fresh} />
          </PageBlock>
        )}
      </Layout>
    )
  }

  const canceled = isCanceledOrder(
    pickAndPack?.fulfillmentStatus,
    omsOrder?.status
  )

  const external = !canceled && isExternalOrder(pickAndPack?.fulfillmentStatus)

  const items = pnp.value ? pnp.value.items : []
  const lines =
    omsOrder && pickAndPack ? summarizeLines(items, canceled) : undefined

  return (
    <Layout pageHeader={header}>
      <PageBlock variation="half">
        <OmsPanel
          orderId={orderId}
          query={oms}
          omsSync={omsSync}
          nothingRecorded={history.value !== null && history.value.length === 0}
        />
        <PickAndPackPanel
          orderId={orderId}
          query={pnp}
          latestChange={latestChange}
          statusBefore={statusBefore}
          lines={lines}
          currency={omsOrder ? omsOrder.currencyCode : undefined}
        />
      </PageBlock>
      <PageBlock>
        <Section
          id="reconciliation-title"
          title={
            <FormattedMessage id="admin/pick-and-pack.reconciliation.title" />
          }
          testId="reconciliation"
        >
          {(!pickAndPack && pnp.loading) || (!omsOrder && oms.loading) ? (
            <PanelLoading messageId="admin/pick-and-pack.reconciliation.loading" />
          ) : (
            <Reconciliation
              items={items}
              available={!!omsOrder && !!pickAndPack}
              labelledBy="reconciliation-title"
              canceled={canceled}
              external={external}
            />
          )}
        </Section>
      </PageBlock>
      <PageBlock>
        <ShipmentsPanel query={shipments} />
      </PageBlock>
      <PageBlock>
        <HistoryPanel query={history} fresh={fresh} />
      </PageBlock>
    </Layout>
  )
}

export default OrderView
