import { AppError } from '../../domain/errors'
import { nonEmpty } from '../../domain/normalize'
import { STATUS_PATTERN } from '../../domain/notification'
import { normalizeStatus } from '../../domain/statuses'
import { historyStore } from '../../storage/historyStore'
import type { Context } from '../../typings/context'
import { toStatusChange } from '../statusChange'

export const MAX_RECENT_PAGE = 100

export async function recentStatusChanges(
  _: unknown,
  args: { first?: number | null; status?: string | null },
  ctx: Context
) {
  const first = args.first ?? 20

  if (!Number.isInteger(first) || first < 1 || first > MAX_RECENT_PAGE) {
    throw new AppError(
      'BAD_USER_INPUT',
      `"first" must be a whole number from 1 to ${MAX_RECENT_PAGE}.`
    )
  }

  // A blank status asks for every status.
  const asked = nonEmpty(args.status?.trim())

  if (asked !== null && !STATUS_PATTERN.test(asked)) {
    throw new AppError(
      'BAD_USER_INPUT',
      '"status" must be a Pick and Pack status such as PICKING.'
    )
  }

  // Stored in one spelling (see parseNotification): asked in any.
  const status = asked === null ? null : normalizeStatus(asked)

  try {
    const recent = await historyStore(ctx).recent(first, status)

    return recent.map(toStatusChange)
  } catch {
    throw new AppError(
      'STORE_UNAVAILABLE',
      'Recent status changes could not be read. Try again in a moment.'
    )
  }
}
