// A block that reads again keeps its data when a read fails: it must say that the read failed,
// since when the data shown dates, and offer to try again, instead of passing it for current.
import React from 'react'
import { act, fireEvent, screen, within } from '@testing-library/react'
import type { DocumentNode } from 'graphql'

import Board, { REFRESH_MS as BOARD_REFRESH_MS } from '../components/Board'
import Maintenance, {
  REFRESH_MS as MAINTENANCE_REFRESH_MS,
} from '../components/Maintenance'
import MAINTENANCE from '../components/Maintenance/graphql/maintenance.gql'
import RecentChanges, {
  REFRESH_MS as RECENT_REFRESH_MS,
} from '../components/RecentChanges'
import RECENT_STATUS_CHANGES from '../components/RecentChanges/graphql/recentStatusChanges.gql'
import WebhookHealth, {
  REFRESH_MS as WEBHOOK_REFRESH_MS,
} from '../components/WebhookHealth'
import WEBHOOK_HEALTH from '../components/WebhookHealth/graphql/webhookHealth.gql'
import { POLL_MS as ORDER_POLL_MS } from '../components/OrderView'
import FULFILLMENT_BOARD from '../components/Board/graphql/fulfillmentBoard.gql'
import {
  boardData,
  boardMock,
  orderRange,
  ordersMock,
  ordersVariables,
  page,
} from './setup/board'
import { maintenanceData, maintenanceMock } from './setup/maintenance'
import {
  fulfillment,
  orderMock,
  orderNetworkError,
  shipmentsMock,
} from './setup/fixtures'
import { renderOrderPage } from './setup/orderPage'
import { renderPage } from './setup/render'
import { setHidden } from './setup/visibility'
import { webhookHealth, webhookHealthMock } from './setup/webhookHealth'
import FULFILLMENT_ORDERS from '../components/Board/graphql/fulfillmentOrders.gql'

const NOW = new Date('2026-11-20T12:00:00.000Z').getTime()

async function flush() {
  for (let i = 0; i < 3; i += 1) {
    // Apollo's MockLink answers on a timer; let it and React settle.
    // eslint-disable-next-line no-await-in-loop
    await act(async () => {
      jest.advanceTimersByTime(1)
      await Promise.resolve()
    })
  }
}

async function wait(ms: number) {
  await act(async () => {
    jest.advanceTimersByTime(ms)
  })
  await flush()
}

const down = (query: DocumentNode, variables?: object) => ({
  request: { query, ...(variables ? { variables } : {}) },
  error: new Error('connection refused'),
})

// The board's two reads, answering or down.
const counts = boardMock(boardData({ late: 2 }))
const orders = ordersMock({}, page(orderRange(1, 3)))
const boardDown = [
  down(FULFILLMENT_BOARD, { fresh: false }),
  down(FULFILLMENT_ORDERS, ordersVariables()),
]

beforeEach(() => {
  jest.useFakeTimers({ now: NOW })
  setHidden(false)
})

afterEach(() => {
  jest.useRealTimers()
})

/** The notice says the read failed and the time of the data still shown; Try again clears it. */
async function expectStaleThenRetry(panelTestId: string) {
  const notice = within(screen.getByTestId(panelTestId)).getByTestId(
    'stale-notice'
  )

  expect(notice).toHaveAttribute('role', 'alert')
  expect(notice).toHaveTextContent(
    'Could not update (Could not reach the server). Showing what was read at 12:00:00 PM.'
  )
  fireEvent.click(within(notice).getByRole('button', { name: 'Try again' }))
  await flush()
  expect(
    within(screen.getByTestId(panelTestId)).queryByTestId('stale-notice')
  ).toBeNull()
}

describe('a failed refresh is said, with when the data shown was read', () => {
  it('webhook panel', async () => {
    renderPage(<WebhookHealth />, {
      mocks: [
        webhookHealthMock(),
        down(WEBHOOK_HEALTH),
        webhookHealthMock(webhookHealth({ hostnameFilter: null })),
      ],
    })
    await flush()
    expect(screen.queryByTestId('stale-notice')).toBeNull()

    await wait(WEBHOOK_REFRESH_MS)
    // The data stays, and its time is the read that answered, not the one that failed.
    expect(screen.getByTestId('webhook-hostname')).toHaveTextContent(
      'sandboxstore'
    )
    expect(screen.getByTestId('webhook-updated')).toHaveTextContent(
      'Updated at 12:00:00 PM'
    )
    await expectStaleThenRetry('webhook-health')
    expect(screen.getByTestId('webhook-hostname')).not.toHaveTextContent(
      'sandboxstore'
    )
    expect(screen.getByTestId('webhook-updated')).toHaveTextContent(
      'Updated at 12:00:30 PM'
    )
  })

  it('recent changes', async () => {
    const variables = { first: 20, status: null }
    const answer = {
      request: { query: RECENT_STATUS_CHANGES, variables },
      result: {
        data: {
          recentStatusChanges: [
            {
              orderId: 'ORDER-1',
              oldStatus: 'PICKING',
              newStatus: 'PACKING',
              hostname: 'sandboxstore',
              receivedAt: '2026-11-20T11:00:00.000Z',
            },
          ],
        },
      },
    }

    renderPage(<RecentChanges />, {
      mocks: [answer, down(RECENT_STATUS_CHANGES, variables), answer],
    })
    await flush()
    expect(screen.queryByTestId('stale-notice')).toBeNull()

    await wait(RECENT_REFRESH_MS)
    expect(screen.getAllByTestId('recent-change')).toHaveLength(1)
    expect(screen.getByTestId('recent-updated')).toHaveTextContent(
      'Updated at 12:00:00 PM'
    )
    await expectStaleThenRetry('recent-changes')
    expect(screen.getByTestId('recent-updated')).toHaveTextContent(
      'Updated at 12:00:30 PM'
    )
  })

  it('keeping up to date', async () => {
    renderPage(<Maintenance />, {
      mocks: [
        maintenanceMock(maintenanceData()),
        down(MAINTENANCE),
        maintenanceMock(maintenanceData()),
      ],
    })
    await flush()
    expect(screen.queryByTestId('stale-notice')).toBeNull()

    await wait(MAINTENANCE_REFRESH_MS)
    await expectStaleThenRetry('maintenance')
  })

  it('board: counts or orders', async () => {
    renderPage(<Board />, {
      mocks: [counts, orders, ...boardDown, counts, orders],
    })
    await flush()
    expect(screen.queryByTestId('stale-notice')).toBeNull()

    await wait(BOARD_REFRESH_MS)
    expect(screen.getByTestId('board-totals')).toHaveTextContent('2')
    await expectStaleThenRetry('board')
  })

  it('order page: each panel whose refresh failed', async () => {
    renderOrderPage([
      ...orderMock(fulfillment()),
      ...orderNetworkError(new Error('socket hang up')),
      shipmentsMock([]),
      ...orderMock(fulfillment()),
      shipmentsMock([]),
    ])
    await flush()
    expect(screen.getByTestId('oms-status')).toBeInTheDocument()
    expect(screen.queryByTestId('stale-notice')).toBeNull()

    await wait(ORDER_POLL_MS)
    // Pick and Pack, OMS and history failed; shipments answered.
    const notices = screen.getAllByTestId('stale-notice')

    expect(notices).toHaveLength(3)
    notices.forEach((notice) =>
      expect(notice).toHaveTextContent(
        'Could not update (Could not reach the server). Showing what was read at 12:00:00 PM.'
      )
    )
    expect(screen.getByTestId('oms-status')).toBeInTheDocument()

    await wait(ORDER_POLL_MS)
    expect(screen.queryByTestId('stale-notice')).toBeNull()
  })
})

describe('a successful poll moves the time the data shown was read', () => {
  const readAtSecondPoll =
    'Could not update (Could not reach the server). Showing what was read at 12:00:30 PM.'

  it('webhook panel', async () => {
    renderPage(<WebhookHealth />, {
      mocks: [webhookHealthMock(), webhookHealthMock(), down(WEBHOOK_HEALTH)],
    })
    await flush()
    await wait(WEBHOOK_REFRESH_MS)
    expect(screen.getByTestId('webhook-updated')).toHaveTextContent(
      'Updated at 12:00:30 PM'
    )
    await wait(WEBHOOK_REFRESH_MS)
    expect(screen.getByTestId('stale-notice')).toHaveTextContent(
      readAtSecondPoll
    )
  })

  it('board: counts and orders', async () => {
    renderPage(<Board />, {
      mocks: [counts, orders, counts, orders, ...boardDown],
    })
    await flush()
    await wait(BOARD_REFRESH_MS)
    await wait(BOARD_REFRESH_MS)
    expect(screen.getByTestId('stale-notice')).toHaveTextContent(
      readAtSecondPoll
    )
  })

  it('order page', async () => {
    renderOrderPage([
      ...orderMock(fulfillment()),
      shipmentsMock([]),
      ...orderMock(fulfillment()),
      shipmentsMock([]),
      ...orderNetworkError(new Error('socket hang up')),
      shipmentsMock([]),
    ])
    await flush()
    await wait(ORDER_POLL_MS)
    await wait(ORDER_POLL_MS)
    const notices = screen.getAllByTestId('stale-notice')

    expect(notices).toHaveLength(3)
    // Polled every 15 s: the second poll answered at 12:00:15.
    notices.forEach((notice) =>
      expect(notice).toHaveTextContent(
        'Could not update (Could not reach the server). Showing what was read at 12:00:15 PM.'
      )
    )
  })
})
