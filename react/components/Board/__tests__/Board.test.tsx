import React from 'react'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { MockedResponse } from '@apollo/react-testing'

import Board from '..'
import Pagination from '../Pagination'
import {
  boardData,
  boardMock,
  orderRange,
  orderSummary,
  ordersMock,
  page,
} from '../../../__tests__/setup/board'
import { renderPage } from '../../../__tests__/setup/render'

const LONG_UNKNOWN = 'WAITING_FOR_THE_EXTERNAL_WAREHOUSE_CONFIRMATION_STEP'

const BOARD = boardData({
  statuses: [
    { status: 'WAITING_FOR_DELIVERY_COMPANY', count: 3, late: 0 },
    { status: LONG_UNKNOWN, count: 1, late: 0 },
  ],
})

const renderBoard = (
  mocks: MockedResponse[],
  locale: 'en' | 'pt' | 'es' = 'en'
) => renderPage(<Board />, { mocks, locale })

const table = () => screen.getByTestId('board-orders')
const rowIds = () =>
  within(table())
    .getAllByTestId('board-order')
    .map((row) => within(row).getByRole('link').textContent)

async function settled() {
  await screen.findByTestId('board-tiles')
  await screen.findByTestId('board-orders')
}

describe('board: long status names stay readable', () => {
  it.each([
    ['en', 'Waiting for courier'],
    ['pt', 'Aguardando transportadora'],
    ['es', 'Esperando transportista'],
  ] as const)(
    'in %s, a tile label wraps instead of being cut, with its whole name as a title',
    async (locale, name) => {
      renderBoard(
        [boardMock(BOARD), ordersMock({}, page([orderSummary()]))],
        locale
      )
      await settled()

      const labels = screen.getAllByTestId('board-tile-label')

      expect(labels.map((label) => label.getAttribute('title'))).toEqual([
        name,
        LONG_UNKNOWN,
      ])

      for (const label of labels) {
        expect(label).not.toHaveClass('truncate')
        expect(label).not.toHaveClass('nowrap')
        expect(label).toHaveStyle({ overflowWrap: 'anywhere' })
      }
    }
  )

  it('a long unknown status in the table wraps instead of pushing the columns off-screen', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock(
        {},
        page([
          orderSummary({
            orderId: 'ORDER-ODD',
            status: LONG_UNKNOWN,
            omsStatus: 'some-very-long-new-oms-status-name',
          }),
          orderSummary({ orderId: 'ORDER-USUAL' }),
        ])
      ),
    ])
    await settled()

    const [odd, usual] = within(table()).getAllByTestId('board-order')

    for (const cell of [
      within(odd).getByTestId('board-status'),
      within(odd).getByTestId('board-oms-status'),
    ]) {
      expect(cell).not.toHaveClass('nowrap')
      expect(cell).toHaveStyle({ overflowWrap: 'anywhere' })
    }

    expect(within(odd).getByTestId('board-status')).toHaveTextContent(
      LONG_UNKNOWN
    )
    // A known name is short: it keeps to one line.
    expect(within(usual).getByTestId('board-status')).toHaveClass('nowrap')
    expect(within(usual).getByTestId('board-oms-status')).toHaveClass('nowrap')
  })
})

describe('board: the last column says when the app received the change', () => {
  it.each([
    ['en', 'Last received'],
    ['pt', 'Último recebimento'],
    ['es', 'Última recepción'],
  ] as const)('in %s', async (locale, header) => {
    renderBoard(
      [boardMock(BOARD), ordersMock({}, page([orderSummary()]))],
      locale
    )
    await settled()

    const headers = within(table())
      .getAllByRole('columnheader')
      .map((th) => th.textContent)

    expect(headers[headers.length - 1]).toBe(header)
    expect(headers).not.toContain('Last change')
  })
})

describe('board: paging keeps the keyboard focus', () => {
  it('Next stays focused and focusable while the next page loads, and a second press asks nothing', async () => {
    renderBoard([
      boardMock(BOARD),
      ordersMock({}, page(orderRange(1, 50), 70, 'cursor-2')),
      // Answered once: a second request for it would find no mock and show an error.
      ordersMock({ after: 'cursor-2' }, page(orderRange(51, 20), 70, null), {
        delay: 200,
      }),
    ])
    await settled()

    const next = () => screen.getByRole('button', { name: 'Next' })

    next().focus()
    fireEvent.click(next())

    await waitFor(() => expect(table()).toHaveAttribute('aria-busy', 'true'))
    expect(next()).not.toBeDisabled()
    expect(next()).toHaveAttribute('aria-disabled', 'true')
    expect(next()).toHaveFocus()

    fireEvent.click(next())

    // A loaded machine may take longer than waitFor's default second for the delayed page.
    await waitFor(() => expect(rowIds()[0]).toBe('ORDER-0051'), {
      timeout: 5000,
    })
    // The last page: Next can do no more, yet keeps the focus.
    expect(next()).toHaveAttribute('aria-disabled', 'true')
    expect(next()).not.toBeDisabled()
    expect(next()).toHaveFocus()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('ignores presses while busy or without a page to go to', () => {
    const onNext = jest.fn()
    const onPrevious = jest.fn()
    const props = {
      pageIndex: 0,
      pageSize: 50,
      shown: 50,
      total: 120,
      onNext,
      onPrevious,
    }

    const { unmount } = renderPage(
      <Pagination {...props} hasPrevious={false} hasNext busy />
    )

    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }))
    expect(onNext).not.toHaveBeenCalled()
    expect(onPrevious).not.toHaveBeenCalled()
    unmount()

    renderPage(
      <Pagination {...props} hasPrevious={false} hasNext busy={false} />
    )
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAttribute(
      'aria-disabled',
      'false'
    )
    fireEvent.click(screen.getByRole('button', { name: 'Next' }))
    expect(onNext).toHaveBeenCalledTimes(1)
  })
})
