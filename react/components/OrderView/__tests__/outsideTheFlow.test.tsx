// Orders Pick and Pack did not fulfil (IDLE: fulfilled outside it), and ids neither side
// knows: the page does not contradict itself.
import { screen, waitFor, within } from '@testing-library/react'

import { renderOrderPage as renderOrder } from '../../../__tests__/setup/orderPage'
import {
  fulfillment,
  omsOrder,
  orderMock,
  resultLine,
  unknownOrder,
  v1PickAndPackOrder,
} from '../../../__tests__/setup/fixtures'

const pnpPanel = () => within(screen.getByTestId('pnp-panel'))

// As Pick and Pack's v1 API describes an order fulfilled outside it.
const externalOrder = () =>
  fulfillment({
    pickAndPack: v1PickAndPackOrder({
      fulfillmentStatus: 'IDLE',
      pickingStatus: null,
      timings: { picking: 0, packing: 0, shipping: 0 },
      pickers: [],
      pickedItems: [],
      rejectedItems: [],
      replacedItems: [],
      unhandledItems: [{ id: '3', refId: 'BREAD-1', name: 'Bread' }],
    }),
    items: [
      resultLine({
        id: '3',
        refId: 'BREAD-1',
        name: 'Bread',
        pickedQuantity: 0,
        state: 'MISSING',
      }),
    ],
  })

describe('an order fulfilled outside Pick and Pack (IDLE)', () => {
  it('says so: no missing line, nothing left to handle, no "0 min"', async () => {
    renderOrder(orderMock(externalOrder()))

    expect(
      await pnpPanel().findByText(
        'Fulfilled outside Pick and Pack: 1 line not picked here'
      )
    ).toBeInTheDocument()
    expect(
      pnpPanel().getByText(
        'Nothing picked in Pick and Pack: the order was fulfilled outside it.'
      )
    ).toBeInTheDocument()
    expect(screen.queryByText(/handled:/)).not.toBeInTheDocument()
    expect(screen.queryByText('Nothing picked yet.')).not.toBeInTheDocument()

    const [row] = screen.getAllByTestId('reconciliation-row')

    expect(row).toHaveAttribute('data-state', 'EXTERNAL')
    expect(within(row).getByText('Outside Pick and Pack')).toBeInTheDocument()
    expect(screen.queryByText('Missing')).not.toBeInTheDocument()

    // Pick and Pack will never handle its lines, nor reach its steps.
    expect(pnpPanel().getByTestId('lines-unhandled')).toHaveTextContent('—')
    for (const step of ['time-picking', 'time-packing', 'time-shipping']) {
      expect(pnpPanel().getByTestId(step)).toHaveTextContent('—')
    }

    expect(pnpPanel().getByTestId('picking-details')).not.toHaveTextContent(
      /\b0 min|Not yet/
    )
  })

  it('a step it did time is shown as received', async () => {
    const order = externalOrder()
    const { pickAndPack } = order

    if (!pickAndPack) throw new Error('the fixture has a Pick and Pack order')
    renderOrder(
      orderMock({
        ...order,
        pickAndPack: {
          ...pickAndPack,
          timings: { picking: 12, packing: 0, shipping: null },
        },
      })
    )

    expect(await pnpPanel().findByTestId('time-picking')).toHaveTextContent(
      '12 min'
    )
    expect(pnpPanel().getByTestId('time-packing')).toHaveTextContent('—')
    expect(pnpPanel().getByTestId('time-shipping')).toHaveTextContent('—')
  })

  it.each([
    [
      'pt',
      'Atendido fora do Pick and Pack: 1 linha sem separação aqui',
      'Fora do Pick and Pack',
    ],
    [
      'es',
      'Atendido fuera de Pick and Pack: 1 línea sin preparar aquí',
      'Fuera de Pick and Pack',
    ],
  ] as const)('%s', async (locale, heading, tag) => {
    renderOrder(orderMock(externalOrder()), { locale })

    expect(await pnpPanel().findByText(heading)).toBeInTheDocument()
    expect(
      within(screen.getByTestId('reconciliation-row')).getByText(tag)
    ).toBeInTheDocument()
  })

  it('an order also canceled in the OMS is canceled', async () => {
    renderOrder(
      orderMock(
        fulfillment({
          ...externalOrder(),
          oms: omsOrder({ status: 'canceled' }),
        })
      )
    )

    expect(
      await pnpPanel().findByText('Order canceled: 1 line not to be picked')
    ).toBeInTheDocument()
    expect(screen.getByTestId('reconciliation-row')).toHaveAttribute(
      'data-state',
      'CANCELED'
    )
  })
})

describe('an id neither side knows', () => {
  it('says only notifications were received for it, above their history', async () => {
    const orderId = 'QA-1'

    renderOrder(unknownOrder(orderId, fulfillment().history), { orderId })

    const notFound = await screen.findByTestId('order-not-found')

    await waitFor(() =>
      expect(screen.getAllByTestId('history-entry')).toHaveLength(2)
    )
    expect(notFound).toHaveTextContent('Order not found')
    expect(
      within(notFound).getByText(
        'The app only received notifications for this id: the changes below were recorded from them.'
      )
    ).toBeInTheDocument()
  })

  it('says nothing of notifications when none were received', async () => {
    const orderId = 'QA-2'

    renderOrder(unknownOrder(orderId, []), { orderId, locale: 'pt' })

    expect(await screen.findByTestId('order-not-found')).toBeInTheDocument()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(
      screen.queryByTestId('order-not-found-recorded')
    ).not.toBeInTheDocument()
  })

  it.each([
    [
      'pt',
      'O app só recebeu notificações para este id: as mudanças abaixo foram registradas a partir delas.',
    ],
    [
      'es',
      'La app solo recibió notificaciones para este id: los cambios de abajo se registraron a partir de ellas.',
    ],
  ] as const)('%s', async (locale, expected) => {
    const orderId = 'QA-1'

    renderOrder(unknownOrder(orderId, fulfillment().history), {
      orderId,
      locale,
    })

    expect(
      await screen.findByTestId('order-not-found-recorded')
    ).toHaveTextContent(expected)
  })
})
