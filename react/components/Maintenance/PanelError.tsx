import React from 'react'
import { FormattedMessage } from 'react-intl'

import ErrorMessage from '../ErrorMessage'
import RetryButton from '../ErrorMessage/RetryButton'
import Heading from '../Heading'
import type { Panel } from '../../utils/messages'
import { PANEL_ERROR_MESSAGES } from '../../utils/messages'
import { own } from '../../utils/own'

interface Props {
  panel: Panel
  code: string
  onRetry: () => void
  retrying: boolean
}

/**
 * Why a home page panel could not read its state: in the panel's own words where it has them
 * (PANEL_ERROR_MESSAGES, all for codes a retry can fix), laid out as ErrorMessage; else the
 * shared ErrorMessage.
 */
function PanelError({ panel, code, onRetry, retrying }: Props) {
  const words = own(PANEL_ERROR_MESSAGES[panel], code)

  if (!words) {
    return <ErrorMessage code={code} onRetry={onRetry} retrying={retrying} />
  }

  return (
    <div role="alert" className="tc pv6 ph4" data-error-code={code}>
      <Heading level={3} spacing="mt0 mb3">
        <FormattedMessage id={words.title} />
      </Heading>
      <p className="t-body c-muted-1 mt0 mb5 lh-copy">
        <FormattedMessage id={words.description} />
      </p>
      <RetryButton onRetry={onRetry} retrying={retrying} />
    </div>
  )
}

export default PanelError
