// The admin page in a real browser (Debian's Chromium, through playwright-core) against the
// local sandbox, in process on free loopback ports: the simulator (Pick and Pack + OMS), the
// local host (the service's real webhook route and GraphQL resolvers) and the admin bundle.
// Assertions are on what a merchant sees: visible text and accessible roles.
import { readFileSync } from 'fs'

import type { Locator } from 'playwright-core'

import type { Notification } from './support/sandbox'
import { ADMIN_PATH } from './support/sandbox'
import { atPath, shows, showsText } from './support/wait'
import { browserSession } from './support/session'

const session = browserSession()
const page = () => session.page()
const sb = () => session.sandbox()

const SHORT_PICK_ORDER = '1253881550433-01' // ON_ROUTE: Banana 3→2, Bread missing, FastCourier
const ADVANCED_ORDER = '1253881550441-01' // READY_FOR_HANDLING, nothing picked yet
const OMS_ONLY_ORDER = '1253881559901-01' // Pick and Pack answers 404 / 1001
// Served by the simulator's v1 API:
const V1_REJECTED_ORDER = '1253881550618-01' // Coffee rejected, out of stock
const V1_SUBSTITUTED_ORDER = '1253881550629-01' // Butter replaced by Margarine
const V1_DELIVERED_ORDER = '1253881550651-01' // delivered: photo and signature
const BOARD_ORDER = '1253881550463-01' // PICKING: advanced to READY_FOR_PACKING by the board test

const panel = (name: 'OMS' | 'Pick and Pack' | 'Shipments'): Locator =>
  page().getByRole('region', { name, exact: true })

const byText = (a: string, b: string) => a.localeCompare(b)

/** Matches a text that starts with `prefix`, taken literally. */
const startsWith = (prefix: string): RegExp =>
  new RegExp(`^\\s*${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)

/** The "Ordered vs picked" row of `item`: [ordered, picked, result] as shown. */
async function reconciliationRow(item: string): Promise<string[]> {
  const row = page()
    .getByRole('table')
    .getByRole('row')
    .filter({ hasText: startsWith(item) })

  await shows(row, `the reconciliation row of ${item}`)
  expect(await row.count()).toBe(1)
  const cells = (await row.getByRole('cell').allInnerTexts()).map((t) =>
    t.trim()
  )

  expect(cells[0]).toContain(item)

  return cells.slice(1)
}

/**
 * Waits until `locator` shows, doing `between` (a refresh) every second: for what the app's
 * stores show a moment after they are written (Master Data search lags its writes).
 */
async function untilShown(
  locator: Locator,
  what: string,
  {
    between = async () => undefined,
    timeout = 20_000,
  }: { between?: () => Promise<unknown>; timeout?: number } = {}
): Promise<void> {
  const deadline = Date.now() + timeout

  for (;;) {
    // eslint-disable-next-line no-await-in-loop
    if (await locator.first().isVisible()) return
    if (Date.now() > deadline) {
      throw new Error(`Not shown after ${timeout} ms: ${what}`)
    }

    // eslint-disable-next-line no-await-in-loop
    await between()
    // eslint-disable-next-line no-await-in-loop
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

async function openOrder(orderId: string, query = ''): Promise<void> {
  await page().goto(sb().adminURL(`/orders/${orderId}${query}`))
}

describe('admin page in Chromium', () => {
  test('Chromium is installed', () => {
    session.sandbox()
    expect(session.browser()?.isConnected()).toBe(true)
  })

  test('home: connection check, then search an order by id and press Enter', async () => {
    const p = page()

    await p.goto(sb().adminURL())
    await shows(
      p.getByRole('heading', { level: 1, name: 'Pick and Pack' }),
      'the page title as its top-level heading'
    )
    await shows(
      p.getByText(
        'Follow each order’s picking, packing and delivery in VTEX Pick and Pack, beside the OMS order.'
      ),
      'the home subtitle'
    )
    await shows(
      p.getByText('Connected to Pick and Pack: the Api-Key is valid.'),
      'the connection banner saying the Api-Key is valid'
    )
    await shows(
      p.getByText('No status change received yet'),
      'the empty list of recent changes'
    )

    const search = p.getByRole('textbox', { name: 'Order id' })

    await shows(search, 'the order id search box')
    await search.fill(SHORT_PICK_ORDER)
    await search.press('Enter')

    await atPath(p, `${ADMIN_PATH}/orders/${SHORT_PICK_ORDER}`)
    await shows(
      p.getByRole('heading', { level: 1, name: `Order ${SHORT_PICK_ORDER}` }),
      'the order title as the top-level heading'
    )
    await showsText(
      panel('Pick and Pack').getByTestId('status-tag').first(),
      'On route'
    )
  })

  test('order view: OMS and Pick and Pack side by side, with the reconciliation', async () => {
    const p = page()

    await openOrder(SHORT_PICK_ORDER)

    // OMS panel: customer, total and the ordered items.
    await showsText(panel('OMS'), [
      'Customer',
      'Jane Doe',
      'Total',
      'R$46.65',
      '3 × Banana 1kg',
      '1 × Bread',
    ])

    // Pick and Pack panel: status tag, progress, picked items.
    const pnp = panel('Pick and Pack')

    await showsText(pnp.getByTestId('status-tag').first(), 'On route')
    await showsText(pnp, [
      'Step 12 of 13: On route',
      '3 of 3 lines handled: 1 picked, 1 picked short, 1 missing',
      'Banana 1kg',
      'Milk 1L',
    ])
    // Bread was never picked: it is not in the picked list.
    expect(await pnp.getByText('Bread').count()).toBe(0)

    // Shipments, in their own section: carrier, status, courier and vehicle, tracking.
    const shipments = panel('Shipments')

    await showsText(shipments, [
      'FastCourier',
      'On route',
      'Ana Driver',
      // The vehicle, translated (Pick and Pack sends BIKE).
      'Bike',
    ])
    await shows(
      shipments.getByRole('link', { name: 'Track ↗' }),
      'the tracking link of the courier'
    )

    // Ordered vs picked.
    await shows(
      p.getByRole('heading', { name: 'Ordered vs picked' }),
      'the reconciliation title'
    )
    expect(await reconciliationRow('Banana 1kg')).toEqual(['3', '2', 'Short'])
    expect(await reconciliationRow('Milk 1L')).toEqual(['1', '1', 'Complete'])
    expect(await reconciliationRow('Bread')).toEqual(['1', '0', 'Missing'])

    await shows(
      p.getByText('No status change received for this order yet.'),
      'the empty history'
    )
  })

  test('a status change sent by the simulator shows after a reload, with its history entry', async () => {
    const p = page()

    await openOrder(ADVANCED_ORDER)
    await showsText(
      panel('Pick and Pack').getByTestId('status-tag').first(),
      'Ready for handling'
    )
    await shows(
      p.getByText('No status change received for this order yet.'),
      'the empty history before the change'
    )

    const advanced = await sb().advance(ADVANCED_ORDER)

    expect(advanced).toMatchObject({
      orderId: ADVANCED_ORDER,
      oldStatus: 'READY_FOR_HANDLING',
      newStatus: 'READY_FOR_PICKING',
    })
    // The webhook reached the host and was accepted.
    const deliveries = sb()
      .sim.deliveries()
      .filter((d) => d.orderId === ADVANCED_ORDER)

    expect(deliveries.length).toBeGreaterThan(0)
    expect(deliveries[deliveries.length - 1]).toMatchObject({
      newStatus: 'READY_FOR_PICKING',
      status: 200,
      delivered: true,
    })

    await p.reload()
    await showsText(
      panel('Pick and Pack').getByTestId('status-tag').first(),
      'Ready for picking'
    )
    await showsText(panel('Pick and Pack'), 'Step 2 of 13: Ready for picking')

    const entries = p.getByTestId('history-entry')

    await shows(entries, 'the history entry of the change')
    expect(await entries.count()).toBe(1)
    const entry = await entries.first().innerText()

    expect(entry).toMatch(/Ready for handling\s*→\s*Ready for picking/)
    expect(entry).toContain('sandboxstore')

    // The home page lists it among the recent changes; a click opens the order.
    await p.goto(sb().adminURL())
    const row = p
      .getByTestId('recent-changes')
      .getByRole('row')
      .filter({ hasText: ADVANCED_ORDER })

    await showsText(row, ['Ready for handling', 'Ready for picking'])
    await row.first().click()
    await atPath(p, `${ADMIN_PATH}/orders/${ADVANCED_ORDER}`)
    await showsText(
      panel('Pick and Pack').getByTestId('status-tag').first(),
      'Ready for picking'
    )
  })

  test('Portuguese: ?locale=pt translates the page and survives the search', async () => {
    const p = page()

    await p.goto(sb().adminURL('?locale=pt'))
    await shows(
      p.getByText('Conectado ao Pick and Pack: a Api-Key é válida.'),
      'the connection banner in Portuguese'
    )

    const search = p.getByRole('textbox', { name: 'ID do pedido' })

    await shows(search, 'the order id search box in Portuguese')
    await search.fill(SHORT_PICK_ORDER)
    await search.press('Enter')
    await atPath(p, `${ADMIN_PATH}/orders/${SHORT_PICK_ORDER}?locale=pt`)

    await showsText(panel('OMS'), ['Cliente', 'Jane Doe', 'Total'])
    await showsText(
      panel('Pick and Pack').getByTestId('status-tag').first(),
      'Em rota'
    )
    await shows(
      p.getByRole('heading', { name: 'Histórico' }),
      'the history title in Portuguese'
    )
    expect((await reconciliationRow('Banana 1kg'))[2]).toBe('Parcial')
    expect((await reconciliationRow('Milk 1L'))[2]).toBe('Completo')
    expect((await reconciliationRow('Bread'))[2]).toBe('Faltando')
    expect(await p.getAttribute('html', 'lang')).toBe('pt')
  })

  test('an invalid order id is refused on the home page, and on the order route', async () => {
    const p = page()

    await p.goto(sb().adminURL())
    const search = p.getByRole('textbox', { name: 'Order id' })

    await shows(search, 'the order id search box')
    await search.fill('not a valid id!')
    await search.press('Enter')
    await shows(
      p.getByText('Enter an order id of 1 to 64 letters, digits, - or _.'),
      'the validation message'
    )
    await atPath(p, ADMIN_PATH)

    // Typing again clears the message.
    await search.fill(SHORT_PICK_ORDER)
    expect(
      await p
        .getByText('Enter an order id of 1 to 64 letters, digits, - or _.')
        .count()
    ).toBe(0)

    // A malformed id typed in the address bar never reaches the API.
    await openOrder('bad%20id%3F')
    // Beside the order search offered under it, whose own alert stays empty.
    await showsText(p.getByRole('alert').filter({ hasText: 'Invalid' }), [
      'Invalid order id',
      'Order ids have 1 to 64 letters, digits, - or _.',
    ])
  })

  test('v1 orders: a substitution, a rejection with its reason and a proof of delivery', async () => {
    const p = page()

    await openOrder(V1_SUBSTITUTED_ORDER)
    await showsText(panel('Pick and Pack').getByTestId('pnp-source'), 'API v1')
    const [, , substituted] = await reconciliationRow('Butter 200g')

    // Butter was out of stock: its reason may be shown under the substitute too.
    expect(substituted).toMatch(
      /^Substituted\s+Replaced by Margarine 250g(\s+Out of stock)?$/
    )

    await openOrder(V1_REJECTED_ORDER)
    const [, picked, rejected] = await reconciliationRow('Coffee 500g')

    expect(picked).toBe('0')
    expect(rejected).toMatch(/^Missing\s+Out of stock$/)
    await showsText(panel('Pick and Pack').getByTestId('lines-rejected'), '1')

    await openOrder(V1_DELIVERED_ORDER)
    const shipments = panel('Shipments')
    const photo = shipments.getByRole('link', {
      name: 'Photo: open full size',
    })

    await shows(photo, 'the proof-of-delivery photo, linked full size')
    expect(await photo.getAttribute('target')).toBe('_blank')
    expect(await photo.getAttribute('rel')).toBe('noopener noreferrer')
    // The thumbnail itself loaded: an image, not the grey placeholder.
    const thumbnail = photo.getByTestId('evidence-thumbnail')

    await shows(thumbnail, 'the photo thumbnail')
    await p.waitForFunction(
      (img) => img instanceof HTMLImageElement && img.naturalWidth > 0,
      await thumbnail.elementHandle(),
      { timeout: 10_000 }
    )
    expect(await photo.getByTestId('image-placeholder').count()).toBe(0)
    await showsText(shipments, ['Delivered', 'Photo', 'by Bruno Rider'])
  })

  test('an OMS-only order: OMS shown, Pick and Pack says it does not handle it', async () => {
    const p = page()

    await openOrder(OMS_ONLY_ORDER)

    await showsText(panel('OMS'), [
      'Jane Doe',
      '1 × Banana 1kg',
      '1 × Coffee 500g',
    ])
    await showsText(panel('Pick and Pack').getByRole('alert'), [
      'Order not handled by Pick and Pack',
      'Pick and Pack has no record of this order.',
    ])
    expect(await panel('Pick and Pack').getByTestId('status-tag').count()).toBe(
      0
    )
    await shows(
      p.getByText(
        'The comparison needs both the OMS order and the Pick and Pack data.'
      ),
      'the reconciliation saying it needs both sides'
    )
  })
  test('board: filters, paging, export, opening an order', async () => {
    const p = page()
    const now = Date.now()
    const minutesAgo = (minutes: number) =>
      new Date(now - minutes * 60_000).toISOString()

    // 105 orders picking for a few minutes (not late: the limit is 45 min), 3 packing for
    // 3 hours (late: 20 min), one set aside for external fulfillment (IDLE: a drift).
    const picking = Array.from(
      { length: 105 },
      (_, i) => `E2E-BOARD-${String(i + 1).padStart(3, '0')}`
    )

    const late = ['E2E-LATE-1', 'E2E-LATE-2', 'E2E-LATE-3']
    const notifications: Notification[] = [
      ...picking.map((orderId, i) => ({
        orderId,
        oldStatus: 'READY_FOR_PICKING',
        newStatus: 'PICKING',
        date: minutesAgo(5 + i / 100),
      })),
      ...late.map((orderId) => ({
        orderId,
        oldStatus: 'READY_FOR_PACKING',
        newStatus: 'PACKING',
        date: minutesAgo(180),
      })),
      {
        orderId: 'E2E-IDLE-1',
        oldStatus: 'READY_FOR_HANDLING',
        newStatus: 'IDLE',
        date: minutesAgo(30),
      },
    ]

    for (let i = 0; i < notifications.length; i += 8) {
      // eslint-disable-next-line no-await-in-loop
      const statuses = await Promise.all(
        notifications.slice(i, i + 8).map((n) => sb().notify(n))
      )

      expect(statuses).toEqual(statuses.map(() => 200))
    }

    // And one order the simulator has, so that its page opens from the board.
    await sb().advance(BOARD_ORDER, 'READY_FOR_PACKING')

    await p.goto(sb().adminURL())
    const board = p.getByTestId('board')
    const tile = (name: string) =>
      board.getByRole('button', { name: new RegExp(`^${name}: `) })

    const rows = board.getByTestId('board-order')
    const range = board.getByTestId('board-range')
    const rowIds = async () =>
      (await rows.getByRole('link').allInnerTexts()).map((t) => t.trim())

    // Master Data search lags its writes: refresh until the board has every order (the
    // packing ones were sent after the picking ones, so they may come a refresh later).
    const refresh = () => board.getByRole('button', { name: 'Refresh' }).click()

    await untilShown(
      tile('Picking').filter({ hasText: '105' }),
      'the Picking tile counting 105 orders',
      { between: refresh }
    )
    await untilShown(
      tile('Packing').filter({ hasText: '3 late' }),
      'the Packing tile with its 3 late orders',
      { between: refresh }
    )
    await showsText(tile('Packing'), ['3', '3 late'])
    await showsText(board.getByTestId('board-totals'), 'with the OMS')
    await showsText(board.getByTestId('board-updated'), 'Updated at ')

    // All orders, 50 a page: forward, forward, back.
    await untilShown(
      board.getByTestId('board-range').filter({ hasText: /^1–50 of \d+$/ }),
      'the first page of 50'
    )
    const readTotal = async () =>
      Number(
        (await range.innerText()).replace(/\D+/g, ' ').trim().split(' ').pop()
      )

    // Changes still being summarized land in the search a second later: wait until the total
    // holds over a refresh (bounded), so that paging below meets a settled board.
    let total = await readTotal()

    /* eslint-disable no-await-in-loop */
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1500))
      await board.getByRole('button', { name: 'Refresh' }).click()
      await untilShown(
        board.getByTestId('board-range').filter({ hasText: /^1–50 of \d+$/ }),
        'the first page of 50'
      )
      const again = await readTotal()

      if (again === total) break
      total = again
    }
    /* eslint-enable no-await-in-loop */

    expect(total).toBeGreaterThanOrEqual(110)
    expect(await rows.count()).toBe(50)
    const firstPage = await rowIds()

    await board.getByRole('button', { name: 'Next' }).click()
    await showsText(range, `51–100 of ${total}`)
    // The range is the new page's as soon as asked; its rows follow when they come back.
    await untilShown(
      rows.first().filter({ hasNotText: firstPage[0] }),
      'the second page of rows'
    )
    const secondPage = await rowIds()

    expect(secondPage).toHaveLength(50)
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([])

    await board.getByRole('button', { name: 'Next' }).click()
    await showsText(range, `101–${total} of ${total}`)
    expect(await board.getByRole('button', { name: 'Next' }).isDisabled()).toBe(
      true
    )
    await board.getByRole('button', { name: 'Previous' }).click()
    await showsText(range, `51–100 of ${total}`)
    await untilShown(
      rows.first().filter({ hasText: secondPage[0] }),
      'the second page of rows again'
    )
    expect(await rowIds()).toEqual(secondPage)

    // A tile filters the table by its status.
    await tile('Packing').click()
    expect(await tile('Packing').getAttribute('aria-pressed')).toBe('true')
    await showsText(range, '1–3 of 3')
    expect((await rowIds()).sort(byText)).toEqual(late)
    for (const status of await rows.getByTestId('status-tag').allInnerTexts()) {
      expect(status.trim()).toBe('Packing')
    }

    await tile('Packing').click()

    // Late: the three packing for hours are there, every row marked late.
    await board.getByRole('tab', { name: /^Late/ }).click()
    await untilShown(
      rows.filter({ hasText: 'E2E-LATE-3' }),
      'a late order on the Late tab'
    )
    expect(await rowIds()).toEqual(expect.arrayContaining(late))
    expect(await rowIds()).not.toContain('E2E-BOARD-001')

    // The tab is in the URL: a reload (or a shared link) keeps it, Back undoes it.
    expect(new URL(p.url()).searchParams.get('tab')).toBe('late')
    await p.reload()
    await untilShown(
      rows.filter({ hasText: 'E2E-LATE-3' }),
      'the Late tab after a reload'
    )
    expect(
      await board
        .getByRole('tab', { name: /^Late/ })
        .getAttribute('aria-selected')
    ).toBe('true')
    await p.goBack()
    await shows(
      board.getByRole('tab', { name: /^All/, selected: true }),
      'the All tab after Back'
    )
    expect(new URL(p.url()).searchParams.get('tab')).toBeNull()

    // Disagrees with OMS: the external fulfillment, named.
    await board.getByRole('tab', { name: /^Disagrees with OMS/ }).click()
    await showsText(
      rows.filter({ hasText: 'E2E-IDLE-1' }),
      'External fulfillment'
    )

    // Search by the start of an order id, on every order.
    await board.getByRole('tab', { name: /^All/ }).click()
    const search = board.getByRole('textbox', { name: 'Search orders' })

    await search.fill('E2E-BOARD-00')
    await search.press('Enter')
    await showsText(range, '1–9 of 9')
    expect(await rowIds()).toEqual(
      expect.arrayContaining(['E2E-BOARD-001', 'E2E-BOARD-009'])
    )

    // Export the Picking orders: two pages of 100 for 105 orders, then one CSV file.
    await board.getByRole('button', { name: 'Clear' }).click()
    await tile('Picking').click()
    await showsText(range, '1–50 of 105')
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      board.getByRole('button', { name: 'Export CSV' }).click(),
    ])

    expect(download.suggestedFilename()).toMatch(
      /^pick-and-pack-orders-\d{4}-\d\d-\d\d-\d{4}\.csv$/
    )
    const file = await download.path()

    expect(file).toBeTruthy()
    const lines = readFileSync(file as string, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')

    expect(lines[0]).toBe(
      'Order,Status,In status since,Late,OMS status,Disagreement with the OMS,Last received'
    )
    expect(lines).toHaveLength(106)
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(byText)
    ).toEqual(picking)
    expect(lines[1].split(',').slice(1, 2)).toEqual(['Picking'])
    await showsText(board.getByTestId('board-export'), 'Exported 105 orders.')

    // An order opens from its row.
    await tile('Picking').click()
    await search.fill(BOARD_ORDER.slice(0, 13))
    await search.press('Enter')
    await showsText(range, '1–1 of 1')
    await rows.getByRole('link', { name: BOARD_ORDER }).click()
    await atPath(p, `${ADMIN_PATH}/orders/${BOARD_ORDER}`)
    await shows(
      p.getByRole('heading', { level: 1, name: `Order ${BOARD_ORDER}` }),
      'the order view of the row'
    )
    await showsText(
      panel('Pick and Pack').getByTestId('status-tag').first(),
      'Ready for packing'
    )
  })
})
