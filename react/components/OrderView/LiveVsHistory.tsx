import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

import { useStatusText } from '../../hooks/useStatusText'
import { parseDate } from '../../utils/dates'
import { flowRank } from '../../utils/statuses'
import { changedAt } from './HistoryTimeline'
import type { HistoryEntry } from './types'

// Pick and Pack's API caches its answers for 30 s: within that (and a little more for the
// page's own polling), a live status behind the history is the cache, nothing else.
const CACHE_LAG_MS = 45_000

export type Disagreement =
  | 'liveAhead'
  | 'historyAheadCache'
  | 'historyAheadOld'
  | 'differ'

/**
 * Which side is newer when the live status and the history's newest change differ, and why;
 * undefined when they agree. `now` is when the live status was read.
 */
export function disagreement(
  live: string,
  latest: HistoryEntry,
  now: number
): Disagreement | undefined {
  if (live === latest.newStatus) return undefined
  const liveRank = flowRank(live)
  const historyRank = flowRank(latest.newStatus)

  if (liveRank === undefined || historyRank === undefined) return 'differ'
  // Same place (the two ends): they differ, neither is ahead.
  if (liveRank === historyRank) return 'differ'
  if (liveRank > historyRank) return 'liveAhead'
  const happened = parseDate(changedAt(latest))?.getTime()

  return happened !== undefined && now - happened <= CACHE_LAG_MS
    ? 'historyAheadCache'
    : 'historyAheadOld'
}

interface Props {
  live: string
  // The history's newest change (history sorted newest first).
  latest: HistoryEntry | null
  // When the live status was read.
  readAt: Date | null
}

const MESSAGES: Record<Disagreement, string> = {
  liveAhead: 'admin/pick-and-pack.order.live.liveAhead',
  historyAheadCache: 'admin/pick-and-pack.order.live.historyAheadCache',
  historyAheadOld: 'admin/pick-and-pack.order.live.historyAheadOld',
  differ: 'admin/pick-and-pack.order.live.differ',
}

/** Says which is newer when the live status and the history disagree, and why. */
function LiveVsHistory({ live, latest, readAt }: Props) {
  const intl = useIntl()
  const { label } = useStatusText()

  if (!latest) return null
  const kind = disagreement(live, latest, (readAt ?? new Date()).getTime())

  if (!kind) return null
  const happened = parseDate(changedAt(latest))

  return (
    <p
      className="t-small lh-copy pa3 br2 bg-muted-5 c-on-base mt0 mb4"
      data-testid="live-vs-history"
      data-kind={kind}
    >
      <FormattedMessage
        id={MESSAGES[kind]}
        values={{
          live: label(live),
          history: label(latest.newStatus),
          time: happened
            ? intl.formatTime(happened, {
                hour: '2-digit',
                minute: '2-digit',
                second: '2-digit',
              })
            : changedAt(latest),
        }}
      />
    </p>
  )
}

export default LiveVsHistory
