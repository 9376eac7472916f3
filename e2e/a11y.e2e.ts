// Accessibility in a real browser: axe-core on the home page, the board's All and Late tabs
// and an order page, in English, Portuguese and Spanish (?locale=), failing on any serious or
// critical violation; the keyboard's first stops on the home page are visible and named; the
// home's webhook health and recent changes read again on their own (polling, fake clock).
import type { Page } from 'playwright-core'

import { expectNoSeriousViolations, formatViolations } from './support/axe'
import { shows, showsText } from './support/wait'
import { browserSession } from './support/session'

const session = browserSession()
const page = () => session.page()
const sb = () => session.sandbox()

const V1_DELIVERED_ORDER = '1253881550651-01' // delivered: photo and signature
const LOCALES = ['en', 'pt', 'es'] as const

type Locale = (typeof LOCALES)[number]

const query = (locale: Locale) => (locale === 'en' ? '' : `?locale=${locale}`)

/** The home page with every block answered (not loading), so that axe sees the real content. */
async function openHome(locale: Locale): Promise<Page> {
  const p = page()

  await p.goto(sb().adminURL(query(locale)))
  await shows(p.getByRole('heading', { level: 1 }), 'the page title')
  await shows(p.getByTestId('board-updated'), 'the board, answered')
  await shows(p.getByTestId('webhook-updated'), 'the webhook health, answered')
  await shows(p.getByTestId('recent-updated'), 'the recent changes, answered')
  await shows(p.getByTestId('connection-checked-at'), 'the connection check')

  return p
}

function logMinor(
  what: string,
  minor: Awaited<ReturnType<typeof expectNoSeriousViolations>>
) {
  // Minor and moderate findings are not failures; they are printed for whoever reads the log.
  if (minor.length > 0 && process.env.AXE_VERBOSE) {
    // eslint-disable-next-line no-console
    console.log(`axe, minor/moderate on ${what}:\n${formatViolations(minor)}`)
  }
}

describe('axe: no serious or critical violation', () => {
  describe.each(LOCALES)('%s', (locale) => {
    test('home page', async () => {
      const p = await openHome(locale)

      logMinor(
        `home (${locale})`,
        await expectNoSeriousViolations(p, `the home page (${locale})`)
      )
    })

    test('board: All and Late tabs', async () => {
      const p = await openHome(locale)
      const board = p.getByTestId('board')
      const tabs = board.getByRole('tab')

      await shows(tabs, 'the board tabs')
      logMinor(
        `board All (${locale})`,
        await expectNoSeriousViolations(p, `the board's All tab (${locale})`)
      )

      // All, Late, Disagrees with OMS: the second is Late, whatever the language.
      await tabs.nth(1).click()
      expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true')
      await shows(
        board.getByTestId('board-orders').or(board.getByTestId('board-empty')),
        'the Late tab content'
      )
      logMinor(
        `board Late (${locale})`,
        await expectNoSeriousViolations(p, `the board's Late tab (${locale})`)
      )
    })

    test(`order page ${V1_DELIVERED_ORDER}`, async () => {
      const p = page()

      await p.goto(
        sb().adminURL(`/orders/${V1_DELIVERED_ORDER}${query(locale)}`)
      )
      await shows(
        p.getByRole('heading', { level: 1 }),
        'the order title',
        15_000
      )
      // Every panel answered: no spinner left.
      await p
        .locator('[role="status"][aria-busy="true"]')
        .first()
        .waitFor({ state: 'detached', timeout: 15_000 })
        .catch(() => undefined)
      logMinor(
        `order (${locale})`,
        await expectNoSeriousViolations(p, `the order page (${locale})`)
      )
    })
  })
})

describe('home page: keyboard and headings', () => {
  test('the first Tab stops are all visible and named, with a visible focus ring', async () => {
    const p = await openHome('en')
    const stops: string[] = []

    for (let i = 0; i < 16; i++) {
      // eslint-disable-next-line no-await-in-loop
      await p.keyboard.press('Tab')
      // eslint-disable-next-line no-await-in-loop
      const stop = await p.evaluate(() => {
        const el = document.activeElement as HTMLElement | null

        if (!el || el === document.body) return null
        const rect = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        // The Styleguide Dropdown's <select> is transparent over its drawn box.
        const ringed =
          el.tagName === 'SELECT' && style.opacity === '0'
            ? getComputedStyle(el.parentElement as HTMLElement).outlineStyle
            : style.outlineStyle

        const { labels } = el as HTMLInputElement
        // Its name: the first of aria-label, its label's text, its own text that is not empty.
        const name = (
          [
            el.getAttribute('aria-label'),
            labels && labels.length > 0 ? labels[0].innerText : '',
            el.innerText,
          ].find((text) => text !== null && text !== '') ?? ''
        ).trim()

        return {
          html: el.outerHTML.slice(0, 120),
          visible: rect.width > 1 && rect.height > 1,
          named: name !== '',
          ringed: ringed !== 'none',
        }
      })

      if (stop === null) break
      stops.push(JSON.stringify(stop))
      if (!stop.visible || !stop.named || !stop.ringed) {
        throw new Error(
          `Tab stop ${i + 1} is not visible, named and ringed: ${JSON.stringify(
            stop
          )}`
        )
      }
    }

    expect(stops.length).toBeGreaterThan(10)
  })

  test('one h1, then an h2 per block, in order', async () => {
    const p = await openHome('en')
    const levels = await p.evaluate(() =>
      Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) =>
        Number(h.tagName.slice(1))
      )
    )

    expect(levels.filter((l) => l === 1)).toHaveLength(1)
    expect(levels[0]).toBe(1)
    levels.forEach((level, i) => {
      if (i > 0) expect(level).toBeLessThanOrEqual(levels[i - 1] + 1)
    })
    expect(await p.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
      'Webhook notifications',
      'Operations board',
      'Keeping up to date',
      'Find an order',
      'Recent status changes',
    ])
  })

  test('the order search error is tied to its input', async () => {
    const p = await openHome('en')
    const search = p.getByRole('textbox', { name: 'Order id' })

    await search.fill('not a valid id!')
    await search.press('Enter')
    expect(await search.getAttribute('aria-invalid')).toBe('true')
    const described = await search.getAttribute('aria-describedby')

    expect(described).toBeTruthy()
    await showsText(
      p.locator(`[id="${described}"]`),
      'Enter an order id of 1 to 64 letters, digits, - or _.'
    )
  })
})

describe('home page: webhook health and polling', () => {
  test('webhook health says the secret is set, the hostname filter and the last notification', async () => {
    const p = await openHome('en')
    const health = p.getByTestId('webhook-health')

    await showsText(health, [
      'Webhook secret set',
      'Hostname filter: only notifications for sandboxstore are accepted.',
      'Last notification received:',
      'Last notification refused:',
    ])
  })

  test('recent changes and webhook health read again every 30 s, marking the new rows', async () => {
    const p = page()

    await p.clock.install()
    await p.goto(sb().adminURL())
    await shows(p.getByTestId('recent-updated'), 'the recent changes, answered')

    const orderId = `A11Y-POLL-${Date.now()}`

    expect(
      await sb().notify({
        orderId,
        oldStatus: 'PICKING',
        newStatus: 'READY_FOR_PACKING',
      })
    ).toBe(200)

    // Nothing is asked before the 30 s are up…
    await p.clock.runFor(5_000)
    expect(
      await p.getByTestId('recent-changes').getByText(orderId).count()
    ).toBe(0)

    // …then the list reads again and marks the row as new; the webhook health too.
    await p.clock.runFor(26_000)
    const row = p.getByTestId('recent-change').filter({ hasText: orderId })

    await shows(row, 'the new notification in the recent changes')
    expect(await row.first().getAttribute('data-new')).toBe('true')
    await showsText(row.first(), 'New')
    await showsText(p.getByTestId('webhook-last-received'), 'ago')
    // The new-row mark reads well too.
    await expectNoSeriousViolations(p, 'the home page with a new row')
  })
})
