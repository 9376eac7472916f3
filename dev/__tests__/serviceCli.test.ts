// `npm run start:service` as a person runs it: the built host program with its admin page.
import type { ChildProcess } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import { buildSandbox } from '../build'
import { freePort, startProgram, stopProcess, waitUntilUp } from '../processes'

// The build and the admin bundle take a few seconds.
jest.setTimeout(90_000)

const OMS_URL = 'http://127.0.0.1:9'
let host: ChildProcess
let base: string
let dataDir: string

beforeAll(async () => {
  await buildSandbox(['host'])
  dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-service-cli-'))
  const port = await freePort()

  base = `http://127.0.0.1:${port}`
  host = startProgram('host', {
    PORT: String(port),
    DATA_DIR: dataDir,
    STORE_URL: '',
    PNP_AUTH_URL: OMS_URL,
    PNP_API_URL: OMS_URL,
    PNP_V1_URL: OMS_URL,
    OMS_URL,
    HOST_NO_ADMIN: '',
    HOST_QUIET: '1',
    SWEEP_INTERVAL_MS: '0',
  })
  await waitUntilUp(`${base}/graphql`, host, 'local host')
})

afterAll(async () => {
  await stopProcess(host)
  rmSync(dataDir, { recursive: true, force: true })
})

describe('npm run start:service', () => {
  it("sends the order page's Open in OMS to the OMS given by OMS_URL", async () => {
    const response = await fetch(`${base}/admin/orders/1253881550441-01`, {
      redirect: 'manual',
    })

    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(
      `${OMS_URL}/admin/orders/1253881550441-01`
    )
  })
})
