import React from 'react'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { MockedResponse } from '@apollo/react-testing'

import Board from '../components/Board'
import {
  UPDATED_AT,
  boardData,
  boardMock,
  orderRange,
  orderSummary,
  ordersMock,
  page,
  rootError,
} from './setup/board'
import { renderPage } from './setup/render'
import { setHidden } from './setup/visibility'

const BOARD = boardData({
  // Out of order on purpose, with a status this page does not know.
  statuses: [
    { status: 'ON_ROUTE', count: 4, late: 0 },
    { status: 'MYSTERY_STEP', count: 1, late: 0 },
    { status: 'READY_FOR_HANDLING', count: 12, late: 3 },
    { status: 'CANCELED', count: 2, late: 0 },
    { status: 'PICKING', count: 7, late: 1 },
    { status: 'ANOTHER_ONE', count: 1, late: 1 },
  ],
  late: 5,
  drift: 2,
})

const ORDERS = [
  orderSummary({
    orderId: 'ORDER-LATE',
    status: 'READY_FOR_HANDLING',
    late: true,
    drift: ['OMS_CANCELED', 'SOMETHING_NEW'],
    omsStatus: 'canceled',
  }),
  orderSummary({
    orderId: 'ORDER-FINE',
    status: 'PICKING',
    omsStatus: 'a-new-oms-status',
  }),
]

const renderBoard = (
  mocks: MockedResponse[],
  locale: 'en' | 'pt' | 'es' = 'en'
) => renderPage(<Board />, { mocks, locale })

const tiles = () => screen.getAllByTestId('board-tile')
const table = () => screen.getByTestId('board-orders')
const rowIds = () =>
  within(table())
    .getAllByTestId('board-order')
    .map((row) => within(row).getByRole('link').textContent)

const statusSelect = () =>
  within(screen.getByTestId('board-status-filter')).getByRole(
    'combobox'
  ) as HTMLSelectElement

const tile = (status: string) => {
  const found = tiles().find((t) => t.getAttribute('data-status') === status)

  if (!found) throw new Error(`no tile for ${status}`)

  return found
}

const tab = (name: RegExp) => screen.getByRole('tab', { name })

async function settled() {
  await screen.findByTestId('board-tiles')
  await screen.findByTestId('board-orders')
}

describe('board: tiles and totals', () => {
  it('shows a tile per status in flow order, unknown ones after as received', async () => {
    renderBoard([boardMock(BOARD), ordersMock({}, page(ORDERS))])
    await settled()

    expect(tiles().map((t) => t.getAttribute('data-status'))).toEqual([
      'READY_FOR_HANDLING',
      'PICKING',
      'ON_ROUTE',
      'CANCELED',
      'MYSTERY_STEP',
      'ANOTHER_ONE',
    ])

    const [first] = tiles()

    expect(first).toHaveTextContent('Ready for handling')
    expect(first).toHaveTextContent('12')
    expect(first).toHaveTextContent('3 late')
    expect(first).toHaveAccessibleName(
      'Ready for handling: 12 orders, 3 late. Filter the table by this status.'
    )
    expect(first).toHaveAttribute('aria-pressed', 'false')
    // An unknown status is shown as it came.
    expect(tiles()[4]).toHaveTextContent('MYSTERY_STEP')
    expect(tiles()[4]).toHaveAccessibleName(
      'MYSTERY_STEP: 1 order, 0 late. Filter the table by this status.'
    )
  })

  it('shows the late and drift totals and when the board was computed', async () => {
    renderBoard([boardMock(BOARD), ordersMock({}, page(ORDERS))])
    await settled()

    expect(screen.getByTestId('board-totals')).toHaveTextContent(
      '5 late orders·2 disagree with the OMS'
    )
    const time = new Date(UPDATED_AT).toLocaleTimeString('en', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })

    expect(screen.getByTestId('board-updated')).toHaveTextContent(
      `Updated at ${time}`
    )
    expect(
      screen.getByTestId('board-updated').querySelector('time')
    ).toHaveAttribute('dateTime', UPDATED_AT)
    // The tabs carry the same counts.
    expect(tab(/^Late/)).toHaveAccessibleName('Late 5')
    expect(tab(/^Disagrees/)).toHaveAccessibleName('Disagrees with OMS 2')
  })

  it('a tile filters the table by its status; pressed again, it clears it', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, page(ORDERS)),
      ordersMock({ status: 'READY_FOR_HANDLING' }, page([ORDERS[0]], 1)),
      ordersMock({}, page(ORDERS)),
    ])
    await settled()

    fireEvent.click(tiles()[0])
    expect(tiles()[0]).toHaveAttribute('aria-pressed', 'true')
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE']))
    // The status filter says the same.
    expect(statusSelect().value).toBe('READY_FOR_HANDLING')

    fireEvent.click(tiles()[0])
    expect(tiles()[0]).toHaveAttribute('aria-pressed', 'false')
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE', 'ORDER-FINE']))
  })

  it('the status filter offers the unknown statuses too, and filters the table', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, page(ORDERS)),
      ordersMock({ status: 'MYSTERY_STEP' }, page([], 0)),
    ])
    await settled()

    const select = statusSelect()

    const values = Array.from(select.options).map((o) => o.value)

    expect(values.slice(0, 2)).toEqual(['', 'READY_FOR_HANDLING'])
    expect(values.slice(-2)).toEqual(['MYSTERY_STEP', 'ANOTHER_ONE'])

    fireEvent.change(select, { target: { value: 'MYSTERY_STEP' } })
    expect(
      await screen.findByText('No orders match these filters')
    ).toBeInTheDocument()
    expect(
      tiles().find((t) => t.getAttribute('data-status') === 'MYSTERY_STEP')
    ).toHaveAttribute('aria-pressed', 'true')
  })
})

describe('board: tabs', () => {
  it('Late and Disagrees with OMS ask for the orders needing that attention', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, page(ORDERS)),
      ordersMock({ attention: 'LATE' }, page([ORDERS[0]], 1)),
      ordersMock({ attention: 'DRIFT' }, page([ORDERS[0]], 1)),
    ])
    await settled()

    expect(tab(/^All/)).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tabpanel')).toHaveAttribute(
      'aria-labelledby',
      tab(/^All/).id
    )

    fireEvent.click(tab(/^Late/))
    expect(tab(/^Late/)).toHaveAttribute('aria-selected', 'true')
    expect(tab(/^All/)).toHaveAttribute('aria-selected', 'false')
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE']))

    // Arrow keys move between tabs, as in any tab list.
    fireEvent.keyDown(tab(/^Late/), { key: 'ArrowRight' })
    expect(tab(/^Disagrees/)).toHaveAttribute('aria-selected', 'true')
    expect(tab(/^Disagrees/)).toHaveFocus()
    expect(tab(/^Disagrees/)).toHaveAttribute('tabindex', '0')
    expect(tab(/^Late/)).toHaveAttribute('tabindex', '-1')
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE']))
  })

  it('combines a tab with the status filter', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, page(ORDERS)),
      ordersMock({ attention: 'LATE' }, page([ORDERS[0]], 1)),
      ordersMock({ attention: 'LATE', status: 'PICKING' }, page([], 0)),
    ])
    await settled()

    fireEvent.click(tab(/^Late/))
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE']))
    fireEvent.click(tile('PICKING'))
    expect(
      await screen.findByText('No orders match these filters')
    ).toBeInTheDocument()
  })
})

describe('board: table', () => {
  it('shows each order: link, status, age, late marker, OMS status, drift, last change', async () => {
    const now = Date.now()

    const since = new Date(now - (2 * 60 + 25) * 60_000).toISOString()
    const lastChangeAt = new Date(now - 10 * 60_000).toISOString()

    const { navigate } = renderBoard([
      boardMock(BOARD),
      ordersMock({}, page([{ ...ORDERS[0], since, lastChangeAt }, ORDERS[1]])),
    ])

    await settled()

    expect(
      within(table())
        .getAllByRole('columnheader')
        .map((th) => th.textContent)
    ).toEqual([
      'Order',
      'Status',
      'In status since',
      'Late',
      'OMS status',
      'Disagreement with the OMS',
      'Last received',
    ])

    const [late, fine] = within(table()).getAllByTestId('board-order')
    const link = within(late).getByRole('link', { name: 'ORDER-LATE' })

    expect(link).toHaveAttribute(
      'href',
      '/admin/app/pick-and-pack/orders/ORDER-LATE'
    )
    expect(within(late).getByTestId('status-tag')).toHaveTextContent(
      'Ready for handling'
    )
    const cells = within(late).getAllByRole('cell')

    expect(cells[1]).toHaveTextContent('2 h ago')
    expect(cells[1].querySelector('time')).toHaveAttribute('dateTime', since)
    expect(cells[2]).toHaveTextContent('Late')
    expect(cells[3]).toHaveTextContent('Canceled')
    expect(
      within(cells[4])
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(['●Canceled in the OMS', '●SOMETHING_NEW'])
    expect(cells[5].querySelector('time')).toHaveAttribute(
      'dateTime',
      lastChangeAt
    )

    const fineCells = within(fine).getAllByRole('cell')

    expect(fineCells[2]).toHaveTextContent('On time')
    // An OMS status this page does not know is shown as it came.
    expect(fineCells[3]).toHaveTextContent('a-new-oms-status')
    expect(fineCells[4]).toHaveTextContent('—')

    fireEvent.click(link)
    expect(navigate).toHaveBeenCalledWith({
      to: '/admin/app/pick-and-pack/orders/ORDER-LATE',
    })

    // Ctrl+click is the browser's: a new tab, no navigation here.
    navigate.mockClear()
    const browserDefault = jest.fn((e: Event) => e.preventDefault())

    // jsdom cannot open a tab: stand in for the browser's default action.
    document.addEventListener('click', browserDefault)
    fireEvent.click(within(fine).getByRole('link'), { ctrlKey: true })
    document.removeEventListener('click', browserDefault)
    expect(navigate).not.toHaveBeenCalled()
    expect(browserDefault).toHaveBeenCalledTimes(1)
    expect(browserDefault.mock.calls[0][0].defaultPrevented).toBe(true)
  })

  it('names every drift code', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock(
        {},
        page([
          orderSummary({
            drift: [
              'OMS_CANCELED',
              'OMS_INVOICED_EARLY',
              'IDLE',
              'OMS_STATUS_MISMATCH',
            ],
          }),
        ])
      ),
    ])
    await settled()

    expect(
      within(table())
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace('●', ''))
    ).toEqual([
      'Canceled in the OMS',
      'Invoiced in the OMS before ready for invoicing',
      'External fulfillment',
      'Disagrees with the OMS',
    ])
  })

  // Three pages of 50 rows rendered in jsdom: about 3 s alone, more on a loaded CI machine.
  it('pages forward with the cursor and back with the ones before', async () => {
    const first = orderRange(1, 50)
    const second = orderRange(51, 50)
    const third = orderRange(101, 20)

    renderBoard([
      boardMock(BOARD),
      ordersMock({}, page(first, 120, 'cursor-2')),
      ordersMock({ after: 'cursor-2' }, page(second, 120, 'cursor-3')),
      ordersMock({ after: 'cursor-3' }, page(third, 120, null)),
      // Going back asks again (the page left stays, dimmed, meanwhile).
      ordersMock({ after: 'cursor-2' }, page(second, 120, 'cursor-3')),
      ordersMock({}, page(first, 120, 'cursor-2')),
    ])
    await settled()

    const previous = () => screen.getByRole('button', { name: 'Previous' })
    const next = () => screen.getByRole('button', { name: 'Next' })
    const range = () => screen.getByTestId('board-range').textContent

    expect(range()).toBe('1–50 of 120')
    expect(previous()).toHaveAttribute('aria-disabled', 'true')

    fireEvent.click(next())
    await waitFor(() => expect(rowIds()[0]).toBe('ORDER-0051'))
    expect(range()).toBe('51–100 of 120')
    expect(previous()).toHaveAttribute('aria-disabled', 'false')

    fireEvent.click(next())
    await waitFor(() => expect(rowIds()[0]).toBe('ORDER-0101'))
    expect(range()).toBe('101–120 of 120')
    expect(next()).toHaveAttribute('aria-disabled', 'true')

    fireEvent.click(previous())
    await waitFor(() => expect(rowIds()[0]).toBe('ORDER-0051'))
    expect(range()).toBe('51–100 of 120')

    fireEvent.click(previous())
    await waitFor(() => expect(rowIds()[0]).toBe('ORDER-0001'))
    expect(range()).toBe('1–50 of 120')
    expect(previous()).toHaveAttribute('aria-disabled', 'true')
  }, 20_000)

  // Apollo keeps the previous page's data while the next one loads: it must not pass for it.
  it('while the next page loads, the rows shown stay dimmed under their own range, and paging waits', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, page(orderRange(1, 50), 120, 'cursor-2')),
      ordersMock(
        { after: 'cursor-2' },
        page(orderRange(51, 50), 120, 'cursor-3'),
        { delay: 300 }
      ),
    ])
    await settled()

    const next = () => screen.getByRole('button', { name: 'Next' })
    const range = () => screen.getByTestId('board-range')

    fireEvent.click(next())
    await waitFor(() => expect(table()).toHaveAttribute('aria-busy', 'true'))
    expect(rowIds()[0]).toBe('ORDER-0001')
    expect(range()).toHaveTextContent('1–50 of 120')
    expect(next()).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('button', { name: 'Previous' })).toHaveAttribute(
      'aria-disabled',
      'true'
    )
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()

    await waitFor(() => expect(rowIds()[0]).toBe('ORDER-0051'))
    expect(table()).toHaveAttribute('aria-busy', 'false')
    expect(range()).toHaveTextContent('51–100 of 120')
    expect(next()).toHaveAttribute('aria-disabled', 'false')
  })

  it('while a tab loads, Next waits for its own first page (never the old cursor)', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, page(orderRange(1, 50), 120, 'cursor-2')),
      ordersMock(
        { attention: 'LATE' },
        page(orderRange(201, 50), 80, 'late-2'),
        { delay: 300 }
      ),
      ordersMock(
        { attention: 'LATE', after: 'late-2' },
        page(orderRange(251, 30), 80, null)
      ),
    ])
    await settled()

    const next = () => screen.getByRole('button', { name: 'Next' })

    fireEvent.click(tab(/^Late/))
    await waitFor(() => expect(table()).toHaveAttribute('aria-busy', 'true'))
    expect(next()).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()

    await waitFor(() => expect(rowIds()[0]).toBe('ORDER-0201'))
    expect(screen.getByTestId('board-range')).toHaveTextContent('1–50 of 80')
    fireEvent.click(next())
    // No mock for { attention: LATE, after: cursor-2 }: that request would show an error.
    await waitFor(() => expect(rowIds()[0]).toBe('ORDER-0251'))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('a filter change goes back to the first page', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, page(orderRange(1, 50), 60, 'cursor-2')),
      ordersMock({ after: 'cursor-2' }, page(orderRange(51, 10), 60, null)),
      ordersMock({ attention: 'LATE' }, page([ORDERS[0]], 1)),
    ])
    await settled()

    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(rowIds()[0]).toBe('ORDER-0051'))

    fireEvent.click(tab(/^Late/))
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE']))
    expect(screen.getByTestId('board-range')).toHaveTextContent('1–1 of 1')
    expect(screen.getByRole('button', { name: 'Previous' })).toHaveAttribute(
      'aria-disabled',
      'true'
    )
  })

  it('searches by the start of an order id, and clears the search', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, page(ORDERS)),
      ordersMock({ search: 'ORDER-L' }, page([ORDERS[0]], 1)),
      ordersMock({}, page(ORDERS)),
    ])
    await settled()

    const input = screen.getByLabelText('Search orders') as HTMLInputElement

    fireEvent.change(input, { target: { value: ' ORDER-L ' } })
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' })
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE']))

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE', 'ORDER-FINE']))
    expect(input.value).toBe('')
  })

  it('refuses a search that cannot start an order id, without asking the API', async () => {
    renderBoard([boardMock(BOARD), ordersMock({}, page(ORDERS))])
    await settled()

    const input = document.getElementById(
      'pnp-board-search'
    ) as HTMLInputElement

    fireEvent.change(input, { target: { value: 'bad id?' } })
    fireEvent.click(screen.getByRole('button', { name: 'Search' }))
    expect(
      screen.getByText('Use only letters, digits, - or _ (up to 64).')
    ).toBeInTheDocument()
    // No mock for it: a request would have turned the table into an error.
    expect(rowIds()).toEqual(['ORDER-LATE', 'ORDER-FINE'])
  })
})

describe('board: empty, loading and error states', () => {
  it('no orders yet: says to configure the webhook, with the settings link', async () => {
    renderBoard([boardMock(boardData()), ordersMock({}, page([]))])

    expect(screen.getByText('Loading the board…')).toBeInTheDocument()
    expect(screen.getByText('Loading orders…')).toBeInTheDocument()

    expect(await screen.findByText('No orders yet')).toBeInTheDocument()
    expect(
      screen.getByText(/^Configure the webhook in Pick and Pack/)
    ).toBeInTheDocument()
    expect(
      within(screen.getByTestId('board-empty')).getByRole('link', {
        name: 'Open app settings',
      })
    ).toHaveAttribute(
      'href',
      '/admin/apps/pnplabs.pick-and-pack-tracking@0.x/setup'
    )
    expect(screen.getByText('No orders on the board yet.')).toBeInTheDocument()
    // Nothing to export.
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
  })

  it('nothing late, nothing disagreeing', async () => {
    renderBoard([
      boardMock(boardData({ statuses: BOARD.statuses })),
      ordersMock({}, page(ORDERS)),
      ordersMock({ attention: 'LATE' }, page([])),
      ordersMock({ attention: 'DRIFT' }, page([])),
    ])
    await settled()

    fireEvent.click(tab(/^Late/))
    expect(await screen.findByText('Nothing late')).toBeInTheDocument()
    fireEvent.click(tab(/^Disagrees/))
    expect(
      await screen.findByText('Nothing disagrees with the OMS')
    ).toBeInTheDocument()
  })

  it('no match: Clear filters empties the status and the search', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, page(ORDERS)),
      ordersMock({ search: 'ZZZ' }, page([])),
      ordersMock({}, page(ORDERS)),
    ])
    await settled()

    fireEvent.change(screen.getByLabelText('Search orders'), {
      target: { value: 'ZZZ' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Search' }))
    expect(
      await screen.findByText('No orders match these filters')
    ).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE', 'ORDER-FINE']))
  })

  it('a failed board shows the shared error with a retry', async () => {
    renderBoard([
      boardMock(null, {
        errors: [rootError('fulfillmentBoard', 'STORE_UNAVAILABLE')],
      }),
      ordersMock({}, page(ORDERS)),
      boardMock(BOARD),
    ])

    const alert = await screen.findByRole('alert')

    expect(alert).toHaveAttribute('data-error-code', 'STORE_UNAVAILABLE')
    // The table does not depend on the board.
    await screen.findByTestId('board-orders')

    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByTestId('board-tiles')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('a failed table shows the shared error with a retry', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, null, {
        errors: [rootError('fulfillmentOrders', 'NOT_CONFIGURED')],
      }),
    ])

    const alert = await screen.findByRole('alert')

    expect(alert).toHaveAttribute('data-error-code', 'NOT_CONFIGURED')
    // Fixed in the settings, not by trying again.
    expect(
      within(alert).getByRole('link', { name: 'Open app settings' })
    ).toBeInTheDocument()
  })

  it('a user without the permission is told so, with no retry that cannot succeed', async () => {
    renderBoard([
      boardMock(null, {
        errors: [rootError('fulfillmentBoard', 'FORBIDDEN')],
      }),
      ordersMock({}, null, {
        errors: [rootError('fulfillmentOrders', 'UNAUTHENTICATED')],
      }),
    ])

    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2))
    const [board, orders] = screen.getAllByRole('alert')

    expect(board).toHaveTextContent(
      'You do not have permission for this' +
        'Your VTEX Admin user lacks the permission this needs. Ask an administrator of the account to add it to one of your roles; until then, trying again will not help.'
    )
    expect(orders).toHaveTextContent(
      'Your session has expired' +
        'Your VTEX Admin session expired. Reload the page and sign in again.'
    )
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
  })

  it('a table error that a retry fixes', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, null, {
        errors: [rootError('fulfillmentOrders', 'STORE_UNAVAILABLE')],
      }),
      ordersMock({}, page(ORDERS)),
    ])

    const alert = await screen.findByRole('alert')

    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE', 'ORDER-FINE']))
  })

  it.each([
    [
      'en',
      "The board's order counts could not be read",
      "The board's orders could not be listed",
    ],
    [
      'pt',
      'Não foi possível ler as contagens de pedidos do painel',
      'Não foi possível listar os pedidos do painel',
    ],
    [
      'es',
      'No se pudieron leer los recuentos de pedidos del panel',
      'No se pudieron listar los pedidos del panel',
    ],
  ] as const)(
    'with the store down, says the board could not be read, not the status history (%s)',
    async (locale, countsTitle, ordersTitle) => {
      renderBoard(
        [
          boardMock(null, {
            errors: [rootError('fulfillmentBoard', 'STORE_UNAVAILABLE')],
          }),
          ordersMock({}, null, {
            errors: [rootError('fulfillmentOrders', 'STORE_UNAVAILABLE')],
          }),
        ],
        locale
      )

      await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2))
      const [counts, orders] = screen.getAllByRole('alert')

      expect(within(counts).getByRole('heading')).toHaveTextContent(countsTitle)
      expect(within(orders).getByRole('heading')).toHaveTextContent(ordersTitle)
      expect(counts).not.toHaveTextContent(/histor/i)
      expect(orders).not.toHaveTextContent(/histor/i)
    }
  )

  it('renders in Portuguese', async () => {
    renderBoard(
      [
        boardMock(BOARD),
        ordersMock({}, page(ORDERS)),
        ordersMock({}, page([])),
      ],
      'pt'
    )
    await settled()

    expect(screen.getByTestId('board-totals')).toHaveTextContent(
      '5 pedidos atrasados·2 divergem do OMS'
    )
    expect(tiles()[0]).toHaveTextContent('3 atrasados')
    expect(tiles()[2]).toHaveTextContent('0 atrasados')
    expect(tab(/^Diverge do OMS/)).toBeInTheDocument()
    expect(within(table()).getAllByRole('row')[1]).toHaveTextContent(
      'Cancelado no OMS'
    )
    expect(
      screen.getByRole('button', { name: 'Exportar CSV' })
    ).toBeInTheDocument()
  })
})

describe('board: refresh', () => {
  afterEach(() => {
    jest.useRealTimers()
    Object.defineProperty(document, 'hidden', {
      configurable: true,
      get: () => false,
    })
  })

  async function advance(ms: number) {
    await act(async () => {
      jest.advanceTimersByTime(ms)
    })
  }

  it('asks again every 30 s while visible, not while the tab is hidden', async () => {
    jest.useFakeTimers()
    const boards = jest.fn()
    const pages = jest.fn()

    renderBoard([
      boardMock(BOARD, { repeat: boards }),
      ordersMock({}, page(ORDERS), { repeat: pages }),
    ])
    await settled()
    expect(boards).toHaveBeenCalledTimes(1)
    expect(pages).toHaveBeenCalledTimes(1)

    await advance(29_000)
    expect(boards).toHaveBeenCalledTimes(1)
    await advance(1_000)
    expect(boards).toHaveBeenCalledTimes(2)
    expect(pages).toHaveBeenCalledTimes(2)

    // Hidden: nothing for minutes.
    setHidden(true)
    await advance(120_000)
    expect(boards).toHaveBeenCalledTimes(2)
    expect(pages).toHaveBeenCalledTimes(2)

    // Back in view after more than 30 s: at once, then every 30 s again.
    setHidden(false)
    await advance(0)
    expect(boards).toHaveBeenCalledTimes(3)
    expect(pages).toHaveBeenCalledTimes(3)
    await advance(30_000)
    expect(boards).toHaveBeenCalledTimes(4)
    expect(pages).toHaveBeenCalledTimes(4)
  })

  it('back in view before the next refresh is due, it waits for it', async () => {
    jest.useFakeTimers()
    const boards = jest.fn()

    renderBoard([
      boardMock(BOARD, { repeat: boards }),
      ordersMock({}, page(ORDERS), { repeat: jest.fn() }),
    ])
    await settled()
    await advance(30_000)
    expect(boards).toHaveBeenCalledTimes(2)

    setHidden(true)
    await advance(10_000)
    setHidden(false)
    await advance(0)
    expect(boards).toHaveBeenCalledTimes(2)
    await advance(30_000)
    expect(boards).toHaveBeenCalledTimes(3)
  })

  it('the Refresh button asks for counts made now and shows them', async () => {
    jest.useFakeTimers()
    const boards = jest.fn()
    const fresh = jest.fn()

    renderBoard([
      boardMock(BOARD, { repeat: boards }),
      boardMock({ ...BOARD, late: 6 }, { fresh: true, repeat: fresh }),
      ordersMock({}, page(ORDERS), { repeat: jest.fn() }),
    ])
    await settled()

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }))
    await waitFor(() =>
      expect(screen.getByTestId('board-totals')).toHaveTextContent(
        '6 late orders'
      )
    )
    expect(fresh).toHaveBeenCalledTimes(1)
    expect(boards).toHaveBeenCalledTimes(1)

    // The next automatic refresh is 30 s after the manual one, and asks for the snapshot.
    await advance(29_000)
    expect(boards).toHaveBeenCalledTimes(1)
    await advance(1_000)
    expect(boards).toHaveBeenCalledTimes(2)
    expect(fresh).toHaveBeenCalledTimes(1)
  })

  /** Answers the board's snapshot queries in turn, the last one for good. */
  function boardsInTurn(...answers: Array<typeof BOARD>) {
    const boards = jest.fn()
    const mock = boardMock(BOARD, { repeat: boards })

    boards.mockImplementation(() => ({
      data: {
        fulfillmentBoard:
          answers[Math.min(boards.mock.calls.length, answers.length) - 1],
      },
    }))

    return { boards, mock }
  }

  const UPDATING = { ...BOARD, refreshing: true }

  it('counts being made again: says so, asks again in 2 s, then shows the new ones', async () => {
    jest.useFakeTimers()
    const later = '2026-11-20T10:31:00.000Z'
    const { boards, mock } = boardsInTurn(UPDATING, UPDATING, {
      ...BOARD,
      late: 7,
      updatedAt: later,
    })

    renderBoard([mock, ordersMock({}, page(ORDERS), { repeat: jest.fn() })])
    await settled()
    expect(screen.getByTestId('board-refreshing')).toHaveTextContent(
      'Updating counts…'
    )
    expect(screen.getByTestId('board-updated')).toHaveTextContent('Updated at')

    await advance(1_900)
    expect(boards).toHaveBeenCalledTimes(1)
    await advance(100)
    expect(boards).toHaveBeenCalledTimes(2)
    // Still being counted: once more.
    await advance(2_000)
    expect(boards).toHaveBeenCalledTimes(3)
    await waitFor(() =>
      expect(screen.getByTestId('board-totals')).toHaveTextContent(
        '7 late orders'
      )
    )
    expect(screen.queryByTestId('board-refreshing')).not.toBeInTheDocument()
    expect(
      screen.getByTestId('board-updated').querySelector('time')
    ).toHaveAttribute('dateTime', later)

    // Then only the 30 s rhythm.
    await advance(20_000)
    expect(boards).toHaveBeenCalledTimes(3)
  })

  it('asks again at most 5 times in a row, and not while the tab is hidden', async () => {
    jest.useFakeTimers()
    const { boards, mock } = boardsInTurn(UPDATING)

    renderBoard([mock, ordersMock({}, page(ORDERS), { repeat: jest.fn() })])
    await settled()

    setHidden(true)
    await advance(10_000)
    expect(boards).toHaveBeenCalledTimes(1)

    setHidden(false)
    for (let i = 0; i < 8; i++) {
      // eslint-disable-next-line no-await-in-loop
      await advance(2_000)
    }

    expect(boards).toHaveBeenCalledTimes(1 + 5)
    expect(screen.getByTestId('board-refreshing')).toBeInTheDocument()
  })

  it('stops when the page is left', async () => {
    jest.useFakeTimers()
    const boards = jest.fn()
    const { unmount } = renderBoard([
      boardMock(BOARD, { repeat: boards }),
      ordersMock({}, page(ORDERS), { repeat: jest.fn() }),
    ])

    await settled()
    unmount()
    await advance(120_000)
    expect(boards).toHaveBeenCalledTimes(1)
  })
})
