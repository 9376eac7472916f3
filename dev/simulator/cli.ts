// Runs the simulator from the command line:
//   npx tsx dev/simulator/cli.ts [--port 4010] [--auto 5000]
// Environment: SIM_PORT, SIM_API_KEY, SIM_AUTO_ADVANCE_MS, SIM_WEBHOOK_URL,
// SIM_WEBHOOK_SECRET (sent as header x-webhook-secret), SIM_V1 (off: the
// account is "legacy only", v1 calls answer 403 SHR0007B), SIM_OMS_EVENTS_URL
// (where OMS broadcasts go: a host's /_sandbox/events), SIM_WEBHOOK_DROP (JSON, as
// POST /_sandbox/webhooks/drop takes it: webhooks to lose on purpose).
/* eslint-disable no-console */ // printing is this file's job
import {
  startSimulator,
  type SimulatorOptions,
  type WebhookDropOptions,
} from './index'
import { stopOnSignals } from '../signals'

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name)

  if (i >= 0) return args[i + 1]
  const inline = args.find((a) => a.startsWith(`${name}=`))

  return inline?.slice(name.length + 1)
}

/** SIM_V1: on (default) or off; anything else is refused. */
function v1Switch(value: string | undefined): boolean {
  if (value === undefined || value === '') return true
  const v = value.trim().toLowerCase()

  if (['on', 'true', '1', 'yes'].includes(v)) return true
  if (['off', 'false', '0', 'no'].includes(v)) return false
  throw new Error(`SIM_V1 must be on or off, got "${value}"`)
}

function int(value: string | undefined, what: string): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)

  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`${what} must be a whole number, got "${value}"`)
  }

  return n
}

/** SIM_WEBHOOK_DROP: a JSON object; startSimulator checks its fields as the route does. */
function drops(value: string | undefined): WebhookDropOptions | undefined {
  if (value === undefined || value.trim() === '') return undefined
  let parsed: unknown

  try {
    parsed = JSON.parse(value)
  } catch {
    parsed = undefined
  }

  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      `SIM_WEBHOOK_DROP must be a JSON object such as {"next": 2}, got "${value}"`
    )
  }

  return parsed as WebhookDropOptions
}

export function optionsFrom(
  args: string[],
  env: NodeJS.ProcessEnv
): SimulatorOptions {
  const webhookUrl = env.SIM_WEBHOOK_URL
  const secret = env.SIM_WEBHOOK_SECRET

  return {
    port: int(flag(args, '--port') ?? env.SIM_PORT, 'port') ?? 4010,
    // An empty SIM_API_KEY is unset: the simulator then uses its default key.
    apiKey: env.SIM_API_KEY === '' ? undefined : env.SIM_API_KEY,
    autoAdvanceMs: int(
      flag(args, '--auto') ?? env.SIM_AUTO_ADVANCE_MS,
      'auto-advance interval'
    ),
    webhook: webhookUrl
      ? {
          url: webhookUrl,
          headers: secret ? { 'x-webhook-secret': secret } : {},
        }
      : undefined,
    v1: v1Switch(env.SIM_V1),
    omsEvents: env.SIM_OMS_EVENTS_URL
      ? { url: env.SIM_OMS_EVENTS_URL }
      : undefined,
    webhookDrops: drops(env.SIM_WEBHOOK_DROP),
    log: (line) => console.log(`[simulator] ${line}`),
  }
}

async function main(): Promise<void> {
  const options = optionsFrom(process.argv.slice(2), process.env)
  const sim = await startSimulator(options)

  console.log(`Pick and Pack simulator + OMS sandbox on ${sim.url}`)
  console.log(`  token:    POST ${sim.url}/prod/token {"apiKey": "..."}`)
  console.log(`  tracking: GET  ${sim.url}/prod/picking-tracking/{orderId}`)
  const v1Off = options.v1 === false ? ' — off: legacy only (SIM_V1=off)' : ''

  console.log(
    `  v1:       GET  ${sim.url}/prod/v1/orders/{orderId} (Bearer <JWT>)${v1Off}`
  )
  console.log(`  OMS:      GET  ${sim.url}/api/oms/pvt/orders/{orderId}`)
  console.log(
    `  control:  ${sim.url}/_sandbox/orders (see dev/simulator/README.md)`
  )
  if (!options.webhook) console.log('  webhook:  none (set SIM_WEBHOOK_URL)')
  if (options.webhookDrops) {
    console.log(
      `  dropping: ${JSON.stringify(sim.webhookDrops())} (SIM_WEBHOOK_DROP)`
    )
  }

  console.log('Orders to try:')
  for (const o of sim.orders()) {
    console.log(`  ${o.orderId}  ${o.description}`)
  }

  stopOnSignals('simulator', () => sim.close())
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
