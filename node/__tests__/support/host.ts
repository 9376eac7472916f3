import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import type { HostConfig } from '../../../dev/host/app'
import type { StartedHost } from '../../../dev/host/server'
import { startHost } from '../../../dev/host/server'

let accounts = 0

/** The local host (the service's real route and resolvers) on a free port with its own data dir. */
export async function startTestHost(
  upstreamURL: string,
  settings: HostConfig['settings']
): Promise<StartedHost & { dataDir: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-test-'))
  const host = await startHost({
    port: 0,
    authURL: upstreamURL,
    apiURL: upstreamURL,
    omsURL: upstreamURL,
    settings,
    dataDir,
    // Settings are cached per account: each host gets its own.
    account: `test${process.pid}x${++accounts}`,
  })

  return {
    ...host,
    dataDir,
    stop: async () => {
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
