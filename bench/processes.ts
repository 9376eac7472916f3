import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import { buildSandbox } from '../dev/build'
import {
  freePort,
  startProgram as start,
  stopProcess,
  waitUntilUp,
} from '../dev/processes'
import { API_KEY, SECRET } from './sandbox'

export { freePort }

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
    PNP_V1_URL: simURL,
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
