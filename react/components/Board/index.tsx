import React, { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { Button } from 'vtex.styleguide'

import { useCurrentData } from '../../hooks/useCurrentData'
import { useLastRead } from '../../hooks/useLastRead'
import { useMounted } from '../../hooks/useMounted'
import FULFILLMENT_BOARD from './graphql/fulfillmentBoard.gql'
import FULFILLMENT_ORDERS from './graphql/fulfillmentOrders.gql'
import ErrorMessage from '../ErrorMessage'
import StaleNotice from '../ErrorMessage/StaleNotice'
import Heading from '../Heading'
import PanelLoading from '../PanelLoading'
import { ALL_STATUSES } from '../StatusFilter'
import { useFollowUp } from '../../hooks/useFollowUp'
import { useVisibleInterval } from '../../hooks/useVisibleInterval'
import { parseDate } from '../../utils/dates'
import { rootErrorCode } from '../../utils/graphqlErrors'
import { PANEL_ERROR_MESSAGES } from '../../utils/messages'
import AttentionTabs from './AttentionTabs'
import EmptyOrders from './EmptyOrders'
import type { EmptyKind } from './EmptyOrders'
import ExportCsv from './ExportCsv'
import OrderFilters from './OrderFilters'
import OrdersTable from './OrdersTable'
import Pagination from './Pagination'
import StatusTiles from './StatusTiles'
import { useBoardView } from './useBoardView'
import type {
  Attention,
  FulfillmentBoardData,
  FulfillmentBoardVariables,
  FulfillmentOrdersData,
  FulfillmentOrdersVariables,
  OrderFilter,
  OrderPage,
} from './types'

export const PAGE_SIZE = 50
export const REFRESH_MS = 30_000
/** A board answered as `refreshing` is asked again this soon, at most FOLLOW_UPS times in a row. */
export const FOLLOW_UP_MS = 2_000
export const FOLLOW_UPS = 5

const quiet = () => undefined

/**
 * The operations board: orders by status (tiles), late and OMS-disagreeing totals, and a
 * table of the orders behind them, filtered by tab, status and id, paged by cursor and
 * exported as CSV. Refreshes itself every 30 s while the tab is visible. The counts come from
 * a snapshot the app shares between admins: when it is being counted again the board says so
 * and asks again shortly; the Refresh button asks for counts made now.
 */
function Board() {
  const intl = useIntl()
  // Tab, filters and page live in the URL (useBoardView): "previous" goes back to the
  // cursor before the current one.
  const [{ attention, status, search, cursors }, setView] = useBoardView()
  const [refreshing, setRefreshing] = useState(false)
  const mounted = useMounted()
  // The last page answered, and its index: its rows keep their own range while another loads.
  const lastPage = useRef<{ page: OrderPage; index: number } | null>(null)

  const filter: OrderFilter = {
    status: status || null,
    attention,
    search,
  }

  const board = useQuery<FulfillmentBoardData, FulfillmentBoardVariables>(
    FULFILLMENT_BOARD,
    {
      variables: { fresh: false },
      errorPolicy: 'all',
      notifyOnNetworkStatusChange: true,
      fetchPolicy: 'cache-and-network',
    }
  )

  const summary = board.data?.fulfillmentBoard ?? null
  const boardFailure = rootErrorCode(board.error, 'fulfillmentBoard')
  const boardRead = useLastRead({
    loading: board.loading,
    failure: boardFailure,
    hasData: summary !== null,
  })

  // Every refetch names `fresh`: a refetch keeps the variables of the one before.
  const askBoard = (fresh: boolean) =>
    boardRead.track<{ data?: FulfillmentBoardData }>(board.refetch({ fresh }))

  const pageIndex = cursors.length - 1
  const ordersVariables: FulfillmentOrdersVariables = {
    ...filter,
    first: PAGE_SIZE,
    after: cursors[pageIndex],
  }

  const orders = useQuery<FulfillmentOrdersData, FulfillmentOrdersVariables>(
    FULFILLMENT_ORDERS,
    {
      variables: ordersVariables,
      errorPolicy: 'all',
      notifyOnNetworkStatusChange: true,
      fetchPolicy: 'cache-and-network',
    }
  )

  // Only an answer to this page and filter: its cursor, total and rows are the current ones.
  const page =
    useCurrentData(orders, ordersVariables)?.fulfillmentOrders ?? null

  const ordersFailure = rootErrorCode(orders.error, 'fulfillmentOrders')
  // A page cursor from the URL that the API refuses (edited, or from an older version): the
  // first page instead, in place of the link's history entry.
  const badCursor = ordersFailure === 'BAD_USER_INPUT' && cursors.length > 1

  useEffect(() => {
    if (badCursor) setView({ cursors: [null] }, { replace: true })
    // setView changes every render; only a new refusal matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [badCursor])
  const ordersRead = useLastRead({
    loading: orders.loading,
    failure: ordersFailure,
    hasData: page !== null,
  })

  const askOrders = () => ordersRead.track(orders.refetch())

  const refetchAll = (fresh = false) =>
    Promise.all([askBoard(fresh).catch(quiet), askOrders().catch(quiet)])

  const restartPolling = useVisibleInterval(() => {
    refetchAll()
  }, REFRESH_MS)

  const refreshNow = () => {
    restartPolling()
    setRefreshing(true)
    refetchAll(true).then(() => {
      if (mounted.current) setRefreshing(false)
    })
  }

  useFollowUp(
    !!summary?.refreshing,
    () =>
      askBoard(false).then(
        (answer: { data?: FulfillmentBoardData }) =>
          !!answer.data?.fulfillmentBoard?.refreshing
      ),
    { ms: FOLLOW_UP_MS, max: FOLLOW_UPS }
  )

  const boardError = summary ? undefined : boardFailure

  if (page) lastPage.current = { page, index: pageIndex }
  // While the next page (or filter) loads, the rows before it stay, dimmed, paging disabled.
  const shown = page || orders.loading ? lastPage.current : null

  const shownPage = shown?.page ?? null
  const ordersError = page ? undefined : ordersFailure
  // Counts or rows kept from an earlier read that a refresh could not update.
  const staleBoard = !!boardRead.staleCode
  const stale = staleBoard ? boardRead : ordersRead

  // Every change of tab or filter starts again from the first page.
  const firstPage = () => setView({ cursors: [null] })
  const changeAttention = (next: Attention | null) =>
    setView({ attention: next, cursors: [null] })

  const changeStatus = (next: string) =>
    setView({ status: next, cursors: [null] })

  const changeSearch = (next: string | null) =>
    setView({ search: next, cursors: [null] })

  const clearFilters = () =>
    setView({ status: ALL_STATUSES, search: null, cursors: [null] })

  const emptyKind = (): EmptyKind => {
    if (cursors.length > 1) return 'page'
    if (status || search) return 'filtered'
    if (attention === 'LATE') return 'late'
    if (attention === 'DRIFT') return 'drift'

    return 'noOrders'
  }

  const updatedAt = summary ? parseDate(summary.updatedAt) : null
  const now = Date.now()

  return (
    <section aria-labelledby="pnp-board-title" data-testid="board">
      <div className="flex flex-wrap items-center justify-between mb4">
        <Heading level={2} id="pnp-board-title" spacing="mv2">
          <FormattedMessage id="admin/pick-and-pack.board.title" />
        </Heading>
        <div className="flex items-center">
          {summary && (
            <span className="t-small c-muted-1 mr4" data-testid="board-updated">
              <FormattedMessage
                id="admin/pick-and-pack.board.updatedAt"
                values={{
                  time: updatedAt ? (
                    <time dateTime={updatedAt.toISOString()}>
                      {intl.formatTime(updatedAt, {
                        hour: '2-digit',
                        minute: '2-digit',
                        second: '2-digit',
                      })}
                    </time>
                  ) : (
                    summary.updatedAt
                  ),
                }}
              />
              {summary.refreshing && (
                <span className="ml3" data-testid="board-refreshing">
                  <FormattedMessage id="admin/pick-and-pack.board.refreshingCounts" />
                </span>
              )}
            </span>
          )}
          <Button
            variation="secondary"
            size="small"
            onClick={refreshNow}
            isLoading={refreshing}
          >
            <FormattedMessage id="admin/pick-and-pack.board.refresh" />
          </Button>
        </div>
      </div>

      {stale.staleCode && (
        <StaleNotice
          code={stale.staleCode}
          words={PANEL_ERROR_MESSAGES[staleBoard ? 'board' : 'boardOrders']}
          readAt={stale.readAt}
          onRetry={() => {
            restartPolling()
            refetchAll()
          }}
          retrying={board.loading || orders.loading}
        />
      )}

      {summary ? (
        <>
          <p className="t-body mt0 mb4" data-testid="board-totals">
            <span className={summary.late > 0 ? 'c-danger fw5' : 'c-muted-1'}>
              <FormattedMessage
                id="admin/pick-and-pack.board.totals.late"
                values={{
                  count: summary.late,
                  formatted: intl.formatNumber(summary.late),
                }}
              />
            </span>
            <span className="c-muted-2 mh3" aria-hidden="true">
              ·
            </span>
            <span className={summary.drift > 0 ? 'c-on-base fw5' : 'c-muted-1'}>
              <FormattedMessage
                id="admin/pick-and-pack.board.totals.drift"
                values={{
                  count: summary.drift,
                  formatted: intl.formatNumber(summary.drift),
                }}
              />
            </span>
          </p>
          <StatusTiles
            statuses={summary.statuses}
            selected={status}
            onSelect={changeStatus}
          />
        </>
      ) : boardError ? (
        <ErrorMessage
          code={boardError}
          words={PANEL_ERROR_MESSAGES.board}
          onRetry={() => {
            askBoard(false).catch(quiet)
          }}
          retrying={board.loading}
        />
      ) : (
        <PanelLoading messageId="admin/pick-and-pack.board.loading" />
      )}

      <div className="mt6">
        <AttentionTabs
          value={attention}
          onChange={changeAttention}
          late={summary ? summary.late : undefined}
          drift={summary ? summary.drift : undefined}
        >
          <div className="flex flex-wrap items-start justify-between">
            <OrderFilters
              status={status}
              onStatusChange={changeStatus}
              extraStatuses={[
                ...(summary ? summary.statuses.map((s) => s.status) : []),
                // The board counts the statuses it knows; the table may show others.
                ...(shownPage ? shownPage.orders.map((o) => o.status) : []),
                // A status from the URL that neither reported yet.
                status,
              ]}
              search={search}
              onSearch={changeSearch}
            />
          </div>
          <div className="mb4">
            <ExportCsv filter={filter} disabled={!page || page.total === 0} />
          </div>
          {ordersError ? (
            <ErrorMessage
              code={ordersError}
              words={PANEL_ERROR_MESSAGES.boardOrders}
              onRetry={() => {
                askOrders().catch(quiet)
              }}
              retrying={orders.loading}
            />
          ) : !shownPage || (!page && shownPage.orders.length === 0) ? (
            <PanelLoading messageId="admin/pick-and-pack.board.loadingOrders" />
          ) : shownPage.orders.length === 0 ? (
            <EmptyOrders
              kind={emptyKind()}
              onClearFilters={clearFilters}
              onFirstPage={firstPage}
            />
          ) : (
            <>
              {!page && (
                <span className="clip" role="status">
                  <FormattedMessage id="admin/pick-and-pack.board.loadingOrders" />
                </span>
              )}
              <OrdersTable orders={shownPage.orders} now={now} busy={!page} />
              <Pagination
                pageIndex={shown?.index ?? pageIndex}
                pageSize={PAGE_SIZE}
                shown={shownPage.orders.length}
                total={shownPage.total}
                hasPrevious={cursors.length > 1}
                hasNext={!!page?.after}
                busy={!page}
                onPrevious={() => setView({ cursors: cursors.slice(0, -1) })}
                onNext={() => {
                  if (page?.after)
                    setView({ cursors: [...cursors, page.after] })
                }}
              />
            </>
          )}
        </AttentionTabs>
      </div>
    </section>
  )
}

export default Board
