// An order page that cannot show the order (unknown, or a malformed id) offers the search for
// another, instead of a dead end.
import { fireEvent, screen, within } from '@testing-library/react'

import { renderOrderPage } from './setup/orderPage'
import { unknownOrder } from './setup/fixtures'

function search(region: HTMLElement, orderId: string) {
  const form = within(region).getByRole('search', { name: 'Find an order' })

  fireEvent.change(within(form).getByLabelText('Order id'), {
    target: { value: orderId },
  })
  fireEvent.click(within(form).getByRole('button', { name: 'Open order' }))
}

describe('order page: a way on from an order it cannot show', () => {
  it('order not found: search another', async () => {
    const { navigate } = renderOrderPage(unknownOrder('NOPE-01', []), {
      orderId: 'NOPE-01',
    })

    search(
      await screen.findByTestId('order-not-found-page'),
      '1253881550441-01'
    )
    expect(navigate).toHaveBeenCalledWith({
      to: '/admin/app/pick-and-pack/orders/1253881550441-01',
    })
  })

  it('malformed id: search another', async () => {
    const { navigate } = renderOrderPage([], { orderId: 'bad id' })

    search(await screen.findByTestId('order-invalid-id'), '1253881550441-01')
    expect(navigate).toHaveBeenCalledWith({
      to: '/admin/app/pick-and-pack/orders/1253881550441-01',
    })
  })
})
