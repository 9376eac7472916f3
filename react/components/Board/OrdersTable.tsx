import type { CSSProperties, MouseEvent } from 'react'
import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Tag } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import { DateTime } from '../Format'
import StatusTag from '../StatusTag'
import { OMS_STATUS_MESSAGES } from '../../utils/messages'
import { orderPath } from '../../utils/orderRoutes'
import { own } from '../../utils/own'
import { isKnownStatus } from '../../utils/statuses'
import type { OrderSummary } from './types'
import { useBoardText } from './useBoardText'

interface Props {
  orders: readonly OrderSummary[]
  // When the relative times are counted from (ms): the board's clock, not each render's.
  now: number
  busy: boolean
}

const TH = 'tl t-small fw5 c-muted-1 pv3 ph3 bb b--muted-4 nowrap'
const TD = 'pv3 ph3 bb b--muted-5 v-top t-small'

// A known status name stays on one line; one this page does not know (Pick and Pack's or the
// OMS's, shown as it came) may be long: it wraps, anywhere, rather than push the columns
// off-screen.
const UNKNOWN_STATUS: CSSProperties = {
  minWidth: '10rem',
  overflowWrap: 'anywhere',
}

const statusCell = (known: boolean) =>
  known
    ? { className: `${TD} nowrap` }
    : { className: TD, style: UNKNOWN_STATUS }

/** The board's orders as a table: a link per order, its status, age, lateness and drift. */
function OrdersTable({ orders, now, busy }: Props) {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const text = useBoardText()

  const open = (e: MouseEvent<HTMLAnchorElement>, orderId: string) => {
    // A new tab or window stays the browser's business.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return
    e.preventDefault()
    navigate({ to: orderPath(orderId) })
  }

  const column = (id: string) => (
    <th scope="col" className={TH}>
      <FormattedMessage id={id} />
    </th>
  )

  return (
    <div className="overflow-x-auto">
      <table
        className={`w-100 t-body ${busy ? 'o-50' : ''}`}
        // vtex-tachyons has no border-collapse class: without it, row borders show gaps.
        style={{ borderCollapse: 'collapse' }}
        aria-busy={busy}
        data-testid="board-orders"
      >
        <caption className="clip">
          {intl.formatMessage({ id: 'admin/pick-and-pack.board.caption' })}
        </caption>
        <thead>
          <tr>
            {column('admin/pick-and-pack.board.column.orderId')}
            {column('admin/pick-and-pack.board.column.status')}
            {column('admin/pick-and-pack.board.column.since')}
            {column('admin/pick-and-pack.board.column.late')}
            {column('admin/pick-and-pack.board.column.omsStatus')}
            {column('admin/pick-and-pack.board.column.drift')}
            {column('admin/pick-and-pack.board.column.lastChange')}
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.orderId} data-testid="board-order">
              <th scope="row" className={`${TD} tl fw5 nowrap`}>
                <a
                  href={orderPath(order.orderId)}
                  className="c-link link"
                  onClick={(e) => open(e, order.orderId)}
                >
                  {order.orderId}
                </a>
              </th>
              <td
                {...statusCell(isKnownStatus(order.status))}
                data-testid="board-status"
              >
                <StatusTag status={order.status} size="small" />
              </td>
              <td className={TD}>
                <span className="db nowrap">
                  <DateTime value={order.since} />
                </span>
                <span className="db t-small c-muted-1">
                  {text.elapsed(order.since, now)}
                </span>
              </td>
              <td className={TD}>
                {order.late ? (
                  <Tag type="error" size="small">
                    <FormattedMessage id="admin/pick-and-pack.board.late" />
                  </Tag>
                ) : (
                  <>
                    <span aria-hidden="true" className="c-muted-3">
                      —
                    </span>
                    <span className="clip">
                      <FormattedMessage id="admin/pick-and-pack.board.onTime" />
                    </span>
                  </>
                )}
              </td>
              <td
                {...statusCell(
                  !order.omsStatus ||
                    !!own(OMS_STATUS_MESSAGES, order.omsStatus)
                )}
                data-testid="board-oms-status"
              >
                {text.omsStatus(order.omsStatus)}
              </td>
              <td className={TD}>
                {order.drift.length ? (
                  <ul className="list pa0 ma0">
                    {order.drift.map((code) => (
                      <li key={code} className="t-small nowrap">
                        <span aria-hidden="true" className="c-warning mr2">
                          ●
                        </span>
                        {text.drift(code)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="c-muted-3">—</span>
                )}
              </td>
              <td className={`${TD} nowrap`}>
                <DateTime value={order.lastChangeAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default OrdersTable
