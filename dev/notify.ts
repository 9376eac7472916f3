/*
 * Sends one correctly authenticated status notification to a webhook, the way Pick and Pack
 * does: to try the sandbox, or a linked workspace, before pointing Pick and Pack at it.
 *
 *   npm run notify -- --order 1253881550441-01 --status READY_FOR_PICKING [--old READY_FOR_HANDLING]
 *                     [--hostname sandboxstore (the default)] [--url http://127.0.0.1:8080/_v/pick-and-pack/webhook]
 *                     [--method POST|PUT]
 *
 * The secret comes from PNP_WEBHOOK_SECRET (not a flag: flags end up in shell history).
 */
import { parseNotification } from '../node/domain/notification'
import { DEFAULT_URL } from './notifyCommand'
import { HOSTNAME as SANDBOX_HOSTNAME } from './simulator/seed'

/** What to do about each refusal, in the words of the Pick and Pack webhook settings. */
const HINTS: Record<string, string> = {
  UNAUTHORIZED:
    'PNP_WEBHOOK_SECRET must equal "Webhook secret" in the app settings.',
  HOSTNAME_MISMATCH:
    'Pass --hostname with the hostname set in the app settings.',
  INVALID_NOTIFICATION: 'Check --order and --status.',
  STORAGE_UNAVAILABLE:
    'Nothing was stored; Pick and Pack would retry. Try again in a moment.',
}

export interface NotifyOptions {
  url: string
  method: 'POST' | 'PUT'
  secret: string
  body: Record<string, unknown>
}

export function optionsFrom(
  args: string[],
  env: NodeJS.ProcessEnv
): NotifyOptions | string {
  const flag = (name: string) => {
    const index = args.indexOf(name)

    return index >= 0 ? args.slice(index + 1)[0] : undefined
  }

  const secret = env.PNP_WEBHOOK_SECRET

  if (!secret)
    return 'Set PNP_WEBHOOK_SECRET to the webhook secret of the app settings.'
  const method = (flag('--method') ?? 'POST').toUpperCase()

  if (method !== 'POST' && method !== 'PUT')
    return '--method must be POST or PUT.'
  const url = flag('--url') ?? DEFAULT_URL

  try {
    const { protocol } = new URL(url)

    if (protocol !== 'http:' && protocol !== 'https:') throw new Error(protocol)
  } catch {
    return `--url must be an http(s) URL, got "${url}".`
  }

  const body: Record<string, unknown> = {
    orderId: flag('--order'),
    oldStatus: flag('--old') ?? null,
    newStatus: flag('--status'),
    // The sandbox's store by default: `npm start` accepts only its hostname.
    hostname: flag('--hostname') ?? SANDBOX_HOSTNAME,
    date: new Date().toISOString(),
  }

  // The same validation the webhook applies: a mistake is caught before anything is sent.
  const parsed = parseNotification(body)

  if (!parsed.ok) return parsed.message

  return { url, method, secret, body }
}

export async function notify(options: NotifyOptions) {
  const response = await fetch(options.url, {
    method: options.method,
    headers: {
      'content-type': 'application/json',
      'x-webhook-secret': options.secret,
    },
    body: JSON.stringify(options.body),
    signal: AbortSignal.timeout(15_000),
  })

  const text = await response.text()
  let code: string | undefined

  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code
  } catch {
    code = undefined
  }

  return { status: response.status, text, hint: code ? HINTS[code] : undefined }
}

if (require.main === module) {
  const options = optionsFrom(process.argv.slice(2), process.env)

  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`)
    process.exit(2)
  }

  notify(options).then(
    ({ status, text, hint }) => {
      process.stdout.write(
        `${status} ${text}\n${hint ? `hint: ${hint}\n` : ''}`
      )
      process.exit(status >= 200 && status < 300 ? 0 : 1)
    },
    (error) => {
      process.stderr.write(
        `could not reach ${options.url}: ${
          error instanceof Error ? error.message : String(error)
        }\n`
      )
      process.exit(1)
    }
  )
}
