import React from 'react'
import { FormattedMessage } from 'react-intl'
import { Spinner } from 'vtex.styleguide'

/** A panel's own loading state, so each half of the page can wait on its own. */
function PanelLoading({ messageId }: { messageId: string }) {
  return (
    <div
      className="flex flex-column items-center pv7"
      role="status"
      aria-busy="true"
    >
      <Spinner size={32} />
      <span className="t-small c-muted-1 mt3">
        <FormattedMessage id={messageId} />
      </span>
    </div>
  )
}

export default PanelLoading
