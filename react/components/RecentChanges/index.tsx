import type { MouseEvent } from 'react'
import React, { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { Tag } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import { useCurrentData } from '../../hooks/useCurrentData'
import { useLastRead } from '../../hooks/useLastRead'
import { useMounted } from '../../hooks/useMounted'
import RECENT_STATUS_CHANGES from './graphql/recentStatusChanges.gql'
import ErrorMessage from '../ErrorMessage'
import StaleNotice from '../ErrorMessage/StaleNotice'
import { DateTime } from '../Format'
import Heading from '../Heading'
import PanelLoading from '../PanelLoading'
import StatusTag from '../StatusTag'
import UpdatedAt from '../UpdatedAt'
import { useStatusText } from '../../hooks/useStatusText'
import { useVisibleInterval } from '../../hooks/useVisibleInterval'
import { rootErrorCode } from '../../utils/graphqlErrors'
import { orderPath } from '../../utils/orderRoutes'
import { firstNonEmpty } from '../../utils/text'
import type { StatusChange } from '../OrderView/types'
import StatusFilter, { ALL_STATUSES } from '../StatusFilter'

export const RECENT_LIMIT = 20
// Read again every 30 s while the tab is visible (a hidden tab asks nothing).
export const REFRESH_MS = 30_000

const quiet = () => undefined

// Dark green on pale green (over 7:1): the Styleguide's success tag is white on a light green.
const NEW_TAG = { bg: '#dff5d6', fg: '#1e5b1e' }

interface Data {
  recentStatusChanges: StatusChange[] | null
}

const TH = 'tl t-small fw5 c-muted-1 pv3 ph3 bb b--muted-4 nowrap'
const TD = 'pv3 ph3 bb b--muted-5 v-mid t-small'

/** One notification: an order may change more than once in the list. */
export const changeKey = (change: StatusChange) =>
  `${change.orderId}|${change.receivedAt}|${change.newStatus}`

/**
 * The latest webhook notifications, filterable by status; a row opens its order. Read again
 * every 30 s while the tab is visible; the rows that came with the last read are marked new.
 */
function RecentChanges() {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const { label } = useStatusText()
  const [status, setStatus] = useState(ALL_STATUSES)
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set())
  const mounted = useMounted()
  // The rows of the last answer, for this filter: what the next answer is compared to.
  const known = useRef<{ status: string; keys: Set<string> } | null>(null)
  const signatureRef = useRef<string | null>(null)

  const variables = { first: RECENT_LIMIT, status: status || null }
  const query = useQuery<Data>(RECENT_STATUS_CHANGES, {
    variables,
    errorPolicy: 'all',
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  })

  const { data, loading, error, refetch } = query
  const changes = data ? data.recentStatusChanges : null
  const items = changes ?? []
  // Only an answer to this filter is compared: the rows kept while another filter loads
  // belong to the previous one.
  const answered = useCurrentData(query, variables)?.recentStatusChanges
  const keys = (answered ?? []).map(changeKey)
  const signature = answered ? `${status}\n${keys.join('\n')}` : null

  signatureRef.current = signature

  // A new answer: the rows not in the previous answer for the same filter are new.
  useEffect(() => {
    if (signature === null) return
    const previous = known.current

    setFresh(
      new Set(
        previous && previous.status === status
          ? keys.filter((key) => !previous.keys.has(key))
          : []
      )
    )
    known.current = { status, keys: new Set(keys) }
    // `signature` stands for `status` and `keys`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature])

  const failure = rootErrorCode(error, 'recentStatusChanges')
  // Only an answer to this filter dates the rows shown.
  const { readAt, staleCode, track } = useLastRead({
    loading,
    failure,
    hasData: !!answered,
  })

  const poll = () => {
    const before = signatureRef.current

    return track(refetch())
      .then(() => {
        if (!mounted.current) return
        // Nothing came since the last read: nothing is new any more.
        if (signatureRef.current === before) setFresh(new Set())
      })
      .catch(quiet)
  }

  useVisibleInterval(() => {
    poll()
  }, REFRESH_MS)

  const errorCode = changes ? undefined : failure
  const retry = () => {
    track(refetch()).catch(quiet)
  }

  const open = (orderId: string) => navigate({ to: orderPath(orderId) })

  const openFromLink = (e: MouseEvent<HTMLAnchorElement>, orderId: string) => {
    e.stopPropagation()
    // A new tab or window stays the browser's business.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return
    e.preventDefault()
    open(orderId)
  }

  const column = (id: string) => (
    <th scope="col" className={TH}>
      <FormattedMessage id={id} />
    </th>
  )

  const freshCount = items.filter((item) => fresh.has(changeKey(item))).length

  return (
    <section aria-labelledby="pnp-recent-title" data-testid="recent-changes">
      <div className="flex flex-wrap items-center justify-between">
        <Heading level={2} id="pnp-recent-title" spacing="mv2">
          <FormattedMessage id="admin/pick-and-pack.recent.title" />
        </Heading>
        <UpdatedAt at={changes ? readAt : null} testId="recent-updated" />
      </div>
      <p className="t-body c-muted-1 mt2 mb4 lh-copy">
        <FormattedMessage id="admin/pick-and-pack.recent.subtitle" />
      </p>
      <div className="mb5 w-100 w-40-ns">
        <StatusFilter
          id="pnp-status-filter"
          value={status}
          onChange={setStatus}
          // The known statuses, then any other the list shows (and the one chosen, kept while
          // its rows load).
          extraStatuses={[
            status,
            ...items.flatMap(({ oldStatus, newStatus }) =>
              oldStatus ? [oldStatus, newStatus] : [newStatus]
            ),
          ]}
        />
      </div>
      {/* Said once per read that brought new rows; silent otherwise. */}
      <span className="clip" role="status" data-testid="recent-new-count">
        {freshCount > 0 && (
          <FormattedMessage
            id="admin/pick-and-pack.recent.newCount"
            values={{ count: freshCount }}
          />
        )}
      </span>
      {staleCode && (
        <StaleNotice
          code={staleCode}
          readAt={readAt}
          onRetry={retry}
          retrying={loading}
        />
      )}
      {errorCode ? (
        <ErrorMessage code={errorCode} onRetry={retry} retrying={loading} />
      ) : !changes ? (
        <PanelLoading messageId="admin/pick-and-pack.recent.loading" />
      ) : items.length === 0 ? (
        <div className="tc pv7 ph4" data-testid="recent-empty">
          <p className="t-heading-5 c-on-base mt0 mb3">
            <FormattedMessage
              id={
                status
                  ? 'admin/pick-and-pack.recent.emptyForStatus'
                  : 'admin/pick-and-pack.recent.empty'
              }
            />
          </p>
          <p className="t-body c-muted-1 mv0">
            <FormattedMessage id="admin/pick-and-pack.recent.emptyHint" />
          </p>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table
            className={`w-100 t-body ${loading ? 'o-70' : ''}`}
            // vtex-tachyons has no border-collapse class: without it, row borders show gaps.
            style={{ borderCollapse: 'collapse' }}
            aria-busy={loading}
          >
            <caption className="clip">
              {intl.formatMessage({ id: 'admin/pick-and-pack.recent.title' })}
            </caption>
            <thead>
              <tr>
                {column('admin/pick-and-pack.recent.column.receivedAt')}
                {column('admin/pick-and-pack.recent.column.orderId')}
                {column('admin/pick-and-pack.recent.column.change')}
                {column('admin/pick-and-pack.recent.column.hostname')}
              </tr>
            </thead>
            <tbody>
              {items.map((change, index) => {
                const isNew = fresh.has(changeKey(change))

                return (
                  <tr
                    // The same notification twice in a page is possible (a resend).
                    // eslint-disable-next-line react/no-array-index-key
                    key={`${changeKey(change)}|${index}`}
                    // The "New" tag marks the row: a tinted row would fade the grey text below 4.5:1.
                    className="pointer hover-bg-muted-5"
                    data-new={isNew ? 'true' : undefined}
                    data-testid="recent-change"
                    // A mouse convenience: the order link is the keyboard's way in.
                    onClick={() => open(change.orderId)}
                  >
                    <td className={`${TD} nowrap`}>
                      <DateTime value={change.receivedAt} />
                    </td>
                    <td className={`${TD} nowrap`}>
                      <a
                        href={orderPath(change.orderId)}
                        className="c-link link fw5"
                        onClick={(e) => openFromLink(e, change.orderId)}
                      >
                        {change.orderId}
                      </a>
                      {isNew && (
                        <span className="ml3" data-testid="recent-new">
                          <Tag
                            size="small"
                            bgColor={NEW_TAG.bg}
                            color={NEW_TAG.fg}
                          >
                            {intl.formatMessage({
                              id: 'admin/pick-and-pack.recent.new',
                            })}
                          </Tag>
                        </span>
                      )}
                    </td>
                    <td className={TD}>
                      <span className="flex items-center">
                        <span className="c-muted-1 mr3">
                          {change.oldStatus ? label(change.oldStatus) : '—'}
                        </span>
                        <span className="c-muted-1 mr3" aria-hidden="true">
                          →
                        </span>
                        <StatusTag status={change.newStatus} size="small" />
                      </span>
                    </td>
                    <td className={`${TD} truncate mw5`}>
                      <span title={firstNonEmpty(change.hostname)}>
                        {firstNonEmpty(change.hostname) ?? '—'}
                      </span>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export default RecentChanges
