import messagesEn from '../../messages/en.json'
import messagesEs from '../../messages/es.json'
import messagesPt from '../../messages/pt.json'
import { STATUS_NAMES, interactionMessage } from '../domain/omsStory'
import { deliverStatusChanged, postWebhook } from './support/calls'
import type { TestHost } from './support/host'
import { startTestHost } from './support/host'
import type { UpstreamControl } from './support/upstream'
import { startUpstream } from './support/upstream'

// Failed OMS writes are retried at once here (the backoff itself: domain.omsStory.test).
process.env.OMS_SYNC_RETRY_MS = '0'

const SECRET = 'oms-story-secret'
let upstream: UpstreamControl
let a: TestHost
let b: TestHost
let orders = 0

const notify = (host: TestHost, body: Record<string, unknown>) =>
  postWebhook(host, SECRET, body)

const deliver = deliverStatusChanged

const sentEvent = (host: TestHost, orderId: string) =>
  host.sentEvents.find(
    (event) => (event.body as { orderId: string }).orderId === orderId
  )?.body

async function eventually(check: () => boolean) {
  for (let i = 0; i < 40 && !check(); i++) {
    // eslint-disable-next-line no-await-in-loop
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const interactionsOf = (orderId: string) =>
  upstream.interactions.filter((interaction) => interaction.orderId === orderId)

beforeAll(async () => {
  upstream = await startUpstream()
  const settings = { apiKey: upstream.apiKey, webhookSecret: SECRET }

  a = await startTestHost(upstream.url, settings, { account: 'omsstory' })
  b = await startTestHost(upstream.url, settings, {
    account: 'omsstory',
    storeURL: a.storeURL,
  })
})

afterAll(async () => {
  await b?.stop()
  await a?.stop()
  await upstream?.close()
})

describe('the OMS interactions of status changes', () => {
  it('tells the OMS once per change, across redeliveries to other replicas', async () => {
    const orderId = `800000000000${++orders}-01`

    expect(
      await notify(a, {
        orderId,
        oldStatus: 'PICKING',
        newStatus: 'READY_FOR_PACKING',
      })
    ).toBe(200)
    await eventually(() => interactionsOf(orderId).length > 0)
    const event = sentEvent(a, orderId) as { id: string }

    expect(await deliver(b, event)).toBe(200)
    expect(await deliver(a, event)).toBe(200)
    expect(interactionsOf(orderId)).toEqual([
      {
        orderId,
        source: 'Pick and Pack Tracking',
        message: `Pick and Pack: Em separação → Pronto para embalagem (alteração ${event.id.slice(
          0,
          8
        )}). Detalhes: /admin/pick-and-pack/orders/${orderId}`,
      },
    ])
  })

  it('tries a failed interaction again on the next delivery, and sends it once', async () => {
    const orderId = `800000000000${++orders}-01`

    upstream.failInteractions(1, 500)
    await notify(a, { orderId, newStatus: 'READY_FOR_PICKING' })
    await eventually(() => !!sentEvent(a, orderId))
    // The first delivery ran in the background and failed: a redelivery finishes it.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(interactionsOf(orderId)).toHaveLength(0)
    expect(await deliver(b, sentEvent(a, orderId))).toBe(200)
    expect(await deliver(b, sentEvent(a, orderId))).toBe(200)
    expect(interactionsOf(orderId)).toHaveLength(1)
  })

  it('fails the delivery with a message naming the order and change the OMS did not take', async () => {
    const orderId = `800000000000${++orders}-01`

    upstream.failInteractions(20, 403)
    await notify(a, { orderId, newStatus: 'READY_FOR_PICKING' })
    await eventually(() => !!sentEvent(a, orderId))
    const event = sentEvent(a, orderId) as { id: string }
    const response = await fetch(`${b.url}/_sandbox/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        sender: 'pnplabs.pick-and-pack-tracking',
        topic: 'pick-and-pack.status-changed',
        body: event,
      }),
    })

    upstream.failInteractions(0, 403)
    expect(response.status).toBe(500)
    expect((await response.json()).error.message).toBe(
      `Not taken by the OMS yet: interaction of order ${orderId}, change ${event.id} (READY_FOR_PICKING). The order is marked for the sweep; a redelivery sends only what is missing.`
    )
  })

  it('sends nothing with the setting off', async () => {
    const quiet = await startTestHost(
      upstream.url,
      {
        apiKey: upstream.apiKey,
        webhookSecret: SECRET,
        omsInteractions: 'false',
      },
      { account: 'omsquiet' }
    )

    try {
      const orderId = `800000000000${++orders}-01`

      await notify(quiet, { orderId, newStatus: 'READY_FOR_PICKING' })
      await eventually(() => !!sentEvent(quiet, orderId))
      expect(await deliver(quiet, sentEvent(quiet, orderId))).toBe(200)
      expect(interactionsOf(orderId)).toEqual([])
    } finally {
      await quiet.stop()
    }
  })
})

describe('OMS interaction wording', () => {
  it('names statuses as the admin page does, in en, pt and es', () => {
    const pages = { en: messagesEn, pt: messagesPt, es: messagesEs } as Record<
      string,
      Record<string, string>
    >

    for (const [language, names] of Object.entries(STATUS_NAMES)) {
      for (const [status, name] of Object.entries(names)) {
        expect([language, status, name]).toEqual([
          language,
          status,
          pages[language][`admin/pick-and-pack.status.${status}`],
        ])
      }
    }
  })

  it('says where the order was and where it is, with the change id', () => {
    expect(
      interactionMessage(
        {
          id: 'abcdef1234',
          orderId: 'X-01',
          oldStatus: null,
          newStatus: 'NEW_ONE',
        },
        'en'
      )
    ).toBe(
      'Pick and Pack: NEW_ONE (change abcdef12). Details: /admin/pick-and-pack/orders/X-01'
    )
  })
})
