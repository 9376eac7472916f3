import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import { DateTime } from '../Format'
import StatusTag from '../StatusTag'
import { useStatusText } from '../../hooks/useStatusText'
import { parseDate } from '../../utils/dates'
import { normalizeStatus } from '../../utils/statuses'
import { own } from '../../utils/own'
import { CHANGE_SOURCE_MESSAGES } from './labels'
import type { HistoryEntry } from './types'

/**
 * When a change happened: its notification's own date, else its arrival. A notification can
 * arrive late (a retry), after changes that happened later.
 */
export const changedAt = (change: HistoryEntry) =>
  change.occurredAt ?? change.receivedAt

/**
 * Newest first. The API sends them oldest first by the same date, so equal dates keep its
 * order (reversed).
 */
export function newestFirst<T extends HistoryEntry>(changes: T[]): T[] {
  return changes
    .map((change, index) => ({
      change,
      index,
      time: parseDate(changedAt(change))?.getTime() ?? 0,
    }))
    .sort((a, b) => b.time - a.time || b.index - a.index)
    .map(({ change }) => change)
}

/**
 * A change the webhook did not deliver (the sweep or the backfill found it, or the order view
 * saw it live), marked so that a merchant can tell a missed notification from a delivered one.
 */
function SourceTag({ source }: { source: string }) {
  const intl = useIntl()

  if (!source || source === 'webhook') return null
  const id = own(CHANGE_SOURCE_MESSAGES, source)

  return (
    <span className="ml3" data-testid="history-source" data-source={source}>
      <Tag size="small" variation="low">
        {id ? intl.formatMessage({ id }) : source}
      </Tag>
    </span>
  )
}

interface Props {
  history: HistoryEntry[]
  // Changes that arrived at the latest read: marked "New".
  fresh?: Set<string>
}

function HistoryTimeline({ history, fresh }: Props) {
  const intl = useIntl()
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
      {newestFirst(history).map((change, i) => {
        const isNew = !!fresh && fresh.has(change.id)

        return (
          <li
            key={change.id || `${change.receivedAt}-${i}`}
            className={`flex items-center pv3 bb b--muted-4 t-body ${
              isNew ? 'bg-warning--faded' : ''
            }`}
            data-testid="history-entry"
            data-new={isNew ? 'true' : undefined}
          >
            <span className="c-muted-1 t-small w-30 flex-none">
              <DateTime value={changedAt(change)} />
            </span>
            <span className="flex-auto flex items-center flex-wrap">
              <span className="c-muted-1 mr3">
                {change.oldStatus
                  ? label(normalizeStatus(change.oldStatus))
                  : '—'}
              </span>
              <span className="c-muted-1 mr3" aria-hidden="true">
                →
              </span>
              <StatusTag
                status={normalizeStatus(change.newStatus)}
                size="small"
              />
              <SourceTag source={change.source} />
              {isNew && (
                <span className="ml3" data-testid="history-new">
                  <Tag size="small" type="warning">
                    {intl.formatMessage({
                      id: 'admin/pick-and-pack.history.new',
                    })}
                  </Tag>
                </span>
              )}
            </span>
            {change.hostname && (
              <span className="t-small c-muted-1 flex-none ml3">
                {change.hostname}
              </span>
            )}
          </li>
        )
      })}
    </ol>
  )
}

export default HistoryTimeline
