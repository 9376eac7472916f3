import { normalizeStatus } from '../../utils/statuses'
import type { ItemReconciliation } from './types'

/** What happened to the ordered lines: counted by what Pick and Pack did with each. */
export interface LineSummary {
  total: number
  // Lines Pick and Pack decided on: picked (in full or short), substituted or missing.
  handled: number
  picked: number
  short: number
  substituted: number
  missing: number
  canceled: boolean
}

// OMS states of an order that will not be delivered.
const OMS_CANCELED = ['canceled', 'cancel']

/** A canceled order: its lines are canceled, not missing. */
export function isCanceledOrder(
  pickAndPackStatus: string | null | undefined,
  omsStatus: string | null | undefined
): boolean {
  return (
    (!!pickAndPackStatus &&
      normalizeStatus(pickAndPackStatus) === 'CANCELED') ||
    (!!omsStatus && OMS_CANCELED.includes(omsStatus.trim().toLowerCase()))
  )
}

/**
 * An order fulfilled outside Pick and Pack (IDLE): like a canceled one, its lines will never
 * be picked there, so none is missing.
 */
export function isExternalOrder(
  pickAndPackStatus: string | null | undefined
): boolean {
  return !!pickAndPackStatus && normalizeStatus(pickAndPackStatus) === 'IDLE'
}

/**
 * The ordered lines (an extra item picked but never ordered is not a line of the order) by
 * what became of them.
 */
export function summarizeLines(
  items: ItemReconciliation[],
  canceled: boolean
): LineSummary {
  const summary: LineSummary = {
    total: 0,
    handled: 0,
    picked: 0,
    short: 0,
    substituted: 0,
    missing: 0,
    canceled,
  }

  for (const item of items) {
    if (item.orderedQuantity <= 0) continue
    summary.total += 1

    switch (item.state) {
      case 'COMPLETE':
        summary.picked += 1
        break

      case 'SHORT':
        summary.short += 1
        break

      case 'SUBSTITUTED':
        summary.substituted += 1
        break

      case 'MISSING':
        summary.missing += 1
        break

      case 'PENDING':
        break

      default:
        // A state this page does not know: what was picked says whether it was handled.
        if (item.pickedQuantity > 0) summary.picked += 1
    }
  }

  summary.handled =
    summary.picked + summary.short + summary.substituted + summary.missing

  return summary
}
