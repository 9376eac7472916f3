import type { RefusalCode } from '../domain/errors'
import { isAppError } from '../domain/errors'
import { StorageError } from '../storage/jsonStore'
import { WebhookHealthStore } from '../storage/webhookHealth'
import type { Context } from '../typings/context'

/** A refusal of the webhook, with a message that tells the merchant what to fix. */
export class WebhookError extends Error {
  /** The Pick and Pack hostname the refused notification named, once it was read and valid. */
  public hostname: string | null = null

  constructor(
    public readonly status: number,
    public readonly code: RefusalCode,
    message: string
  ) {
    super(message)
    this.name = 'WebhookError'
  }

  /** Names the store that sent the refused notification, for the admin's webhook health. */
  public sentFor(hostname: string | null): this {
    this.hostname = hostname

    return this
  }
}

/** Answers `status` with `{ error: { code, message } }`. */
const respond = (
  ctx: Context,
  status: number,
  { code, message }: { code: string; message: string }
) => {
  ctx.status = status
  ctx.set('Cache-Control', 'no-store')
  ctx.body = { error: { code, message } }
}

/**
 * Which notification failed, for the operator who looks for it (its order and transition, when
 * it was read that far): no secret, no header, no other payload field.
 */
const whichNotification = ({ state: { notification, entry } }: Context) => ({
  orderId: notification?.orderId,
  oldStatus: notification?.oldStatus,
  newStatus: notification?.newStatus,
  changeId: entry?.id,
})

/** First in the pipeline: turns every failure into the contract's JSON error answer. */
export async function webhookErrors(ctx: Context, next: () => Promise<void>) {
  try {
    await next()
  } catch (error) {
    if (error instanceof WebhookError) {
      respond(ctx, error.status, error)
      // For the home page's webhook health (rate-limited, best effort, no secret in it).
      await new WebhookHealthStore(ctx.clients.vbase).refused({
        at: new Date().toISOString(),
        status: error.status,
        code: error.code,
        reason: error.message,
        hostname: error.hostname,
      })

      return
    }

    if (error instanceof StorageError) {
      ctx.vtex.logger.error({
        message: 'Pick and Pack notification not stored',
        ...whichNotification(ctx),
        reason: error.message,
      })
      respond(ctx, 503, {
        code: 'STORAGE_UNAVAILABLE',
        message:
          'The notification could not be stored. Sending it again is safe: it is recorded once.',
      })

      return
    }

    if (isAppError(error) && error.code === 'SETTINGS_UNAVAILABLE') {
      ctx.vtex.logger.error({
        message: 'Pick and Pack notification refused: settings unreadable',
      })
      respond(ctx, 503, {
        code: 'SETTINGS_UNAVAILABLE',
        message:
          'The app settings could not be read, so the notification was not checked or stored. Pick and Pack may send it again.',
      })

      return
    }

    // Only the message: an unexpected error may hold request details.
    ctx.vtex.logger.error({
      message: 'Pick and Pack webhook failed',
      ...whichNotification(ctx),
      reason: error instanceof Error ? error.message : String(error),
    })
    respond(ctx, 500, {
      code: 'INTERNAL_ERROR',
      message: 'The notification could not be processed.',
    })
  }
}

export async function methodNotAllowed(ctx: Context) {
  ctx.set('Allow', 'POST, PUT')
  throw new WebhookError(
    405,
    'METHOD_NOT_ALLOWED',
    `The webhook accepts POST or PUT, not ${ctx.method}. Set the method to POST in the Pick and Pack webhook settings.`
  )
}
