import React from 'react'
import { FormattedMessage } from 'react-intl'

import { ERROR_MESSAGES } from '../../utils/messages'
import { UNKNOWN_ERROR } from '../../utils/graphqlErrors'
import type { ActionFailure } from '../../utils/graphqlErrors'
import { own } from '../../utils/own'

interface Props {
  // What failed, in the page's language ("Could not send again:").
  titleId: string
  failure: ActionFailure
}

/**
 * A failed action (a button's mutation), inline under the button: what failed, the server's
 * own message (or, without one or for a platform code, the words for its code) and the code
 * to quote to support.
 */
function ActionError({ titleId, failure }: Props) {
  const known =
    own(ERROR_MESSAGES, failure.code) ?? ERROR_MESSAGES[UNKNOWN_ERROR]

  // The app's own messages say what to do; the platform's are not written for merchants.
  const message = known.platform ? undefined : failure.message

  return (
    <p
      role="alert"
      className="t-small c-danger mt3 mb0 lh-copy"
      data-error-code={failure.code}
    >
      <FormattedMessage id={titleId} />{' '}
      {message ?? <FormattedMessage id={known.description} />}{' '}
      <span className="c-muted-1">
        <FormattedMessage
          id="admin/pick-and-pack.error.code"
          values={{ code: failure.code }}
        />
      </span>
    </p>
  )
}

export default ActionError
