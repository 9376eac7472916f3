import React from 'react'
import { act, fireEvent, screen, within } from '@testing-library/react'
import { GraphQLError } from 'graphql'

import { REFUSAL_CODES } from '../../node/domain/errors'
import WebhookHealth, {
  REFRESH_MS,
  REFUSAL_MESSAGES,
} from '../components/WebhookHealth'
import WEBHOOK_HEALTH from '../components/WebhookHealth/graphql/webhookHealth.gql'
import RecentChanges from '../components/RecentChanges'
import RECENT_STATUS_CHANGES from '../components/RecentChanges/graphql/recentStatusChanges.gql'
import type { StatusChange } from '../components/OrderView/types'
import { renderPage } from './setup/render'
import { webhookHealth, webhookHealthMock } from './setup/webhookHealth'
import { setHidden } from './setup/visibility'

const NOW = new Date('2026-11-20T12:00:00.000Z').getTime()

async function flush() {
  // Apollo's MockLink answers on a timer; let it and React settle.
  await act(async () => {
    jest.advanceTimersByTime(1)
    await Promise.resolve()
  })
  await act(async () => {
    jest.advanceTimersByTime(1)
    await Promise.resolve()
  })
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW })
  setHidden(false)
})

afterEach(() => {
  jest.useRealTimers()
  setHidden(false)
})

describe('WebhookHealth', () => {
  it('says the secret is set, the hostname filter, and none received or refused yet', async () => {
    renderPage(<WebhookHealth />, { mocks: [webhookHealthMock()] })

    expect(screen.getByText('Checking the webhook…')).toBeInTheDocument()
    await flush()

    const panel = screen.getByTestId('webhook-health')

    expect(
      within(panel).getByRole('heading', {
        level: 2,
        name: 'Webhook notifications',
      })
    ).toBeInTheDocument()
    expect(screen.getByTestId('webhook-secret')).toHaveTextContent(
      'Webhook secret set: notifications that carry it are accepted.'
    )
    expect(screen.getByTestId('webhook-hostname')).toHaveTextContent(
      'Hostname filter: only notifications for sandboxstore are accepted.'
    )
    expect(screen.getByTestId('webhook-last-received')).toHaveTextContent(
      'Last notification received: none yet'
    )
    expect(screen.getByTestId('webhook-last-refused')).toHaveTextContent(
      'Last notification refused: none'
    )
    expect(screen.queryByTestId('webhook-secret-in-query')).toBeNull()
    expect(screen.getByTestId('webhook-updated')).toHaveTextContent(
      /^Updated at/
    )
  })

  it('no secret: a clear error with a link to the settings; any hostname', async () => {
    renderPage(<WebhookHealth />, {
      mocks: [
        webhookHealthMock(
          webhookHealth({ secretConfigured: false, hostnameFilter: null })
        ),
      ],
    })
    await flush()

    const secret = screen.getByTestId('webhook-secret')

    expect(secret).toHaveTextContent(
      "No webhook secret is set: Pick and Pack's notifications are all refused. Set it in the app settings."
    )
    expect(
      within(secret).getByRole('link', { name: 'Open app settings' })
    ).toHaveAttribute('target', '_top')
    expect(screen.getByTestId('webhook-hostname')).toHaveTextContent(
      'Hostname filter: any hostname is accepted.'
    )
  })

  it('the last received, the last refused with its reason and status, a rotation, and the query-string warning', async () => {
    renderPage(<WebhookHealth />, {
      mocks: [
        webhookHealthMock(
          webhookHealth({
            previousSecretConfigured: true,
            lastReceivedAt: '2026-11-20T11:55:00.000Z',
            lastRefused: {
              at: '2026-11-20T10:00:00.000Z',
              status: 401,
              code: 'WRONG_SECRET',
              reason: 'Wrong webhook secret.',
              hostname: null,
            },
            secretInQueryAt: '2026-11-20T11:30:00.000Z',
          })
        ),
      ],
    })
    await flush()

    expect(screen.getByTestId('webhook-secret')).toHaveTextContent(
      'The previous secret is accepted too, while it is being replaced.'
    )
    expect(screen.getByTestId('webhook-last-received')).toHaveTextContent(
      'Last notification received: 5 min ago'
    )
    expect(screen.getByTestId('webhook-last-refused')).toHaveTextContent(
      'Last notification refused: 2 h ago, HTTP 401: Wrong webhook secret.'
    )
    expect(screen.getByTestId('webhook-secret-in-query')).toHaveTextContent(
      "The secret was last sent in the webhook URL's query string (30 min ago). A header is safer"
    )
  })

  it('says why the last notification was refused in the page’s language, by its code', async () => {
    renderPage(<WebhookHealth />, {
      locale: 'pt',
      mocks: [
        webhookHealthMock(
          webhookHealth({
            lastRefused: {
              at: '2026-11-20T10:00:00.000Z',
              status: 401,
              code: 'UNAUTHORIZED',
              reason:
                'Wrong webhook secret. The x-webhook-secret header must equal "Webhook secret" in the app settings.',
              hostname: null,
            },
          })
        ),
      ],
    })
    await flush()

    const refused = screen.getByTestId('webhook-last-refused')

    expect(refused).toHaveTextContent(
      'Última notificação recusada: há 2 h, HTTP 401: O segredo do webhook estava ausente ou incorreto: o Pick and Pack deve enviar, no header x-webhook-secret, o segredo definido nas configurações do app.'
    )
    expect(refused).not.toHaveTextContent('Wrong webhook secret')
  })

  it('names the Pick and Pack hostname a refused notification was for', async () => {
    renderPage(<WebhookHealth />, {
      mocks: [
        webhookHealthMock(
          webhookHealth({
            lastRefused: {
              at: '2026-11-20T10:00:00.000Z',
              status: 403,
              code: 'HOSTNAME_MISMATCH',
              reason: 'This notification is for hostname "otherstore".',
              hostname: 'otherstore',
            },
          })
        ),
      ],
    })
    await flush()

    const refused = screen.getByTestId('webhook-last-refused')

    expect(refused).toHaveTextContent(
      /HTTP 403: .* It was for the Pick and Pack hostname otherstore\.$/
    )
    // And the two ways out: this store's setting, or another store's webhook.
    expect(refused).toHaveTextContent(
      "If it is your store's, correct the hostname setting (or clear it to accept any); if not, another store's Pick and Pack webhook points here."
    )
  })

  it("words every refusal code the webhook records, and only those (node's list)", () => {
    const byName = (a: string, b: string) => a.localeCompare(b)

    expect(Object.keys(REFUSAL_MESSAGES).sort(byName)).toEqual(
      [...REFUSAL_CODES].sort(byName)
    )
  })

  it('in Spanish', async () => {
    renderPage(<WebhookHealth />, {
      locale: 'es',
      mocks: [webhookHealthMock(webhookHealth({ secretConfigured: false }))],
    })
    await flush()

    expect(
      screen.getByRole('heading', { name: 'Notificaciones del webhook' })
    ).toBeInTheDocument()
    expect(screen.getByTestId('webhook-secret')).toHaveTextContent(
      'No hay un secreto de webhook configurado'
    )
  })

  it('an error offers a retry', async () => {
    renderPage(<WebhookHealth />, {
      mocks: [
        {
          request: { query: WEBHOOK_HEALTH },
          result: {
            errors: [
              new GraphQLError('down', undefined, undefined, undefined, [
                'webhookHealth',
              ]),
            ],
          },
        },
      ],
    })
    await flush()

    expect(
      within(screen.getByTestId('webhook-health')).getByRole('alert')
    ).toBeInTheDocument()
  })

  it('reads again every 30 s while visible, and not at all in a hidden tab', async () => {
    const answered = jest.fn()
    const mock = (lastReceivedAt: string | null) => ({
      request: { query: WEBHOOK_HEALTH },
      result: () => {
        answered(lastReceivedAt)

        return {
          data: { webhookHealth: webhookHealth({ lastReceivedAt }) },
        }
      },
    })

    renderPage(<WebhookHealth />, {
      mocks: [
        mock(null),
        mock('2026-11-20T11:59:00.000Z'),
        mock('2026-11-20T12:01:00.000Z'),
      ],
    })
    await flush()
    expect(answered).toHaveBeenCalledTimes(1)

    // Hidden: 2 minutes pass and nothing is asked.
    setHidden(true)
    await act(async () => {
      jest.advanceTimersByTime(4 * REFRESH_MS)
    })
    await flush()
    expect(answered).toHaveBeenCalledTimes(1)

    // Back in view: overdue, so it reads at once, then every 30 s.
    setHidden(false)
    await flush()
    expect(answered).toHaveBeenCalledTimes(2)
    expect(screen.getByTestId('webhook-last-received')).toHaveTextContent(
      /Last notification received: (under a minute|\d+ min) ago|now/
    )

    await act(async () => {
      jest.advanceTimersByTime(REFRESH_MS)
    })
    await flush()
    expect(answered).toHaveBeenCalledTimes(3)
  })
})

describe('RecentChanges: polling and new rows', () => {
  const change = (orderId: string, receivedAt: string): StatusChange => ({
    orderId,
    oldStatus: 'PICKING',
    newStatus: 'READY_FOR_PACKING',
    hostname: 'sandboxstore',
    receivedAt,
  })

  const recent = (
    changes: StatusChange[],
    {
      status = null,
      delay = 0,
    }: { status?: string | null; delay?: number } = {}
  ) => ({
    request: {
      query: RECENT_STATUS_CHANGES,
      variables: { first: 20, status },
    },
    result: { data: { recentStatusChanges: changes } },
    delay,
  })

  it('is a table, polls every 30 s, marks the rows that came with the last read, and pauses when hidden', async () => {
    const first = change('ORDER-1', '2026-11-20T11:00:00.000Z')
    const second = change('ORDER-2', '2026-11-20T11:59:00.000Z')

    renderPage(<RecentChanges />, {
      mocks: [
        recent([first]),
        recent([second, first]),
        recent([second, first]),
      ],
    })
    await flush()

    const table = screen.getByRole('table', { name: 'Recent status changes' })

    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent)
    ).toEqual(['Received', 'Order', 'Status change', 'Store'])
    within(table)
      .getAllByRole('columnheader')
      .forEach((th) => expect(th).toHaveAttribute('scope', 'col'))
    expect(screen.getAllByTestId('recent-change')).toHaveLength(1)
    expect(screen.queryByTestId('recent-new')).toBeNull()
    expect(screen.getByTestId('recent-updated')).toHaveTextContent(
      /^Updated at/
    )

    // A hidden tab asks nothing.
    setHidden(true)
    await act(async () => {
      jest.advanceTimersByTime(3 * REFRESH_MS)
    })
    await flush()
    expect(screen.getAllByTestId('recent-change')).toHaveLength(1)

    // Back in view: the overdue read brings ORDER-2, marked new and announced.
    setHidden(false)
    await flush()
    const rows = screen.getAllByTestId('recent-change')

    expect(rows).toHaveLength(2)
    expect(rows[0]).toHaveAttribute('data-new', 'true')
    expect(within(rows[0]).getByText('New')).toBeInTheDocument()
    expect(rows[1]).not.toHaveAttribute('data-new')
    expect(screen.getByTestId('recent-new-count')).toHaveTextContent(
      '1 new status change'
    )

    // The next read brings nothing: nothing is new any more.
    await act(async () => {
      jest.advanceTimersByTime(REFRESH_MS)
    })
    await flush()
    await flush()
    expect(screen.queryByTestId('recent-new')).toBeNull()
    expect(screen.getByTestId('recent-new-count')).toHaveTextContent('')
  })

  it('a status filter shows its own rows, none marked new until a later read brings one', async () => {
    const picked = change('ORDER-1', '2026-11-20T11:00:00.000Z')
    const packing = {
      ...change('ORDER-3', '2026-11-20T09:00:00.000Z'),
      oldStatus: 'PACKING',
      newStatus: 'READY_FOR_INVOICING',
    }

    const later = {
      ...packing,
      orderId: 'ORDER-4',
      receivedAt: '2026-11-20T11:59:00.000Z',
    }

    const filtered = { status: 'READY_FOR_INVOICING' }

    renderPage(<RecentChanges />, {
      mocks: [
        recent([picked]),
        // Slow: the unfiltered rows are still there while it loads.
        recent([packing], { ...filtered, delay: 50 }),
        recent([later, packing], filtered),
      ],
    })
    await flush()
    expect(screen.getAllByTestId('recent-change')).toHaveLength(1)

    fireEvent.change(screen.getByRole('combobox'), {
      target: { value: 'READY_FOR_INVOICING' },
    })
    await flush()
    await act(async () => {
      jest.advanceTimersByTime(50)
    })
    await flush()

    const rows = screen.getAllByTestId('recent-change')

    expect(rows).toHaveLength(1)
    expect(within(rows[0]).getByRole('link')).toHaveTextContent('ORDER-3')
    expect(screen.queryByTestId('recent-new')).toBeNull()
    expect(screen.getByTestId('recent-new-count')).toHaveTextContent('')

    // The next read of the same filter: only what it brought is new.
    await act(async () => {
      jest.advanceTimersByTime(REFRESH_MS)
    })
    await flush()
    const polled = screen.getAllByTestId('recent-change')

    expect(polled).toHaveLength(2)
    expect(polled[0]).toHaveAttribute('data-new', 'true')
    expect(polled[1]).not.toHaveAttribute('data-new')
  })
})
