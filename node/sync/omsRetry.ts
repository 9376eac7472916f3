import { readAppSettings } from '../clients/appSettings'
import { requireApiKey } from '../domain/settings'
import { interactionsToRetry, shouldRetryTracking } from '../domain/omsSync'
import { historyStore } from '../storage/historyStore'
import { Maintenance } from '../storage/maintenanceStore'
import type { AppDeps } from './deps'
import { omsRetryBaseMs, sendInteraction } from './omsInteraction'
import { syncInvoiceTracking } from './omsInvoiceTracking'

/**
 * Sends again what the OMS has not taken for one order, when due: its failed (or abandoned)
 * interactions and a failed invoice tracking. From the sweep, and from the admin's "Send again" (`manual`,
 * which also lifts the attempt limit on calls the OMS answered with an error). The order's
 * pending mark is cleared once nothing is left to send.
 */
export async function retryOmsStory(
  deps: AppDeps,
  orderId: string,
  manual = false
): Promise<{ retried: number; pending: boolean }> {
  const settings = await readAppSettings(deps.clients.apps, deps.vtex)
  const histories = historyStore(deps)
  const history = await histories.history(orderId)
  let retried = 0
  let failed = false

  if (settings.omsInteractions) {
    for (const id of interactionsToRetry(history, Date.now(), {
      manual,
      retryBaseMs: omsRetryBaseMs(),
    })) {
      // One at a time: each claims the same document with If-Match.
      // eslint-disable-next-line no-await-in-loop
      const outcome = await sendInteraction(
        deps,
        { id, orderId },
        { language: settings.omsLanguage, manual }
      )

      if (outcome !== 'skipped') retried++
      if (outcome === 'failed') failed = true
    }
  }

  if (
    settings.omsTracking &&
    shouldRetryTracking(history.omsTracking, Date.now(), {
      manual,
      retryBaseMs: omsRetryBaseMs(),
    })
  ) {
    const outcome = await syncInvoiceTracking(deps, orderId, {
      credentials: {
        apiKey: requireApiKey(settings),
        environment: settings.environment,
      },
      language: settings.omsLanguage,
    })

    retried++
    if (outcome === 'failed') failed = true
  }

  const left = await histories.history(orderId)
  const pending =
    failed ||
    // Still to be tried later (not due yet, or another replica's claim): keep the mark. What
    // spent its attempts is left to "Send again" in the order view.
    interactionsToRetry(left, Number.MAX_SAFE_INTEGER).length > 0 ||
    shouldRetryTracking(left.omsTracking, Number.MAX_SAFE_INTEGER)

  if (!pending)
    await new Maintenance(deps.clients.vbase).clearOmsPending(orderId)

  return { retried, pending }
}
