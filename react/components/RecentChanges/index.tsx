import React, { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { Table } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import RECENT_STATUS_CHANGES from './graphql/recentStatusChanges.gql'
import ErrorMessage from '../ErrorMessage'
import { DateTime } from '../Format'
import StatusTag from '../StatusTag'
import { useStatusText } from '../../hooks/useStatusText'
import { rootErrorCode } from '../../utils/graphqlErrors'
import { orderPath } from '../../utils/orderRoutes'
import type { StatusChange } from '../OrderView/types'
import StatusFilter, { ALL_STATUSES } from '../StatusFilter'

export const RECENT_LIMIT = 20

interface Data {
  recentStatusChanges: StatusChange[] | null
}

/** The latest webhook notifications, filterable by status; a row opens its order. */
function RecentChanges() {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const { label } = useStatusText()
  const [status, setStatus] = useState(ALL_STATUSES)
  const { data, loading, error, refetch } = useQuery<Data>(
    RECENT_STATUS_CHANGES,
    {
      variables: { first: RECENT_LIMIT, status: status || null },
      errorPolicy: 'all',
      notifyOnNetworkStatusChange: true,
      fetchPolicy: 'cache-and-network',
    }
  )

  const items = (data && data.recentStatusChanges) || []
  const errorCode =
    data && data.recentStatusChanges
      ? undefined
      : rootErrorCode(error, 'recentStatusChanges')

  const open = (orderId: string) => navigate({ to: orderPath(orderId) })

  const schema = {
    properties: {
      receivedAt: {
        title: intl.formatMessage({
          id: 'admin/pick-and-pack.recent.column.receivedAt',
        }),
        width: 210,
        cellRenderer: ({ rowData }: { rowData: StatusChange }) => (
          <DateTime value={rowData.receivedAt} />
        ),
      },
      orderId: {
        title: intl.formatMessage({
          id: 'admin/pick-and-pack.recent.column.orderId',
        }),
        width: 180,
        cellRenderer: ({ rowData }: { rowData: StatusChange }) => (
          // A real link too, so the row can be reached and opened from the keyboard.
          <a
            href={orderPath(rowData.orderId)}
            className="c-link link fw5"
            onClick={(e) => {
              e.preventDefault()
              e.stopPropagation()
              open(rowData.orderId)
            }}
          >
            {rowData.orderId}
          </a>
        ),
      },
      change: {
        title: intl.formatMessage({
          id: 'admin/pick-and-pack.recent.column.change',
        }),
        minWidth: 300,
        cellRenderer: ({ rowData }: { rowData: StatusChange }) => (
          <span className="flex items-center">
            <span className="c-muted-1 mr3">
              {rowData.oldStatus ? label(rowData.oldStatus) : '—'}
            </span>
            <span className="c-muted-1 mr3" aria-hidden="true">
              →
            </span>
            <StatusTag status={rowData.newStatus} size="small" />
          </span>
        ),
      },
      hostname: {
        title: intl.formatMessage({
          id: 'admin/pick-and-pack.recent.column.hostname',
        }),
        width: 130,
        cellRenderer: ({ rowData }: { rowData: StatusChange }) => (
          <span className="truncate" title={rowData.hostname || undefined}>
            {rowData.hostname || '—'}
          </span>
        ),
      },
    },
  }

  return (
    <div data-testid="recent-changes">
      <div className="mb5 w-100 w-40-ns">
        <StatusFilter
          id="pnp-status-filter"
          value={status}
          onChange={setStatus}
        />
      </div>
      {errorCode ? (
        <ErrorMessage
          code={errorCode}
          onRetry={() => {
            refetch().catch(() => undefined)
          }}
        />
      ) : (
        <Table
          fullWidth
          density="medium"
          schema={schema}
          items={items}
          loading={loading && items.length === 0}
          emptyStateLabel={intl.formatMessage({
            id: status
              ? 'admin/pick-and-pack.recent.emptyForStatus'
              : 'admin/pick-and-pack.recent.empty',
          })}
          emptyStateChildren={
            <p className="t-body c-muted-1">
              <FormattedMessage id="admin/pick-and-pack.recent.emptyHint" />
            </p>
          }
          onRowClick={({ rowData }: { rowData: StatusChange }) =>
            open(rowData.orderId)
          }
        />
      )}
    </div>
  )
}

export default RecentChanges
