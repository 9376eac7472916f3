import { readAppSettings } from '../../clients/appSettings'
import { AppError } from '../../domain/errors'
import { historyStore } from '../../storage/historyStore'
import {
  WebhookHealthStore,
  secretStillInQuery,
} from '../../storage/webhookHealth'
import type { Context } from '../../typings/context'

/** Sweeps and views are listed among recent changes too: the newest notification is among these. */
const RECENT_LOOKED_AT = 10

/** The webhook as the home page shows it: settings (never the secret), last accepted and refused. */
export async function webhookHealth(_: unknown, __: unknown, ctx: Context) {
  const settings = await readAppSettings(ctx.clients.apps, ctx.vtex)

  try {
    const [recent, health] = await Promise.all([
      historyStore(ctx).recent(RECENT_LOOKED_AT, null),
      new WebhookHealthStore(ctx.clients.vbase).read(),
    ])

    const newest = recent.find(
      (entry) => (entry.source ?? 'webhook') === 'webhook'
    )

    const lastReceivedAt = newest?.receivedAt ?? null

    return {
      secretConfigured: !!settings.webhookSecret,
      previousSecretConfigured: !!settings.webhookSecretPrevious,
      hostnameFilter: settings.hostname,
      // The newest change the app recorded from a notification (sweeps and views aside).
      lastReceivedAt,
      // A refusal stored before the hostname was kept has none: null, not absent.
      lastRefused: health.lastRefused && {
        ...health.lastRefused,
        hostname: health.lastRefused.hostname ?? null,
      },
      secretInQueryAt: secretStillInQuery(
        health.secretInQueryAt,
        lastReceivedAt
      )
        ? health.secretInQueryAt
        : null,
    }
  } catch {
    throw new AppError(
      'STORE_UNAVAILABLE',
      "The webhook's state could not be read. Try again in a moment."
    )
  }
}
