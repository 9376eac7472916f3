import React from 'react'
import { FormattedMessage } from 'react-intl'

import RetryButton from './RetryButton'
import Heading from '../Heading'
import type { Described } from '../../utils/messages'
import { ERROR_MESSAGES } from '../../utils/messages'
import { SETTINGS_PATH } from '../../utils/orderRoutes'
import { UNKNOWN_ERROR } from '../../utils/graphqlErrors'
import { own } from '../../utils/own'

interface Props {
  code: string
  // The title's level in the page outline: 3 inside a section, 2 when it is the page's content.
  level?: 2 | 3
  onRetry?: () => void
  retrying?: boolean
  // A panel's own title and description for some codes (PANEL_ERROR_MESSAGES); the action
  // stays the code's own.
  words?: Record<string, Described>
}

/**
 * The one place that turns an error code into words and the action that fixes it:
 * settings for a missing or refused key, retry for an unavailable service.
 */
function ErrorMessage({
  code,
  level = 3,
  onRetry,
  retrying = false,
  words,
}: Props) {
  const shared = own(ERROR_MESSAGES, code) ?? ERROR_MESSAGES[UNKNOWN_ERROR]
  const messages = { ...shared, ...(words && own(words, code)) }

  return (
    <div role="alert" className="tc pv6 ph4" data-error-code={code}>
      <Heading level={level} spacing="mt0 mb3">
        <FormattedMessage id={messages.title} />
      </Heading>
      <p className="t-body c-muted-1 mt0 mb5 lh-copy">
        <FormattedMessage id={messages.description} />
      </p>
      {messages.action === 'settings' && (
        // The Admin renders app pages in a frame: settings must open in the top window.
        <a
          href={SETTINGS_PATH}
          target="_top"
          className="c-link link t-body fw5"
        >
          <FormattedMessage id="admin/pick-and-pack.error.openSettings" />
        </a>
      )}
      {messages.action === 'retry' && onRetry && (
        <RetryButton onRetry={onRetry} retrying={retrying} />
      )}
    </div>
  )
}

export default ErrorMessage
