/* Starts the local host alone: `npm run start:service` (configured by the environment). */
import './appIdentity'
import { configFromEnv } from './config'
import { startHost } from './server'

async function main() {
  const config = configFromEnv()
  let admin

  // Benchmarks measure the API alone and keep logs off the terminal.
  if (process.env.HOST_NO_ADMIN !== '1')
    try {
      // The admin page is optional for the host: without its bundle the API still runs.
      const { createAdminMiddleware } = await import('../admin/middleware')

      admin = await createAdminMiddleware()
    } catch (error) {
      process.stderr.write(
        `admin page not served: ${
          error instanceof Error ? error.message : String(error)
        }\n`
      )
    }

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
