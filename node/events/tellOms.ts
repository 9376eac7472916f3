import { readAppSettings } from '../clients/appSettings'
import type { OmsInteractionState, OrderHistory } from '../domain/history'
import { hasEntry } from '../domain/history'
import { isRecord, toText } from '../domain/normalize'
import { INTERACTION_SOURCE, interactionMessage } from '../domain/omsStory'
import { describeHttpFailure } from '../domain/upstreamErrors'
import { HistoryStore } from '../storage/historyStore'
import type { EventContext } from '../typings/context'

/** A claim older than this is taken to belong to a replica that stopped. */
const CLAIM_MS = 60_000
/** An OMS that answered with an error is tried again up to this many times in all. */
const MAX_ATTEMPTS = 5

export class NotRecordedYet extends Error {}

/** Whether this replica should (re)send the interaction now. */
function shouldSend(state: OmsInteractionState | undefined, now: number) {
  if (!state) return true
  if (state.state === 'sent') return false
  if (state.state === 'sending') return now - Date.parse(state.at) > CLAIM_MS
  // A call that timed out may have landed: it is sent once more, and no more than that.
  if (state.lastError === 'timeout') return state.attempts < 2

  return state.attempts < MAX_ATTEMPTS
}

const withState = (
  history: OrderHistory,
  id: string,
  state: OmsInteractionState
): OrderHistory => ({
  ...history,
  omsInteractions: { ...history.omsInteractions, [id]: state },
})

/**
 * `pick-and-pack.status-changed`: one line in the OMS order's interactions per change, once as
 * the OMS sees it across redeliveries and replicas. A replica claims the change in the order's
 * document with If-Match before calling the OMS, then marks it sent (or failed, to be tried
 * again by a later delivery). The setting `omsInteractions` turns this off.
 */
export async function tellOms(ctx: EventContext) {
  const body = isRecord(ctx.body) ? ctx.body : {}
  const id = toText(body.id)
  const orderId = toText(body.orderId)
  const newStatus = toText(body.newStatus)

  if (!id || !orderId || !newStatus) return
  const settings = await readAppSettings(ctx.clients.apps, ctx.vtex)

  if (!settings.omsInteractions) return
  const histories = new HistoryStore(ctx.clients.vbase)
  const now = Date.now()
  let attempts = 0

  const claimed = await histories.update(orderId, (history) => {
    // Published before its history write: wait for the record (a later delivery finds it).
    if (!hasEntry(history, id)) throw new NotRecordedYet(id)
    const state = history.omsInteractions?.[id]

    if (!shouldSend(state, now)) return null
    attempts = (state?.attempts ?? 0) + 1

    return withState(history, id, {
      state: 'sending',
      attempts,
      at: new Date(now).toISOString(),
    })
  })

  if (!claimed || attempts === 0) return
  let outcome: OmsInteractionState

  try {
    await ctx.clients.omsStory.addInteraction(orderId, {
      source: INTERACTION_SOURCE,
      message: interactionMessage(
        { id, orderId, oldStatus: toText(body.oldStatus), newStatus },
        settings.omsLanguage
      ),
    })
    outcome = { state: 'sent', attempts, at: new Date().toISOString() }
  } catch (error) {
    const failure = describeHttpFailure(error)

    // Only the status: the client's error carries the app token.
    outcome = {
      state: 'failed',
      attempts,
      at: new Date().toISOString(),
      lastError: failure.status ? `OMS answered ${failure.status}` : 'timeout',
    }
  }

  await histories.update(orderId, (history) => withState(history, id, outcome))
  if (outcome.state === 'failed') {
    throw new Error(`OMS interaction not sent: ${outcome.lastError}`)
  }
}
