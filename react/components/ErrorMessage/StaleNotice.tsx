import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

import RetryButton from './RetryButton'
import type { Described } from '../../utils/messages'
import { ERROR_MESSAGES } from '../../utils/messages'
import { UNKNOWN_ERROR } from '../../utils/graphqlErrors'
import { own } from '../../utils/own'

interface Props {
  code: string
  // When the data still shown was read.
  readAt: Date | null
  onRetry?: () => void
  retrying?: boolean
  // A panel's own words for some codes (PANEL_ERROR_MESSAGES), as ErrorMessage takes them.
  words?: Record<string, Described>
}

/**
 * A refresh failed while the panel has data from an earlier read: the data stays, with why
 * it could not be updated and when it was read.
 */
function StaleNotice({
  code,
  readAt,
  onRetry,
  retrying = false,
  words,
}: Props) {
  const intl = useIntl()
  const messages = own(ERROR_MESSAGES, code) ?? ERROR_MESSAGES[UNKNOWN_ERROR]
  const title = (words && own(words, code)?.title) ?? messages.title

  return (
    <div
      role="alert"
      className="flex items-center justify-between flex-wrap pa3 mb4 br2 bg-warning--faded t-small lh-copy"
      data-testid="stale-notice"
      data-error-code={code}
    >
      <span className="mr3">
        <FormattedMessage
          id="admin/pick-and-pack.order.stale"
          values={{
            reason: intl.formatMessage({ id: title }),
            time: readAt
              ? intl.formatTime(readAt, {
                  hour: '2-digit',
                  minute: '2-digit',
                  second: '2-digit',
                })
              : '—',
          }}
        />
      </span>
      {messages.action === 'retry' && onRetry && (
        <RetryButton
          variation="tertiary"
          onRetry={onRetry}
          retrying={retrying}
        />
      )}
    </div>
  )
}

export default StaleNotice
