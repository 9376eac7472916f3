import { clearSettingsCache } from '../clients/appSettings'
import { authenticateWebhook } from '../middlewares/authenticateWebhook'
import { webhookErrors } from '../middlewares/webhookErrors'
import { eventually } from './support/eventually'
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

const historyOf = (orderId: string) => host.storedHistory(orderId)

const sentChanges = () =>
  host.sentEvents.filter(
    (event) => event.topic === 'pick-and-pack.status-changed'
  )

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
    const [event] = sentChanges()

    expect(sentChanges()).toHaveLength(1)
    expect(event.sender).toBe('pnplabs.pick-and-pack-tracking')
    expect(event.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      orderId: ORDER,
      oldStatus: 'PICKING',
      newStatus: 'READY_FOR_PACKING',
      hostname: HOSTNAME,
      currentStatus: 'READY_FOR_PACKING',
      receivedAt: expect.any(String),
      source: 'webhook',
    })
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
    expect(sentChanges()).toHaveLength(1)
  })

  it('keeps unknown fields and accepts an oldStatus outside the table', async () => {
    await send(
      notification({
        oldStatus: 'PENDING',
        date: '2026-11-20T10:00:00Z',
        carrier: { name: 'X' },
      })
    )
    const stored = await historyOf(ORDER)

    expect(stored?.entries[0].oldStatus).toBe('PENDING')
    expect(stored?.entries[0].extra).toEqual({
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

  it("keeps all of an order's 15 distinct notifications sent at once", async () => {
    const statuses = Array.from({ length: 15 }, (_, i) => `CUSTOM_${i}`)
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
    // Concurrent creations of the order's history overwrite each other; each change's event
    // handler merges its change back from its listing a moment later.
    const keptStatuses = (history: Awaited<ReturnType<typeof historyOf>>) =>
      new Set(history?.entries.map((entry) => entry.newStatus))

    const history = await eventually(
      () => historyOf(ORDER),
      (read) => keptStatuses(read).size === statuses.length
    )

    expect(keptStatuses(history)).toEqual(new Set(statuses))
    expect(sentChanges()).toHaveLength(15)
  })

  it('stores 50 simultaneous copies of one notification once, all events under one id', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => send(notification()).then(answer))
    )

    expect(answers.every((a) => a.status === 200)).toBe(true)
    expect((await historyOf(ORDER))?.entries).toHaveLength(1)
    // Copies that overlap cannot know of each other: each may publish, under the same id.
    expect(
      new Set(sentChanges().map((event) => (event.body as { id: string }).id))
        .size
    ).toBe(1)

    const later = await answer(await send(notification()))

    expect(later.body.duplicate).toBe(true)
  })

  it('answers duplicate: false to one of simultaneous copies of a change, true to the others', async () => {
    // The order's document exists, so that copies meet If-Match (a first creation cannot).
    await send(
      notification({ oldStatus: 'READY_FOR_PICKING', newStatus: 'PICKING' })
    )
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => send(notification()).then(answer))
    )

    expect(answers.map(({ status }) => status)).toEqual(Array(10).fill(200))
    expect(answers.filter(({ body }) => body.duplicate === false)).toHaveLength(
      1
    )
    expect((await historyOf(ORDER))?.entries).toHaveLength(2)
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

describe('webhook: payload dates', () => {
  const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000
  const iso = (time: number) => new Date(time).toISOString()

  it('reads a date in epoch seconds as seconds, so a newer change still moves the order', async () => {
    const picked = minutesAgo(20)
    const packed = Math.floor(minutesAgo(10) / 1000)

    await send(
      notification({
        oldStatus: 'READY_FOR_PICKING',
        newStatus: 'PICKING',
        date: iso(picked),
      })
    )
    const { status } = await answer(
      await send(
        notification({
          oldStatus: 'PICKING',
          newStatus: 'READY_FOR_PACKING',
          date: packed,
        })
      )
    )

    const history = await historyOf(ORDER)

    expect(status).toBe(200)
    expect(history?.currentStatus).toBe('READY_FOR_PACKING')
    expect(
      history?.entries.find((entry) => entry.newStatus === 'READY_FOR_PACKING')
        ?.occurredAt
    ).toBe(iso(packed * 1000))
  })

  it.each([['0'], ['2026-02-30T10:00:00Z'], ['03/12/2026 16:00']])(
    'accepts a change with the unusable date %p, places it by its arrival and says why in the log',
    async (date) => {
      await send(
        notification({
          oldStatus: 'READY_FOR_PICKING',
          newStatus: 'PICKING',
          date: iso(minutesAgo(20)),
        })
      )
      const { status, body } = await answer(
        await send(
          notification({
            oldStatus: 'PICKING',
            newStatus: 'READY_FOR_PACKING',
            date,
          })
        )
      )

      const history = await historyOf(ORDER)
      const entry = history?.entries.find(
        (candidate) => candidate.newStatus === 'READY_FOR_PACKING'
      )

      expect({ status, body }).toEqual({
        status: 200,
        body: { received: true, duplicate: false },
      })
      // Not dated 2000, March 2 or March 12, before the change it follows: it moves the order.
      expect(entry?.occurredAt).toBeNull()
      expect(entry?.extra).toEqual({ date })
      expect(history?.currentStatus).toBe('READY_FOR_PACKING')
      expect(host.logger.lines).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          data: expect.objectContaining({
            message: 'Pick and Pack notification date ignored',
            orderId: ORDER,
            field: 'date',
            expected: expect.stringMatching(/ISO 8601.*epoch seconds/),
          }),
        })
      )
    }
  )
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
    // Both names, and where to fix each case: the app settings or the other account's webhook.
    expect(body.error.message).toMatch(
      /for hostname "otherstore", but the app settings accept only "teststore"/
    )
    expect(body.error.message).toMatch(
      /write it in "hostname" in the app settings \(Apps › Pick and Pack Tracking › Settings\)/
    )
    expect(body.error.message).toMatch(
      /that account's Pick and Pack webhook settings/
    )
  })

  it('answers 403 for a notification without a hostname, saying it has none and how to accept it', async () => {
    const { status, body } = await answer(
      await send(notification({ hostname: undefined }))
    )

    expect(status).toBe(403)
    expect(body.error.code).toBe('HOSTNAME_MISMATCH')
    expect(body.error.message).not.toMatch(/\(none\)/)
    expect(body.error.message).toMatch(
      /carries no "hostname", but the app settings accept only notifications for "teststore"/
    )
    expect(body.error.message).toMatch(/clear "hostname" in the app settings/)
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

  it('answers 503 when storage keeps failing, stores no history, and takes the retry', async () => {
    // The webhook tries its sequence 3 times on store failures: each attempt's history write fails.
    await host.storeFault({
      method: 'PUT',
      path: 'orders/',
      answer: 500,
      times: 3,
    })
    const failed = await answer(await send(notification()))

    expect(failed.status).toBe(503)
    expect(failed.body.error.code).toBe('STORAGE_UNAVAILABLE')
    expect(await historyOf(ORDER)).toBeNull()
    // The operator can tell which notification was lost until Pick and Pack sends it again.
    expect(host.logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        data: expect.objectContaining({
          message: 'Pick and Pack notification not stored',
          orderId: ORDER,
          oldStatus: 'PICKING',
          newStatus: 'READY_FOR_PACKING',
          changeId: expect.stringMatching(/^\w+$/),
        }),
      })
    )
    expect(host.logger.text()).not.toContain(SECRET)

    const retried = await answer(await send(notification()))

    expect(retried).toEqual({
      status: 200,
      body: { received: true, duplicate: false },
    })
    expect((await historyOf(ORDER))?.entries).toHaveLength(1)
    // Published before each history write: the same change id both times.
    expect(
      new Set(sentChanges().map((event) => (event.body as { id: string }).id))
        .size
    ).toBe(1)
  })

  it('answers 200 after a store failure it rode out, listing the change once', async () => {
    await host.storeFault({
      method: 'PUT',
      path: 'recent/',
      answer: 500,
      times: 2,
    })

    expect((await answer(await send(notification()))).status).toBe(200)
    const result = await graphql('{ recentStatusChanges { orderId } }')

    expect(result.data.recentStatusChanges).toEqual([{ orderId: ORDER }])
    expect(sentChanges()).toHaveLength(1)
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

describe('webhook: secret rotation and settings', () => {
  it('accepts the previous secret beside the current one while Pick and Pack is switched', async () => {
    const rotating = await startTestHost('http://127.0.0.1:9', {
      webhookSecret: 'the-new-secret',
      webhookSecretPrevious: SECRET,
    })

    try {
      const post = (secret: string) =>
        fetch(`${rotating.url}/_v/pick-and-pack/webhook`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-webhook-secret': secret,
          },
          body: JSON.stringify(notification()),
        })

      expect((await post(SECRET)).status).toBe(200)
      expect((await post('the-new-secret')).status).toBe(200)
      expect((await post('neither')).status).toBe(401)
    } finally {
      await rotating.stop()
    }
  })

  it('answers a retryable 503 without the Apps error when the settings cannot be read', async () => {
    clearSettingsCache()
    const logged: unknown[] = []
    const ctx = {
      status: 404,
      body: undefined as unknown,
      headers: {} as Record<string, string>,
      set(name: string, value: string) {
        this.headers[name] = value
      },
      clients: {
        apps: {
          getAppSettings: async () => {
            throw Object.assign(new Error('apps down'), {
              config: { headers: { Authorization: 'app-token-secret' } },
            })
          },
        },
      },
      vtex: {
        account: 'unreadable',
        workspace: 'master',
        logger: { error: (line: unknown) => logged.push(line) },
      },
    }

    await webhookErrors(ctx as never, () =>
      authenticateWebhook(ctx as never, async () => undefined)
    )

    expect(ctx.status).toBe(503)
    expect(ctx.body).toEqual({
      error: {
        code: 'SETTINGS_UNAVAILABLE',
        message: expect.stringMatching(/settings could not be read/),
      },
    })
    expect(JSON.stringify([ctx.body, logged])).not.toContain('app-token')
  })
})

describe('webhook: what an unexpected failure logs', () => {
  it('names the notification it was handling (order and transition), and only that', async () => {
    const logged: unknown[] = []
    const ctx = {
      status: 404,
      body: undefined as unknown,
      set: () => undefined,
      state: {
        notification: {
          orderId: ORDER,
          oldStatus: 'PICKING',
          newStatus: 'READY_FOR_PACKING',
          hostname: HOSTNAME,
          occurredAt: null,
          extra: { customer: 'Jane Doe' },
        },
      },
      vtex: { logger: { error: (line: unknown) => logged.push(line) } },
    }

    await webhookErrors(ctx as never, async () => {
      throw new Error('publish failed')
    })

    expect(ctx.status).toBe(500)
    expect(logged).toEqual([
      {
        message: 'Pick and Pack webhook failed',
        orderId: ORDER,
        oldStatus: 'PICKING',
        newStatus: 'READY_FOR_PACKING',
        changeId: undefined,
        reason: 'publish failed',
      },
    ])
  })
})
