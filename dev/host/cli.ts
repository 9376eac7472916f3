/* Starts the local host alone: `npm run start:service` (configured by the environment). */
import './appIdentity'
import { configFromEnv } from './config'
import { loadAdmin } from './loadAdmin'
import { startHost } from './server'

async function main() {
  const config = configFromEnv()
  // Benchmarks measure the API alone and keep logs off the terminal. "Open in OMS" goes to
  // the OMS that OMS_URL names, as with `npm start`.
  const admin =
    process.env.HOST_NO_ADMIN === '1'
      ? undefined
      : await loadAdmin(config.omsURL)

  const host = await startHost({
    ...config,
    admin,
    keep: { logLines: 0 },
    logWrite:
      process.env.HOST_QUIET === '1'
        ? undefined
        : (line) => process.stdout.write(`${line}\n`),
  })

  if (!config.settings.webhookSecret) {
    process.stdout.write(
      'PNP_WEBHOOK_SECRET is not set: the webhook refuses every notification (fail closed).\n'
    )
  }

  process.stdout.write(
    `local host on ${host.url}\n  admin    ${host.url}/admin/app/pick-and-pack\n  graphql  POST ${host.url}/graphql\n  webhook  POST ${host.url}/_v/pick-and-pack/webhook\n`
  )

  const stop = () => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }

  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  process.stderr.write(
    `local host failed to start: ${
      error instanceof Error ? error.message : String(error)
    }\n`
  )
  process.exit(1)
})
