// The `npm run notify` command line, as the sandbox prints it. Apart from dev/notify.ts, whose
// own `require.main` check would run it inside any bundle that imported it (dev/start.ts).
import { HOSTNAME as SANDBOX_HOSTNAME } from './simulator/seed'

/** Where `npm run notify` sends without `--url`: `npm start`'s host on its default PORT. */
export const DEFAULT_URL = 'http://127.0.0.1:8080/_v/pick-and-pack/webhook'

/** A shell word: as is when plain, else single-quoted (a chosen secret may hold anything). */
const shellWord = (value: string) =>
  /^[\w.@%+=:,/-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`

/**
 * The `npm run notify` command that reaches this webhook, as the sandbox prints it: `--url`
 * and `--hostname` only where the defaults would miss it (another PORT, another PNP_HOSTNAME).
 */
export function notifyCommand({
  secret,
  webhookURL,
  hostname,
  orderId,
  oldStatus,
  newStatus,
}: {
  secret: string
  webhookURL: string
  hostname: string | undefined
  orderId: string
  oldStatus: string
  newStatus: string
}): string {
  const args = [
    '--order',
    orderId,
    '--old',
    oldStatus,
    '--status',
    newStatus,
    ...(webhookURL === DEFAULT_URL ? [] : ['--url', webhookURL]),
    ...(!hostname || hostname === SANDBOX_HOSTNAME
      ? []
      : ['--hostname', hostname]),
  ]

  return `PNP_WEBHOOK_SECRET=${shellWord(secret)} npm run notify -- ${args
    .map(shellWord)
    .join(' ')}`
}
