// From first run to daily use, in a real browser against a sandbox of its own: the seeded
// orders' history replayed at start gives the first screen something to show; the order page's
// panels do not wait on each other when Pick and Pack is slow; an open order page picks up a
// change by itself. Assertions are on what a merchant sees.
import { shows, showsText } from './support/wait'
import { browserSession } from './support/session'

const SLOW_ORDER = '1253881550651-01' // a v1 order, delivered
const POLLED_ORDER = '1253881550441-01' // READY_FOR_HANDLING in the seed
const REQUEST_TIMEOUT_MS = 8000

const post = async (url: string, body: unknown) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  })

  await response.arrayBuffer()

  return response.status
}

const session = browserSession({
  // What `npm start` does first: the seeded orders' history, through the real webhook.
  afterStart: async (sandbox) => {
    expect(await post(`${sandbox.sim.url}/_sandbox/replay`, {})).toBe(200)
    await sandbox.sim.drainDeliveries()
  },
  afterEachTest: async (sandbox) => {
    await fetch(`${sandbox.sim.url}/_sandbox/faults`, {
      method: 'DELETE',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
  },
  startTimeoutMs: 90_000,
})

const page = () => session.page()
const sb = () => session.sandbox()

describe('first run to daily use in Chromium', () => {
  test('the first screen shows the seeded orders recent changes, and a delivered order its history', async () => {
    const p = page()

    await p.goto(sb().adminURL())
    await shows(
      p.getByTestId('recent-change').first(),
      'a recent status change from the replayed history'
    )
    expect(await p.getByTestId('recent-empty').count()).toBe(0)

    await p.goto(sb().adminURL(`/orders/${SLOW_ORDER}`))
    await shows(
      p.getByTestId('history-entry').first(),
      "the delivered order's history"
    )
    await showsText(p.getByTestId('history'), 'Delivered')
  }, 40_000)

  test('the OMS panel shows in under a second while Pick and Pack takes 6 s', async () => {
    const p = page()

    // Warm: a token in the app's cache, so the slow part is the order itself.
    await p.goto(sb().adminURL(`/orders/${SLOW_ORDER}`))
    await shows(p.getByTestId('live-status'), 'the live status, warm')

    expect(
      await post(`${sb().sim.url}/_sandbox/faults`, {
        latencyMs: 6000,
        scope: 'v1',
      })
    ).toBe(200)

    const started = Date.now()

    await p.goto(sb().adminURL(`/orders/${SLOW_ORDER}`), {
      waitUntil: 'commit',
    })
    await p
      .getByTestId('oms-status')
      .first()
      .waitFor({ state: 'visible', timeout: 5000 })
    const omsShownAfter = Date.now() - started

    // Pick and Pack has not answered yet: its panel is still loading, not holding the page.
    expect(await p.getByTestId('live-status').count()).toBe(0)
    expect(omsShownAfter).toBeLessThan(1000)
    await shows(
      p.getByTestId('history-entry').first(),
      'the history, beside the loading Pick and Pack panel'
    )
    expect(await p.getByTestId('live-status').count()).toBe(0)
  }, 40_000)

  test('an open order page picks up a change by itself, and marks it new', async () => {
    const p = page()

    await p.goto(sb().adminURL(`/orders/${POLLED_ORDER}`))
    await shows(p.getByTestId('live-status'), 'the live status')
    await shows(p.getByTestId('history-entry').first(), 'the history so far')
    const entries = await p.getByTestId('history-entry').count()

    await sb().advance(POLLED_ORDER)
    // No reload: the page reads again every 15 s while visible.
    await p
      .getByTestId('history-entry')
      .nth(entries)
      .waitFor({ state: 'visible', timeout: 25_000 })
    await shows(p.getByTestId('history-new').first(), 'the "New" mark')
  }, 40_000)
})
