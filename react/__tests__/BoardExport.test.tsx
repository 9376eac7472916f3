import React from 'react'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { MockedResponse } from '@apollo/react-testing'

import Board from '../components/Board'
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

const BOARD = boardData({
  statuses: [{ status: 'PICKING', count: 250, late: 1 }],
  late: 1,
  drift: 1,
})

const SPECIAL = orderSummary({
  orderId: 'ORDER-0001',
  status: 'READY_FOR_HANDLING',
  since: '2026-11-20T08:00:00.000Z',
  late: true,
  drift: ['OMS_CANCELED', 'IDLE'],
  omsStatus: 'canceled',
  lastChangeAt: '2026-11-20T08:05:00.000Z',
})

// 250 orders over three pages of 100: the first order has everything to translate.
const PAGE_1 = [SPECIAL, ...orderRange(2, 99)]
const PAGE_2 = orderRange(101, 100)
const PAGE_3 = orderRange(201, 50)

/** The text of the Blob given to URL.createObjectURL. */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()

    reader.onload = () => resolve(reader.result as string)
    reader.onerror = () => reject(reader.error)
    reader.readAsText(blob)
  })
}

let createObjectURL: jest.Mock
let revokeObjectURL: jest.Mock
let clicks: HTMLAnchorElement[]

beforeEach(() => {
  createObjectURL = jest.fn(() => 'blob:http://localhost/export-1')
  revokeObjectURL = jest.fn()
  clicks = []
  Object.assign(URL, { createObjectURL, revokeObjectURL })
  // jsdom cannot download: note which link was clicked instead.
  jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function click(this: HTMLAnchorElement) {
      clicks.push(this)
    })
})

afterEach(() => {
  jest.restoreAllMocks()
})

const exportButton = () => screen.getByRole('button', { name: 'Export CSV' })
const exportArea = () => screen.getByTestId('board-export')

function renderBoard(
  exportMocks: MockedResponse[],
  tableMocks?: MockedResponse[]
) {
  return renderPage(<Board />, {
    mocks: [
      boardMock(BOARD),
      ...(tableMocks ?? [ordersMock({}, page(PAGE_1.slice(0, 50), 250, 'c'))]),
      ...exportMocks,
    ],
  })
}

describe('board: CSV export', () => {
  it('fetches every page of the filter, shows its progress, then downloads the CSV', async () => {
    renderBoard([
      ordersMock({ first: 100 }, page(PAGE_1, 250, 'p2'), { delay: 20 }),
      ordersMock({ first: 100, after: 'p2' }, page(PAGE_2, 250, 'p3'), {
        delay: 20,
      }),
      ordersMock({ first: 100, after: 'p3' }, page(PAGE_3, 250, null), {
        delay: 20,
      }),
    ])
    await screen.findByTestId('board-orders')

    fireEvent.click(exportButton())
    expect(
      await within(exportArea()).findByText('Exported 100 of 250')
    ).toBeInTheDocument()
    expect(
      within(exportArea()).getByRole('button', { name: 'Cancel export' })
    ).toBeInTheDocument()
    expect(
      await within(exportArea()).findByText('Exported 200 of 250')
    ).toBeInTheDocument()
    expect(
      await within(exportArea()).findByText('Exported 250 orders.')
    ).toBeInTheDocument()

    // One file, downloaded through a Blob link.
    expect(createObjectURL).toHaveBeenCalledTimes(1)
    expect(clicks).toHaveLength(1)
    expect(clicks[0].href).toBe('blob:http://localhost/export-1')
    expect(clicks[0].download).toMatch(
      /^pick-and-pack-orders-\d{4}-\d\d-\d\d-\d{4}\.csv$/
    )
    // And a link to download it again.
    expect(
      within(exportArea()).getByRole('link', {
        name: 'Download the CSV again',
      })
    ).toHaveAttribute('href', 'blob:http://localhost/export-1')

    const [[blob]] = createObjectURL.mock.calls as Blob[][]

    expect(blob.type).toBe('text/csv;charset=utf-8')
    const csv = await readBlob(blob)
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n')

    expect(lines).toHaveLength(252) // header, 250 rows, final CRLF
    expect(lines[0]).toBe(
      'Order,Status,In status since,Late,OMS status,Disagreement with the OMS,Last received'
    )
    expect(lines[1]).toBe(
      'ORDER-0001,Ready for handling,2026-11-20T08:00:00.000Z,yes,Canceled,Canceled in the OMS; External fulfillment,2026-11-20T08:05:00.000Z'
    )
    expect(lines[2]).toBe(
      'ORDER-0002,Picking,2026-11-20T08:00:00.000Z,no,Handling,,2026-11-20T08:00:00.000Z'
    )
    expect(lines[250]).toMatch(/^ORDER-0250,/)
    expect(lines[251]).toBe('')
  })

  it('leaves the OMS status cell empty when the OMS status is not known, and keeps a code it cannot name', async () => {
    const orders = [
      orderSummary({ orderId: 'ORDER-0001', omsStatus: null }),
      orderSummary({ orderId: 'ORDER-0002', omsStatus: 'waiting-ffmt' }),
    ]

    renderBoard([ordersMock({ first: 100 }, page(orders, 2, null))])
    await screen.findByTestId('board-orders')
    fireEvent.click(exportButton())
    expect(
      await within(exportArea()).findByText('Exported 2 orders.')
    ).toBeInTheDocument()
    const csv = await readBlob(createObjectURL.mock.calls[0][0])
    const [, unknown, unnamed] = csv.split('\r\n')

    // A spreadsheet filters on empty cells; the page's "—" would read as a status.
    expect(unknown.split(',')[4]).toBe('')
    expect(unnamed.split(',')[4]).toBe('waiting-ffmt')
  })

  it('exports what the tab, status and search select', async () => {
    renderBoard(
      [
        ordersMock(
          { first: 100, attention: 'LATE', status: 'PICKING', search: 'ORD' },
          page([SPECIAL], 1, null)
        ),
      ],
      [
        ordersMock({}, page(PAGE_1.slice(0, 50), 250, 'c')),
        ordersMock({ attention: 'LATE' }, page([SPECIAL], 1)),
        ordersMock(
          { attention: 'LATE', status: 'PICKING' },
          page([SPECIAL], 1)
        ),
        ordersMock(
          { attention: 'LATE', status: 'PICKING', search: 'ORD' },
          page([SPECIAL], 1)
        ),
      ]
    )
    await screen.findByTestId('board-orders')

    fireEvent.click(screen.getByRole('tab', { name: /^Late/ }))
    await waitFor(() =>
      expect(screen.getByTestId('board-range')).toHaveTextContent('1–1 of 1')
    )
    fireEvent.click(screen.getByTestId('board-tile'))
    fireEvent.change(screen.getByLabelText('Search orders'), {
      target: { value: 'ORD' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Search' }))
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Clear' })).toBeInTheDocument()
    )
    await waitFor(() => expect(exportButton()).toBeEnabled())

    fireEvent.click(exportButton())
    expect(
      await within(exportArea()).findByText('Exported 1 order.')
    ).toBeInTheDocument()
    const csv = await readBlob(createObjectURL.mock.calls[0][0])

    expect(csv.split('\r\n')[1]).toMatch(/^ORDER-0001,/)
  })

  it('can be canceled between two pages: no file', async () => {
    renderBoard([
      ordersMock({ first: 100 }, page(PAGE_1, 250, 'p2')),
      ordersMock({ first: 100, after: 'p2' }, page(PAGE_2, 250, 'p3'), {
        delay: 200,
      }),
    ])
    await screen.findByTestId('board-orders')

    fireEvent.click(exportButton())
    await within(exportArea()).findByText('Exported 100 of 250')
    fireEvent.click(
      within(exportArea()).getByRole('button', { name: 'Cancel export' })
    )
    expect(
      within(exportArea()).getByText('Export canceled.')
    ).toBeInTheDocument()
    expect(exportButton()).toBeEnabled()

    // The page that was in flight answers: ignored.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(
      within(exportArea()).getByText('Export canceled.')
    ).toBeInTheDocument()
    expect(createObjectURL).not.toHaveBeenCalled()
    expect(clicks).toHaveLength(0)
  })

  it('a failed page stops the export with the error and a retry', async () => {
    renderBoard([
      ordersMock({ first: 100 }, page(PAGE_1, 250, 'p2')),
      ordersMock({ first: 100, after: 'p2' }, null, {
        errors: [rootError('fulfillmentOrders', 'STORE_UNAVAILABLE')],
      }),
      // The retry starts over.
      ordersMock({ first: 100 }, page(PAGE_1, 150, 'p2')),
      ordersMock({ first: 100, after: 'p2' }, page(PAGE_2.slice(0, 50), 150)),
    ])
    await screen.findByTestId('board-orders')

    fireEvent.click(exportButton())
    const failure = await screen.findByTestId('board-export-error')

    expect(failure).toHaveTextContent('The CSV export stopped.')
    expect(within(failure).getByRole('alert')).toHaveAttribute(
      'data-error-code',
      'STORE_UNAVAILABLE'
    )
    expect(createObjectURL).not.toHaveBeenCalled()

    fireEvent.click(within(failure).getByRole('button', { name: 'Try again' }))
    expect(
      await within(exportArea()).findByText('Exported 150 orders.')
    ).toBeInTheDocument()
    expect(screen.queryByTestId('board-export-error')).not.toBeInTheDocument()
  })

  it('a network failure is shown too', async () => {
    renderBoard([
      { ...ordersMock({ first: 100 }, null), error: new Error('offline') },
    ])
    await screen.findByTestId('board-orders')

    fireEvent.click(exportButton())
    const failure = await screen.findByTestId('board-export-error')

    expect(within(failure).getByRole('alert')).toHaveAttribute(
      'data-error-code',
      'NETWORK_ERROR'
    )
  })

  it('a new export releases the previous file', async () => {
    renderBoard([
      ordersMock({ first: 100 }, page(PAGE_3, 50)),
      ordersMock({ first: 100 }, page(PAGE_3, 50)),
    ])
    await screen.findByTestId('board-orders')

    fireEvent.click(exportButton())
    await within(exportArea()).findByText('Exported 50 orders.')
    fireEvent.click(exportButton())
    await waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(2))
    expect(revokeObjectURL).toHaveBeenCalledWith(
      'blob:http://localhost/export-1'
    )
  })
})
