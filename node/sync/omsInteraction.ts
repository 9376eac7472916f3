import type { OmsInteractionState, OrderHistory } from '../domain/history'
import { hasEntry } from '../domain/history'
import type { OmsLanguage } from '../domain/omsStory'
import { INTERACTION_SOURCE, interactionMessage } from '../domain/omsStory'
import { failureCode, shouldSendInteraction } from '../domain/omsSync'
import { describeHttpFailure } from '../domain/upstreamErrors'
import type { OrderRead } from '../storage/historyStore'
import { historyStore } from '../storage/historyStore'
import type { AppDeps } from './deps'

export class NotRecordedYet extends Error {}

/**
 * How long a failed OMS write waits before its first retry (doubling after each further
 * failure): 30 s, or `OMS_SYNC_RETRY_MS` (the local sandbox sets it).
 */
export function omsRetryBaseMs(): number {
  const configured = process.env.OMS_SYNC_RETRY_MS

  if (configured === undefined || configured === '') return 30_000
  const ms = Number(configured)

  return Number.isFinite(ms) && ms >= 0 ? ms : 30_000
}

const withState = (
  history: OrderHistory,
  id: string,
  state: OmsInteractionState
): OrderHistory => ({
  ...history,
  omsInteractions: { ...history.omsInteractions, [id]: state },
})

export type InteractionOutcome = 'sent' | 'failed' | 'skipped'

/**
 * One line in the OMS order's interactions for one recorded change, once as the OMS sees it
 * across redeliveries, replicas and retries: a replica claims the change in the order's
 * document with If-Match before calling the OMS, then marks it sent or failed (with what to
 * do). `skipped`: another replica holds it, it was sent, or its attempts are spent.
 */
export async function sendInteraction(
  deps: AppDeps,
  change: { id: string; orderId: string },
  /**
   * `language`: the line's; `manual`: from the admin's "Send again"; `read`: the order's
   * history as just read.
   */
  {
    language,
    manual = false,
    read,
  }: { language: OmsLanguage; manual?: boolean; read?: OrderRead }
): Promise<InteractionOutcome> {
  const { id, orderId } = change
  const histories = historyStore(deps)
  const now = Date.now()
  let attempts = 0
  let message: string | null = null

  const claimed = await histories.update(
    orderId,
    (history) => {
      // Run again after a conflict, on the newer document: nothing from a try before stays.
      attempts = 0
      message = null
      // Published before its history write: wait for the record (a later delivery finds it).
      if (!hasEntry(history, id)) throw new NotRecordedYet(id)
      const state = history.omsInteractions?.[id]

      if (
        !shouldSendInteraction(state, now, {
          manual,
          retryBaseMs: omsRetryBaseMs(),
        })
      ) {
        return null
      }

      const entry = history.entries.find((candidate) => candidate.id === id)

      if (!entry) return null
      attempts = (state?.attempts ?? 0) + 1
      message = interactionMessage(entry, language)

      return withState(history, id, {
        state: 'sending',
        attempts,
        at: new Date(now).toISOString(),
      })
    },
    read
  )

  if (!claimed || attempts === 0 || message === null) return 'skipped'
  let outcome: OmsInteractionState

  try {
    await deps.clients.omsStory.addInteraction(orderId, {
      source: INTERACTION_SOURCE,
      message,
    })
    outcome = { state: 'sent', attempts, at: new Date().toISOString() }
  } catch (error) {
    const { status } = describeHttpFailure(error)

    outcome = {
      state: 'failed',
      attempts,
      at: new Date().toISOString(),
      lastError: failureCode(status),
    }
  }

  await histories.update(orderId, (history) => withState(history, id, outcome))

  return outcome.state === 'sent' ? 'sent' : 'failed'
}
