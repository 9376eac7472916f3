import React from 'react'
import { fireEvent, screen, within } from '@testing-library/react'

import WebhookHealth from '..'
import WEBHOOK_HEALTH from '../graphql/webhookHealth.gql'
import { rootError } from '../../../__tests__/setup/board'
import { renderPage } from '../../../__tests__/setup/render'
import { webhookHealthMock } from '../../../__tests__/setup/webhookHealth'

const storeDown = {
  request: { query: WEBHOOK_HEALTH },
  result: { errors: [rootError('webhookHealth', 'STORE_UNAVAILABLE')] },
}

describe('WebhookHealth: its state could not be read', () => {
  it('says what it could not read and that notifications are refused meanwhile, never that nothing is lost', async () => {
    renderPage(<WebhookHealth />, { mocks: [storeDown, webhookHealthMock()] })

    const alert = await within(screen.getByTestId('webhook-health')).findByRole(
      'alert'
    )

    expect(alert).toHaveAttribute('data-error-code', 'STORE_UNAVAILABLE')
    expect(
      within(alert).getByRole('heading', {
        level: 3,
        name: "The webhook's state could not be read",
      })
    ).toBeInTheDocument()
    expect(alert).toHaveTextContent(
      'the last notifications received and refused cannot be shown'
    )
    expect(alert).toHaveTextContent('HTTP 503')
    expect(alert).not.toHaveTextContent('Nothing is lost')
    expect(alert).not.toHaveTextContent('status history')

    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent(
      'Webhook secret set'
    )
  })

  it.each([
    ['pt', 'Não foi possível ler o estado do webhook', 'Nada foi perdido'],
    ['es', 'No se pudo leer el estado del webhook', 'No se perdió nada'],
  ] as const)('in %s too', async (locale, title, sharedWords) => {
    renderPage(<WebhookHealth />, { mocks: [storeDown], locale })

    const alert = await screen.findByRole('alert')

    expect(within(alert).getByRole('heading')).toHaveTextContent(title)
    expect(alert).toHaveTextContent('HTTP 503')
    expect(alert).not.toHaveTextContent(sharedWords)
  })
})
