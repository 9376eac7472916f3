import { screen, within } from '@testing-library/react'

import { fulfillment, orderMock } from '../../../__tests__/setup/fixtures'
import { renderOrderPage } from '../../../__tests__/setup/orderPage'

const renderOrder = (drift: string[], locale: 'en' | 'pt' | 'es' = 'en') =>
  renderOrderPage(orderMock(fulfillment({ drift })), { locale })

describe('order view: where Pick and Pack and the OMS disagree', () => {
  it('says why, in the OMS panel, as the board does', async () => {
    renderOrder(['OMS_CANCELED', 'OMS_INVOICED_EARLY'])
    const panel = within(await screen.findByTestId('oms-panel'))

    expect(await panel.findByTestId('oms-drift')).toHaveTextContent(
      'Disagrees with Pick and Pack: Canceled in the OMS; Invoiced in the OMS before ready for invoicing.'
    )
  })

  it('in the page language', async () => {
    renderOrder(['OMS_CANCELED'], 'pt')

    expect(await screen.findByTestId('oms-drift')).toHaveTextContent(
      /^Diverge do Pick and Pack: /
    )
  })

  it('says nothing when they agree', async () => {
    renderOrder([])
    await screen.findByTestId('oms-status')

    expect(screen.queryByTestId('oms-drift')).not.toBeInTheDocument()
  })
})
