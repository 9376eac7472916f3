// The order view's panels on their own (each its own request, loading, failure and retry),
// kept fresh by polling while visible, and consistent: one not-found, money, vehicles,
// canceled lines, what the line count counts.
import React from 'react'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'

import PickAndPackOrder from '../PickAndPackOrder'
import { Money } from '../components/Format'
import { disagreement } from '../components/OrderView/LiveVsHistory'
import { summarizeLines } from '../components/OrderView/lines'
import { useOrderText } from '../components/OrderView/useOrderText'
import type { HistoryEntry } from '../components/OrderView/types'
import { normalizeStatus } from '../utils/statuses'
import { renderOrderPage as renderOrder } from './setup/orderPage'
import { renderPage } from './setup/render'
import {
  ORDER_ID,
  fulfillment,
  omsOrder,
  orderMock,
  panelError,
  panelMock,
  pickAndPackOrder,
  resultLine,
  shipmentsMock,
  unknownOrder,
} from './setup/fixtures'
import type { Panel } from './setup/fixtures'

type Locale = 'en' | 'pt' | 'es'

const omsPanel = () => within(screen.getByTestId('oms-panel'))
const pnpPanel = () => within(screen.getByTestId('pnp-panel'))

describe('the OMS panel', () => {
  it('shows a line without a quantity as unknown, not as none', async () => {
    const oms = omsOrder()

    renderOrder(
      orderMock(
        fulfillment({
          oms: {
            ...oms,
            items: [{ ...oms.items[0], quantity: null }, oms.items[1]],
          },
        })
      )
    )

    const lines = within(
      await omsPanel().findByTestId('oms-items')
    ).getAllByRole('listitem')

    expect(lines[0]).toHaveTextContent(/^— × Banana 1kg/)
    expect(lines[1]).toHaveTextContent(/^1 × Milk 1L/)
  })
})

describe('panels that do not wait on each other', () => {
  it('shows the OMS while Pick and Pack is still loading', async () => {
    renderOrder(orderMock(fulfillment(), [], { delays: { pickAndPack: 1500 } }))

    expect(await omsPanel().findByText('Jane Doe')).toBeInTheDocument()
    expect(screen.getAllByTestId('history-entry')).toHaveLength(2)
    // Pick and Pack has not answered: its panel and the comparison still wait.
    expect(
      pnpPanel().getByText('Loading from Pick and Pack…')
    ).toBeInTheDocument()
    expect(
      within(screen.getByTestId('reconciliation')).getByRole('status')
    ).toBeInTheDocument()
    expect(omsPanel().getByTestId('updated-at').textContent).toMatch(
      /^Updated at \d\d:\d\d:\d\d/
    )

    expect(
      await pnpPanel().findByTestId('status-tag', {}, { timeout: 3000 })
    ).toHaveTextContent('On route')
    expect(screen.getAllByTestId('reconciliation-row')).toHaveLength(4)
  })

  it('a malformed answer is not reported as a timeout', async () => {
    const { unmount } = renderOrder(
      orderMock(fulfillment({ pickAndPack: null, items: [] }), [
        panelError('pickAndPack', 'PNP_BAD_ANSWER'),
      ])
    )

    const badAnswer = await pnpPanel().findByRole('alert')

    expect(badAnswer).toHaveTextContent(
      'Pick and Pack answered with something this app cannot read'
    )
    expect(badAnswer).not.toHaveTextContent(/in time|not responding/)
    expect(within(badAnswer).getByText('Try again')).toBeInTheDocument()
    // The OMS side is there all the same.
    expect(omsPanel().getByText('Jane Doe')).toBeInTheDocument()
    unmount()

    renderOrder(
      orderMock(fulfillment({ pickAndPack: null, items: [] }), [
        panelError('pickAndPack', 'PNP_UNAVAILABLE'),
      ])
    )
    const timeout = await pnpPanel().findByRole('alert')

    expect(timeout).toHaveTextContent('Pick and Pack is not responding')
    expect(timeout.textContent).not.toBe(badAnswer.textContent)
  })

  it('each panel retries its own request only', async () => {
    renderOrder([
      ...orderMock(fulfillment({ oms: null, items: [] }), [
        panelError('oms', 'OMS_UNAVAILABLE'),
      ]),
      // Only the OMS asks again: no other mock is needed.
      panelMock('oms', fulfillment()),
    ])

    expect(
      await omsPanel().findByText('The OMS is not responding')
    ).toBeInTheDocument()
    fireEvent.click(omsPanel().getByText('Try again'))
    expect(await omsPanel().findByText('Jane Doe')).toBeInTheDocument()
  })

  // The order search below "not found" keeps an empty alert for its own validation message.
  const nonEmptyAlerts = () =>
    screen.getAllByRole('alert').filter((alert) => alert.textContent)

  // Test orders (QA-1…) reach the app's webhook though neither upstream knows them.
  const recorded = (orderId: string): HistoryEntry[] =>
    fulfillment().history.map((change) => ({ ...change, orderId }))

  it('one "not found" for an order neither side knows, with the -01 hint', async () => {
    const orderId = '1253881550433'
    const { navigate } = renderOrder(unknownOrder(orderId, []), { orderId })

    const notFound = await screen.findByTestId('order-not-found')

    expect(
      within(notFound).getByRole('heading', {
        level: 2,
        name: 'Order not found',
      })
    ).toBeInTheDocument()
    expect(notFound).toHaveTextContent(
      'Neither the OMS nor Pick and Pack knows an order 1253881550433.'
    )
    // One message, not a card per side (the search's own alert stays empty).
    expect(nonEmptyAlerts()).toHaveLength(1)
    expect(screen.queryByTestId('oms-panel')).not.toBeInTheDocument()
    expect(screen.queryByTestId('pnp-panel')).not.toBeInTheDocument()

    expect(within(notFound).getByTestId('order-id-hint')).toHaveTextContent(
      'Order ids end in -01 (or -02…): try 1253881550433-01'
    )
    const link = within(notFound).getByRole('link', {
      name: '1253881550433-01',
    })

    expect(link).toHaveAttribute(
      'href',
      '/admin/app/pick-and-pack/orders/1253881550433-01'
    )
    fireEvent.click(link)
    expect(navigate).toHaveBeenCalledWith({
      to: '/admin/app/pick-and-pack/orders/1253881550433-01',
    })
  })

  it('no hint for an id that has its suffix', async () => {
    renderOrder(unknownOrder(ORDER_ID, []))

    expect(await screen.findByTestId('order-not-found')).toBeInTheDocument()
    expect(screen.queryByTestId('order-id-hint')).not.toBeInTheDocument()
  })

  it('an order neither side knows still shows the changes the app recorded for it', async () => {
    const orderId = 'QA-1'

    renderOrder(unknownOrder(orderId, recorded(orderId)), { orderId })

    const notFound = await screen.findByTestId('order-not-found')

    await waitFor(() =>
      expect(screen.getAllByTestId('history-entry')).toHaveLength(2)
    )
    const history = screen.getByTestId('history-section')

    // Still true of both upstreams, and said first.
    expect(notFound).toHaveTextContent(
      'Neither the OMS nor Pick and Pack knows an order QA-1.'
    )
    expect(
      notFound.compareDocumentPosition(history) &
        Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy()
    expect(
      within(history).getByRole('heading', { name: 'History' })
    ).toBeInTheDocument()
    expect(within(history).getAllByTestId('history-entry')).toHaveLength(2)
    // Still one message: no card per side, no panel that has nothing to show.
    expect(nonEmptyAlerts()).toHaveLength(1)
    expect(screen.queryByTestId('oms-panel')).not.toBeInTheDocument()
    expect(screen.queryByTestId('pnp-panel')).not.toBeInTheDocument()
    expect(screen.queryByTestId('reconciliation')).not.toBeInTheDocument()
    // The OMS does not know the order: no link to its 404.
    expect(screen.queryByText('Open in OMS ↗')).not.toBeInTheDocument()
  })

  it('an order neither side knows: the message alone while its history loads or is empty', async () => {
    const orderId = 'QA-1'
    const { unmount } = renderOrder(
      unknownOrder(orderId, recorded(orderId), { history: 300 }),
      { orderId }
    )

    expect(await screen.findByTestId('order-not-found')).toBeInTheDocument()
    expect(screen.queryByTestId('history-section')).not.toBeInTheDocument()
    expect(screen.queryByText('Open in OMS ↗')).not.toBeInTheDocument()
    // Then the recorded changes join it.
    expect(
      await screen.findAllByTestId('history-entry', {}, { timeout: 2000 })
    ).toHaveLength(2)
    unmount()

    renderOrder(unknownOrder(orderId, []), { orderId })
    expect(await screen.findByTestId('order-not-found')).toBeInTheDocument()
    // Let the empty history answer: it must not add a panel.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByTestId('history-section')).not.toBeInTheDocument()
    expect(screen.queryByText('Open in OMS ↗')).not.toBeInTheDocument()
  })
})

describe('fresh page', () => {
  const change = (
    entry: Pick<HistoryEntry, 'id' | 'oldStatus' | 'newStatus' | 'receivedAt'>
  ): HistoryEntry => ({
    ...entry,
    orderId: ORDER_ID,
    hostname: null,
    occurredAt: null,
    source: 'webhook',
  })

  const setVisibility = (state: 'visible' | 'hidden') => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      value: state,
    })
    Object.defineProperty(document, 'hidden', {
      configurable: true,
      value: state === 'hidden',
    })
    document.dispatchEvent(new Event('visibilitychange'))
  }

  // Lets the mocked answers (setTimeout 0) and Apollo's promises settle under fake timers.
  const settle = async () => {
    for (let i = 0; i < 5; i++) {
      // eslint-disable-next-line no-await-in-loop
      await act(async () => {
        jest.advanceTimersByTime(1)
        await Promise.resolve()
      })
    }
  }

  const advance = async (ms: number) => {
    await act(async () => {
      jest.advanceTimersByTime(ms)
    })
    await settle()
  }

  beforeEach(() => {
    jest.useFakeTimers()
    setVisibility('visible')
  })

  afterEach(() => {
    jest.useRealTimers()
    setVisibility('visible')
  })

  /** Every panel answers each time it asks; `asked` counts the requests per panel. */
  function polledMocks(
    answers: (call: number) => ReturnType<typeof fulfillment>
  ) {
    const asked: Record<Panel, number> = { pickAndPack: 0, oms: 0, history: 0 }
    const mocks = (['pickAndPack', 'oms', 'history'] as const).map((panel) => {
      const base = panelMock(panel, answers(0))

      return {
        request: base.request,
        newData: () => {
          asked[panel]++

          return panelMock(panel, answers(asked[panel] - 1)).result
        },
      }
    })

    const shipments = {
      ...shipmentsMock([]),
      newData: () => shipmentsMock([]).result,
    }

    return { asked, mocks: [...mocks, shipments] }
  }

  it('asks again every 15 s while visible, nothing while hidden, and catches up when shown', async () => {
    const { asked, mocks } = polledMocks(() => fulfillment())

    renderPage(<PickAndPackOrder params={{ orderId: ORDER_ID }} />, { mocks })
    await settle()
    expect(asked).toEqual({ pickAndPack: 1, oms: 1, history: 1 })

    await advance(15_000)
    expect(asked).toEqual({ pickAndPack: 2, oms: 2, history: 2 })

    setVisibility('hidden')
    await advance(60_000)
    expect(asked).toEqual({ pickAndPack: 2, oms: 2, history: 2 })

    // Back in view: overdue, so it asks at once, then keeps the rhythm.
    setVisibility('visible')
    await settle()
    expect(asked).toEqual({ pickAndPack: 3, oms: 3, history: 3 })
    await advance(15_000)
    expect(asked).toEqual({ pickAndPack: 4, oms: 4, history: 4 })
  })

  it('marks new history entries and a changed live status', async () => {
    const first = fulfillment({
      pickAndPack: pickAndPackOrder({ fulfillmentStatus: 'PACKING' }),
      history: [
        change({
          id: 'c1',
          oldStatus: 'PICKING',
          newStatus: 'READY_FOR_PACKING',
          receivedAt: '2026-11-20T10:00:00Z',
        }),
        change({
          id: 'c2',
          oldStatus: 'READY_FOR_PACKING',
          newStatus: 'PACKING',
          receivedAt: '2026-11-20T10:05:00Z',
        }),
      ],
    })

    const second = fulfillment({
      pickAndPack: pickAndPackOrder({
        fulfillmentStatus: 'READY_FOR_INVOICING',
      }),
      history: [
        ...first.history,
        change({
          id: 'c3',
          oldStatus: 'PACKING',
          newStatus: 'READY_FOR_INVOICING',
          receivedAt: '2026-11-20T10:09:00Z',
        }),
      ],
    })

    const { mocks } = polledMocks((call) => (call === 0 ? first : second))

    renderPage(<PickAndPackOrder params={{ orderId: ORDER_ID }} />, { mocks })
    await settle()

    // The first read marks nothing.
    expect(screen.getAllByTestId('history-entry')).toHaveLength(2)
    expect(screen.queryByTestId('history-new')).not.toBeInTheDocument()
    expect(pnpPanel().getByTestId('live-status')).not.toHaveAttribute(
      'data-changed'
    )

    await advance(15_000)

    const entries = screen.getAllByTestId('history-entry')

    expect(entries).toHaveLength(3)
    expect(entries[0]).toHaveAttribute('data-new', 'true')
    expect(within(entries[0]).getByText('New')).toBeInTheDocument()
    expect(entries[1]).not.toHaveAttribute('data-new')

    const live = pnpPanel().getByTestId('live-status')

    expect(live).toHaveAttribute('data-changed', 'true')
    expect(live).toHaveTextContent('Ready for invoicing')
    expect(live).toHaveTextContent('Changed from Packing')

    // Nothing new at the next read: the marks go.
    await advance(15_000)
    expect(screen.queryByTestId('history-new')).not.toBeInTheDocument()
    expect(pnpPanel().getByTestId('live-status')).not.toHaveAttribute(
      'data-changed'
    )
  })
})

describe('live status against the history', () => {
  const latest = (newStatus: string, receivedAt: string): HistoryEntry => ({
    id: 'x',
    orderId: ORDER_ID,
    oldStatus: null,
    newStatus,
    hostname: null,
    receivedAt,
    occurredAt: null,
    source: 'webhook',
  })

  const now = Date.parse('2026-11-20T10:00:30Z')

  it('says which is newer and why', () => {
    const recent = '2026-11-20T10:00:10Z'
    const old = '2026-11-20T09:00:00Z'

    expect(
      disagreement('PACKING', latest('PACKING', recent), now)
    ).toBeUndefined()
    expect(disagreement('ON_ROUTE', latest('PACKING', old), now)).toBe(
      'liveAhead'
    )
    expect(disagreement('PACKING', latest('ON_ROUTE', recent), now)).toBe(
      'historyAheadCache'
    )
    expect(disagreement('ON_ROUTE', latest('DELIVERED', old), now)).toBe(
      'historyAheadOld'
    )
    expect(disagreement('CANCELED', latest('PACKING', old), now)).toBe('differ')
  })

  it('tells the merchant on the page', async () => {
    renderOrder(
      orderMock(
        fulfillment({
          pickAndPack: pickAndPackOrder({ fulfillmentStatus: 'ON_ROUTE' }),
        })
      )
    )

    // The fixture's history ends at Ready for packing: Pick and Pack is ahead.
    const note = await pnpPanel().findByTestId('live-vs-history')

    expect(note).toHaveAttribute('data-kind', 'liveAhead')
    expect(note).toHaveTextContent(/a webhook may have been missed/)
    expect(note).toHaveTextContent(/sweep will record it/)
  })
})

describe('history: when a change happened', () => {
  const entry = (
    change: Pick<
      HistoryEntry,
      'id' | 'oldStatus' | 'newStatus' | 'occurredAt' | 'receivedAt'
    >
  ): HistoryEntry => ({
    orderId: ORDER_ID,
    hostname: null,
    source: 'webhook',
    ...change,
  })

  // PICKING happened first but its notification came last (a retry by Pick and Pack).
  const history = [
    entry({
      id: 'picking',
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
      occurredAt: '2026-11-20T09:40:00.000Z',
      receivedAt: '2026-11-20T10:10:00.000Z',
    }),
    entry({
      id: 'packing',
      oldStatus: 'PICKING',
      newStatus: 'READY_FOR_PACKING',
      occurredAt: '2026-11-20T10:00:00.000Z',
      receivedAt: '2026-11-20T10:02:00.000Z',
    }),
  ]

  it('orders and dates the history by when each change happened, not when it arrived', async () => {
    renderOrder(
      orderMock(
        fulfillment({
          pickAndPack: pickAndPackOrder({
            fulfillmentStatus: 'READY_FOR_PACKING',
          }),
          history,
        })
      )
    )

    const entries = await screen.findAllByTestId('history-entry')

    expect(entries[0]).toHaveTextContent('Ready for packing')
    expect(entries[0].querySelector('time')).toHaveAttribute(
      'dateTime',
      '2026-11-20T10:00:00.000Z'
    )
    expect(entries[1]).toHaveTextContent('Ready for picking')
    expect(entries[1].querySelector('time')).toHaveAttribute(
      'dateTime',
      '2026-11-20T09:40:00.000Z'
    )
    // The live status is the newest change: no webhook was missed.
    await pnpPanel().findByTestId('live-status')
    expect(pnpPanel().queryByTestId('live-vs-history')).not.toBeInTheDocument()
  })

  it('without its own date, a change is placed and dated by its arrival', async () => {
    renderOrder(
      orderMock(
        fulfillment({
          history: [
            history[1],
            entry({
              id: 'packing-started',
              oldStatus: 'READY_FOR_PACKING',
              newStatus: 'PACKING',
              occurredAt: null,
              receivedAt: '2026-11-20T10:05:00.000Z',
            }),
          ],
        })
      )
    )

    const entries = await screen.findAllByTestId('history-entry')

    expect(entries[0]).toHaveTextContent('Packing')
    expect(entries[0].querySelector('time')).toHaveAttribute(
      'dateTime',
      '2026-11-20T10:05:00.000Z'
    )
  })
})

describe('consistency', () => {
  const money = (locale: Locale, currency: string) => {
    const { container, unmount } = renderPage(
      <Money value={46.65} currency={currency} />,
      { locale }
    )

    const text = (container.textContent ?? '').replace(/\s/g, ' ')

    unmount()

    return text
  }

  it('formats money by the page locale in the order currency, one style in every language', () => {
    expect(money('en', 'BRL')).toBe('R$46.65')
    expect(money('pt', 'BRL')).toBe('R$ 46,65')
    // Spanish has no symbol of its own for the real: not "46,65 BRL".
    expect(money('es', 'BRL')).toBe('46,65 R$')
    expect(money('es', 'USD')).toBe('46,65 US$')
    // A bare "$" would not say which dollar: the code stays.
    expect(money('en', 'ARS')).toBe('ARS 46.65')
    expect(money('en', 'brl')).toBe('R$46.65')
    // Not an ISO code: the number and the code as received.
    expect(money('en', 'REAIS')).toBe('REAIS 46.65')
  })

  it('shows the OMS total in Spanish the same way', async () => {
    renderOrder(orderMock(fulfillment()), { locale: 'es' })

    expect(
      ((await omsPanel().findByTestId('oms-total')).textContent ?? '').replace(
        /\s/g,
        ' '
      )
    ).toBe('38,75 R$')
  })

  function Vehicle({ code }: { code: string }) {
    return <>{useOrderText().vehicle(code)}</>
  }

  it.each([
    ['en', 'BIKE', 'Bike'],
    ['pt', 'MOTORCYCLE', 'Moto'],
    ['es', 'CAR', 'Auto'],
    ['pt', 'truck', 'Caminhão'],
    ['es', 'WALK', 'A pie'],
    ['en', 'Bicycle', 'Bike'],
    ['pt', 'HOVERCRAFT', 'HOVERCRAFT'],
  ] as const)('names vehicles in %s: %s → %s', (locale, code, name) => {
    renderPage(<Vehicle code={code} />, { locale })
    expect(screen.getByText(name)).toBeInTheDocument()
  })

  it('translates the vehicle of a legacy shipping service', async () => {
    renderOrder(orderMock(fulfillment()), { locale: 'pt' })

    expect(
      await pnpPanel().findByText(/Ana Driver \(Bicicleta\)/)
    ).toBeInTheDocument()
  })

  it('normalizes a status in any letter case to the known one', async () => {
    expect(normalizeStatus('packing')).toBe('PACKING')
    expect(normalizeStatus('Ready for packing')).toBe('READY_FOR_PACKING')
    expect(normalizeStatus('CANCELLED')).toBe('CANCELED')
    expect(normalizeStatus('Something else')).toBe('Something else')

    renderOrder(
      orderMock(
        fulfillment({
          pickAndPack: pickAndPackOrder({ fulfillmentStatus: 'packing' }),
        })
      )
    )
    const tag = await pnpPanel().findByTestId('status-tag')

    expect(tag).toHaveTextContent('Packing')
    expect(tag).toHaveAttribute('data-phase', 'packing')
    expect(pnpPanel().getByTestId('progress')).toBeInTheDocument()
  })

  it('a canceled order shows its lines as canceled, not missing', async () => {
    renderOrder(
      orderMock(
        fulfillment({
          pickAndPack: pickAndPackOrder({ fulfillmentStatus: 'CANCELED' }),
        })
      )
    )

    await pnpPanel().findByTestId('status-tag')
    const rows = screen.getAllByTestId('reconciliation-row')

    expect(rows.map((row) => row.getAttribute('data-state'))).toEqual([
      'CANCELED',
      'CANCELED',
      'CANCELED',
      'CANCELED',
    ])
    expect(within(rows[2]).getByText('Canceled')).toBeInTheDocument()
    expect(screen.queryByText('Missing')).not.toBeInTheDocument()
    expect(
      pnpPanel().getByText('Order canceled: 3 lines not to be picked')
    ).toBeInTheDocument()
  })

  it('an order canceled in the OMS only is canceled too', async () => {
    renderOrder(
      orderMock(
        fulfillment({
          oms: omsOrder({ status: 'canceled' }),
        })
      )
    )

    await pnpPanel().findByTestId('status-tag')
    expect(screen.queryByText('Missing')).not.toBeInTheDocument()
    expect(screen.getAllByText('Canceled').length).toBeGreaterThan(0)
  })

  it('the line count says what it counts', async () => {
    renderOrder(
      orderMock(
        fulfillment({
          items: [
            resultLine({ name: 'Milk', state: 'COMPLETE' }),
            resultLine({
              name: 'Bread',
              state: 'SUBSTITUTED',
              pickedQuantity: 0,
              substitutes: ['Rye bread'],
            }),
          ],
        })
      )
    )

    expect(
      await pnpPanel().findByText(
        '2 of 2 lines handled: 1 picked, 1 substituted'
      )
    ).toBeInTheDocument()
  })

  it('counts lines by what became of them', () => {
    const lines = summarizeLines(
      [
        resultLine({ state: 'COMPLETE' }),
        resultLine({ state: 'SHORT' }),
        resultLine({ state: 'MISSING', pickedQuantity: 0 }),
        resultLine({ state: 'PENDING', pickedQuantity: 0 }),
        resultLine({ state: 'EXTRA', orderedQuantity: 0 }),
      ],
      false
    )

    expect(lines).toMatchObject({
      total: 4,
      handled: 3,
      picked: 1,
      short: 1,
      missing: 1,
      substituted: 0,
    })
  })

  it('names the counted lines in Portuguese and Spanish', async () => {
    const items = [
      resultLine({ state: 'COMPLETE' }),
      resultLine({ state: 'SUBSTITUTED', pickedQuantity: 0 }),
    ]

    const { unmount } = renderOrder(orderMock(fulfillment({ items })), {
      locale: 'pt',
    })

    expect(
      await pnpPanel().findByText(
        '2 de 2 linhas tratadas: 1 separada, 1 substituída'
      )
    ).toBeInTheDocument()
    unmount()

    renderOrder(orderMock(fulfillment({ items })), { locale: 'es' })
    expect(
      await pnpPanel().findByText(
        '2 de 2 líneas tratadas: 1 preparada, 1 sustituida'
      )
    ).toBeInTheDocument()
  })

  it('one heading scale: h1 title, h2 panels, h3 within', async () => {
    renderOrder(orderMock(fulfillment()))
    await pnpPanel().findByTestId('status-tag')

    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1)
    for (const name of [
      'OMS',
      'Pick and Pack',
      'Ordered vs picked',
      'History',
    ]) {
      expect(
        screen.getByRole('heading', { level: 2, name })
      ).toBeInTheDocument()
    }

    expect(
      omsPanel().getByRole('heading', { level: 3, name: 'Ordered items' })
    ).toBeInTheDocument()
  })
})
