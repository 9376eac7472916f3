import { useIntl } from 'react-intl'

import { useStatusText } from '../../hooks/useStatusText'
import { elapsedSince, parseDate } from '../../utils/dates'
import { DRIFT_MESSAGES, OMS_STATUS_MESSAGES } from '../../utils/messages'
import { own } from '../../utils/own'

/**
 * The board's codes in the page's language, shared by the table and the CSV export. A code
 * this page does not know is shown as received.
 */
export function useBoardText() {
  const intl = useIntl()
  const { label: status } = useStatusText()

  return {
    status,

    omsStatus(value: string | null | undefined): string {
      if (!value) return '—'
      const id = own(OMS_STATUS_MESSAGES, value)

      return id ? intl.formatMessage({ id }) : value
    },

    drift(code: string): string {
      const id = own(DRIFT_MESSAGES, code)

      return id ? intl.formatMessage({ id }) : code
    },

    /** "2 h ago", "15 min ago", "3 d ago"; '' when the date does not parse. */
    elapsed(value: string | null | undefined, now: number): string {
      const date = parseDate(value)

      if (!date) return ''
      const elapsed = elapsedSince(date, now)
      const duration =
        elapsed.unit === 'underMinute'
          ? intl.formatMessage({
              id: 'admin/pick-and-pack.duration.underMinute',
            })
          : elapsed.unit === 'minutes'
          ? intl.formatMessage(
              { id: 'admin/pick-and-pack.duration.minutes' },
              { minutes: intl.formatNumber(elapsed.value) }
            )
          : elapsed.unit === 'hours'
          ? intl.formatMessage(
              { id: 'admin/pick-and-pack.duration.hours' },
              { hours: intl.formatNumber(elapsed.value) }
            )
          : intl.formatMessage(
              { id: 'admin/pick-and-pack.duration.days' },
              { days: intl.formatNumber(elapsed.value) }
            )

      return intl.formatMessage(
        { id: 'admin/pick-and-pack.board.elapsed' },
        { duration }
      )
    },
  }
}
