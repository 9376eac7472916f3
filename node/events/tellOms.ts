import { readAppSettings } from '../clients/appSettings'
import { isRecord, toText } from '../domain/normalize'
import { TRACKING_STATUSES } from '../domain/omsTracking'
import { requireApiKey } from '../domain/settings'
import type { OrderRead } from '../storage/historyStore'
import { Maintenance } from '../storage/maintenanceStore'
import { sendInteraction } from '../sync/omsInteraction'
import { syncInvoiceTracking } from '../sync/omsInvoiceTracking'
import type { EventContext } from '../typings/context'

/**
 * `pick-and-pack.status-changed`: the change's line in the OMS order's interactions and, from
 * invoicing on, the invoice's tracking and delivery. Settings `omsInteractions` and
 * `omsTracking` turn each off. What failed marks the order for the sweep and fails the handler,
 * so that VTEX IO delivers the event again; a redelivery sends only what is still missing.
 */
export async function tellOms(ctx: EventContext, read?: OrderRead) {
  const body = isRecord(ctx.body) ? ctx.body : {}
  const id = toText(body.id)
  const orderId = toText(body.orderId)
  const newStatus = toText(body.newStatus)

  if (!id || !orderId || !newStatus) return
  const settings = await readAppSettings(ctx.clients.apps, ctx.vtex)
  const failures: string[] = []

  if (settings.omsInteractions) {
    // A failure after its claim (writing what the OMS answered) leaves the claim behind: the
    // order's mark lets the sweep take it over once it is stale.
    const outcome = await sendInteraction(
      ctx,
      { id, orderId },
      { language: settings.omsLanguage, read }
    ).catch(() => 'failed' as const)

    if (outcome === 'failed') failures.push('interaction')
  }

  if (
    settings.omsTracking &&
    settings.apiKey &&
    TRACKING_STATUSES.includes(newStatus)
  ) {
    const outcome = await syncInvoiceTracking(ctx, orderId, {
      credentials: {
        apiKey: requireApiKey(settings),
        environment: settings.environment,
      },
      language: settings.omsLanguage,
    }).catch(() => 'failed' as const)

    if (outcome === 'failed') failures.push('invoice tracking')
  }

  if (failures.length === 0) return
  await new Maintenance(ctx.clients.vbase).markOmsPending(orderId)
  // The operator's one clue in the event's failure log: which order and change, and what.
  throw new Error(
    `Not taken by the OMS yet: ${failures.join(
      ', '
    )} of order ${orderId}, change ${id} (${newStatus}). The order is marked for the sweep; a redelivery sends only what is missing.`
  )
}
