import type { TestHost } from './support/host'
import { startTestHost } from './support/host'
import type { UpstreamControl } from './support/upstream'
import { startUpstream } from './support/upstream'
import { forgetWebhookHealthWrites } from '../storage/webhookHealth'

const SECRET = 'health-secret-4f1c9a'
let upstream: UpstreamControl
let host: TestHost

const health = async (target: TestHost) => {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ webhookHealth { secretConfigured previousSecretConfigured hostnameFilter lastReceivedAt lastRefused { at status code reason hostname } secretInQueryAt } }',
    }),
  })

  const text = await response.text()

  return { text, data: JSON.parse(text).data?.webhookHealth }
}

const notify = (
  target: TestHost,
  secret: string,
  {
    query = false,
    overrides = {},
  }: { query?: boolean; overrides?: Record<string, unknown> } = {}
) =>
  fetch(
    `${target.url}/_v/pick-and-pack/webhook${
      query ? `?secret=${encodeURIComponent(secret)}` : ''
    }`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(query ? {} : { 'x-webhook-secret': secret }),
      },
      body: JSON.stringify({
        orderId: '1500000000001-01',
        newStatus: 'READY_FOR_PICKING',
        hostname: 'healthstore',
        ...overrides,
      }),
    }
  ).then((response) => response.status)

beforeAll(async () => {
  upstream = await startUpstream()
  host = await startTestHost(upstream.url, {
    apiKey: upstream.apiKey,
    webhookSecret: SECRET,
    hostname: 'healthstore',
    omsInteractions: false,
    omsTracking: false,
  })
})

afterAll(async () => {
  await host?.stop()
  await upstream?.close()
})

beforeEach(() => forgetWebhookHealthWrites())

describe('webhook health', () => {
  it('starts with the settings and nothing received', async () => {
    const { data } = await health(host)

    expect(data).toEqual({
      secretConfigured: true,
      previousSecretConfigured: false,
      hostnameFilter: 'healthstore',
      lastReceivedAt: null,
      lastRefused: null,
      secretInQueryAt: null,
    })
  })

  it('shows the last refused notification with its reason, never the secret', async () => {
    expect(await notify(host, 'not-the-secret')).toBe(401)
    const { data, text } = await health(host)

    expect(data.lastRefused).toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
      reason: expect.stringMatching(/Wrong webhook secret/),
      // Refused before its body was read: no hostname to show.
      hostname: null,
    })
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain('not-the-secret')
  })

  it('does not warn of a secret in the query string for a notification it refused', async () => {
    // The right secret in the query, but refused further on: 403, 400, then 503.
    expect(
      await notify(host, SECRET, {
        query: true,
        overrides: {
          orderId: 'Q1-01',
          newStatus: 'PICKING',
          hostname: 'otherstore',
        },
      })
    ).toBe(403)
    expect(
      await notify(host, SECRET, { query: true, overrides: { newStatus: '' } })
    ).toBe(400)
    await host.storeFault({
      method: 'PUT',
      path: 'orders/',
      answer: 500,
      times: 3,
    })
    expect(await notify(host, SECRET, { query: true })).toBe(503)

    const { data } = await health(host)

    // Which store sent it: the merchant sees whose webhook points here.
    expect(data.lastRefused).toMatchObject({
      code: 'HOSTNAME_MISMATCH',
      hostname: 'otherstore',
    })
    expect(data.secretInQueryAt).toBeNull()

    // Accepted: now it warns.
    expect(await notify(host, SECRET, { query: true })).toBe(200)
    expect(
      Date.parse((await health(host)).data.secretInQueryAt)
    ).toBeGreaterThan(Date.now() - 60_000)
  })

  it('shows the last accepted notification, and warns of a secret in the query string', async () => {
    expect(await notify(host, SECRET, { query: true })).toBe(200)
    const { data, text } = await health(host)

    expect(Date.parse(data.lastReceivedAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(Date.parse(data.secretInQueryAt)).toBeGreaterThan(
      Date.now() - 60_000
    )
    expect(text).not.toContain(SECRET)
  })

  it('stops warning of a secret in the query string once notifications carry the header', async () => {
    // The warning from notifications sent over an hour ago, with the secret in the URL.
    const marker = `${host.storeURL}/vbase/${host.account}/master/buckets/${
      (process.env.VTEX_APP_ID ?? '').split('@')[0]
    }/pick-and-pack-maintenance/files/webhook-secret-in-query.json`

    const saved = await fetch(marker, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        at: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      }),
    })

    expect(saved.ok).toBe(true)

    // Since then, the sender moved the secret to the header: no warning any more.
    expect(
      await notify(host, SECRET, { overrides: { orderId: 'HEADER-01' } })
    ).toBe(200)
    expect((await health(host)).data.secretInQueryAt).toBeNull()

    // In the URL again: the warning is back.
    expect(
      await notify(host, SECRET, {
        query: true,
        overrides: { orderId: 'QUERY-01' },
      })
    ).toBe(200)
    expect(
      Date.parse((await health(host)).data.secretInQueryAt)
    ).toBeGreaterThan(Date.now() - 60_000)
  })

  it('says when no secret is set (every notification refused)', async () => {
    const open = await startTestHost(upstream.url, { apiKey: upstream.apiKey })

    try {
      expect(await notify(open, 'anything')).toBe(401)
      const { data } = await health(open)

      expect(data.secretConfigured).toBe(false)
      expect(data.lastRefused.reason).toMatch(/No webhook secret is configured/)
    } finally {
      await open.stop()
    }
  })
})
