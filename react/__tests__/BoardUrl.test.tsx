import React from 'react'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { MockedResponse } from '@apollo/react-testing'

import Board from '../components/Board'
import { BrowserRuntime, RuntimeContext } from '../../dev/admin/renderRuntime'
import {
  boardData,
  boardMock,
  orderRange,
  orderSummary,
  ordersMock,
  page,
  rootError,
} from './setup/board'
import { renderPage } from './setup/render'

const HOME = '/admin/app/pick-and-pack'
const BOARD = boardData({
  statuses: [{ status: 'PICKING', count: 3, late: 1 }],
  late: 1,
  drift: 0,
})

const LATE_ORDER = orderSummary({ orderId: 'ORDER-LATE', late: true })
const OTHER_ORDER = orderSummary({ orderId: 'ORDER-OTHER' })

// The board as the admin route shows it: its runtime follows the browser's URL.
function openBoard(url: string, mocks: MockedResponse[]) {
  window.history.replaceState(null, '', url)

  return renderPage(
    <BrowserRuntime
      routes={[{ id: 'admin.app.pick-and-pack', path: HOME, component: Board }]}
      locale="en"
    />,
    { mocks }
  )
}

const query = () => new URLSearchParams(window.location.search)
const tab = (name: RegExp) => screen.getByRole('tab', { name })
const rowIds = () =>
  within(screen.getByTestId('board-orders'))
    .getAllByTestId('board-order')
    .map((row) => within(row).getByRole('link').textContent)

const statusSelect = () =>
  within(screen.getByTestId('board-status-filter')).getByRole(
    'combobox'
  ) as HTMLSelectElement

const searchBox = () =>
  screen.getByLabelText('Search orders') as HTMLInputElement

afterEach(() => window.history.replaceState(null, '', '/'))

describe('board: tab, filters and page in the URL', () => {
  it('a link with a tab, status, search and page opens the board on them', async () => {
    openBoard(
      `${HOME}?tab=late&status=PICKING&search=ORDER-L&pages=cursor-2&locale=pt`,
      [
        boardMock(BOARD),
        ordersMock(
          {
            attention: 'LATE',
            status: 'PICKING',
            search: 'ORDER-L',
            after: 'cursor-2',
          },
          page([LATE_ORDER], 51)
        ),
      ]
    )

    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE']))
    expect(tab(/^Late/)).toHaveAttribute('aria-selected', 'true')
    expect(statusSelect().value).toBe('PICKING')
    expect(searchBox().value).toBe('ORDER-L')
    expect(screen.getByTestId('board-range')).toHaveTextContent('51–51 of 51')
  })

  it('a change goes into the URL, and Back undoes it', async () => {
    openBoard(`${HOME}?locale=es`, [
      boardMock(BOARD),
      ordersMock({}, page([OTHER_ORDER, LATE_ORDER])),
      ordersMock({ attention: 'LATE' }, page([LATE_ORDER])),
      ordersMock({}, page([OTHER_ORDER, LATE_ORDER])),
    ])

    await waitFor(() => expect(rowIds()).toHaveLength(2))
    fireEvent.click(tab(/^Late/))
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE']))
    expect(query().get('tab')).toBe('late')
    // The page's own parameters stay.
    expect(query().get('locale')).toBe('es')

    await act(async () => {
      window.history.back()
      await waitFor(() => expect(query().get('tab')).toBeNull())
    })
    await waitFor(() =>
      expect(tab(/^All/)).toHaveAttribute('aria-selected', 'true')
    )
    await waitFor(() => expect(rowIds()).toHaveLength(2))
    expect(query().get('locale')).toBe('es')
  })

  it('paging and filtering write the page and drop it again', async () => {
    openBoard(HOME, [
      boardMock(BOARD),
      ordersMock({}, page(orderRange(1, 50), 60, 'cursor-2')),
      ordersMock({ after: 'cursor-2' }, page(orderRange(51, 10), 60)),
      ordersMock({ status: 'PICKING' }, page([OTHER_ORDER])),
    ])

    await waitFor(() => expect(rowIds()).toHaveLength(50))
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(rowIds()[0]).toBe('ORDER-0051'))
    expect(query().get('pages')).toBe('cursor-2')

    fireEvent.change(statusSelect(), { target: { value: 'PICKING' } })
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-OTHER']))
    expect(query().get('status')).toBe('PICKING')
    expect(query().get('pages')).toBeNull()
    // Fifty rows a page: slow under a full run.
  }, 20_000)

  it('values the board cannot use fall back to the defaults, without an error', async () => {
    openBoard(
      `${HOME}?tab=someday&status=%3Cscript%3E&search=no%20spaces&pages=%25%25,x`,
      [boardMock(BOARD), ordersMock({}, page([OTHER_ORDER]))]
    )

    await waitFor(() => expect(rowIds()).toEqual(['ORDER-OTHER']))
    expect(tab(/^All/)).toHaveAttribute('aria-selected', 'true')
    expect(statusSelect().value).toBe('')
    expect(searchBox().value).toBe('')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('a page the API refuses from the URL opens the first page instead', async () => {
    openBoard(`${HOME}?tab=late&pages=not-a-cursor`, [
      boardMock(BOARD),
      ordersMock({ attention: 'LATE', after: 'not-a-cursor' }, null, {
        errors: [rootError('fulfillmentOrders', 'BAD_USER_INPUT')],
      }),
      ordersMock({ attention: 'LATE' }, page([LATE_ORDER])),
    ])

    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE']))
    expect(query().get('pages')).toBeNull()
    expect(query().get('tab')).toBe('late')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('filters all the same where the runtime cannot take the query', async () => {
    renderPage(
      <RuntimeContext.Provider
        value={{
          navigate: () => undefined,
          query: {},
          setQuery: undefined as never,
          route: { params: {} },
          culture: { locale: 'en' },
        }}
      >
        <Board />
      </RuntimeContext.Provider>,
      {
        mocks: [
          boardMock(BOARD),
          ordersMock({}, page([OTHER_ORDER, LATE_ORDER])),
          ordersMock({ attention: 'LATE' }, page([LATE_ORDER])),
        ],
      }
    )

    await waitFor(() => expect(rowIds()).toHaveLength(2))
    fireEvent.click(tab(/^Late/))
    await waitFor(() => expect(rowIds()).toEqual(['ORDER-LATE']))
    expect(tab(/^Late/)).toHaveAttribute('aria-selected', 'true')
  })
})
