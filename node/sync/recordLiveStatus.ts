import { liveChange } from '../domain/liveStatus'
import type { LiveLook } from '../domain/liveStatus'
import { historyStore } from '../storage/historyStore'
import type { AppDeps } from './deps'
import { publishStatusChange } from './publish'

/**
 * Records Pick and Pack's live status when it is ahead of the recorded one, like a
 * notification (same storage, event, board and OMS story), marked with how it was seen.
 * True when a change was recorded (the order was healed).
 */
export async function recordLiveStatus(
  deps: AppDeps,
  orderId: string,
  live: LiveLook
): Promise<boolean> {
  const histories = historyStore(deps)
  const entry = liveChange(await histories.history(orderId), live, new Date())

  if (!entry) return false
  const result = await histories.record(
    entry,
    publishStatusChange(deps.clients.events)
  )

  return result.isNew
}
