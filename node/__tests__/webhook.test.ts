import { readStoreFiles } from '../../dev/host/fileVBase'
import { settleIndexing } from '../storage/historyStore'
import { startTestHost } from './support/host'

const SECRET = 'webhook-secret-for-tests'
const HOSTNAME = 'teststore'
const ORDER = '1253881550433-01'

type Host = Awaited<ReturnType<typeof startTestHost>>

let host: Host

const notification = (overrides: Record<string, unknown> = {}) => ({
  orderId: ORDER,
  oldStatus: 'PICKING',
  newStatus: 'READY_FOR_PACKING',
  hostname: HOSTNAME,
  ...overrides,
})

function send(
  body: unknown,
  {
    headers = { 'x-webhook-secret': SECRET },
    method = 'POST',
    query = '',
    raw,
  }: {
    headers?: Record<string, string>
    method?: string
    query?: string
    raw?: string
  } = {}
) {
  return fetch(`${host.url}/_v/pick-and-pack/webhook${query}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: method === 'GET' ? undefined : raw ?? JSON.stringify(body),
  })
}

async function answer(response: Response) {
  return { status: response.status, body: await response.json() }
}

const graphql = async (query: string, variables?: object) =>
  (
    await fetch(`${host.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
  ).json()

const historyOf = async (orderId: string) =>
  (
    await host.store.getRawJSON<{
      currentStatus: string
      entries: Array<{ newStatus: string; oldStatus: string }>
    }>('pick-and-pack-history', `orders/${orderId}.json`, true)
  ).data

beforeEach(async () => {
  host = await startTestHost('http://127.0.0.1:9', {
    apiKey: 'unused',
    webhookSecret: SECRET,
    hostname: HOSTNAME,
  })
})

afterEach(async () => {
  await host.stop()
})

describe('webhook: accepted notifications', () => {
  it('stores a notification sent with the x-webhook-secret header and emits the event', async () => {
    const { status, body } = await answer(await send(notification()))

    expect(status).toBe(200)
    expect(body).toEqual({ received: true, duplicate: false })
    expect((await historyOf(ORDER))?.currentStatus).toBe('READY_FOR_PACKING')
    expect(host.events.sent).toHaveLength(1)
    expect(host.events.sent[0].route).toBe('pick-and-pack.status-changed')
  })

  it('accepts the secret as a query parameter and the PUT method', async () => {
    const { status } = await answer(
      await send(notification(), {
        headers: {},
        query: `?secret=${SECRET}`,
        method: 'PUT',
      })
    )

    expect(status).toBe(200)
  })

  it('records a redelivery once and says it was a duplicate', async () => {
    const first = await answer(await send(notification()))
    const second = await answer(await send(notification()))

    expect(first.body.duplicate).toBe(false)
    expect(second).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    })
    expect((await historyOf(ORDER))?.entries).toHaveLength(1)
    expect(host.events.sent).toHaveLength(1)
  })

  it('keeps unknown fields and accepts an oldStatus outside the table', async () => {
    await send(
      notification({
        oldStatus: 'PENDING',
        date: '2026-11-20T10:00:00Z',
        carrier: { name: 'X' },
      })
    )
    const stored = await host.store.getRawJSON<{
      entries: Array<{ extra: Record<string, unknown>; oldStatus: string }>
    }>('pick-and-pack-history', `orders/${ORDER}.json`)

    expect(stored.data?.entries[0].oldStatus).toBe('PENDING')
    expect(stored.data?.entries[0].extra).toEqual({
      date: '2026-11-20T10:00:00Z',
      carrier: { name: 'X' },
    })
  })

  it('never moves the current status backwards on a late notification', async () => {
    await send(
      notification({ oldStatus: 'PACKING', newStatus: 'READY_FOR_INVOICING' })
    )
    await send(
      notification({ oldStatus: 'READY_FOR_PICKING', newStatus: 'PICKING' })
    )
    const history = await historyOf(ORDER)

    expect(history?.entries).toHaveLength(2)
    expect(history?.currentStatus).toBe('READY_FOR_INVOICING')
  })

  it('keeps all of 100 distinct notifications for one order sent at once', async () => {
    const statuses = Array.from({ length: 100 }, (_, i) => `CUSTOM_${i}`)
    const answers = await Promise.all(
      statuses.map((status, i) =>
        send(
          notification({
            oldStatus: null,
            newStatus: status,
            date: new Date(Date.UTC(2026, 10, 20, 0, 0, i)).toISOString(),
          })
        )
      )
    )

    expect(answers.map((response) => response.status)).toEqual(
      statuses.map(() => 200)
    )
    const history = await historyOf(ORDER)

    expect(new Set(history?.entries.map((entry) => entry.newStatus))).toEqual(
      new Set(statuses)
    )
    expect(host.events.sent).toHaveLength(100)
  })

  it('serves exactly what it wrote to disk after a burst (no saved document changes later)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        send(
          notification({
            orderId: `${1253881550400 + (i % 6)}-01`,
            oldStatus: null,
            newStatus: `CUSTOM_${i}`,
            date: new Date(Date.UTC(2026, 10, 20, 0, 0, i)).toISOString(),
          })
        )
      )
    )

    expect(answers.every((response) => response.status === 200)).toBe(true)
    // The recent index follows the answers: read the disk once its writes have landed.
    await settleIndexing()
    const files = readStoreFiles(host.dataDir)

    // 6 order histories and the recent shards.
    expect(files.size).toBeGreaterThanOrEqual(7)
    for (const [key, content] of files) {
      const slash = key.indexOf('/')
      // eslint-disable-next-line no-await-in-loop
      const { data } = await host.store.getRawJSON(
        key.slice(0, slash),
        key.slice(slash + 1)
      )

      expect(JSON.stringify(data)).toBe(content)
    }
  })

  it('stores 50 simultaneous copies of one notification once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => send(notification()).then(answer))
    )

    expect(answers.every((a) => a.status === 200)).toBe(true)
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1)
    expect((await historyOf(ORDER))?.entries).toHaveLength(1)
  })

  it('lists the change in recentStatusChanges and in the order history through GraphQL', async () => {
    await send(notification())
    await send(
      notification({
        orderId: '2000000000001-01',
        oldStatus: 'PACKING',
        newStatus: 'READY_FOR_INVOICING',
      })
    )
    const result = await graphql(
      '{ recentStatusChanges(first: 5, status: "READY_FOR_INVOICING") { orderId newStatus receivedAt } }'
    )

    expect(result.data.recentStatusChanges).toEqual([
      expect.objectContaining({
        orderId: '2000000000001-01',
        newStatus: 'READY_FOR_INVOICING',
      }),
    ])
  })
})

describe('webhook: refusals', () => {
  it('answers 401 without a secret and 401 with a wrong one, and stores nothing', async () => {
    const missing = await answer(await send(notification(), { headers: {} }))
    const wrong = await answer(
      await send(notification(), { headers: { 'x-webhook-secret': 'nope' } })
    )

    expect(missing.status).toBe(401)
    expect(missing.body.error.code).toBe('UNAUTHORIZED')
    expect(missing.body.error.message).toMatch(/x-webhook-secret/)
    expect(wrong.status).toBe(401)
    expect(await historyOf(ORDER)).toBeNull()
  })

  it('refuses everything when no secret is configured (fail closed)', async () => {
    const open = await startTestHost('http://127.0.0.1:9', { apiKey: 'x' })

    try {
      const response = await fetch(`${open.url}/_v/pick-and-pack/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-secret': '' },
        body: JSON.stringify(notification()),
      })

      expect(response.status).toBe(401)
      expect((await response.json()).error.message).toMatch(
        /No webhook secret is configured/
      )
    } finally {
      await open.stop()
    }
  })

  it.each([
    ['not JSON', '{"orderId": '],
    ['an array', '[]'],
    ['a missing orderId', JSON.stringify({ newStatus: 'PICKING' })],
    [
      'a path in orderId',
      JSON.stringify(notification({ orderId: '../../etc/passwd' })),
    ],
    ['a missing newStatus', JSON.stringify({ orderId: ORDER })],
    ['a numeric newStatus', JSON.stringify(notification({ newStatus: 42 }))],
  ])('answers 400 for %s', async (_, raw) => {
    const { status, body } = await answer(await send(null, { raw }))

    expect(status).toBe(400)
    expect(body.error.code).toBe('INVALID_NOTIFICATION')
    expect(body.error.message.length).toBeGreaterThan(10)
  })

  it('answers 400 for a form-encoded body', async () => {
    const { status } = await answer(
      await send(null, {
        raw: 'orderId=1',
        headers: {
          'x-webhook-secret': SECRET,
          'content-type': 'application/x-www-form-urlencoded',
        },
      })
    )

    expect(status).toBe(400)
  })

  it("answers 403 for another store's hostname", async () => {
    const { status, body } = await answer(
      await send(notification({ hostname: 'otherstore' }))
    )

    expect(status).toBe(403)
    expect(body.error.code).toBe('HOSTNAME_MISMATCH')
  })

  it('answers 413 for a body over 32 KiB', async () => {
    const { status, body } = await answer(
      await send(notification({ padding: 'x'.repeat(33 * 1024) }))
    )

    expect(status).toBe(413)
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('answers 405 with a JSON error for other methods', async () => {
    const response = await send(null, { method: 'GET' })

    expect(response.status).toBe(405)
    expect((await response.json()).error.code).toBe('METHOD_NOT_ALLOWED')
  })

  it('answers 503 when storage fails, writes nothing, and takes the retry', async () => {
    host.store.setFaults({ failWrites: 1 })
    const failed = await answer(await send(notification()))

    expect(failed.status).toBe(503)
    expect(failed.body.error.code).toBe('STORAGE_UNAVAILABLE')
    expect(await historyOf(ORDER)).toBeNull()
    expect(host.events.sent).toHaveLength(0)

    const retried = await answer(await send(notification()))

    expect(retried).toEqual({
      status: 200,
      body: { received: true, duplicate: false },
    })
    expect((await historyOf(ORDER))?.entries).toHaveLength(1)
  })

  it('answers 200 once the history is stored and retries the recent index when only it failed', async () => {
    host.store.setFaults({ failWrites: 0 })
    // The order document is written first; fail the second write (the recent index) once.
    const original = host.store.saveJSON
    let calls = 0

    host.store.saveJSON = (async (...args: Parameters<typeof original>) => {
      calls++
      if (calls === 2)
        throw Object.assign(new Error('down'), { response: { status: 500 } })

      return original(...args)
    }) as typeof original

    expect((await answer(await send(notification()))).status).toBe(200)
    const result = await graphql('{ recentStatusChanges { orderId } }')

    host.store.saveJSON = original
    expect(result.data.recentStatusChanges).toEqual([{ orderId: ORDER }])
    expect(calls).toBeGreaterThanOrEqual(3)
    expect(host.events.sent).toHaveLength(1)
  })

  it('never writes the secret into a response or a log line', async () => {
    await send(notification())
    await send(notification(), {
      headers: { 'x-webhook-secret': `${SECRET}x` },
    })
    await send(notification(), { headers: {}, query: `?secret=${SECRET}` })

    expect(host.logger.text()).not.toContain(SECRET)
  })
})
