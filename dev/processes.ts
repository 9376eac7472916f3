/*
 * The sandbox's programs as separate processes, as VTEX IO runs them: a store stand-in and
 * several hosts given its URL are replicas of one app. Used by the multi-replica tests and the
 * benchmarks; every process is in its own group and stopped by `stop()`.
 */
import type { ChildProcess } from 'child_process'
import { spawn } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import net from 'net'
import { tmpdir } from 'os'
import path from 'path'

import type { SandboxProgram } from './build'
import { buildSandbox, programPath } from './build'

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()

    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo

      server.close(() => resolve(port))
    })
  })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits (at most 30 s) until `url` answers anything over HTTP. */
export async function waitUntilUp(
  url: string,
  child: ChildProcess,
  what: string
) {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${what} exited (${child.exitCode ?? child.signalCode})`)
    }

    try {
      // eslint-disable-next-line no-await-in-loop
      await fetch(url)

      return
    } catch {
      // eslint-disable-next-line no-await-in-loop
      await sleep(200)
    }
  }

  throw new Error(`${what} did not start within 30 s`)
}

/** A built sandbox program on plain node (as VTEX IO runs compiled code), in its own group. */
export function startProgram(program: SandboxProgram, env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, [programPath(program)], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
    detached: true,
  })
}

export const stopProcess = (child: ChildProcess, signal = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) {
      resolve()

      return
    }

    child.once('exit', () => resolve())
    try {
      process.kill(-child.pid, signal)
    } catch {
      resolve()
    }

    setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL')
      } catch {
        // already gone
      }

      resolve()
    }, 3000).unref()
  })

export interface ReplicaSetOptions {
  hosts: number
  /** Added by the store to every call (VBase and Master Data are remote on VTEX IO). */
  storeLatencyMs?: number
  storeIndexDelayMs?: number
  /** Pick and Pack (auth and APIs) and the OMS; unset: nothing answers there. */
  upstreamURL?: string
  /** The hosts' settings and other variables (PNP_WEBHOOK_SECRET, …). */
  env?: NodeJS.ProcessEnv
}

export interface ReplicaSet {
  storeURL: string
  hostURLs: string[]
  hosts: ChildProcess[]
  /** Stops one host at once, as a replica that dies (SIGKILL: nothing runs after). */
  kill(index: number): Promise<void>
  stop(): Promise<void>
}

/** A store stand-in and `hosts` local hosts over it, each its own process. */
export async function startReplicaSet(
  options: ReplicaSetOptions
): Promise<ReplicaSet> {
  await buildSandbox(['store', 'host'])
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-replicas-'))
  const storePort = await freePort()
  const storeURL = `http://127.0.0.1:${storePort}`
  const upstream = options.upstreamURL ?? 'http://127.0.0.1:9'
  const store = startProgram('store', {
    STORE_PORT: String(storePort),
    DATA_DIR: dataDir,
    STORE_LATENCY_MS: String(options.storeLatencyMs ?? 0),
    STORE_INDEX_DELAY_MS: String(options.storeIndexDelayMs ?? 1000),
  })

  const ports = await Promise.all(
    Array.from({ length: options.hosts }, () => freePort())
  )

  const hostURLs = ports.map((port) => `http://127.0.0.1:${port}`)
  const hosts = ports.map((port) =>
    startProgram('host', {
      PORT: String(port),
      STORE_URL: storeURL,
      PNP_AUTH_URL: upstream,
      PNP_API_URL: upstream,
      PNP_V1_URL: upstream,
      OMS_URL: upstream,
      HOST_NO_ADMIN: '1',
      HOST_QUIET: '1',
      SWEEP_INTERVAL_MS: '0',
      ...options.env,
    })
  )

  const stop = async () => {
    await Promise.all(hosts.map((host) => stopProcess(host)))
    await stopProcess(store)
    rmSync(dataDir, { recursive: true, force: true })
  }

  try {
    await waitUntilUp(`${storeURL}/_store/stats`, store, 'store stand-in')
    await Promise.all(
      hosts.map((host, i) =>
        waitUntilUp(`${hostURLs[i]}/graphql`, host, `host ${i + 1}`)
      )
    )
  } catch (error) {
    await stop()
    throw error
  }

  return {
    storeURL,
    hostURLs,
    hosts,
    kill: (index) => stopProcess(hosts[index], 'SIGKILL'),
    stop,
  }
}
