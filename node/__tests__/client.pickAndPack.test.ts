import http from 'http'
import type { AddressInfo } from 'net'

import type { IOContext } from '@vtex/api'

import { PickAndPack } from '../clients/pickAndPack'
import type { PickAndPackCredentials } from '../clients/pickAndPack'
import { TokenCache } from '../clients/tokenCache'
import { AppError } from '../domain/errors'
import type { AppErrorCode } from '../domain/errors'
import type { RetryPolicy } from '../domain/retry'

const byText = (a: string, b: string) => a.localeCompare(b)

const ORDER_ID = '1253881550433-01'
const API_KEY = 'pnp-apikey-SECRET-aaaa1111'
const OTHER_KEY = 'pnp-apikey-SECRET-bbbb2222'
const WRONG_KEY = 'pnp-apikey-SECRET-wrong999'
const START = Date.UTC(2026, 10, 20, 9, 0)

// The request context the IO runtime would give, with a no-op logger and an unsampled tracer:
// stubs of @vtex/api's classes, hence the cast.
const ioContext = {
  account: 'test',
  workspace: 'master',
  authToken: 'app-token',
  region: 'local',
  production: false,
  route: { id: 'graphql', params: {} },
  userAgent: 'test',
  requestId: 'r',
  operationId: 'o',
  platform: 'vtex',
  products: [],
  logger: { info() {}, warn() {}, error() {}, debug() {} },
  tracer: { isTraceSampled: false },
} as unknown as IOContext

// ---------------------------------------------------------------------------------------------
// A small Pick and Pack upstream that follows the documented contract.

type Planned =
  | { status: number; body: unknown }
  | { status: number; raw: string }
  | 'hang'

interface IssuedToken {
  apiKey: string
  environment: string
}

const defaultTrackingData = () => ({
  hostname: 'mystore',
  fulfillmentStatus: 'ON_ROUTE',
  pickedItems: [
    {
      image: 'https://img.example/banana.png',
      sellingPrice: '10.50',
      ean: '7891000000011',
      quantity: '2',
      name: 'Banana 1kg',
      id: '1',
      refId: 'BAN-1',
      categories: [{ name: 'Fruit', id: 10 }],
    },
  ],
  shipping: {
    trackingId: 'TRK-88',
    trackingStatus: 'ON_ROUTE',
    services: [
      {
        serviceId: 'S1',
        agent: 'Ana Driver',
        vehicle: 'BIKE',
        courier: 'FastCourier',
        trackingUrl: 'https://track.example/88',
        serviceStatus: 'ON_ROUTE',
        evidences: 'https://img.example/e1.png',
        createdAt: '2026-11-20T10:00:00Z',
      },
    ],
  },
})

const upstream = {
  clock: START,
  validKeys: new Set([API_KEY, OTHER_KEY]),
  tokens: new Map<string, IssuedToken>(),
  revoked: new Set<string>(),
  refuseEveryToken: false,
  serial: 0,
  tokenRequests: [] as Array<{ url: string; body: string }>,
  trackingRequests: [] as Array<{ url: string; authorization?: string }>,
  tokenPlan: [] as Planned[],
  trackingPlan: [] as Planned[],
  latencyMs: 0,
  trackingData: {} as Record<string, unknown>,
  timers: new Set<NodeJS.Timeout>(),
  hung: new Set<http.ServerResponse>(),
  reset() {
    this.clock = START
    this.tokens.clear()
    this.revoked.clear()
    this.refuseEveryToken = false
    this.tokenRequests = []
    this.trackingRequests = []
    this.tokenPlan = []
    this.trackingPlan = []
    this.latencyMs = 0
    this.trackingData = defaultTrackingData()
    this.releaseHung()
  },
  releaseHung() {
    for (const res of this.hung) res.destroy()
    this.hung.clear()
  },
  revokeAll() {
    for (const token of this.tokens.keys()) this.revoked.add(token)
  },
  issuedTokens() {
    return [...this.tokens.keys()]
  },
}

const base64url = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url')

function mintToken(issued: IssuedToken) {
  upstream.serial += 1
  const token = [
    base64url({ alg: 'HS256', typ: 'JWT' }),
    base64url({
      exp: Math.floor(upstream.clock / 1000) + 15 * 60,
      n: upstream.serial,
      env: issued.environment,
    }),
    `signature${upstream.serial}`,
  ].join('.')

  upstream.tokens.set(token, issued)

  return token
}

function send(res: http.ServerResponse, planned: Planned) {
  if (planned === 'hang') {
    upstream.hung.add(res)
    res.on('close', () => upstream.hung.delete(res))

    return
  }

  res.statusCode = planned.status
  res.setHeader('content-type', 'application/json')
  res.end('raw' in planned ? planned.raw : JSON.stringify(planned.body))
}

const unauthorized = {
  status: 401,
  body: { message: 'Internal server', code: 1000 },
}

function answer(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string
) {
  const url = req.url ?? ''
  const tokenMatch = /^\/(prod|dev)\/token$/.exec(url)
  const trackingMatch = /^\/(prod|dev)\/picking-tracking\/([^/?]+)$/.exec(url)

  if (req.method === 'POST' && tokenMatch) {
    upstream.tokenRequests.push({ url, body })
    const planned = upstream.tokenPlan.shift()

    if (planned) return send(res, planned)
    let apiKey: unknown

    try {
      apiKey = JSON.parse(body).apiKey
    } catch {
      return send(res, {
        status: 400,
        body: { message: 'Bad body', code: 1003 },
      })
    }

    if (typeof apiKey !== 'string' || !upstream.validKeys.has(apiKey)) {
      return send(res, unauthorized)
    }

    return send(res, {
      status: 200,
      body: {
        message: 'success',
        data: mintToken({ apiKey, environment: tokenMatch[1] }),
      },
    })
  }

  if (req.method === 'GET' && trackingMatch) {
    const { authorization } = req.headers

    upstream.trackingRequests.push({ url, authorization })
    const issued = authorization
      ? upstream.tokens.get(authorization)
      : undefined

    if (
      !authorization ||
      !issued ||
      issued.environment !== trackingMatch[1] ||
      upstream.revoked.has(authorization) ||
      upstream.refuseEveryToken
    ) {
      return send(res, unauthorized)
    }

    const planned = upstream.trackingPlan.shift()

    if (planned) return send(res, planned)

    return send(res, {
      status: 200,
      body: {
        message: 'OK',
        data: {
          orderId: decodeURIComponent(trackingMatch[2]),
          ...upstream.trackingData,
        },
      },
    })
  }

  return send(res, {
    status: 404,
    body: { message: 'Resource not found', code: 1001 },
  })
}

const server = http.createServer((req, res) => {
  let body = ''

  req.on('data', (chunk) => {
    body += String(chunk)
  })
  req.on('end', () => {
    if (upstream.latencyMs > 0) {
      const timer = setTimeout(() => {
        upstream.timers.delete(timer)
        answer(req, res, body)
      }, upstream.latencyMs)

      upstream.timers.add(timer)
    } else {
      answer(req, res, body)
    }
  })
})

let url = ''

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  upstream.releaseHung()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

beforeEach(() => upstream.reset())

afterEach(() => {
  for (const timer of upstream.timers) clearTimeout(timer)
  upstream.timers.clear()
  upstream.releaseHung()
})

// ---------------------------------------------------------------------------------------------

const credentials: PickAndPackCredentials = {
  apiKey: API_KEY,
  environment: 'prod',
}

function makeClient(
  options: {
    retryPolicy?: RetryPolicy
    authBaseURL?: string
    apiBaseURL?: string
  } = {}
) {
  const tokenCache = new TokenCache(() => upstream.clock)
  const client = new PickAndPack(ioContext, {
    authBaseURL: options.authBaseURL ?? url,
    apiBaseURL: options.apiBaseURL ?? url,
    tokenCache,
    retryPolicy: options.retryPolicy ?? { retries: 2, baseDelayMs: 5 },
  })

  return { client, tokenCache }
}

/** Awaits a rejection and checks that it is a bare AppError that leaks no secret. */
async function expectSafeFailure(
  promise: Promise<unknown>,
  code: AppErrorCode
) {
  let caught: unknown

  try {
    await promise
  } catch (error) {
    caught = error
  }

  expect(caught).toBeInstanceOf(AppError)
  const error = caught as AppError

  expect(error.code).toBe(code)
  expect(error.extensions).toEqual({ code })
  expect(Object.keys(error).sort(byText)).toEqual([
    'code',
    'extensions',
    'name',
  ])
  expect(
    Object.getOwnPropertyNames(error)
      .filter((name) => name !== 'stack')
      .sort(byText)
  ).toEqual(['code', 'extensions', 'message', 'name'])

  const secrets = [API_KEY, OTHER_KEY, WRONG_KEY, ...upstream.issuedTokens()]
  const surfaces = [
    JSON.stringify(error),
    error.message,
    String(error.stack),
    Object.keys(error).join(','),
    JSON.stringify(error.extensions),
  ]

  for (const surface of surfaces) {
    expect(surface).not.toContain('app-token')
    for (const secret of secrets) {
      expect(surface).not.toContain(secret)
      // The JWT's signature part alone identifies it too.
      expect(surface).not.toContain(secret.split('.').pop() as string)
    }
  }

  return error
}

describe('PickAndPack client against a contract upstream', () => {
  it('fetches an order: token, then tracking with the raw JWT, numbers normalised', async () => {
    const { client } = makeClient()
    const order = await client.getOrder(credentials, ORDER_ID)

    expect(upstream.tokenRequests).toEqual([
      { url: '/prod/token', body: JSON.stringify({ apiKey: API_KEY }) },
    ])
    expect(upstream.trackingRequests).toHaveLength(1)
    const [tracking] = upstream.trackingRequests

    expect(tracking.url).toBe(`/prod/picking-tracking/${ORDER_ID}`)
    expect(tracking.authorization).toBe(upstream.issuedTokens()[0])
    expect(tracking.authorization).not.toMatch(/^Bearer /)

    expect(order).toMatchObject({
      source: 'LEGACY',
      orderId: ORDER_ID,
      hostname: 'mystore',
      fulfillmentStatus: 'ON_ROUTE',
      pickedItems: [
        {
          id: '1',
          refId: 'BAN-1',
          ean: '7891000000011',
          name: 'Banana 1kg',
          quantity: 2,
          sellingPrice: 10.5,
          image: 'https://img.example/banana.png',
          categories: [{ id: '10', name: 'Fruit' }],
        },
      ],
      shipping: {
        trackingId: 'TRK-88',
        trackingStatus: 'ON_ROUTE',
        services: [
          {
            serviceId: 'S1',
            agent: 'Ana Driver',
            vehicle: 'BIKE',
            courier: 'FastCourier',
            trackingUrl: 'https://track.example/88',
            serviceStatus: 'ON_ROUTE',
            evidences: 'https://img.example/e1.png',
            createdAt: '2026-11-20T10:00:00Z',
          },
        ],
      },
    })
  })

  it('uses the dev environment in both paths', async () => {
    const { client } = makeClient()

    await client.getOrder({ apiKey: API_KEY, environment: 'dev' }, ORDER_ID)
    expect(upstream.tokenRequests.map((r) => r.url)).toEqual(['/dev/token'])
    expect(upstream.trackingRequests.map((r) => r.url)).toEqual([
      `/dev/picking-tracking/${ORDER_ID}`,
    ])
  })

  it('keeps an unknown status and tolerates missing arrays', async () => {
    upstream.trackingData = { fulfillmentStatus: 'SOMETHING_NEW' }
    const { client } = makeClient()
    const order = await client.getOrder(credentials, ORDER_ID)

    expect(order).toMatchObject({
      source: 'LEGACY',
      orderId: ORDER_ID,
      hostname: null,
      fulfillmentStatus: 'SOMETHING_NEW',
      pickedItems: [],
      shipping: null,
    })
  })

  it('shares one token request between 100 concurrent cold calls', async () => {
    upstream.latencyMs = 20
    const { client } = makeClient()
    const orders = await Promise.all(
      Array.from({ length: 100 }, () => client.getOrder(credentials, ORDER_ID))
    )

    expect(upstream.tokenRequests).toHaveLength(1)
    expect(upstream.trackingRequests).toHaveLength(100)
    expect(
      new Set(upstream.trackingRequests.map((r) => r.authorization)).size
    ).toBe(1)
    expect(
      orders.every((order) => order.fulfillmentStatus === 'ON_ROUTE')
    ).toBe(true)
  })

  it('reuses the token until a minute before it expires, then fetches a new one', async () => {
    const { client } = makeClient()

    await client.getOrder(credentials, ORDER_ID)
    upstream.clock = START + 14 * 60_000 - 1
    await client.getOrder(credentials, ORDER_ID)
    expect(upstream.tokenRequests).toHaveLength(1)

    upstream.clock = START + 14 * 60_000
    await client.getOrder(credentials, ORDER_ID)
    expect(upstream.tokenRequests).toHaveLength(2)
    const [first, second] = upstream.trackingRequests
      .slice(1)
      .map((r) => r.authorization)

    expect(second).not.toBe(first)
    expect(second).toBe(upstream.issuedTokens()[1])
  })

  it('never reuses a token across Api-Keys or environments', async () => {
    const { client } = makeClient()

    await client.getOrder(credentials, ORDER_ID)
    await client.getOrder({ apiKey: OTHER_KEY, environment: 'prod' }, ORDER_ID)
    await client.getOrder({ apiKey: API_KEY, environment: 'dev' }, ORDER_ID)

    expect(
      upstream.tokenRequests.map((r) => [r.url, JSON.parse(r.body).apiKey])
    ).toEqual([
      ['/prod/token', API_KEY],
      ['/prod/token', OTHER_KEY],
      ['/dev/token', API_KEY],
    ])
    const used = upstream.trackingRequests.map((r) =>
      upstream.tokens.get(r.authorization as string)
    )

    expect(used).toEqual([
      { apiKey: API_KEY, environment: 'prod' },
      { apiKey: OTHER_KEY, environment: 'prod' },
      { apiKey: API_KEY, environment: 'dev' },
    ])

    // Each key keeps its own cached token.
    await client.getOrder(credentials, ORDER_ID)
    expect(upstream.tokenRequests).toHaveLength(3)
  })

  it('drops a refused token, fetches a new one and retries once', async () => {
    const { client } = makeClient()

    await client.getOrder(credentials, ORDER_ID)
    upstream.revokeAll()
    const order = await client.getOrder(credentials, ORDER_ID)

    expect(order.fulfillmentStatus).toBe('ON_ROUTE')
    expect(upstream.tokenRequests).toHaveLength(2)
    expect(upstream.trackingRequests).toHaveLength(3)
    const tokens = upstream.issuedTokens()

    expect(upstream.trackingRequests.map((r) => r.authorization)).toEqual([
      tokens[0],
      tokens[0],
      tokens[1],
    ])

    // The new token is cached from now on.
    await client.getOrder(credentials, ORDER_ID)
    expect(upstream.tokenRequests).toHaveLength(2)
  })

  it('fetches one new token when many calls hit a revoked token at once', async () => {
    const { client } = makeClient()

    await client.getOrder(credentials, ORDER_ID)
    upstream.revokeAll()
    upstream.latencyMs = 10
    await Promise.all(
      Array.from({ length: 20 }, () => client.getOrder(credentials, ORDER_ID))
    )

    expect(upstream.tokenRequests).toHaveLength(2)
  })

  it('gives up with PNP_UNAUTHORIZED when the new token is refused too', async () => {
    upstream.refuseEveryToken = true
    const { client } = makeClient()

    await expectSafeFailure(
      client.getOrder(credentials, ORDER_ID),
      'PNP_UNAUTHORIZED'
    )
    expect(upstream.tokenRequests).toHaveLength(2)
    expect(upstream.trackingRequests).toHaveLength(2)
  })

  it('refuses a wrong Api-Key with PNP_UNAUTHORIZED, without retrying or tracking', async () => {
    const { client } = makeClient()

    await expectSafeFailure(
      client.getOrder({ apiKey: WRONG_KEY, environment: 'prod' }, ORDER_ID),
      'PNP_UNAUTHORIZED'
    )
    expect(upstream.tokenRequests).toHaveLength(1)
    expect(upstream.trackingRequests).toHaveLength(0)
  })

  it('retries a 5xx and succeeds', async () => {
    upstream.trackingPlan = [
      { status: 500, body: { message: 'Internal error', code: 1003 } },
      { status: 503, body: 'unavailable' },
    ]
    const { client } = makeClient()
    const order = await client.getOrder(credentials, ORDER_ID)

    expect(order.fulfillmentStatus).toBe('ON_ROUTE')
    expect(upstream.trackingRequests).toHaveLength(3)
  })

  it('retries a failed token request', async () => {
    upstream.tokenPlan = [{ status: 502, raw: 'Bad gateway' }]
    const { client } = makeClient()

    await client.getOrder(credentials, ORDER_ID)
    expect(upstream.tokenRequests).toHaveLength(2)
  })

  it('gives up after 2 retries with PNP_UNAVAILABLE', async () => {
    upstream.trackingPlan = Array.from({ length: 3 }, () => ({
      status: 500,
      body: { message: 'Internal error', code: 1003 },
    }))
    const { client } = makeClient()

    await expectSafeFailure(
      client.getOrder(credentials, ORDER_ID),
      'PNP_UNAVAILABLE'
    )
    expect(upstream.trackingRequests).toHaveLength(3)
    expect(upstream.tokenRequests).toHaveLength(1)
  })

  it.each([
    [404, 1001, 'Resource not found'],
    [400, 1002, `Order not found by ${ORDER_ID}`],
  ])(
    'maps %p / %p to PNP_ORDER_NOT_FOUND without retrying',
    async (status, code, message) => {
      upstream.trackingPlan = [{ status, body: { message, code } }]
      const { client } = makeClient()

      const error = await expectSafeFailure(
        client.getOrder(credentials, ORDER_ID),
        'PNP_ORDER_NOT_FOUND'
      )

      expect(error.message).not.toContain(ORDER_ID)
      expect(upstream.trackingRequests).toHaveLength(1)
    }
  )

  it.each([
    ['malformed JSON', { status: 200, raw: '{"message":"OK","data":{' }],
    ['no data', { status: 200, body: { message: 'OK' } }],
    [
      'data without a status',
      { status: 200, body: { message: 'OK', data: { orderId: 'x' } } },
    ],
    ['a JSON string', { status: 200, body: 'OK' }],
  ] as Array<[string, Planned]>)(
    'answers PNP_BAD_ANSWER (not a timeout) for a body with %s',
    async (_, planned) => {
      upstream.trackingPlan = [planned]
      const { client } = makeClient()

      await expectSafeFailure(
        client.getOrder(credentials, ORDER_ID),
        'PNP_BAD_ANSWER'
      )
      // Answered at once: a bad answer is not retried as an outage would be.
      expect(upstream.trackingRequests).toHaveLength(1)
    }
  )

  it('answers PNP_BAD_ANSWER when the token answer has no token', async () => {
    upstream.tokenPlan = [{ status: 200, body: { message: 'success' } }]
    const { client } = makeClient()

    await expectSafeFailure(
      client.getOrder(credentials, ORDER_ID),
      'PNP_BAD_ANSWER'
    )
    expect(upstream.trackingRequests).toHaveLength(0)

    // Nothing was cached: the next call asks again.
    await client.getOrder(credentials, ORDER_ID)
    expect(upstream.tokenRequests).toHaveLength(2)
  })

  it('times out a hanging upstream after about 3 s with PNP_UNAVAILABLE', async () => {
    const { client } = makeClient({
      retryPolicy: { retries: 0, baseDelayMs: 5 },
    })

    await client.getOrder(credentials, ORDER_ID)
    upstream.trackingRequests.length = 0
    upstream.trackingPlan = ['hang']
    const started = Date.now()

    await expectSafeFailure(
      client.getOrder(credentials, ORDER_ID),
      'PNP_UNAVAILABLE'
    )
    const elapsed = Date.now() - started

    expect(elapsed).toBeGreaterThanOrEqual(2500)
    expect(elapsed).toBeLessThan(6000)
    expect(upstream.trackingRequests).toHaveLength(1)
  }, 10_000)

  it('answers PNP_UNAVAILABLE when nothing listens', async () => {
    const closed = http.createServer()

    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const closedUrl = `http://127.0.0.1:${
      (closed.address() as AddressInfo).port
    }`

    await new Promise<void>((resolve) => closed.close(() => resolve()))

    await expectSafeFailure(
      makeClient({ apiBaseURL: closedUrl }).client.getOrder(
        credentials,
        ORDER_ID
      ),
      'PNP_UNAVAILABLE'
    )
    expect(upstream.tokenRequests).toHaveLength(1)

    await expectSafeFailure(
      makeClient({ authBaseURL: closedUrl }).client.getOrder(
        credentials,
        ORDER_ID
      ),
      'PNP_UNAVAILABLE'
    )
    await expectSafeFailure(
      makeClient({ authBaseURL: closedUrl }).client.checkCredentials(
        credentials
      ),
      'PNP_UNAVAILABLE'
    )
  })

  it.each(['../etc', 'a b', 'a%2Fb', '', 'x'.repeat(65), 'pedido-ñ'])(
    'refuses the order id %p before any request',
    async (orderId) => {
      const { client } = makeClient()

      await expectSafeFailure(
        client.getOrder(credentials, orderId),
        'BAD_USER_INPUT'
      )
      expect(upstream.tokenRequests).toHaveLength(0)
      expect(upstream.trackingRequests).toHaveLength(0)
    }
  )

  it('sends valid ids with underscores as they are', async () => {
    const { client } = makeClient()
    const order = await client.getOrder(credentials, 'SLR_abc-01')

    expect(upstream.trackingRequests[0].url).toBe(
      '/prod/picking-tracking/SLR_abc-01'
    )
    expect(order.orderId).toBe('SLR_abc-01')
  })

  describe('checkCredentials', () => {
    it('asks Pick and Pack each time, so a revoked key shows at once, and leaves the cached token alone', async () => {
      const { client } = makeClient()

      await expect(
        client.checkCredentials(credentials)
      ).resolves.toBeUndefined()
      await client.getOrder(credentials, ORDER_ID)
      expect(upstream.tokenRequests).toHaveLength(2)

      // The key is revoked: the check says so, although views still use their cached token.
      upstream.tokenPlan = [unauthorized]
      await expectSafeFailure(
        client.checkCredentials(credentials),
        'PNP_UNAUTHORIZED'
      )
      await client.getOrder(credentials, ORDER_ID)
      expect(upstream.tokenRequests).toHaveLength(3)
    })

    it('rejects a refused Api-Key with PNP_UNAUTHORIZED', async () => {
      const { client } = makeClient()

      await expectSafeFailure(
        client.checkCredentials({ apiKey: WRONG_KEY, environment: 'prod' }),
        'PNP_UNAUTHORIZED'
      )
      // A refused key is not cached as good: asking again asks upstream again.
      await expectSafeFailure(
        client.checkCredentials({ apiKey: WRONG_KEY, environment: 'prod' }),
        'PNP_UNAUTHORIZED'
      )
      expect(upstream.tokenRequests).toHaveLength(2)
    })

    it('refuses a key that is valid in prod when asked for dev only if upstream says so', async () => {
      upstream.tokenPlan = [unauthorized]
      const { client } = makeClient()

      await expectSafeFailure(
        client.checkCredentials({ apiKey: API_KEY, environment: 'dev' }),
        'PNP_UNAUTHORIZED'
      )
      await expect(
        client.checkCredentials(credentials)
      ).resolves.toBeUndefined()
    })
  })
})

describe('TokenCache', () => {
  const jwtExpiringAt = (ms: number) =>
    ['h', base64url({ exp: Math.floor(ms / 1000) }), 's'].join('.')

  it('caches per key and serves concurrent callers from one fetch', async () => {
    let now = START
    const cache = new TokenCache(() => now)
    let fetches = 0
    const fetchToken = async () => {
      fetches += 1
      await new Promise((resolve) => setTimeout(resolve, 5))

      return jwtExpiringAt(now + 15 * 60_000)
    }

    const tokens = await Promise.all(
      Array.from({ length: 10 }, () => cache.get('a', fetchToken))
    )

    expect(new Set(tokens).size).toBe(1)
    expect(fetches).toBe(1)
    await cache.get('b', fetchToken)
    expect(fetches).toBe(2)
    now += 14 * 60_000
    await cache.get('a', fetchToken)
    expect(fetches).toBe(3)
  })

  it('does not cache a failed fetch and lets the next caller retry', async () => {
    const cache = new TokenCache(() => START)
    const failing = jest.fn().mockRejectedValueOnce(new Error('down'))

    failing.mockResolvedValueOnce('opaque')
    await expect(cache.get('a', failing)).rejects.toThrow('down')
    await expect(cache.get('a', failing)).resolves.toBe('opaque')
    await expect(cache.get('a', failing)).resolves.toBe('opaque')
    expect(failing).toHaveBeenCalledTimes(2)
  })

  it('invalidates only the token that was refused', async () => {
    const cache = new TokenCache(() => START)

    await cache.get('a', async () => 't1')
    cache.invalidate('a', 'stale')
    await expect(cache.get('a', async () => 't2')).resolves.toBe('t1')
    cache.invalidate('a', 't1')
    await expect(cache.get('a', async () => 't2')).resolves.toBe('t2')
    cache.clear()
    await expect(cache.get('a', async () => 't3')).resolves.toBe('t3')
  })

  it('keeps a bounded number of keys, dropping the oldest', async () => {
    const cache = new TokenCache(() => START, 2)

    await cache.get('a', async () => 'ta')
    await cache.get('b', async () => 'tb')
    await cache.get('c', async () => 'tc')
    await expect(cache.get('b', async () => 'tb2')).resolves.toBe('tb')
    await expect(cache.get('a', async () => 'ta2')).resolves.toBe('ta2')
  })
})
