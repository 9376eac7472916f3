import { createServer } from 'http'
import type { AddressInfo, Server } from 'net'
import { inspect } from 'util'

import { pointedAt } from '../../dev/host/pointedClient'
import { localContext } from '../../dev/store/clients'
import { Scheduler } from '../clients/scheduler'
import { sweepSchedule } from '../domain/sweepSchedule'

/*
 * VTEX's Scheduler failing: what the client throws is logged by `@vtex/api` as it is, so it
 * must not carry the request (the app token in its headers, the sweep token in its body).
 */

const APP_TOKEN = 'app-token-that-must-not-leak'
const SWEEP_TOKEN = 'sweep-token-that-must-not-leak'

let server: Server
let status = 500
let url: string

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => res.writeHead(status).end('{"message":"down"}'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

const scheduler = () =>
  new (pointedAt(Scheduler, () => url))(
    { ...localContext('acc'), authToken: APP_TOKEN },
    { retries: 0, timeout: 2000 } as never
  )

const schedule = sweepSchedule({
  account: 'acc',
  workspace: 'master',
  token: SWEEP_TOKEN,
  tokenHeader: 'x-sweep-token',
})

const thrown = async (call: () => Promise<unknown>) => {
  try {
    await call()
  } catch (error) {
    return error
  }

  throw new Error('expected a failure')
}

describe('the Scheduler client', () => {
  it('fails with the status only, never the request and its tokens', async () => {
    status = 500
    for (const error of [
      await thrown(() => scheduler().upsert('vendor.app', schedule)),
      await thrown(() => scheduler().remove('vendor.app', schedule.id)),
    ]) {
      const logged = inspect(error, { depth: 20 })

      expect(String(error)).toMatch(/Scheduler answered 500/)
      expect(logged).not.toContain(APP_TOKEN)
      expect(logged).not.toContain(SWEEP_TOKEN)
    }
  })

  it('takes a schedule already gone as removed', async () => {
    status = 404
    await expect(
      scheduler().remove('vendor.app', schedule.id)
    ).resolves.toBeUndefined()
  })
})
