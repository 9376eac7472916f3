import React from 'react'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { MockedResponse } from '@apollo/react-testing'

import PickAndPackOrder from '../PickAndPackOrder'
import { renderPage } from './setup/render'
import {
  ORDER_ID,
  fulfillment,
  omsOrder,
  orderMock,
  orderNetworkError,
  panelError,
  pickAndPackOrder,
  shipmentsMock,
} from './setup/fixtures'

/** The order's mocks plus no shipments (twice: Refresh asks again). */
function withShipments(mocks: readonly MockedResponse[], orderId = ORDER_ID) {
  return [
    ...mocks,
    shipmentsMock([], { orderId }),
    shipmentsMock([], { orderId }),
  ]
}

function renderOrder(mocks: readonly MockedResponse[], orderId = ORDER_ID) {
  return renderPage(<PickAndPackOrder params={{ orderId }} />, {
    mocks: withShipments(mocks, orderId),
  })
}

const omsPanel = () => within(screen.getByTestId('oms-panel'))
const pnpPanel = () => within(screen.getByTestId('pnp-panel'))

describe('order view', () => {
  it('shows each panel loading, then both halves of the order', async () => {
    renderOrder([...orderMock(fulfillment())])

    expect(omsPanel().getByText('Loading the OMS order…')).toBeInTheDocument()
    expect(
      pnpPanel().getByText('Loading from Pick and Pack…')
    ).toBeInTheDocument()

    expect(await omsPanel().findByText('Jane Doe')).toBeInTheDocument()
    expect(
      screen.getByRole('heading', { level: 1, name: `Order ${ORDER_ID}` })
    ).toBeInTheDocument()

    // OMS: status, customer, money in the order currency, items with line totals
    expect(omsPanel().getByTestId('oms-status')).toHaveTextContent('Handling')
    expect(omsPanel().getByTestId('oms-total')).toHaveTextContent('R$38.75')
    expect(omsPanel().getByText('R$31.50')).toBeInTheDocument()
    expect(omsPanel().getByText(/Nov 20, 2026/)).toBeInTheDocument()
    // One link to the OMS on the page: the header's.
    expect(screen.getAllByText('Open in OMS ↗')).toHaveLength(1)
    expect(omsPanel().queryByText('Open in OMS ↗')).not.toBeInTheDocument()

    // Pick and Pack: tag, progress, picked items, shipping
    expect(pnpPanel().getByTestId('status-tag')).toHaveTextContent('On route')
    expect(pnpPanel().getByTestId('status-tag')).toHaveAttribute(
      'data-phase',
      'shipping'
    )
    // What the count counts: the ordered lines, by what became of each.
    expect(
      pnpPanel().getByText(
        '3 of 3 lines handled: 1 picked, 1 picked short, 1 missing'
      )
    ).toBeInTheDocument()
    expect(pnpPanel().getByAltText('Banana 1kg')).toHaveAttribute(
      'src',
      'https://img.example.com/banana.jpg'
    )
    expect(
      pnpPanel().getByText('EAN 7891000000011 · Ref. BAN-1')
    ).toBeInTheDocument()
    expect(
      pnpPanel().getByText('Tracking TRK-88 · On route')
    ).toBeInTheDocument()
    const service = within(pnpPanel().getByTestId('shipping-service'))

    expect(service.getByText('FastCourier')).toBeInTheDocument()
    expect(service.getByText(/Ana Driver/)).toHaveTextContent(
      'Ana Driver (Bike)'
    )
    const track = service.getByText('Track ↗')

    expect(track).toHaveAttribute('href', 'https://track.example.com/TRK-88')
    expect(track).toHaveAttribute('target', '_blank')
    expect(track.getAttribute('rel')).toContain('noopener')
    expect(service.getByTestId('evidence-image')).toHaveAttribute(
      'src',
      'https://cdn.example.com/proof/door.png'
    )
    expect(service.getByTestId('evidence-text')).toHaveTextContent(
      'Left with the doorman'
    )
    // A long note or URL wraps inside the card on a phone.
    expect(service.getByTestId('evidence-text')).toHaveStyle({
      overflowWrap: 'anywhere',
    })
  })

  it('shows the reconciliation badges and the history newest first', async () => {
    renderOrder([...orderMock(fulfillment())])
    await screen.findByText('Jane Doe')

    const rows = screen.getAllByTestId('reconciliation-row')

    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual([
      'SHORT',
      'COMPLETE',
      'MISSING',
      'EXTRA',
    ])
    expect(within(rows[0]).getByText('Short')).toBeInTheDocument()
    expect(within(rows[0]).getByText('3')).toBeInTheDocument()
    expect(within(rows[0]).getByText('2')).toBeInTheDocument()
    expect(within(rows[1]).getByText('Complete')).toBeInTheDocument()
    expect(within(rows[2]).getByText('Missing')).toBeInTheDocument()
    expect(within(rows[3]).getByText('Extra')).toBeInTheDocument()

    const history = screen.getAllByTestId('history-entry')

    expect(history).toHaveLength(2)
    // 10:02 PICKING → READY_FOR_PACKING comes before 09:40 READY_FOR_PICKING → PICKING
    expect(history[0]).toHaveTextContent('Ready for packing')
    expect(history[1]).toHaveTextContent('Ready for picking')
  })

  it('shows empty states when there is nothing yet', async () => {
    renderOrder([
      ...orderMock(
        fulfillment({
          pickAndPack: pickAndPackOrder({
            pickedItems: [],
            shipping: null,
            fulfillmentStatus: 'READY_FOR_PICKING',
          }),
          oms: omsOrder({ items: [] }),
          history: [],
          items: [],
        })
      ),
    ])

    expect(
      await pnpPanel().findByText('Nothing picked yet.')
    ).toBeInTheDocument()
    expect(
      pnpPanel().getByText('No shipping information yet.')
    ).toBeInTheDocument()
    expect(omsPanel().getByText('This order has no items.')).toBeInTheDocument()
    expect(screen.getByText('No items to compare.')).toBeInTheDocument()
    expect(
      screen.getByText('No status change received for this order yet.')
    ).toBeInTheDocument()
  })

  it.each([
    ['NOT_CONFIGURED', 'Pick and Pack is not configured'],
    ['PNP_UNAUTHORIZED', 'Pick and Pack refused the Api-Key'],
  ])(
    '%s points to the app settings and keeps the OMS panel',
    async (code, title) => {
      renderOrder([
        ...orderMock(fulfillment({ pickAndPack: null, items: [] }), [
          panelError('pickAndPack', code),
        ]),
      ])

      expect(await pnpPanel().findByText(title)).toBeInTheDocument()
      expect(
        pnpPanel().getByText('Open app settings').closest('a')
      ).toHaveAttribute(
        'href',
        '/admin/apps/pnplabs.pick-and-pack-tracking@0.x/setup'
      )
      expect(pnpPanel().queryByText('Try again')).not.toBeInTheDocument()
      // One panel failing never blanks the other.
      expect(omsPanel().getByText('Jane Doe')).toBeInTheDocument()
      expect(
        screen.getByTestId('reconciliation-unavailable')
      ).toBeInTheDocument()
    }
  )

  it('PNP_ORDER_NOT_FOUND explains the order is not handled by Pick and Pack', async () => {
    renderOrder([
      ...orderMock(fulfillment({ pickAndPack: null, items: [] }), [
        panelError('pickAndPack', 'PNP_ORDER_NOT_FOUND'),
      ]),
    ])

    expect(
      await pnpPanel().findByText('Order not handled by Pick and Pack')
    ).toBeInTheDocument()
    expect(
      pnpPanel().getByText(/has no record of this order/)
    ).toBeInTheDocument()
    expect(omsPanel().getByText('Jane Doe')).toBeInTheDocument()
  })

  it('PNP_UNAVAILABLE offers a retry that refetches', async () => {
    renderOrder([
      ...orderMock(fulfillment({ pickAndPack: null, items: [] }), [
        panelError('pickAndPack', 'PNP_UNAVAILABLE'),
      ]),
      ...orderMock(fulfillment()),
    ])

    expect(
      await pnpPanel().findByText('Pick and Pack is not responding')
    ).toBeInTheDocument()
    expect(omsPanel().getByText('Jane Doe')).toBeInTheDocument()

    fireEvent.click(pnpPanel().getByText('Try again'))

    expect(
      await pnpPanel().findByText(/^3 of 3 lines handled/)
    ).toBeInTheDocument()
    expect(
      pnpPanel().queryByText('Pick and Pack is not responding')
    ).not.toBeInTheDocument()
  })

  it('OMS_ORDER_NOT_FOUND says the order does not exist, Pick and Pack still shown', async () => {
    renderOrder([
      ...orderMock(fulfillment({ oms: null, items: [] }), [
        panelError('oms', 'OMS_ORDER_NOT_FOUND'),
      ]),
    ])

    expect(
      await omsPanel().findByText('Order not found in the OMS')
    ).toBeInTheDocument()
    expect(omsPanel().queryByText('Try again')).not.toBeInTheDocument()
    expect(pnpPanel().getByTestId('status-tag')).toHaveTextContent('On route')
    // Without the OMS order there is no line count, only what was picked.
    expect(pnpPanel().getByText('2 items picked')).toBeInTheDocument()
  })

  it('OMS_UNAUTHORIZED points at the app permissions, not at an OMS outage', async () => {
    renderOrder([
      ...orderMock(fulfillment({ oms: null, items: [] }), [
        panelError('oms', 'OMS_UNAUTHORIZED'),
      ]),
    ])

    expect(
      await omsPanel().findByText('The OMS refused the app')
    ).toBeInTheDocument()
    expect(
      omsPanel().getByText(/accept the permissions it asks for/)
    ).toBeInTheDocument()
    expect(
      omsPanel().queryByText('The OMS is not responding')
    ).not.toBeInTheDocument()
    // Trying again cannot help until the permissions are accepted.
    expect(omsPanel().queryByText('Try again')).not.toBeInTheDocument()
  })

  it('OMS_UNAVAILABLE offers a retry that refetches', async () => {
    renderOrder([
      ...orderMock(fulfillment({ oms: null, items: [] }), [
        panelError('oms', 'OMS_UNAVAILABLE'),
      ]),
      ...orderMock(fulfillment()),
    ])

    expect(
      await omsPanel().findByText('The OMS is not responding')
    ).toBeInTheDocument()
    expect(pnpPanel().getByText('Picked', { exact: false })).toBeInTheDocument()

    fireEvent.click(omsPanel().getByText('Try again'))

    expect(await omsPanel().findByText('Jane Doe')).toBeInTheDocument()
  })

  it('shows both failures side by side', async () => {
    renderOrder([
      ...orderMock(fulfillment({ oms: null, pickAndPack: null, items: [] }), [
        panelError('oms', 'OMS_UNAVAILABLE'),
        panelError('pickAndPack', 'PNP_ORDER_NOT_FOUND'),
      ]),
    ])

    expect(
      await omsPanel().findByText('The OMS is not responding')
    ).toBeInTheDocument()
    expect(
      pnpPanel().getByText('Order not handled by Pick and Pack')
    ).toBeInTheDocument()
  })

  it('a network failure shows a retry in both panels', async () => {
    renderOrder([
      ...orderNetworkError(new Error('socket hang up')),
      ...orderMock(fulfillment()),
    ])

    await waitFor(() =>
      expect(screen.getAllByText('Could not reach the server')).toHaveLength(2)
    )
    fireEvent.click(omsPanel().getByText('Try again'))
    expect(await omsPanel().findByText('Jane Doe')).toBeInTheDocument()
  })

  it('an invalid id in the address sends no request', async () => {
    // No mock: a request would fail the render with "No more mocked responses".
    renderOrder([], 'bad id!')

    expect(screen.getByText('Invalid order id')).toBeInTheDocument()
    expect(screen.queryByTestId('oms-panel')).not.toBeInTheDocument()
  })

  it('Refresh refetches and the back link goes home', async () => {
    const { navigate } = renderPage(
      <PickAndPackOrder params={{ orderId: ORDER_ID }} />,
      {
        mocks: withShipments([
          ...orderMock(
            fulfillment({
              pickAndPack: pickAndPackOrder({ fulfillmentStatus: 'PACKING' }),
            })
          ),
          ...orderMock(fulfillment()),
        ]),
      }
    )

    expect(
      await pnpPanel().findByText('Packing', { selector: 'div' })
    ).toBeInTheDocument()
    fireEvent.click(screen.getByText('Refresh'))
    await waitFor(() =>
      expect(pnpPanel().getByTestId('status-tag')).toHaveTextContent('On route')
    )

    fireEvent.click(
      screen.getByText('Pick and Pack', { selector: 'button *, button' })
    )
    expect(navigate).toHaveBeenCalledWith({ to: '/admin/app/pick-and-pack' })
  })

  it('header links to the order in the OMS', async () => {
    renderOrder([...orderMock(fulfillment())])
    await screen.findByText('Jane Doe')
    const header = screen.getByText('Open in OMS ↗').closest('a')

    expect(header).toHaveAttribute('href', `/admin/orders/${ORDER_ID}`)
    expect(header).toHaveAttribute('target', '_blank')
  })

  it('renders in Portuguese from messages/pt.json', async () => {
    renderPage(<PickAndPackOrder params={{ orderId: ORDER_ID }} />, {
      mocks: withShipments([
        ...orderMock(fulfillment({ pickAndPack: null, items: [] }), [
          panelError('pickAndPack', 'PNP_ORDER_NOT_FOUND'),
        ]),
      ]),
      locale: 'pt',
    })

    expect(
      await screen.findByText('Pedido não tratado pelo Pick and Pack')
    ).toBeInTheDocument()
    expect(screen.getByText(`Pedido ${ORDER_ID}`)).toBeInTheDocument()
    expect(screen.getByText('Atualizar')).toBeInTheDocument()
    expect(
      (omsPanel().getByTestId('oms-total').textContent ?? '').replace(
        /\s/g,
        ' '
      )
    ).toBe('R$ 38,75')
  })

  it('names a known OMS status in the page language', async () => {
    renderPage(<PickAndPackOrder params={{ orderId: ORDER_ID }} />, {
      mocks: withShipments([
        ...orderMock(
          fulfillment({
            oms: omsOrder({
              status: 'invoiced',
              statusDescription: 'Faturado',
            }),
          })
        ),
      ]),
    })

    expect(await omsPanel().findByTestId('oms-status')).toHaveTextContent(
      'Invoiced'
    )
  })

  it('shows an OMS status it does not know with the OMS description', async () => {
    renderOrder([
      ...orderMock(
        fulfillment({
          oms: omsOrder({
            status: 'waiting-ffmt-authorization',
            statusDescription: 'Aguardando autorização',
          }),
        })
      ),
    ])

    expect(await omsPanel().findByTestId('oms-status')).toHaveTextContent(
      'Aguardando autorização'
    )
  })
})
