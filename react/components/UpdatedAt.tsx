import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

interface Props {
  /** When the block's data last came back; null: not yet. */
  at: Date | number | null
  testId?: string
}

/** "Updated at 10:32:05", in the page's locale, beside a block that refreshes itself. */
function UpdatedAt({ at, testId = 'updated-at' }: Props) {
  const intl = useIntl()

  if (at === null) return null
  const date = typeof at === 'number' ? new Date(at) : at

  return (
    <span className="t-small c-muted-1" data-testid={testId}>
      <FormattedMessage
        id="admin/pick-and-pack.updatedAt"
        values={{
          time: (
            <time dateTime={date.toISOString()}>
              {intl.formatTime(date, {
                hour: '2-digit',
                minute: '2-digit',
                second: '2-digit',
              })}
            </time>
          ),
        }}
      />
    </span>
  )
}

export default UpdatedAt
