import { readAppSettings } from '../clients/appSettings'
import { acceptsSecret } from '../domain/secrets'
import { WebhookHealthStore } from '../storage/webhookHealth'
import type { Context } from '../typings/context'
import { WebhookError } from './webhookErrors'

function presentedSecret(ctx: Context): string | undefined {
  const header = ctx.get('x-webhook-secret')

  if (header) return header

  const { secret } = ctx.query

  return typeof secret === 'string' && secret ? secret : undefined
}

/** Checks the shared secret before anything else is read. No secret configured: refuse all. */
export async function authenticateWebhook(
  ctx: Context,
  next: () => Promise<void>
) {
  const settings = await readAppSettings(ctx.clients.apps, ctx.vtex)

  if (!settings.webhookSecret) {
    throw new WebhookError(
      401,
      'UNAUTHORIZED',
      'No webhook secret is configured, so every notification is refused. Set "Webhook secret" in the app settings and send the same value in the x-webhook-secret header from Pick and Pack.'
    )
  }

  const presented = presentedSecret(ctx)

  if (!presented) {
    throw new WebhookError(
      401,
      'UNAUTHORIZED',
      'Missing webhook secret. Add the custom header x-webhook-secret (or the query parameter secret) in the Pick and Pack webhook settings.'
    )
  }

  if (!acceptsSecret(presented, settings)) {
    throw new WebhookError(
      401,
      'UNAUTHORIZED',
      'Wrong webhook secret. The secret sent (the x-webhook-secret header, or the query parameter secret) must equal "Webhook secret" in the app settings.'
    )
  }

  ctx.state.settings = settings
  // Refusals further on (400, 403, 503) are thrown: past next(), the notification was accepted.
  await next()

  if (!ctx.get('x-webhook-secret')) {
    // Accepted, but the secret travels in the URL (logged by proxies): the home page warns.
    await new WebhookHealthStore(ctx.clients.vbase).secretInQuery(new Date())
  }
}
