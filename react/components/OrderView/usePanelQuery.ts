import { useCallback, useEffect, useRef, useState } from 'react'
import { useQuery } from 'react-apollo'
import type { DocumentNode } from 'graphql'

import { useLastRead } from '../../hooks/useLastRead'
import { useMounted } from '../../hooks/useMounted'
import { errorCodeAt } from '../../utils/graphqlErrors'

/** What one panel of the order view knows: its own request, answer, failure and time. */
export interface PanelQuery<T> {
  // The last answer that had the panel's data; kept when a later refresh fails.
  value: T | null
  // No answer yet.
  loading: boolean
  // Why the latest answer had no data for the panel (extensions.code at its path).
  errorCode?: string
  // When `value` was read.
  updatedAt: Date | null
  // A refresh asked for by hand (Refresh, Try again) is running.
  refreshing: boolean
  refetch: () => void
  // A quiet refresh (the page's polling): no spinner, skipped while a request is in flight.
  poll: () => void
}

/** A panel whose answer also carries a part read on its own, whatever became of the rest. */
export interface PanelQueryWithAnswer<D, T> extends PanelQuery<T> {
  // The latest answer as received (undefined before the first, or when none came back).
  answer: D | undefined
}

interface Options<D, T> {
  query: DocumentNode
  orderId: string
  skip: boolean
  // Where the panel's part of the answer sits: its error is the one at this path.
  path: string[]
  select: (data: D | undefined) => T | null | undefined
}

/**
 * One panel's request. errorPolicy 'all' keeps what answered when a field failed; the failure
 * is the GraphQL error at the panel's path (else the root's, else the network's).
 */
export function usePanelQuery<D, T>({
  query,
  orderId,
  skip,
  path,
  select,
}: Options<D, T>): PanelQueryWithAnswer<D, T> {
  const { data, error, loading, refetch } = useQuery<D>(query, {
    variables: { orderId },
    skip,
    errorPolicy: 'all',
    notifyOnNetworkStatusChange: true,
    // Pick and Pack moves on while the page is open: always ask, never show stale cache alone.
    fetchPolicy: 'cache-and-network',
  })

  const current = select(data) ?? null
  // Apollo keeps the last answer beside a failed refresh's error (a network failure, or an
  // answer without data): the data is then old, and the panel must say so.
  const errorCode = errorCodeAt(error, path)

  const [kept, setKept] = useState<T | null>(null)
  const [refreshing, setRefreshing] = useState(false)
  const inFlight = useRef(false)
  const mounted = useMounted()
  // When the panel's data was last read whole: not a failed refresh, nor a cache write.
  const { readAt: updatedAt, track } = useLastRead({
    loading,
    failure: errorCode,
    hasData: !!current,
  })

  // A new answer with the panel's data: keep it.
  useEffect(() => {
    if (current) setKept(current)
  }, [current])

  const run = useCallback(
    (byHand: boolean) => {
      if (skip || (inFlight.current && !byHand)) return
      inFlight.current = true
      if (byHand) setRefreshing(true)
      track(refetch())
        // A failure is reported through the hook's `error`: keep the promise quiet.
        .catch(() => undefined)
        .then(() => {
          inFlight.current = false
          if (mounted.current && byHand) setRefreshing(false)
        })
    },
    [refetch, skip, track, mounted]
  )

  const refetchByHand = useCallback(() => run(true), [run])
  const poll = useCallback(() => {
    if (!loading) run(false)
  }, [run, loading])

  return {
    value: current ?? (errorCode ? kept : null),
    loading: loading && !current && !kept,
    errorCode,
    updatedAt,
    refreshing,
    refetch: refetchByHand,
    poll,
    answer: data,
  }
}
