// The order page as the Admin opens it, with the order's requests mocked and no shipments.
import React from 'react'
import type { MockedResponse } from '@apollo/react-testing'

import PickAndPackOrder from '../../PickAndPackOrder'
import { ORDER_ID, shipmentsMock } from './fixtures'
import { renderPage } from './render'

export function renderOrderPage(
  mocks: readonly MockedResponse[],
  {
    orderId = ORDER_ID,
    locale = 'en',
  }: { orderId?: string; locale?: 'en' | 'pt' | 'es' } = {}
) {
  return renderPage(<PickAndPackOrder params={{ orderId }} />, {
    mocks: [...mocks, shipmentsMock([], { orderId })],
    locale,
  })
}
