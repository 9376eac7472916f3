import type { OrderHistory } from '../domain/history'
import type { OmsLanguage } from '../domain/omsStory'
import { UNREADABLE, failureCode } from '../domain/omsSync'
import type { OmsTrackingState, TrackingPlan } from '../domain/omsTracking'
import {
  invoicesOf,
  shipmentTrackingOf,
  trackingPlan,
} from '../domain/omsTracking'
import { describeHttpFailure } from '../domain/upstreamErrors'
import type { PickAndPackCredentials } from '../clients/pickAndPack'
import { historyStore } from '../storage/historyStore'
import type { AppDeps } from './deps'

export type TrackingOutcome = 'sent' | 'unchanged' | 'waiting' | 'failed'

const withTracking = (
  history: OrderHistory,
  state: OmsTrackingState
): OrderHistory => ({ ...history, omsTracking: state })

/**
 * Writes the shipment's tracking onto the OMS invoice, then its delivery events, once the order
 * has both a tracking number (Pick and Pack) and an invoice (OMS). Both calls are idempotent:
 * they are sent again whenever the plan changes (a new delivery event) or the last try failed,
 * and never otherwise. What was sent is kept in the order's document (If-Match).
 */
export async function syncInvoiceTracking(
  deps: AppDeps,
  orderId: string,
  {
    credentials,
    language,
  }: { credentials: PickAndPackCredentials; language: OmsLanguage }
): Promise<TrackingOutcome> {
  const histories = historyStore(deps)
  const { pickAndPack, oms } = deps.clients
  const history = await histories.history(orderId)
  let sources

  try {
    const [order, omsOrder] = await Promise.all([
      pickAndPack.getOrderAnyApi(credentials, orderId),
      oms.order(orderId),
    ])

    // v1 orders carry no shipment details: those take calls of their own.
    const shipments =
      order.shipments ??
      (await pickAndPack.getShipments(credentials, orderId).catch(() => []))

    sources = { order, omsOrder, shipments }
  } catch {
    await histories.update(orderId, (current) =>
      withTracking(current, {
        state: 'failed',
        attempts: (current.omsTracking?.attempts ?? 0) + 1,
        at: new Date().toISOString(),
        lastError: UNREADABLE,
      })
    )

    return 'failed'
  }

  const { order, omsOrder, shipments } = sources

  const plan = trackingPlan({
    tracking: shipmentTrackingOf(order, shipments),
    invoices: invoicesOf(omsOrder),
    entries: history.entries,
    currentStatus: history.currentStatus,
    language,
  })

  const previous = history.omsTracking

  if ('wait' in plan) {
    if (previous?.state !== 'sent') {
      await histories.update(orderId, (current) =>
        withTracking(current, {
          state: 'waiting',
          wait: plan.wait,
          attempts: 0,
          at: new Date().toISOString(),
        })
      )
    }

    return 'waiting'
  }

  if (previous?.state === 'sent' && previous.key === plan.key) {
    return 'unchanged'
  }

  const state = await send(deps, orderId, { plan, previous })

  await histories.update(orderId, (current) =>
    // A newer plan sent meanwhile by another replica stays.
    current.omsTracking?.state === 'sent' &&
    current.omsTracking.key !== plan.key &&
    Date.parse(current.omsTracking.at) > Date.parse(state.at)
      ? null
      : withTracking(current, state)
  )

  return state.state === 'sent' ? 'sent' : 'failed'
}

/** Sends `plan`, counting its attempts on from the `previous` try of the same plan. */
async function send(
  deps: AppDeps,
  orderId: string,
  {
    plan,
    previous,
  }: { plan: TrackingPlan; previous: OmsTrackingState | undefined }
): Promise<OmsTrackingState> {
  const attempts =
    previous?.state === 'failed' && previous.key === plan.key
      ? previous.attempts + 1
      : 1

  try {
    await deps.clients.omsStory.updateInvoiceTracking(
      orderId,
      plan.invoiceNumber,
      plan.invoice
    )
    // The OMS takes delivery events only on an invoice that has a tracking number.
    if (plan.delivery.events.length > 0 || plan.delivery.isDelivered) {
      await deps.clients.omsStory.putDeliveryTracking(
        orderId,
        plan.invoiceNumber,
        plan.delivery
      )
    }

    return {
      state: 'sent',
      key: plan.key,
      attempts,
      at: new Date().toISOString(),
    }
  } catch (error) {
    return {
      state: 'failed',
      key: plan.key,
      attempts,
      at: new Date().toISOString(),
      lastError: failureCode(describeHttpFailure(error).status),
    }
  }
}
