// A stopped backfill's failure in the merchant's language, by its code (BackfillStatus
// .lastErrorCode, from node/sync/backfill.ts failureOf). Ids written out literally so that
// every one can be found with grep and is checked against messages/en.json.
import { ERROR_MESSAGES } from '../../utils/messages'
import type { CodedMessage } from '../../utils/failureCodes'
import { httpStatusOf } from '../../utils/failureCodes'
import { own } from '../../utils/own'

/** Codes with words of their own: what happened in the backfill and what to do. */
export const BACKFILL_ERROR_MESSAGES: Record<string, string> = {
  NOT_CONFIGURED:
    'admin/pick-and-pack.maintenance.backfill.error.NOT_CONFIGURED',
  PNP_UNAUTHORIZED:
    'admin/pick-and-pack.maintenance.backfill.error.PNP_UNAUTHORIZED',
  // The shared words speak of "the order", one order: the backfill reads many.
  OMS_UNAVAILABLE:
    'admin/pick-and-pack.maintenance.backfill.error.OMS_UNAVAILABLE',
  LOOKUPS_FAILED:
    'admin/pick-and-pack.maintenance.backfill.error.LOOKUPS_FAILED',
  // The server sends it in lower case; codes are looked up in upper case.
  UNREADABLE: 'admin/pick-and-pack.maintenance.backfill.error.unreadable',
}

// App error codes whose shared description (ERROR_MESSAGES) also reads right for the
// backfill; the others speak of one order or of the Admin user, so get the generic words.
const SHARED_DESCRIPTIONS = new Set([
  'PNP_UNAVAILABLE',
  'PNP_BAD_ANSWER',
  'SETTINGS_UNAVAILABLE',
  'STORE_UNAVAILABLE',
])

// The OMS refused the app's credentials: only these point at the List orders permission. Any
// other status (429, 5xx…) is the OMS being unavailable, and a later resume reads on.
const REFUSED_STATUSES = new Set(['401', '403'])

/**
 * The message of a backfill failure code, or undefined for a code this page does not know:
 * the server's own sentence is shown then.
 */
export function backfillErrorMessage(
  code: string | null | undefined
): CodedMessage | undefined {
  if (!code) return undefined
  const status = httpStatusOf(code)

  if (status) {
    return {
      id: REFUSED_STATUSES.has(status)
        ? 'admin/pick-and-pack.maintenance.backfill.error.http'
        : 'admin/pick-and-pack.maintenance.backfill.error.httpUnavailable',
      values: { status },
    }
  }

  const key = code.trim().toUpperCase()
  const id = own(BACKFILL_ERROR_MESSAGES, key)

  if (id) return { id }

  const shared = own(ERROR_MESSAGES, key)

  if (!shared) return undefined

  return SHARED_DESCRIPTIONS.has(key)
    ? { id: shared.description }
    : {
        id: 'admin/pick-and-pack.maintenance.backfill.error.other',
        values: { code: key },
      }
}
