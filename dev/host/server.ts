import type { Server } from 'http'
import type { AddressInfo } from 'net'

import { settleIndexing } from '../../node/storage/historyStore'
import type { Host, HostConfig } from './app'
import { createHost } from './app'

export interface StartedHost extends Host {
  url: string
  port: number
  server: Server
  close(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

/** Starts the local host; it binds loopback only unless told otherwise, explicitly. */
export async function startHost(
  config: HostConfig & { port: number; bindHost?: string }
): Promise<StartedHost> {
  const bindHost = config.bindHost ?? '127.0.0.1'

  if (!LOOPBACK.has(bindHost) && !config.allowRemote) {
    throw new Error(
      `Refusing to bind ${bindHost}: the local host acts as a signed-in admin for every caller, so it listens on loopback only. Set HOST_ALLOW_REMOTE=1 to override.`
    )
  }

  const host = createHost(config)

  // A data dir that cannot be used is a start-up error, not a failure of the first webhook.
  await host.store.whenReady()
  const server = host.app.listen(config.port, bindHost)

  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${config.port} is already in use: stop what runs there or set PORT.`
            : `Could not listen on ${bindHost}:${config.port}: ${error.message}`
        )
      )
    )
  })

  const { port } = server.address() as AddressInfo

  return {
    ...host,
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      })
      // Recent-index writes follow the answers: let them land before the store closes.
      await settleIndexing()
      await host.store.close()
    },
  }
}
