// Healing in a real browser (Debian's Chromium, through playwright-core) against its own local
// sandbox: the order view's "In the OMS" line when the OMS refuses a write and the merchant
// sends it again, and the home page's "Keeping up to date" panel (the sweep and the backfill).
// A sandbox of its own: the OMS fault injected here is global to the simulator, and no other
// test's background OMS writes may take it. Assertions are on what a merchant sees.
import type { Locator } from 'playwright-core'

import { withTimeout } from './support/sandbox'
import { shows, showsText } from './support/wait'
import { browserSession } from './support/session'

const session = browserSession({
  // No fault left behind for the next test.
  afterEachTest: async (sandbox) => {
    await call(`${sandbox.sim.url}/_sandbox/faults`, { method: 'DELETE' })
  },
})

const page = () => session.page()
const sb = () => session.sandbox()

const HEALED_ORDER = '1253881550441-01' // READY_FOR_HANDLING in the seed
const REQUEST_TIMEOUT_MS = 8000
const TEST_TIMEOUT_MS = 30_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A loopback call to the simulator or the host, bounded in time; answers status and JSON. */
async function call(
  url: string,
  init: { method?: string; body?: unknown } = {}
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers:
      init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  })

  const text = await res.text()

  try {
    return { status: res.status, body: JSON.parse(text) as unknown }
  } catch {
    return { status: res.status, body: text }
  }
}

/** What the OMS sandbox holds of the order's interactions. */
async function omsInteractions(orderId: string): Promise<unknown[]> {
  const { status, body } = await call(
    `${sb().sim.url}/_sandbox/orders/${encodeURIComponent(
      orderId
    )}/interactions`
  )

  expect(status).toBe(200)
  expect(Array.isArray(body)).toBe(true)

  return body as unknown[]
}

/** Waits until the OMS sandbox holds `count` interactions of the order. */
async function untilInteractions(
  orderId: string,
  count: number,
  timeout = 10_000
): Promise<void> {
  const deadline = Date.now() + timeout
  let last = -1

  for (;;) {
    // eslint-disable-next-line no-await-in-loop
    last = (await omsInteractions(orderId)).length
    if (last === count) return
    if (Date.now() > deadline) {
      throw new Error(
        `The OMS holds ${last} interactions of ${orderId} after ${timeout} ms, expected ${count}`
      )
    }

    // eslint-disable-next-line no-await-in-loop
    await sleep(100)
  }
}

/**
 * Waits until the visible text of `locator` contains `text`, reloading the page every second:
 * the app writes the OMS in the background, after the webhook answered.
 */
async function untilText(
  locator: Locator,
  text: string,
  timeout = 15_000
): Promise<string> {
  const deadline = Date.now() + timeout
  let last = ''

  for (;;) {
    try {
      // eslint-disable-next-line no-await-in-loop
      await locator.first().waitFor({ state: 'visible', timeout: 3000 })
      // eslint-disable-next-line no-await-in-loop
      last = await locator.first().innerText({ timeout: 1000 })
    } catch {
      // Not there yet (the page is loading): read again after the reload.
    }

    if (last.includes(text)) return last
    if (Date.now() > deadline) {
      throw new Error(
        `Text ${JSON.stringify(
          text
        )} not shown after ${timeout} ms (reloading); shown:\n${last}`
      )
    }

    // eslint-disable-next-line no-await-in-loop
    await sleep(1000)
    // eslint-disable-next-line no-await-in-loop
    await page().reload()
  }
}

const changes = (count: number) =>
  count === 1
    ? "1 status change written to the OMS order's interactions"
    : `${count} status changes written to the OMS order's interactions`

const plural = (count: number, one: string, other: string) =>
  `${count} ${count === 1 ? one : other}`

describe('healing in Chromium', () => {
  test(
    'order view: an OMS write that failed waits to be sent, and "Send again" sends it',
    async () => {
      const p = page()
      const orderId = HEALED_ORDER

      // Two status changes recorded: the simulator's webhook, as Pick and Pack sends it.
      await sb().advance(orderId, 'READY_FOR_PICKING')
      await sb().advance(orderId, 'PICKING')
      await untilInteractions(orderId, 2)

      await p.goto(sb().adminURL(`/orders/${orderId}`))
      const sync = p.getByTestId('oms-sync')

      await shows(sync, 'the "In the OMS" line')
      await untilText(p.getByTestId('oms-sync-interactions'), changes(2))
      expect(await sync.innerText()).toContain('In the OMS')
      expect(await p.getByTestId('oms-sync-pending').count()).toBe(0)
      expect(await p.getByTestId('oms-sync-retry').count()).toBe(0)

      // The OMS refuses the next write, once.
      const fault = await call(`${sb().sim.url}/_sandbox/faults`, {
        method: 'POST',
        body: { scope: 'oms-write', failureStatus: 500, failureCount: 1 },
      })

      expect(fault.status).toBe(200)

      // One more change, as Pick and Pack's webhook sends it.
      expect(
        await sb().notify({
          orderId,
          oldStatus: 'PICKING',
          newStatus: 'READY_FOR_PACKING',
          date: new Date().toISOString(),
        })
      ).toBe(200)

      await p.reload()
      await untilText(p.getByTestId('oms-sync-pending'), '1 waiting to be sent')
      await showsText(p.getByTestId('oms-sync-interactions'), changes(2))
      await showsText(
        p.getByTestId('oms-sync-error'),
        'The OMS answered HTTP 500.'
      )
      expect((await omsInteractions(orderId)).length).toBe(2)

      const retry = p.getByTestId('oms-sync-retry')

      await shows(retry, 'the "Send again" button')
      // Shown in capitals (the styleguide's button style): its text is "Send again".
      expect((await retry.first().textContent())?.trim()).toBe('Send again')
      await retry.click()

      await showsText(
        sync.getByRole('status'),
        'Sent again. This is what the OMS holds now.'
      )
      await showsText(p.getByTestId('oms-sync-interactions'), changes(3))
      expect(await p.getByTestId('oms-sync-pending').count()).toBe(0)
      expect(await p.getByTestId('oms-sync-error').count()).toBe(0)
      expect(await p.getByTestId('oms-sync-retry').count()).toBe(0)
      expect((await omsInteractions(orderId)).length).toBe(3)

      // And it stays so once the page reads the order again.
      await p.reload()
      await showsText(p.getByTestId('oms-sync-interactions'), changes(3))
      expect(await p.getByTestId('oms-sync-pending').count()).toBe(0)
    },
    TEST_TIMEOUT_MS
  )

  test(
    'home: "Keeping up to date" shows the last sweep, then a backfill runs to done',
    async () => {
      const p = page()

      await p.goto(sb().adminURL())
      const panel = p.getByTestId('maintenance')

      await showsText(panel, 'Keeping up to date')
      // This sandbox has no sweep timer (startHost's sweepIntervalMs defaults to 0).
      const lastSweep = p.getByTestId('last-sweep')

      await showsText(
        lastSweep,
        "The sweep has not run yet (VTEX's scheduler calls it every few minutes)."
      )
      expect(await lastSweep.getAttribute('data-state')).toBe('never')
      await showsText(p.getByTestId('backfill-state'), 'No backfill yet.')

      // The Scheduler's call: loopback gets the app's token added by the local host.
      const swept = await call(`${sb().host.url}/_v/pick-and-pack/sweep`, {
        method: 'POST',
      })

      expect(swept.status).toBe(200)
      const report = swept.body as {
        checked: number
        healed: number
        remaining: number
      }

      expect(report).toMatchObject({
        checked: expect.any(Number),
        healed: expect.any(Number),
        remaining: expect.any(Number),
      })

      await p.reload()
      const shown = await showsText(lastSweep, [
        'Last sweep: ',
        plural(report.checked, 'order checked', 'orders checked'),
        `${report.healed} healed`,
        `${report.remaining} left for the next run`,
      ])

      expect(await lastSweep.getAttribute('data-state')).toBeNull()
      expect(shown).not.toContain('has not run yet')

      // A backfill of 45 days reaches the seeded orders (created in November 2026).
      const days = p.getByLabel('Days to backfill (1 to 90)')

      await shows(days, 'the days stepper of the backfill')
      await days.fill('45')
      const start = p.getByTestId('backfill-start')

      // Shown in capitals (the styleguide's button style).
      await shows(start, 'the backfill button')
      expect((await start.first().textContent())?.trim()).toBe(
        'Backfill the last 45 days'
      )
      await start.click()

      const state = p.getByTestId('backfill-state')
      const done = await withTimeout(
        showsText(state, 'Backfill of the last 45 days done at', 20_000),
        21_000,
        'the backfill to be done'
      )

      expect(await state.getAttribute('data-state')).toBe('DONE')
      const scanned = Number(/: (\d+) orders? looked up/.exec(done)?.[1])

      expect(scanned).toBeGreaterThan(0)
      expect(done).toMatch(/\d+ changes? recorded\.$/)
    },
    TEST_TIMEOUT_MS
  )
})
