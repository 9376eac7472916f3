// "In the OMS": Send again says whether the OMS took what was sent, and the app's own record
// shows whatever became of the OMS order.
import { fireEvent, screen, within } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { renderOrderPage as renderOrder } from '../../../__tests__/setup/orderPage'
import {
  fulfillment,
  omsSync,
  orderMock,
  panelError,
  retryMock,
} from '../../../__tests__/setup/fixtures'

const omsPanel = () => within(screen.getByTestId('oms-panel'))

// The OMS answered HTTP 500 to what the app sent.
const failing = omsSync({
  interactions: 1,
  pending: 1,
  tracking: 'WAITING',
  trackingSent: false,
  lastError:
    'The OMS answered HTTP 500. The app tries again on the next change and on the sweep; you can press Send again.',
  lastErrorCode: 'http:500',
})

describe('Send again', () => {
  it('says it is still not sent, and why, when the OMS still fails', async () => {
    renderOrder([
      ...orderMock(fulfillment({ omsSync: failing })),
      retryMock(failing),
    ])

    fireEvent.click(await screen.findByRole('button', { name: 'Send again' }))

    const status = await screen.findByText(/^Still not sent\./)

    expect(status).toHaveTextContent(
      'Still not sent. The OMS answered HTTP 500. The app tries again on the next change and on the sweep; you can press Send again.'
    )
    expect(status).toHaveAttribute('role', 'status')
    expect(
      screen.queryByText('Sent again. This is what the OMS holds now.')
    ).not.toBeInTheDocument()
    expect(screen.getByText('1 waiting to be sent')).toBeInTheDocument()
    expect(
      screen.getByRole('button', { name: 'Send again' })
    ).toBeInTheDocument()
  })

  it('says it is still not sent when something still waits without a failure', async () => {
    renderOrder(
      [
        ...orderMock(fulfillment({ omsSync: failing })),
        retryMock(omsSync({ pending: 1 })),
      ],
      { locale: 'pt' }
    )

    fireEvent.click(
      await screen.findByRole('button', { name: 'Enviar novamente' })
    )

    expect(
      await screen.findByText('Ainda não enviado. O OMS ainda não o recebeu.')
    ).toBeInTheDocument()
    expect(
      screen.queryByText('Enviado novamente. Isto é o que o OMS tem agora.')
    ).not.toBeInTheDocument()
  })

  it('says it was sent when the OMS took everything', async () => {
    renderOrder([
      ...orderMock(fulfillment({ omsSync: failing })),
      retryMock(omsSync({ interactions: 2, pending: 0 })),
    ])

    fireEvent.click(await screen.findByRole('button', { name: 'Send again' }))

    expect(
      await screen.findByText('Sent again. This is what the OMS holds now.')
    ).toBeInTheDocument()
    expect(screen.queryByText(/Still not sent/)).not.toBeInTheDocument()
  })
})

describe('the app’s own record, whatever became of the OMS order', () => {
  it('shows it, with Send again, when the OMS order cannot be read', async () => {
    renderOrder([
      ...orderMock(fulfillment({ oms: null, items: [], omsSync: failing }), [
        panelError('oms', 'OMS_UNAVAILABLE'),
      ]),
      retryMock(failing),
    ])

    expect(
      await omsPanel().findByText('The OMS is not responding')
    ).toBeInTheDocument()
    const sync = within(omsPanel().getByTestId('oms-sync'))

    expect(sync.getByText('1 waiting to be sent')).toBeInTheDocument()
    expect(sync.getByTestId('oms-sync-error')).toHaveAttribute(
      'data-error-code',
      'http:500'
    )

    // Send again works from there too, and says what became of it.
    fireEvent.click(sync.getByRole('button', { name: 'Send again' }))
    expect(
      await omsPanel().findByText(/^Still not sent\. The OMS answered HTTP 500/)
    ).toBeInTheDocument()
  })

  it('shows it when the OMS does not know the order but Pick and Pack does', async () => {
    renderOrder(
      orderMock(fulfillment({ oms: null, items: [], omsSync: failing }), [
        panelError('oms', 'OMS_ORDER_NOT_FOUND'),
      ])
    )

    expect(await omsPanel().findByTestId('oms-sync')).toBeInTheDocument()
    expect(
      omsPanel().getByRole('button', { name: 'Send again' })
    ).toBeInTheDocument()
  })

  it('nothing of it while nothing came back', async () => {
    renderOrder([...orderMock(fulfillment(), [], { delays: { oms: 300 } })])

    expect(
      await omsPanel().findByText('Loading the OMS order…')
    ).toBeInTheDocument()
    expect(omsPanel().queryByTestId('oms-sync')).not.toBeInTheDocument()
    // Then it comes with the order.
    expect(
      await omsPanel().findByTestId('oms-sync', {}, { timeout: 2000 })
    ).toBeInTheDocument()
  })

  it.each([
    [
      'en',
      "The app's own record of what it sent to the OMS could not be read right now. Try again in a moment.",
    ],
    [
      'pt',
      'Não foi possível ler agora o registro do próprio app do que ele enviou ao OMS. Tente novamente em instantes.',
    ],
    [
      'es',
      'No se pudo leer en este momento el registro propio de la app de lo que envió al OMS. Vuelve a intentarlo en un momento.',
    ],
  ] as const)(
    '%s: the app’s store down is not the OMS down',
    async (locale, expected) => {
      renderOrder(
        orderMock(fulfillment({ omsSync: null }), [
          new GraphQLError(
            'What was sent to the OMS could not be read. Try again in a moment.',
            undefined,
            undefined,
            undefined,
            ['orderFulfillment', 'omsSync'],
            undefined,
            { code: 'STORE_UNAVAILABLE' }
          ),
        ]),
        { locale }
      )

      const sync = await omsPanel().findByTestId('oms-sync')

      expect(sync).toHaveAttribute('data-state', 'unknown')
      expect(within(sync).getByText(expected)).toBeInTheDocument()
      expect(sync).not.toHaveTextContent(/What the OMS holds|O que o OMS tem/)
    }
  )
})
