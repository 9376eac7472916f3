import React from 'react'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { GraphQLError } from 'graphql'
import type { MockedResponse } from '@apollo/react-testing'

import PickAndPackHome from '../PickAndPackHome'
import PICK_AND_PACK_CONNECTION from '../components/ConnectionBanner/graphql/pickAndPackConnection.gql'
import RECENT_STATUS_CHANGES from '../components/RecentChanges/graphql/recentStatusChanges.gql'
import type { StatusChange } from '../components/OrderView/types'
import { emptyBoardMocks } from './setup/board'
import { maintenanceData, maintenanceMock } from './setup/maintenance'
import { renderPage } from './setup/render'
import { webhookHealthMock } from './setup/webhookHealth'

function connectionMock(ok: boolean, code: string | null = null) {
  return {
    request: { query: PICK_AND_PACK_CONNECTION },
    result: {
      data: {
        pickAndPackConnection: {
          ok,
          code,
          message: null,
          checkedAt: '2026-11-20T10:32:00.000Z',
        },
      },
    },
  }
}

const CHANGES: StatusChange[] = [
  {
    orderId: 'ORDER-2',
    oldStatus: 'PACKING',
    newStatus: 'READY_FOR_INVOICING',
    hostname: 'store.example.com',
    receivedAt: '2026-11-20T11:00:00.000Z',
  },
  {
    orderId: 'ORDER-1',
    oldStatus: 'PICKING',
    newStatus: 'READY_FOR_PACKING',
    hostname: 'store.example.com',
    receivedAt: '2026-11-20T10:00:00.000Z',
  },
]

function recentMock(status: string | null, changes: StatusChange[]) {
  return {
    request: { query: RECENT_STATUS_CHANGES, variables: { first: 20, status } },
    result: { data: { recentStatusChanges: changes } },
  }
}

// The board and the maintenance panel above answer empty: these tests are about the parts
// below them.
function renderHome(mocks: MockedResponse[]) {
  return renderPage(<PickAndPackHome />, {
    mocks: [
      ...emptyBoardMocks(),
      maintenanceMock(maintenanceData()),
      webhookHealthMock(),
      ...mocks,
    ],
  })
}

describe('home: order search', () => {
  // Once in error, the label also holds the message: find the input by its id instead.
  const input = () =>
    document.getElementById('pnp-order-search') as HTMLInputElement

  it('labels the input', async () => {
    renderHome([connectionMock(true), recentMock(null, [])])

    expect(screen.getByLabelText('Order id')).toBe(input())
    expect(
      screen.getByRole('heading', { level: 1, name: 'Pick and Pack' })
    ).toBeInTheDocument()
    await screen.findByText('No status change received yet')
  })

  it('an invalid id shows a validation message and goes nowhere', async () => {
    const { navigate } = renderHome([
      connectionMock(true),
      recentMock(null, []),
    ])

    fireEvent.change(input(), { target: { value: 'not valid!' } })
    fireEvent.keyDown(input(), { key: 'Enter', code: 'Enter' })

    expect(
      screen.getByText('Enter an order id of 1 to 64 letters, digits, - or _.')
    ).toBeInTheDocument()
    expect(navigate).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('Open order'))
    expect(navigate).not.toHaveBeenCalled()

    // Typing again clears the message.
    fireEvent.change(input(), { target: { value: 'ok-1' } })
    expect(
      screen.queryByText(
        'Enter an order id of 1 to 64 letters, digits, - or _.'
      )
    ).not.toBeInTheDocument()
    await screen.findByText('No status change received yet')
  })

  it('Enter opens the order page', async () => {
    const { navigate } = renderHome([
      connectionMock(true),
      recentMock(null, []),
    ])

    fireEvent.change(input(), { target: { value: '  1253881550433-01 ' } })
    fireEvent.keyDown(input(), { key: 'Enter', code: 'Enter' })

    expect(navigate).toHaveBeenCalledWith({
      to: '/admin/app/pick-and-pack/orders/1253881550433-01',
    })
    await screen.findByText('No status change received yet')
  })

  it('the button opens the order page too', async () => {
    const { navigate } = renderHome([
      connectionMock(true),
      recentMock(null, []),
    ])

    fireEvent.change(input(), { target: { value: 'ABC_1' } })
    fireEvent.click(screen.getByText('Open order'))

    expect(navigate).toHaveBeenCalledWith({
      to: '/admin/app/pick-and-pack/orders/ABC_1',
    })
    await screen.findByText('No status change received yet')
  })
})

describe('home: connection banner', () => {
  it('says when connected', async () => {
    renderHome([connectionMock(true), recentMock(null, [])])

    expect(
      screen.getByText('Checking the connection to Pick and Pack…')
    ).toBeInTheDocument()
    expect(
      await screen.findByText(
        'Connected to Pick and Pack: the Api-Key is valid.'
      )
    ).toBeInTheDocument()
  })

  it.each([
    [
      'NOT_CONFIGURED',
      'Pick and Pack is not configured yet: add your Api-Key in the app settings.',
    ],
    ['PNP_UNAUTHORIZED', /Pick and Pack refused the Api-Key/],
  ])('%s links to the app settings', async (code, text) => {
    renderHome([connectionMock(false, code), recentMock(null, [])])

    expect(await screen.findByText(text)).toBeInTheDocument()
    expect(
      within(screen.getByTestId('connection-banner'))
        .getByText('Open app settings')
        .closest('a')
    ).toHaveAttribute(
      'href',
      '/admin/apps/pnplabs.pick-and-pack-tracking@0.x/setup'
    )
  })

  it('PNP_UNAVAILABLE offers to check again', async () => {
    renderHome([
      connectionMock(false, 'PNP_UNAVAILABLE'),
      recentMock(null, []),
      connectionMock(true),
    ])

    expect(
      await screen.findByText(/Pick and Pack is not responding right now/)
    ).toBeInTheDocument()
    fireEvent.click(screen.getByText('Check again'))
    expect(
      await screen.findByText(
        'Connected to Pick and Pack: the Api-Key is valid.'
      )
    ).toBeInTheDocument()
  })
})

describe('home: connection banner, other failures', () => {
  it.each([
    [
      'SETTINGS_UNAVAILABLE',
      'VTEX did not return the app settings just now, so the connection could not be checked. Check again in a moment.',
    ],
    [
      'PNP_BAD_ANSWER',
      'Pick and Pack answered, but not in a form this app can read. Check again; if it keeps happening, contact support.',
    ],
  ])(
    '%s says what happened, not that Pick and Pack is down',
    async (code, text) => {
      renderHome([
        connectionMock(false, code),
        recentMock(null, []),
        connectionMock(true),
      ])

      expect(await screen.findByText(text)).toBeInTheDocument()
      expect(
        screen.queryByText(/Pick and Pack is not responding/)
      ).not.toBeInTheDocument()
      // Both can pass: checking again is offered.
      fireEvent.click(screen.getByText('Check again'))
      expect(
        await screen.findByText(
          'Connected to Pick and Pack: the Api-Key is valid.'
        )
      ).toBeInTheDocument()
    }
  )
})

describe('home: connection banner, when the check itself is refused', () => {
  function refusedMock(code: string) {
    return {
      request: { query: PICK_AND_PACK_CONNECTION },
      result: {
        data: null,
        errors: [
          new GraphQLError(
            'refused',
            undefined,
            undefined,
            undefined,
            ['pickAndPackConnection'],
            undefined,
            { code }
          ),
        ],
      },
    }
  }

  it.each([
    [
      'FORBIDDEN',
      'You do not have permission for this',
      'Your VTEX Admin user lacks the permission this needs.',
    ],
    [
      'UNAUTHENTICATED',
      'Your session has expired',
      'Your VTEX Admin session expired. Reload the page and sign in again.',
    ],
  ])(
    '%s says why, with no "Check again" that cannot pass',
    async (code, title, description) => {
      renderHome([refusedMock(code), recentMock(null, [])])

      const banner = screen.getByTestId('connection-banner')

      expect(await within(banner).findByText(title)).toBeInTheDocument()
      expect(banner).toHaveTextContent(description)
      expect(banner).not.toHaveTextContent(
        'Could not check the connection to Pick and Pack.'
      )
      expect(within(banner).queryByText('Check again')).not.toBeInTheDocument()
    }
  )

  it('a check that failed for another reason still offers to check again', async () => {
    renderHome([
      refusedMock('INTERNAL_SERVER_ERROR'),
      recentMock(null, []),
      connectionMock(true),
    ])

    const banner = screen.getByTestId('connection-banner')

    expect(
      await within(banner).findByText(
        'Could not check the connection to Pick and Pack.'
      )
    ).toBeInTheDocument()
    fireEvent.click(within(banner).getByText('Check again'))
    expect(
      await screen.findByText(
        'Connected to Pick and Pack: the Api-Key is valid.'
      )
    ).toBeInTheDocument()
  })
})

describe('home: recent status changes', () => {
  it('lists changes, and a row opens its order', async () => {
    const { navigate } = renderHome([
      connectionMock(true),
      recentMock(null, CHANGES),
    ])

    const link = await screen.findByText('ORDER-2')

    expect(screen.getByText('ORDER-1')).toBeInTheDocument()
    expect(
      within(screen.getByTestId('recent-changes'))
        .getAllByTestId('status-tag')
        .map((t) => t.textContent)
    ).toEqual(['Ready for invoicing', 'Ready for packing'])

    fireEvent.click(link)
    expect(navigate).toHaveBeenCalledWith({
      to: '/admin/app/pick-and-pack/orders/ORDER-2',
    })
    expect(navigate).toHaveBeenCalledTimes(1)

    fireEvent.click(screen.getAllByText('store.example.com')[1])
    expect(navigate).toHaveBeenLastCalledWith({
      to: '/admin/app/pick-and-pack/orders/ORDER-1',
    })
  })

  it('filters by status through the API', async () => {
    renderHome([
      connectionMock(true),
      recentMock(null, CHANGES),
      recentMock('READY_FOR_PACKING', [CHANGES[1]]),
      recentMock('CANCELED', []),
    ])
    await screen.findByText('ORDER-2')

    const select = within(screen.getByTestId('recent-changes')).getByRole(
      'combobox'
    )

    fireEvent.change(select, { target: { value: 'READY_FOR_PACKING' } })
    await waitFor(() =>
      expect(screen.queryByText('ORDER-2')).not.toBeInTheDocument()
    )
    expect(screen.getByText('ORDER-1')).toBeInTheDocument()

    fireEvent.change(select, { target: { value: 'CANCELED' } })
    expect(
      await screen.findByText('No recent change to this status')
    ).toBeInTheDocument()
  })

  it('offers every status and "all" in the filter', async () => {
    renderHome([connectionMock(true), recentMock(null, [])])
    await screen.findByText('No status change received yet')

    const options = within(screen.getByTestId('recent-changes')).getAllByRole(
      'option'
    )

    expect(options.map((o) => (o as HTMLOptionElement).value)).toContain('')
    expect(options.map((o) => o.textContent)).toEqual(
      expect.arrayContaining([
        'All statuses',
        'On route',
        'Waiting for pickup',
        'Canceled',
      ])
    )
    expect(options).toHaveLength(18)
  })

  it('shows an error with a retry', async () => {
    renderHome([
      connectionMock(true),
      {
        request: {
          query: RECENT_STATUS_CHANGES,
          variables: { first: 20, status: null },
        },
        result: {
          data: null,
          errors: [
            new GraphQLError(
              'boom',
              undefined,
              undefined,
              undefined,
              ['recentStatusChanges'],
              undefined,
              { code: 'INTERNAL_SERVER_ERROR' }
            ),
          ],
        },
      },
      recentMock(null, CHANGES),
    ])

    expect(await screen.findByText('Something went wrong')).toBeInTheDocument()
    fireEvent.click(screen.getByText('Try again'))
    expect(await screen.findByText('ORDER-2')).toBeInTheDocument()
  })

  it('renders in Portuguese', async () => {
    renderPage(<PickAndPackHome />, {
      mocks: [
        ...emptyBoardMocks(),
        maintenanceMock(maintenanceData()),
        connectionMock(false, 'NOT_CONFIGURED'),
        recentMock(null, []),
      ],
      locale: 'pt',
    })

    expect(
      await screen.findByText('Nenhuma mudança de status recebida ainda')
    ).toBeInTheDocument()
    expect(
      within(screen.getByTestId('connection-banner')).getByText(
        'Abrir configurações do app'
      )
    ).toBeInTheDocument()
    expect(screen.getByLabelText('ID do pedido')).toBeInTheDocument()
  })
})
