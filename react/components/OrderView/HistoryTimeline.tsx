import React from 'react'
import { FormattedMessage } from 'react-intl'

import { DateTime } from '../Format'
import StatusTag from '../StatusTag'
import { useStatusText } from '../../hooks/useStatusText'
import { parseDate } from '../../utils/dates'
import type { StatusChange } from './types'

/** Newest first; the API sends them oldest first, and equal dates keep arrival order. */
export function newestFirst(changes: StatusChange[]): StatusChange[] {
  return changes
    .map((change, index) => ({
      change,
      index,
      time: parseDate(change.receivedAt)?.getTime() ?? 0,
    }))
    .sort((a, b) => b.time - a.time || b.index - a.index)
    .map(({ change }) => change)
}

function HistoryTimeline({ history }: { history: StatusChange[] }) {
  const { label } = useStatusText()

  if (history.length === 0) {
    return (
      <p className="t-body c-muted-1">
        <FormattedMessage id="admin/pick-and-pack.history.empty" />
      </p>
    )
  }

  return (
    <ol className="list ma0 pa0" data-testid="history">
      {newestFirst(history).map((change, i) => (
        <li
          key={`${change.receivedAt}-${i}`}
          className="flex items-center pv3 bb b--muted-4 t-body"
          data-testid="history-entry"
        >
          <span className="c-muted-1 t-small w-30 flex-none">
            <DateTime value={change.receivedAt} />
          </span>
          <span className="flex-auto flex items-center flex-wrap">
            <span className="c-muted-1 mr3">
              {change.oldStatus ? label(change.oldStatus) : '—'}
            </span>
            <span className="c-muted-1 mr3" aria-hidden="true">
              →
            </span>
            <StatusTag status={change.newStatus} size="small" />
          </span>
          {change.hostname && (
            <span className="t-small c-muted-1 flex-none ml3">
              {change.hostname}
            </span>
          )}
        </li>
      ))}
    </ol>
  )
}

export default HistoryTimeline
