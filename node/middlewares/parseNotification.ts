import { text } from 'co-body'

import {
  DATE_FORMATS,
  parseNotification as validate,
} from '../domain/notification'
import type { Context } from '../typings/context'
import { WebhookError } from './webhookErrors'

export const MAX_BODY_BYTES = 32 * 1024

const ACCEPTED_TYPES = /^(application\/(json|[\w.+-]+\+json)|text\/plain)$/i

async function readBody(ctx: Context): Promise<string> {
  const type = (ctx.get('content-type').split(';')[0] ?? '').trim()

  if (type && !ACCEPTED_TYPES.test(type)) {
    throw new WebhookError(
      400,
      'INVALID_NOTIFICATION',
      `Expected a JSON body (Content-Type: application/json), got ${type.slice(
        0,
        60
      )}.`
    )
  }

  try {
    return await text(ctx.req, { limit: MAX_BODY_BYTES, encoding: 'utf8' })
  } catch (error) {
    const { status, type: reason } = error as { status?: number; type?: string }

    if (status === 413 || reason === 'entity.too.large') {
      throw new WebhookError(
        413,
        'PAYLOAD_TOO_LARGE',
        'The notification is larger than 32 KiB. A status change should be a small JSON object.'
      )
    }

    throw new WebhookError(
      400,
      'INVALID_NOTIFICATION',
      'The request body could not be read.'
    )
  }
}

const SETTINGS_PATH = 'Apps › Pick and Pack Tracking › Settings'

/** Why a notification for another hostname is refused, and the two ways to fix it. */
function hostnameRefusal(expected: string, sent: string | null): string {
  if (!sent) {
    return `The notification carries no "hostname", but the app settings accept only notifications for "${expected}". If Pick and Pack does not send a hostname for this store, clear "hostname" in the app settings (${SETTINGS_PATH}).`
  }

  return `This notification is for hostname "${sent}", but the app settings accept only "${expected}". If "${sent}" is this store's Pick and Pack hostname, write it in "hostname" in the app settings (${SETTINGS_PATH}), or clear that field to accept any. If not, the Pick and Pack account "${sent}" sends its notifications here: fix the webhook URL in that account's Pick and Pack webhook settings.`
}

/** Reads and validates the JSON body; the hostname must match the configured one, if any. */
export async function parseNotification(
  ctx: Context,
  next: () => Promise<void>
) {
  const raw = await readBody(ctx)
  let body: unknown

  try {
    body = JSON.parse(raw)
  } catch {
    throw new WebhookError(
      400,
      'INVALID_NOTIFICATION',
      'The body is not valid JSON. Pick and Pack sends {"orderId","oldStatus","newStatus","hostname"}.'
    )
  }

  const parsed = validate(body)

  if (!parsed.ok) {
    throw new WebhookError(400, 'INVALID_NOTIFICATION', parsed.message)
  }

  const expectedHost = ctx.state.settings?.hostname
  const sentHost = parsed.notification.hostname

  if (expectedHost && sentHost?.toLowerCase() !== expectedHost) {
    throw new WebhookError(
      403,
      'HOSTNAME_MISMATCH',
      hostnameRefusal(expectedHost, sentHost)
    ).sentFor(sentHost)
  }

  if (parsed.ignoredDate) {
    // Still accepted (a date is optional): the change is placed by its arrival instead.
    ctx.vtex.logger.warn({
      message: 'Pick and Pack notification date ignored',
      orderId: parsed.notification.orderId,
      field: parsed.ignoredDate,
      expected: DATE_FORMATS,
    })
  }

  ctx.state.notification = parsed.notification
  await next()
}
