/** Error codes the GraphQL contract exposes in `extensions.code`. */
export type AppErrorCode =
  | 'NOT_CONFIGURED'
  | 'BAD_USER_INPUT'
  | 'PNP_UNAUTHORIZED'
  | 'PNP_ORDER_NOT_FOUND'
  | 'PNP_UNAVAILABLE'
  /** Pick and Pack answered, but with a body this app cannot read (not a timeout). */
  | 'PNP_BAD_ANSWER'
  | 'OMS_ORDER_NOT_FOUND'
  | 'OMS_UNAVAILABLE'
  /** The OMS refused the app's own credentials (401, 403): a permission, not an outage. */
  | 'OMS_UNAUTHORIZED'
  | 'STORE_UNAVAILABLE'
  | 'SETTINGS_UNAVAILABLE'

/**
 * The only error this app lets out of a client or resolver. It carries a code and a message
 * written for the merchant, nothing else: VTEX's GraphQL error formatter copies an error's own
 * fields into the response and the logs, so an upstream error (with its request config, JWT and
 * Api-Key) must never travel further than the client that caught it.
 */
export class AppError extends Error {
  public readonly code: AppErrorCode
  public readonly extensions: { code: AppErrorCode }

  constructor(code: AppErrorCode, message: string) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.extensions = { code }
  }
}

export const isAppError = (error: unknown): error is AppError =>
  error instanceof AppError

/**
 * Why the webhook refuses a notification (4xx), as the home page's webhook health shows it;
 * the admin words each one (react/components/WebhookHealth, kept equal by a test).
 */
export const REFUSAL_CODES = [
  'INVALID_NOTIFICATION',
  'UNAUTHORIZED',
  'HOSTNAME_MISMATCH',
  'PAYLOAD_TOO_LARGE',
  'METHOD_NOT_ALLOWED',
] as const

export type RefusalCode = (typeof REFUSAL_CODES)[number]
