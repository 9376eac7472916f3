import React from 'react'
import { useIntl } from 'react-intl'

import { useBoardText } from '../Board/useBoardText'
import { parseDate } from '../../utils/dates'
import { firstNonEmpty } from '../../utils/text'

/** "5 min ago", with the full date and time on hover; an unparsable date as it came. */
function When({ value, now }: { value: string | null; now: number }) {
  const intl = useIntl()
  const { elapsed } = useBoardText()
  const date = parseDate(value)

  if (!date) return <>{firstNonEmpty(value) ?? '—'}</>

  return (
    <time
      dateTime={date.toISOString()}
      title={intl.formatDate(date, {
        day: '2-digit',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })}
    >
      {elapsed(value, now)}
    </time>
  )
}

export default When
