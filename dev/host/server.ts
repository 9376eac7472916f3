import type { Server } from 'http'
import type { AddressInfo } from 'net'

import { createStore } from '../store/server'
import type { Host, HostConfig } from './app'
import { SWEEP_PATH, createHost } from './app'

export interface StartedHost extends Host {
  url: string
  port: number
  server: Server
  /** The store this host uses: its own, or the one given by `storeURL`. */
  storeURL: string
  close(): Promise<void>
}

export type StartConfig = Omit<HostConfig, 'storeURL'> & {
  port: number
  bindHost?: string
  /** Unset: the host starts its own store stand-in on a free loopback port over `dataDir`. */
  storeURL?: string
  dataDir?: string
  /** The sandbox's stand-in for VTEX's Scheduler: calls the sweep route this often (0: never). */
  sweepIntervalMs?: number
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])

/** Starts the local host; it binds loopback only unless told otherwise, explicitly. */
export async function startHost(config: StartConfig): Promise<StartedHost> {
  const bindHost = config.bindHost ?? '127.0.0.1'

  if (!LOOPBACK.has(bindHost) && !config.allowRemote) {
    throw new Error(
      `Refusing to bind ${bindHost}: the local host acts as a signed-in admin for every caller, so it listens on loopback only. Set HOST_ALLOW_REMOTE=1 to override.`
    )
  }

  const ownStore = config.storeURL
    ? undefined
    : await createStore({ port: 0, dataDir: config.dataDir ?? '.data' })

  const storeURL = config.storeURL ?? (ownStore as { url: string }).url
  const host = createHost({ ...config, storeURL })
  const server = host.app.listen(config.port, bindHost)

  try {
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
  } catch (error) {
    host.stopEvents()
    await ownStore?.close()
    throw error
  }

  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`

  host.listening(url)
  const stopSweeps = scheduleSweeps(url, config.sweepIntervalMs ?? 0)

  return {
    ...host,
    server,
    port,
    url,
    storeURL,
    close: async () => {
      stopSweeps()
      host.stopEvents()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      })
      await ownStore?.close()
    },
  }
}

/** Calls the host's own sweep route on a timer, one call at a time, as VTEX's Scheduler would. */
function scheduleSweeps(url: string, intervalMs: number): () => void {
  if (!(intervalMs > 0)) return () => undefined
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    fetch(`${url}${SWEEP_PATH}`, {
      method: 'POST',
      signal: AbortSignal.timeout(60_000),
    })
      .then((response) => response.arrayBuffer())
      .catch(() => undefined)
      .finally(() => {
        running = false
      })
  }, intervalMs)

  timer.unref()

  return () => clearInterval(timer)
}
