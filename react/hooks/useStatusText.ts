import { useIntl } from 'react-intl'

import { STATUS_MESSAGES } from '../utils/messages'
import { own } from '../utils/own'
import { firstNonEmpty } from '../utils/text'

/** Localized name and description of a status; an unknown status is shown as it came. */
export function useStatusText() {
  const intl = useIntl()

  return {
    label(status: string | null | undefined): string {
      if (!status) return '—'
      const ids = own(STATUS_MESSAGES, status)

      return ids ? intl.formatMessage({ id: ids.title }) : status
    },
    description(status: string | null | undefined): string {
      const ids = own(STATUS_MESSAGES, status)

      return ids
        ? intl.formatMessage({ id: ids.description })
        : intl.formatMessage(
            { id: 'admin/pick-and-pack.status.unknown.description' },
            { status: firstNonEmpty(status) ?? '—' }
          )
    },
  }
}
