import React, { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useApolloClient } from 'react-apollo'
import { Button } from 'vtex.styleguide'

import FULFILLMENT_ORDERS from './graphql/fulfillmentOrders.gql'
import ErrorMessage from '../ErrorMessage'
import { UNKNOWN_ERROR, rootErrorCode } from '../../utils/graphqlErrors'
import type { ApolloErrorLike } from '../../utils/graphqlErrors'
import {
  EXPORT_LIMIT,
  EXPORT_PAGE_SIZE,
  collectOrders,
  exportFileName,
  toCsv,
} from './exportOrders'
import type { Collected, ExportProgress } from './exportOrders'
import type {
  FulfillmentOrdersData,
  FulfillmentOrdersVariables,
  OrderFilter,
  OrderPage,
  OrderSummary,
} from './types'
import { useBoardText } from './useBoardText'

type State =
  | { phase: 'idle' }
  | ({ phase: 'running' } & ExportProgress)
  | {
      phase: 'done'
      count: number
      total: number
      truncated: boolean
      url: string
      fileName: string
    }
  | { phase: 'cancelled' }
  | { phase: 'failed'; code: string }

class ExportError extends Error {
  constructor(public code: string) {
    super(code)
  }
}

function errorCodeOf(error: unknown): string {
  if (error instanceof ExportError) return error.code

  return (
    rootErrorCode(error as ApolloErrorLike, 'fulfillmentOrders') ??
    UNKNOWN_ERROR
  )
}

/** The browser saves `url` as `fileName`, as a click on a download link would. */
function download(url: string, fileName: string) {
  const link = document.createElement('a')

  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

interface Props {
  filter: OrderFilter
  // Nothing to export (the filter has no order, or the table is not loaded).
  disabled: boolean
}

/**
 * "Export CSV" of the table's filter: every page (100 at a time, up to 10,000 orders) with
 * its progress, then a file the browser downloads. It can be canceled between two pages.
 */
function ExportCsv({ filter, disabled }: Props) {
  const intl = useIntl()
  const client = useApolloClient()
  const text = useBoardText()
  const [state, setState] = useState<State>({ phase: 'idle' })
  // Each export has a number; canceling or leaving the page moves it on, so a page that
  // answers later is ignored.
  const run = useRef(0)
  const url = useRef<string | null>(null)

  const releaseFile = () => {
    if (url.current) URL.revokeObjectURL(url.current)
    url.current = null
  }

  useEffect(
    () => () => {
      run.current += 1
      releaseFile()
    },
    []
  )

  const columns = [
    'admin/pick-and-pack.board.column.orderId',
    'admin/pick-and-pack.board.column.status',
    'admin/pick-and-pack.board.column.since',
    'admin/pick-and-pack.board.column.late',
    'admin/pick-and-pack.board.column.omsStatus',
    'admin/pick-and-pack.board.column.drift',
    'admin/pick-and-pack.board.column.lastChange',
  ].map((id) => intl.formatMessage({ id }))

  const yes = intl.formatMessage({ id: 'admin/pick-and-pack.board.csv.yes' })
  const no = intl.formatMessage({ id: 'admin/pick-and-pack.board.csv.no' })

  // Dates stay as the API sent them (ISO 8601): a spreadsheet sorts them as they are.
  const row = (order: OrderSummary) => [
    order.orderId,
    text.status(order.status),
    order.since,
    order.late ? yes : no,
    // Empty, not the table's "—": a spreadsheet filters on empty cells.
    order.omsStatus ? text.omsStatus(order.omsStatus) : '',
    order.drift.map(text.drift).join('; '),
    order.lastChangeAt,
  ]

  const fetchPage = async (after: string | null): Promise<OrderPage> => {
    const variables: FulfillmentOrdersVariables = {
      ...filter,
      first: EXPORT_PAGE_SIZE,
      after,
    }

    const result = await client.query<FulfillmentOrdersData>({
      query: FULFILLMENT_ORDERS,
      variables,
      // Up to 10,000 rows: not worth keeping in the page's cache.
      fetchPolicy: 'no-cache',
    })

    const page = result.data?.fulfillmentOrders

    if (!page) throw new ExportError(UNKNOWN_ERROR)

    return page
  }

  const start = async () => {
    run.current += 1
    const mine = run.current
    const isCancelled = () => run.current !== mine

    releaseFile()
    setState({ phase: 'running', done: 0, total: 0 })

    let collected: Collected

    try {
      collected = await collectOrders(fetchPage, {
        limit: EXPORT_LIMIT,
        isCancelled,
        onProgress: (progress) => {
          if (!isCancelled()) setState({ phase: 'running', ...progress })
        },
      })
    } catch (error) {
      if (!isCancelled())
        setState({ phase: 'failed', code: errorCodeOf(error) })

      return
    }

    if (collected.cancelled || isCancelled()) return

    const csv = toCsv([columns, ...collected.orders.map(row)])
    const fileName = exportFileName(new Date())

    url.current = URL.createObjectURL(
      new Blob([csv], { type: 'text/csv;charset=utf-8' })
    )
    download(url.current, fileName)
    setState({
      phase: 'done',
      count: collected.orders.length,
      total: collected.total,
      truncated: collected.truncated,
      url: url.current,
      fileName,
    })
  }

  const cancel = () => {
    run.current += 1
    setState({ phase: 'cancelled' })
  }

  const number = (n: number) => intl.formatNumber(n)
  const running = state.phase === 'running'

  return (
    <div data-testid="board-export">
      <div className="flex flex-wrap items-center">
        <div className="mr4">
          {running ? (
            <Button variation="tertiary" size="small" onClick={cancel}>
              <FormattedMessage id="admin/pick-and-pack.board.export.cancel" />
            </Button>
          ) : (
            <Button
              variation="secondary"
              size="small"
              disabled={disabled}
              onClick={() => {
                start().catch(() => undefined)
              }}
            >
              <FormattedMessage id="admin/pick-and-pack.board.export.button" />
            </Button>
          )}
        </div>
        {/* One live region for the whole export: progress, result, cancellation. */}
        <div
          role="status"
          className="flex flex-wrap items-center t-small c-muted-1"
        >
          {state.phase === 'running' && (
            <>
              <span id="pnp-export-progress">
                <FormattedMessage
                  id="admin/pick-and-pack.board.export.progress"
                  values={{
                    done: number(state.done),
                    total: number(state.total),
                  }}
                />
              </span>
              <progress
                className="ml3 w4"
                aria-labelledby="pnp-export-progress"
                max={Math.max(state.total, 1)}
                value={state.done}
              />
            </>
          )}
          {state.phase === 'done' && (
            <>
              <span className="mr2">
                <FormattedMessage
                  id="admin/pick-and-pack.board.export.done"
                  values={{
                    count: state.count,
                    formatted: number(state.count),
                  }}
                />
              </span>
              {state.truncated && (
                <span className="mr2 c-on-base">
                  <FormattedMessage
                    id="admin/pick-and-pack.board.export.truncated"
                    values={{
                      limit: number(EXPORT_LIMIT),
                      total: number(state.total),
                    }}
                  />
                </span>
              )}
              <a
                href={state.url}
                download={state.fileName}
                className="c-link link fw5"
              >
                <FormattedMessage id="admin/pick-and-pack.board.export.download" />
              </a>
            </>
          )}
          {state.phase === 'cancelled' && (
            <FormattedMessage id="admin/pick-and-pack.board.export.cancelled" />
          )}
        </div>
      </div>
      {state.phase === 'failed' && (
        <div className="mt3 ba b--muted-4 br2" data-testid="board-export-error">
          <p className="t-small c-danger mt3 mb0 ph4">
            <FormattedMessage id="admin/pick-and-pack.board.export.failed" />
          </p>
          <ErrorMessage
            code={state.code}
            onRetry={() => {
              start().catch(() => undefined)
            }}
          />
        </div>
      )}
    </div>
  )
}

export default ExportCsv
