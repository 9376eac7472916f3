import React from 'react'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { GraphQLError } from 'graphql'
import type { MockedResponse } from '@apollo/react-testing'

import PickAndPackOrder from '../PickAndPackOrder'
import RETRY_OMS_SYNC from '../components/OrderView/graphql/retryOmsSync.gql'
import { renderPage } from './setup/render'
import {
  ORDER_ID,
  fulfillment,
  omsSync,
  orderMock,
  retryMock,
  shipmentsMock,
} from './setup/fixtures'
import type { OmsSync } from '../components/OrderView/types'

function renderOrder(
  sync: OmsSync | null,
  mocks: readonly MockedResponse[] = [],
  locale: 'en' | 'pt' | 'es' = 'en'
) {
  return renderPage(<PickAndPackOrder params={{ orderId: ORDER_ID }} />, {
    mocks: [
      ...orderMock(fulfillment({ omsSync: sync })),
      shipmentsMock([]),
      ...mocks,
    ],
    locale,
  })
}

const syncBlock = async () => within(await screen.findByTestId('oms-sync'))
const retryButton = () => screen.queryByRole('button', { name: 'Send again' })
const pressRetry = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Send again' }))

describe('order view: in the OMS', () => {
  it('says what VTEX’s order page holds when everything went through', async () => {
    renderOrder(omsSync({ interactions: 5, tracking: 'SENT' }))
    const sync = await syncBlock()

    // Inside the OMS panel, under its own title.
    expect(
      within(screen.getByTestId('oms-panel')).getByTestId('oms-sync')
    ).toBeInTheDocument()
    expect(
      sync.getByRole('heading', { level: 3, name: 'In the OMS' })
    ).toBeInTheDocument()
    expect(
      sync.getByText("5 status changes written to the OMS order's interactions")
    ).toBeInTheDocument()
    expect(
      sync.getByText('Tracking and delivery written to the invoice')
    ).toBeInTheDocument()
    expect(sync.queryByText(/waiting to be sent/)).not.toBeInTheDocument()
    // Nothing to send again.
    expect(retryButton()).not.toBeInTheDocument()
  })

  it('counts one interaction in the singular and none as "not yet"', async () => {
    const { unmount } = renderOrder(omsSync({ interactions: 1 }))

    expect(
      (await syncBlock()).getByText(
        "1 status change written to the OMS order's interactions"
      )
    ).toBeInTheDocument()
    unmount()

    renderOrder(omsSync({ interactions: 0 }))
    expect(
      (await syncBlock()).getByText(
        "No status change written to the OMS order's interactions yet"
      )
    ).toBeInTheDocument()
  })

  it('shows tracking waiting and what waits to be sent, with Send again', async () => {
    renderOrder(
      omsSync({
        interactions: 3,
        pending: 2,
        tracking: 'WAITING',
        trackingSent: false,
      })
    )
    const sync = await syncBlock()

    expect(
      sync.getByText('Tracking waits for a tracking number and an invoice')
    ).toBeInTheDocument()
    expect(sync.getByText('2 waiting to be sent')).toBeInTheDocument()
    expect(sync.getByTestId('oms-sync-retry')).toHaveTextContent('Send again')
  })

  it.each([
    ['en', 'Pick and Pack has not sent the app anything about this order yet'],
    ['pt', 'O Pick and Pack ainda não enviou nada ao app sobre este pedido'],
    ['es', 'Pick and Pack todavía no envió nada a la app sobre este pedido'],
  ] as const)(
    'an order Pick and Pack never told the app of: no tracking said to be waiting (%s)',
    async (locale, words) => {
      renderPage(<PickAndPackOrder params={{ orderId: ORDER_ID }} />, {
        mocks: [
          ...orderMock(
            fulfillment({
              history: [],
              omsSync: omsSync({ tracking: 'WAITING', trackingSent: false }),
            })
          ),
          shipmentsMock([]),
        ],
        locale,
      })
      const sync = await syncBlock()

      // The history answers after the OMS panel: the words follow it.
      await waitFor(() =>
        expect(sync.getByTestId('oms-sync-tracking')).toHaveTextContent(words)
      )
    }
  )

  it('says when the app settings turned interactions and tracking off', async () => {
    renderOrder(
      omsSync({
        interactions: 0,
        interactionsOn: false,
        tracking: 'OFF',
        trackingSent: false,
      })
    )
    const sync = await syncBlock()

    expect(
      sync.getByText('Interactions are turned off in the app settings')
    ).toBeInTheDocument()
    expect(
      sync.getByText('Invoice tracking is turned off in the app settings')
    ).toBeInTheDocument()
    // No "0 status changes written" beside "turned off".
    expect(sync.queryByText(/written to the OMS/)).not.toBeInTheDocument()
    expect(retryButton()).not.toBeInTheDocument()
  })

  it('keeps the count of interactions written before they were turned off', async () => {
    renderOrder(omsSync({ interactions: 4, interactionsOn: false }))
    const sync = await syncBlock()

    expect(
      sync.getByText("4 status changes written to the OMS order's interactions")
    ).toBeInTheDocument()
    expect(
      sync.getByText('Interactions are turned off in the app settings')
    ).toBeInTheDocument()
  })

  it('shows a failed tracking without a code in the server’s words as they came, and Send again', async () => {
    const lastError =
      'The OMS refused the tracking: the invoice 123 does not exist. Check the invoice in the OMS, then send again.'

    renderOrder(omsSync({ tracking: 'FAILED', trackingSent: false, lastError }))
    const sync = await syncBlock()

    expect(
      sync.getByText('Tracking could not be written to the invoice')
    ).toBeInTheDocument()
    expect(sync.getByText(lastError)).toBeInTheDocument()
    expect(retryButton()).toBeInTheDocument()
  })

  it('offers Send again for a failure alone, with nothing pending', async () => {
    renderOrder(omsSync({ lastError: 'The OMS did not answer.' }))
    await syncBlock()

    expect(retryButton()).toBeInTheDocument()
  })

  it('shows a tracking state it does not know as received', async () => {
    renderOrder(omsSync({ tracking: 'PARTIAL' }))

    expect(
      (await syncBlock()).getByText('Tracking: PARTIAL')
    ).toBeInTheDocument()
  })

  it("says when the app's record of the OMS could not be read, and reads the order again", async () => {
    renderOrder(null, [...orderMock(fulfillment())])
    const sync = await syncBlock()

    expect(
      sync.getByText(
        "The app's own record of what it sent to the OMS could not be read right now. Try again in a moment."
      )
    ).toBeInTheDocument()

    fireEvent.click(sync.getByRole('button', { name: 'Try again' }))
    expect(
      await screen.findByText('Tracking and delivery written to the invoice')
    ).toBeInTheDocument()
  })

  it('sends again, shows it is busy, then shows what the OMS holds now', async () => {
    const sent = jest.fn()
    const answer = retryMock(
      omsSync({ interactions: 5, pending: 0, tracking: 'SENT' }),
      { delay: 50 }
    )

    renderOrder(
      omsSync({
        interactions: 3,
        pending: 2,
        tracking: 'FAILED',
        trackingSent: false,
        lastError: 'The OMS did not answer: it will be sent again.',
      }),
      [{ ...answer, newData: sent.mockImplementation(() => answer.result) }]
    )

    await syncBlock()
    pressRetry()

    // In flight: the button is busy and cannot be pressed twice.
    expect(screen.getByTestId('oms-sync-retry')).toBeDisabled()

    expect(
      await screen.findByText('Sent again. This is what the OMS holds now.')
    ).toBeInTheDocument()
    expect(sent).toHaveBeenCalledTimes(1)

    const sync = within(screen.getByTestId('oms-sync'))

    expect(
      sync.getByText("5 status changes written to the OMS order's interactions")
    ).toBeInTheDocument()
    expect(
      sync.getByText('Tracking and delivery written to the invoice')
    ).toBeInTheDocument()
    expect(sync.queryByText(/waiting to be sent/)).not.toBeInTheDocument()
    expect(
      sync.queryByText('The OMS did not answer: it will be sent again.')
    ).not.toBeInTheDocument()
    // Nothing left to send.
    expect(retryButton()).not.toBeInTheDocument()
  })

  it('sends the order id to retryOmsSync', async () => {
    // The mock answers only this exact request: another id would be a failure.
    renderOrder(omsSync({ pending: 1 }), [
      {
        request: { query: RETRY_OMS_SYNC, variables: { orderId: ORDER_ID } },
        result: { data: { retryOmsSync: omsSync({ pending: 0 }) } },
      },
    ])
    await syncBlock()
    pressRetry()

    await waitFor(() => expect(retryButton()).not.toBeInTheDocument())
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('says why sending again failed, with the server’s message and its code', async () => {
    renderOrder(omsSync({ pending: 2 }), [
      retryMock(null, {
        errors: [
          new GraphQLError(
            'The OMS did not answer. Try again in a few minutes.',
            undefined,
            undefined,
            undefined,
            ['retryOmsSync'],
            undefined,
            { code: 'OMS_UNAVAILABLE' }
          ),
        ],
      }),
    ])
    await syncBlock()
    pressRetry()

    const alert = await screen.findByRole('alert')

    expect(alert).toHaveTextContent(
      'Could not send again: The OMS did not answer. Try again in a few minutes. (code OMS_UNAVAILABLE)'
    )
    expect(alert).toHaveAttribute('data-error-code', 'OMS_UNAVAILABLE')
    // What was known before stays, and so does the button.
    expect(screen.getByText('2 waiting to be sent')).toBeInTheDocument()
    expect(retryButton()).toBeEnabled()
  })

  // VTEX's @auth directive answers in English for developers: the page says it in its language.
  it('a user without the permission is told so in the page’s language, with the code', async () => {
    renderOrder(
      omsSync({ pending: 2 }),
      [
        retryMock(null, {
          errors: [
            new GraphQLError(
              'User indicated by VtexIdclientAutCookie is not authorized to access the indicated resource.',
              undefined,
              undefined,
              undefined,
              ['retryOmsSync'],
              undefined,
              { code: 'FORBIDDEN' }
            ),
          ],
        }),
      ],
      'pt'
    )
    await syncBlock()
    fireEvent.click(screen.getByRole('button', { name: 'Enviar novamente' }))

    const alert = await screen.findByRole('alert')

    expect(alert).toHaveTextContent(
      'Não foi possível enviar novamente: Seu usuário do Admin VTEX não tem a permissão necessária para isso. Peça a um administrador da conta que a inclua em um dos seus perfis de acesso; até lá, tentar novamente não adianta. (código FORBIDDEN)'
    )
    expect(alert).not.toHaveTextContent('VtexIdclientAutCookie')
  })

  it('says when the server could not be reached', async () => {
    renderOrder(omsSync({ pending: 1 }), [
      {
        request: { query: RETRY_OMS_SYNC, variables: { orderId: ORDER_ID } },
        error: new Error('Failed to fetch'),
      },
    ])
    await syncBlock()
    pressRetry()

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not send again: Check your connection and try again. (code NETWORK_ERROR)'
    )
  })

  it('speaks Portuguese', async () => {
    renderOrder(
      omsSync({ interactions: 5, pending: 2, tracking: 'WAITING' }),
      [],
      'pt'
    )
    const sync = await syncBlock()

    expect(
      sync.getByText(
        '5 mudanças de status escritas nas interações do pedido no OMS'
      )
    ).toBeInTheDocument()
    expect(sync.getByText('2 aguardando envio')).toBeInTheDocument()
    expect(
      sync.getByRole('button', { name: 'Enviar novamente' })
    ).toBeInTheDocument()
  })
})

// The server's English sentences (node/domain/omsSync.ts): the page words the code instead.
const SERVER_TEXT = {
  'http:403':
    "The OMS refused the app (HTTP 403). Accept the app's permissions again (Apps › Pick and Pack Tracking) and press Send again.",
  'http:404':
    'The OMS does not know this order or its invoice (HTTP 404). Check the order in the OMS.',
  'http:502':
    'The OMS answered HTTP 502. The app tries again on the next change and on the sweep; you can press Send again.',
  timeout:
    'The OMS did not answer in time. The call may have landed, so it is sent once more only: check the interactions of the order in the OMS.',
  unreadable:
    'Pick and Pack or the OMS order could not be read to write the tracking. The app tries again on the sweep; you can press Send again.',
}

type ServerCode = keyof typeof SERVER_TEXT

const failed = (code: ServerCode) =>
  omsSync({
    pending: 1,
    tracking: 'FAILED',
    trackingSent: false,
    lastError: SERVER_TEXT[code],
    lastErrorCode: code,
  })

describe('order view: the last OMS failure in the page’s language', () => {
  it.each([
    [
      'pt',
      'http:403',
      'O OMS recusou o app (HTTP 403). Aceite novamente as permissões do app (Apps › Pick and Pack Tracking) e clique em Enviar novamente.',
    ],
    [
      'pt',
      'timeout',
      'O OMS não respondeu a tempo. A chamada pode ter chegado, por isso ela é enviada só mais uma vez: confira as interações do pedido no OMS.',
    ],
    [
      'es',
      'http:403',
      'El OMS rechazó la app (HTTP 403). Vuelve a aceptar los permisos de la app (Apps › Pick and Pack Tracking) y pulsa Volver a enviar.',
    ],
    [
      'es',
      'timeout',
      'El OMS no respondió a tiempo. Es posible que la llamada haya llegado, por eso se envía solo una vez más: revisa las interacciones del pedido en el OMS.',
    ],
  ] as const)('%s: %s', async (locale, code, expected) => {
    renderOrder(failed(code), [], locale)
    const sync = await syncBlock()
    const line = sync.getByTestId('oms-sync-error')

    expect(line.textContent).toBe(expected)
    expect(line).toHaveAttribute('data-error-code', code)
    expect(sync.queryByText(SERVER_TEXT[code])).not.toBeInTheDocument()
  })

  it.each([
    [
      'http:404',
      'O OMS não conhece este pedido ou a nota fiscal dele (HTTP 404). Confira o pedido no OMS.',
    ],
    [
      'http:502',
      'O OMS respondeu HTTP 502. O app tenta novamente na próxima mudança e na varredura; você pode clicar em Enviar novamente.',
    ],
    [
      'unreadable',
      'Não foi possível ler o Pick and Pack ou o pedido no OMS para escrever o rastreamento. O app tenta novamente na varredura; você pode clicar em Enviar novamente.',
    ],
  ] as const)('pt: %s', async (code, expected) => {
    renderOrder(failed(code), [], 'pt')

    expect((await syncBlock()).getByTestId('oms-sync-error').textContent).toBe(
      expected
    )
  })

  it('says every code in English as the server does', async () => {
    for (const code of Object.keys(SERVER_TEXT) as ServerCode[]) {
      const { unmount } = renderOrder(failed(code))

      // eslint-disable-next-line no-await-in-loop
      const line = (await syncBlock()).getByTestId('oms-sync-error')

      expect(line.textContent).toBe(SERVER_TEXT[code])
      unmount()
    }
  })

  it('falls back to the server’s words for a code it does not know', async () => {
    const lastError = 'The OMS could not be reached (DNS). It is sent again.'

    renderOrder(
      omsSync({ pending: 1, lastError, lastErrorCode: 'dns' }),
      [],
      'pt'
    )
    const sync = await syncBlock()

    expect(sync.getByTestId('oms-sync-error').textContent).toBe(lastError)
    expect(
      sync.getByRole('button', { name: 'Enviar novamente' })
    ).toBeInTheDocument()
  })

  it('words the failure Send again answers with', async () => {
    renderOrder(
      failed('timeout'),
      [retryMock({ ...failed('http:404'), pending: 1 })],
      'es'
    )
    await syncBlock()
    fireEvent.click(screen.getByRole('button', { name: 'Volver a enviar' }))

    expect(
      await screen.findByText(
        'El OMS no conoce este pedido ni su factura (HTTP 404). Revisa el pedido en el OMS.'
      )
    ).toBeInTheDocument()
    expect(screen.getByTestId('oms-sync-error')).toHaveAttribute(
      'data-error-code',
      'http:404'
    )
  })
})

describe('order view: where a change came from', () => {
  it('marks the changes the webhook missed, and only those', async () => {
    renderPage(<PickAndPackOrder params={{ orderId: ORDER_ID }} />, {
      mocks: [
        ...orderMock(
          fulfillment({
            history: [
              {
                id: 'c1',
                orderId: ORDER_ID,
                oldStatus: 'READY_FOR_PICKING',
                newStatus: 'PICKING',
                hostname: null,
                receivedAt: '2026-11-20T09:40:00.000Z',
                occurredAt: null,
                source: 'webhook',
              },
              {
                id: 'c2',
                orderId: ORDER_ID,
                oldStatus: 'PICKING',
                newStatus: 'READY_FOR_PACKING',
                hostname: null,
                receivedAt: '2026-11-20T10:00:00.000Z',
                occurredAt: null,
                source: 'sweep',
              },
              {
                id: 'c3',
                orderId: ORDER_ID,
                oldStatus: 'READY_FOR_PACKING',
                newStatus: 'PACKING',
                hostname: null,
                receivedAt: '2026-11-20T10:10:00.000Z',
                occurredAt: null,
                source: 'view',
              },
            ],
          })
        ),
        shipmentsMock([]),
      ],
    })

    const entries = await screen.findAllByTestId('history-entry')

    // Newest first: view, sweep, webhook.
    expect(entries).toHaveLength(3)
    expect(entries[0]).toHaveTextContent(
      'Seen live in the order view (webhook missed)'
    )
    expect(entries[1]).toHaveTextContent('Found by the sweep (webhook missed)')
    expect(
      within(entries[2]).queryByTestId('history-source')
    ).not.toBeInTheDocument()
    expect(screen.getAllByTestId('history-source')).toHaveLength(2)
  })

  it('names a change the backfill recorded, in every language', async () => {
    const recorded = {
      id: 'b1',
      orderId: ORDER_ID,
      oldStatus: null,
      newStatus: 'INVOICED',
      hostname: null,
      receivedAt: '2026-11-20T10:10:00.000Z',
      occurredAt: null,
      source: 'backfill',
    }

    const expected = {
      en: 'Recorded by the backfill',
      pt: 'Registrada pelo preenchimento retroativo',
      es: 'Registrado por la carga retroactiva',
    }

    for (const locale of ['en', 'pt', 'es'] as const) {
      const { unmount } = renderPage(
        <PickAndPackOrder params={{ orderId: ORDER_ID }} />,
        {
          mocks: [
            ...orderMock(fulfillment({ history: [recorded] })),
            shipmentsMock([]),
          ],
          locale,
        }
      )

      // eslint-disable-next-line no-await-in-loop
      const source = await screen.findByTestId('history-source')

      // The words, not the raw source code.
      expect(source.textContent).toBe(expected[locale])
      unmount()
    }
  })
})
