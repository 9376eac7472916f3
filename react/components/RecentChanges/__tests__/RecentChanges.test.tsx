import React from 'react'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'

import RecentChanges from '..'
import RECENT_STATUS_CHANGES from '../graphql/recentStatusChanges.gql'
import type { StatusChange } from '../../OrderView/types'
import { renderPage } from '../../../__tests__/setup/render'

const CHANGES: StatusChange[] = [
  {
    orderId: 'ORDER-3',
    oldStatus: 'PICKING',
    newStatus: 'On Hold',
    hostname: 'store.example.com',
    receivedAt: '2026-11-20T12:00:00.000Z',
  },
  {
    orderId: 'ORDER-2',
    oldStatus: 'LEGACY_WAIT',
    newStatus: 'READY_FOR_PACKING',
    hostname: 'store.example.com',
    receivedAt: '2026-11-20T11:00:00.000Z',
  },
]

function recentMock(status: string | null, changes: StatusChange[]) {
  return {
    request: { query: RECENT_STATUS_CHANGES, variables: { first: 20, status } },
    result: { data: { recentStatusChanges: changes } },
  }
}

const options = () =>
  within(screen.getByTestId('recent-changes'))
    .getAllByRole('option')
    .map((option) => (option as HTMLOptionElement).value)

describe('recent changes: the filter offers the statuses the list shows', () => {
  it('adds the unknown statuses of the list after the known ones, once each', async () => {
    renderPage(<RecentChanges />, {
      mocks: [recentMock(null, [...CHANGES, CHANGES[0]])],
    })
    await screen.findByText('ORDER-2')

    const values = options()

    // "All statuses", the 17 known ones, then the list's own.
    expect(values).toHaveLength(20)
    expect(values.slice(-2)).toEqual(['On Hold', 'LEGACY_WAIT'])
  })

  it('filters by an unknown status, and keeps it offered while its rows load', async () => {
    renderPage(<RecentChanges />, {
      mocks: [recentMock(null, CHANGES), recentMock('On Hold', [CHANGES[0]])],
    })
    await screen.findByText('ORDER-2')

    const select = within(screen.getByTestId('recent-changes')).getByRole(
      'combobox'
    ) as HTMLSelectElement

    fireEvent.change(select, { target: { value: 'On Hold' } })
    expect(select.value).toBe('On Hold')

    await waitFor(() =>
      expect(screen.queryByText('ORDER-2')).not.toBeInTheDocument()
    )
    expect(screen.getByText('ORDER-3')).toBeInTheDocument()
    expect(select.value).toBe('On Hold')
    expect(options()).toContain('On Hold')
  })
})
