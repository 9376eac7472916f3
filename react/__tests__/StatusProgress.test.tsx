import React from 'react'
import { screen, within } from '@testing-library/react'

import StatusProgress from '../components/StatusProgress'
import StatusTag from '../components/StatusTag'
import { renderPage } from './setup/render'

const steps = () =>
  within(
    screen.getByRole('list', { name: 'Fulfillment progress' })
  ).getAllByRole('listitem')

describe('StatusProgress', () => {
  it('marks the current step of a flow status', () => {
    renderPage(<StatusProgress status="ON_ROUTE" />)

    const items = steps()

    expect(items).toHaveLength(13)
    const current = items.filter(
      (li) => li.getAttribute('aria-current') === 'step'
    )

    expect(current).toHaveLength(1)
    expect(current[0]).toHaveAttribute('title', 'On route')
    expect(items.filter((li) => li.dataset.state === 'done')).toHaveLength(11)
    expect(items[12]).toHaveAttribute('title', 'Delivered')
    expect(screen.getByText('Step 12 of 13: On route')).toBeInTheDocument()
  })

  it('ends in Waiting for pickup when the order waits there', () => {
    renderPage(<StatusProgress status="WAITING_FOR_PICKUP" />)

    const items = steps()

    expect(items[12]).toHaveAttribute('aria-current', 'step')
    expect(items[12]).toHaveAttribute('title', 'Waiting for pickup')
    expect(items.some((li) => li.getAttribute('title') === 'Delivered')).toBe(
      false
    )
    expect(
      screen.getByText('Step 13 of 13: Waiting for pickup')
    ).toBeInTheDocument()
  })

  it.each([
    ['CANCELED', 'Canceled', 'The order was canceled.'],
    ['RETURNED', 'Returned', 'The order came back to the store.'],
    ['IDLE', 'Idle (external)', 'Fulfilled outside Pick and Pack.'],
  ])(
    'shows %s as an exception, not as a step',
    (status, label, description) => {
      renderPage(<StatusProgress status={status} />)

      expect(screen.queryByRole('list')).not.toBeInTheDocument()
      expect(screen.getByTestId('progress-exception')).toHaveTextContent(
        `Outside the fulfillment flow: ${label}`
      )
      expect(screen.getByText(description)).toBeInTheDocument()
    }
  )

  it('shows an unknown status as it came, without crashing', () => {
    renderPage(<StatusProgress status="PENDING_SOMETHING_NEW" />)

    expect(screen.queryByRole('list')).not.toBeInTheDocument()
    expect(screen.getByTestId('progress-unknown')).toHaveTextContent(
      'PENDING_SOMETHING_NEW'
    )
  })
})

describe('StatusTag', () => {
  it.each([
    ['READY_FOR_HANDLING', 'handling', 'Ready for handling'],
    ['PICKING', 'picking', 'Picking'],
    ['PACKING', 'packing', 'Packing'],
    ['INVOICED', 'invoicing', 'Invoiced'],
    ['WAITING_FOR_DELIVERY_COMPANY', 'shipping', 'Waiting for courier'],
    ['DELIVERED', 'delivered', 'Delivered'],
    ['CANCELED', 'exception', 'Canceled'],
    ['toString', 'unknown', 'toString'],
  ])('%s is a %s tag reading %s', (status, phase, text) => {
    renderPage(<StatusTag status={status} />)

    expect(screen.getByTestId('status-tag')).toHaveAttribute(
      'data-phase',
      phase
    )
    expect(screen.getByTestId('status-tag')).toHaveTextContent(text)
  })
})
