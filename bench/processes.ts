import type { ChildProcess } from 'child_process'
import { spawn } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import net from 'net'
import { tmpdir } from 'os'
import path from 'path'

import { API_KEY, SECRET } from './sandbox'
import { buildSandbox, programPath } from '../dev/build'
import type { SandboxProgram } from '../dev/build'

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

async function waitUntilUp(url: string, child: ChildProcess, what: string) {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null)
      throw new Error(`${what} exited with ${child.exitCode}`)
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

function start(program: SandboxProgram, env: NodeJS.ProcessEnv) {
  // Plain node on the built program, as VTEX IO runs compiled code; own process group.
  return spawn(process.execPath, [programPath(program)], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
    detached: true,
  })
}

const stopProcess = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) {
      resolve()

      return
    }

    child.once('exit', () => resolve())
    try {
      process.kill(-child.pid, 'SIGTERM')
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

/**
 * The simulator and the local host as separate processes, as they are in production (the
 * upstream is another machine): the benchmark process only sends requests.
 */
export async function startSandboxProcesses() {
  const [simPort, hostPort] = [await freePort(), await freePort()]
  const simURL = `http://127.0.0.1:${simPort}`
  const hostURL = `http://127.0.0.1:${hostPort}`

  await buildSandbox(['host', 'simulator'])
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-bench-'))
  const simulator = start('simulator', {
    SIM_PORT: String(simPort),
    SIM_API_KEY: API_KEY,
  })

  const host = start('host', {
    PORT: String(hostPort),
    PNP_AUTH_URL: simURL,
    PNP_API_URL: simURL,
    OMS_URL: simURL,
    PNP_API_KEY: API_KEY,
    PNP_ENVIRONMENT: 'prod',
    PNP_WEBHOOK_SECRET: SECRET,
    DATA_DIR: dataDir,
    HOST_NO_ADMIN: '1',
    HOST_QUIET: '1',
  })

  const stop = async () => {
    await Promise.all([stopProcess(simulator), stopProcess(host)])
    rmSync(dataDir, { recursive: true, force: true })
  }

  try {
    await waitUntilUp(`${simURL}/_sandbox/health`, simulator, 'simulator')
    await waitUntilUp(`${hostURL}/graphql`, host, 'local host')
  } catch (error) {
    await stop()
    throw error
  }

  const control = (route: string, body: unknown) =>
    fetch(`${simURL}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((response) => response.json())

  return { simURL, hostURL, dataDir, control, stop }
}
