import React from 'react'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { GraphQLError } from 'graphql'
import type { MockedResponse } from '@apollo/react-testing'

import Maintenance, { POLL_MS } from '../components/Maintenance'
import PickAndPackHome from '../PickAndPackHome'
import PICK_AND_PACK_CONNECTION from '../components/ConnectionBanner/graphql/pickAndPackConnection.gql'
import RECENT_STATUS_CHANGES from '../components/RecentChanges/graphql/recentStatusChanges.gql'
import { emptyBoardMocks, rootError } from './setup/board'
import {
  backfillStatus,
  maintenanceData,
  maintenanceMock,
  startBackfillMock,
  sweepRun,
} from './setup/maintenance'
import { renderPage } from './setup/render'
import { setHidden } from './setup/visibility'

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString()

function renderPanel(
  mocks: readonly MockedResponse[],
  locale: 'en' | 'pt' | 'es' = 'en'
) {
  return renderPage(<Maintenance />, { mocks, locale })
}

const panel = () => within(screen.getByTestId('maintenance'))
const backfillState = async () =>
  within(await screen.findByTestId('backfill-state'))

const running = backfillStatus({
  state: 'RUNNING',
  days: 7,
  startedAt: minutesAgo(2),
  updatedAt: minutesAgo(0),
  scanned: 10,
  recorded: 3,
  total: 40,
})

describe('maintenance panel', () => {
  it('says it is loading, then that nothing has run yet', async () => {
    renderPanel([maintenanceMock(maintenanceData())])

    expect(
      screen.getByRole('heading', { level: 2, name: 'Keeping up to date' })
    ).toBeInTheDocument()
    expect(
      panel().getByText('Loading the sweep and backfill state…')
    ).toBeInTheDocument()

    expect(await screen.findByTestId('last-sweep')).toHaveTextContent(
      "The sweep has not run yet (VTEX's scheduler calls it every few minutes)."
    )
    expect(screen.getByTestId('backfill-state')).toHaveTextContent(
      'No backfill yet.'
    )
    // Ready to start: 7 days by default.
    expect(screen.getByLabelText('Days to backfill (1 to 90)')).toHaveValue('7')
    expect(screen.getByTestId('backfill-start')).toHaveTextContent(
      'Backfill the last 7 days'
    )
  })

  it('says when the sweep last ran and what it found', async () => {
    renderPanel([
      maintenanceMock(
        maintenanceData({
          lastSweep: sweepRun({
            at: minutesAgo(5),
            checked: 120,
            healed: 3,
            remaining: 0,
          }),
        })
      ),
    ])

    expect(await screen.findByTestId('last-sweep')).toHaveTextContent(
      'Last sweep: 5 min ago — 120 orders checked, 3 healed, 0 left for the next run.'
    )
    expect(screen.getByTestId('last-sweep')).not.toHaveTextContent('sent again')
  })

  it('adds what the sweep sent the OMS again', async () => {
    renderPanel([
      maintenanceMock(
        maintenanceData({
          lastSweep: sweepRun({
            at: minutesAgo(1),
            checked: 1,
            healed: 1,
            remaining: 4,
            omsRetried: 2,
          }),
        })
      ),
    ])

    expect(await screen.findByTestId('last-sweep')).toHaveTextContent(
      'Last sweep: 1 min ago — 1 order checked, 1 healed, 4 left for the next run. 2 OMS updates sent again.'
    )
  })

  it('adds the received changes it put back into their histories', async () => {
    renderPanel([
      maintenanceMock(
        maintenanceData({
          lastSweep: sweepRun({ at: minutesAgo(1), remaining: 0, settled: 3 }),
        })
      ),
    ])

    expect(await screen.findByTestId('last-sweep')).toHaveTextContent(
      "3 changes received but left out of their orders' histories were put back."
    )
  })

  it('shows a running backfill with its progress, and no start button', async () => {
    renderPanel([maintenanceMock(maintenanceData({ backfill: running }))])
    const state = await backfillState()

    expect(screen.getByTestId('backfill-state')).toHaveTextContent(
      'Backfill of the last 7 days running, started 2 min ago.'
    )
    const bar = state.getByRole('progressbar', { name: 'Backfill progress' })

    expect(bar).toHaveAttribute('aria-valuenow', '10')
    expect(bar).toHaveAttribute('aria-valuemax', '40')
    expect(
      state.getByText('10 of 40 orders looked up, 3 changes recorded')
    ).toBeInTheDocument()
    expect(screen.queryByTestId('backfill-start')).not.toBeInTheDocument()
  })

  it('shows the progress as text while the total is not known', async () => {
    renderPanel([
      maintenanceMock(
        maintenanceData({
          backfill: { ...running, scanned: 1, recorded: 0, total: null },
        })
      ),
    ])
    const state = await backfillState()

    expect(
      state.getByText('1 order looked up so far, 0 changes recorded')
    ).toBeInTheDocument()
    expect(state.queryByRole('progressbar')).not.toBeInTheDocument()
  })

  it('shows a finished backfill and offers to run it again', async () => {
    renderPanel([
      maintenanceMock(
        maintenanceData({
          backfill: backfillStatus({
            state: 'DONE',
            days: 7,
            startedAt: '2026-11-20T09:50:00.000Z',
            updatedAt: '2026-11-20T10:00:00.000Z',
            scanned: 35,
            recorded: 12,
            total: 35,
          }),
        })
      ),
    ])
    const state = await backfillState()

    expect(
      state.getByText(/^Backfill of the last 7 days done at/)
    ).toHaveTextContent(
      /done at Nov 20, 2026.*: 35 orders looked up, 12 changes recorded\.$/
    )
    expect(screen.getByTestId('backfill-start')).toHaveTextContent(
      'Backfill the last 7 days'
    )
  })

  it('shows a failed backfill with the server’s words, and resumes it with its days', async () => {
    const lastError =
      'The OMS did not answer while listing orders. Resume to continue where it stopped.'

    renderPanel([
      maintenanceMock(
        maintenanceData({
          backfill: backfillStatus({
            state: 'FAILED',
            days: 14,
            startedAt: minutesAgo(30),
            updatedAt: minutesAgo(20),
            scanned: 20,
            recorded: 5,
            total: 40,
            lastError,
          }),
        })
      ),
      startBackfillMock(14, {
        ...running,
        days: 14,
        scanned: 20,
        recorded: 5,
        total: 40,
      }),
    ])
    const state = await backfillState()

    expect(
      state.getByText('The backfill of the last 14 days stopped.')
    ).toBeInTheDocument()
    expect(
      state.getByText('20 of 40 orders looked up, 5 changes recorded')
    ).toBeInTheDocument()
    expect(state.getByText(lastError)).toBeInTheDocument()

    fireEvent.click(screen.getByRole('button', { name: 'Resume' }))

    await waitFor(() =>
      expect(screen.getByTestId('backfill-state')).toHaveTextContent(
        'Backfill of the last 14 days running, started 2 min ago.'
      )
    )
    expect(screen.queryByText(lastError)).not.toBeInTheDocument()
  })

  it('starts a backfill of the days chosen', async () => {
    const started = jest.fn()
    const answer = startBackfillMock(
      14,
      backfillStatus({
        state: 'RUNNING',
        days: 14,
        startedAt: minutesAgo(0),
        updatedAt: minutesAgo(0),
      }),
      { delay: 50 }
    )

    renderPanel([
      maintenanceMock(maintenanceData()),
      { ...answer, newData: started.mockImplementation(() => answer.result) },
    ])

    const days = await screen.findByLabelText('Days to backfill (1 to 90)')

    fireEvent.change(days, { target: { value: '14' } })
    const start = screen.getByTestId('backfill-start')

    expect(start).toHaveTextContent('Backfill the last 14 days')
    fireEvent.click(start)
    expect(start).toBeDisabled()

    await waitFor(() =>
      expect(screen.getByTestId('backfill-state')).toHaveTextContent(
        'Backfill of the last 14 days running, started < 1 min ago.'
      )
    )
    expect(screen.getByTestId('backfill-progress')).toHaveTextContent(
      '0 orders looked up so far, 0 changes recorded'
    )
    expect(started).toHaveBeenCalledTimes(1)
  })

  it('keeps the days between 1 and 90', async () => {
    renderPanel([maintenanceMock(maintenanceData())])
    const days = await screen.findByLabelText('Days to backfill (1 to 90)')

    fireEvent.click(screen.getByRole('button', { name: '+' }))
    expect(screen.getByTestId('backfill-start')).toHaveTextContent(
      'Backfill the last 8 days'
    )

    fireEvent.change(days, { target: { value: '500' } })
    fireEvent.blur(days)
    expect(screen.getByTestId('backfill-start')).toHaveTextContent(
      'Backfill the last 90 days'
    )
  })

  it('says why the backfill did not start', async () => {
    renderPanel([
      maintenanceMock(maintenanceData()),
      startBackfillMock(7, null, {
        errors: [
          new GraphQLError(
            'Pick and Pack is not configured: add the Api-Key in the app settings.',
            undefined,
            undefined,
            undefined,
            ['startBackfill'],
            undefined,
            { code: 'NOT_CONFIGURED' }
          ),
        ],
      }),
    ])

    fireEvent.click(await screen.findByTestId('backfill-start'))

    const alert = await screen.findByRole('alert')

    expect(alert).toHaveTextContent(
      'Could not start the backfill: Pick and Pack is not configured: add the Api-Key in the app settings. (code NOT_CONFIGURED)'
    )
    expect(screen.getByTestId('backfill-state')).toHaveTextContent(
      'No backfill yet.'
    )
  })

  it('says an expired session needs a new sign-in, not the server’s English', async () => {
    renderPanel(
      [
        maintenanceMock(maintenanceData()),
        startBackfillMock(7, null, {
          errors: [
            new GraphQLError(
              'VtexIdclientAutCookie not found.',
              undefined,
              undefined,
              undefined,
              ['startBackfill'],
              undefined,
              { code: 'UNAUTHENTICATED' }
            ),
          ],
        }),
      ],
      'es'
    )

    fireEvent.click(await screen.findByTestId('backfill-start'))

    const alert = await screen.findByRole('alert')

    expect(alert).toHaveTextContent(
      'No se pudo iniciar la carga retroactiva: Tu sesión en el Admin VTEX expiró. Recarga la página e inicia sesión de nuevo. (código UNAUTHENTICATED)'
    )
    expect(alert).not.toHaveTextContent('VtexIdclientAutCookie')
  })

  it('says when its state could not be read, and tries again', async () => {
    renderPanel([
      maintenanceMock(null, {
        errors: [rootError('maintenance', 'STORE_UNAVAILABLE')],
      }),
      maintenanceMock(maintenanceData()),
    ])

    const alert = await screen.findByRole('alert')

    expect(alert).toHaveAttribute('data-error-code', 'STORE_UNAVAILABLE')
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))

    expect(await screen.findByText('No backfill yet.')).toBeInTheDocument()
  })

  it('speaks Portuguese', async () => {
    renderPanel(
      [
        maintenanceMock(
          maintenanceData({
            lastSweep: sweepRun({ at: minutesAgo(5) }),
          })
        ),
      ],
      'pt'
    )

    expect(await screen.findByTestId('last-sweep')).toHaveTextContent(
      'Última varredura: há 5 min — 120 pedidos verificados, 3 corrigidos, nenhum fica para a próxima execução.'
    )
    expect(
      screen.getByRole('button', { name: 'Preencher os últimos 7 dias' })
    ).toBeInTheDocument()
  })
})

describe('maintenance panel: why the backfill stopped', () => {
  const failed = (lastErrorCode: string | null, lastError: string) =>
    maintenanceData({
      backfill: backfillStatus({
        state: 'FAILED',
        days: 7,
        startedAt: minutesAgo(30),
        updatedAt: minutesAgo(20),
        scanned: 20,
        recorded: 5,
        total: 40,
        lastError,
        lastErrorCode,
      }),
    })

  // The server's English sentences (node/sync/backfill.ts), never shown beside a known code.
  const english = {
    NOT_CONFIGURED:
      'Pick and Pack is not configured: add the Api-Key in the app settings.',
    LOOKUPS_FAILED:
      '3 of 50 orders could not be looked up in Pick and Pack. Resume the backfill in a moment: it repeats this page.',
    'http:403':
      "The OMS order list answered HTTP 403. Check the app's List orders permission, then resume.",
  }

  it.each([
    [
      'pt',
      'NOT_CONFIGURED',
      'As configurações do app não têm a Api-Key do Pick and Pack. Adicione-a e retome o preenchimento.',
    ],
    [
      'pt',
      'LOOKUPS_FAILED',
      'O Pick and Pack não respondeu para alguns pedidos da página que estava sendo lida. Retome o preenchimento em instantes: ele lê essa página novamente.',
    ],
    [
      'pt',
      'http:403',
      'A lista de pedidos do OMS respondeu HTTP 403. Verifique a permissão List orders (ListOrders) do app e retome o preenchimento.',
    ],
    [
      'es',
      'NOT_CONFIGURED',
      'La configuración de la app no tiene la Api-Key de Pick and Pack. Agrégala y reanuda la carga.',
    ],
    [
      'es',
      'LOOKUPS_FAILED',
      'Pick and Pack no respondió para algunos pedidos de la página que se estaba leyendo. Reanuda la carga en un momento: vuelve a leer esa página.',
    ],
    [
      'es',
      'http:403',
      'La lista de pedidos del OMS respondió HTTP 403. Revisa el permiso List orders (ListOrders) de la app y reanuda la carga.',
    ],
  ] as const)(
    'in %s, %s is told in the page’s language',
    async (locale, code, words) => {
      renderPanel([maintenanceMock(failed(code, english[code]))], locale)

      await backfillState()
      const error = screen.getByTestId('backfill-error')

      expect(error).toHaveTextContent(words)
      expect(error).not.toHaveTextContent(english[code])
    }
  )

  it('uses the shared words of an app error that read right for the backfill', async () => {
    renderPanel(
      [
        maintenanceMock(
          failed(
            'PNP_UNAVAILABLE',
            'Pick and Pack did not answer in time. Try again in a moment.'
          )
        ),
      ],
      'pt'
    )

    expect(await screen.findByTestId('backfill-error')).toHaveTextContent(
      'O serviço do Pick and Pack não respondeu a tempo. Tente novamente em instantes.'
    )
  })

  it('shows the server’s words for a code it does not know', async () => {
    const lastError =
      'The backfill lease was lost to another replica. Resume to continue.'

    renderPanel([maintenanceMock(failed('LEASE_LOST', lastError))], 'es')

    expect(await screen.findByTestId('backfill-error')).toHaveTextContent(
      lastError
    )
    expect(
      screen.getByText('La carga de los últimos 7 días se detuvo.')
    ).toBeInTheDocument()
  })

  it('words a known code even when the server sent no sentence', async () => {
    renderPanel([maintenanceMock(failed('unreadable', ''))])

    expect(await screen.findByTestId('backfill-error')).toHaveTextContent(
      'The OMS order list could not be read. Resume the backfill in a moment.'
    )
  })
})

describe('maintenance panel: polling', () => {
  beforeEach(() => {
    jest.useFakeTimers()
  })

  afterEach(() => {
    jest.useRealTimers()
  })

  it('reads the progress every 3 s while the backfill runs, and stops when it is done', async () => {
    const reads = jest.fn()
    const read = (mock: ReturnType<typeof maintenanceMock>) => ({
      ...mock,
      newData: jest.fn(() => {
        reads()

        return mock.result
      }),
    })

    renderPanel([
      read(maintenanceMock(maintenanceData({ backfill: running }))),
      read(
        maintenanceMock(
          maintenanceData({
            backfill: { ...running, scanned: 25, recorded: 8 },
          })
        )
      ),
      read(
        maintenanceMock(
          maintenanceData({
            backfill: {
              ...running,
              state: 'DONE',
              scanned: 40,
              recorded: 11,
              updatedAt: '2026-11-20T10:00:00.000Z',
            },
          })
        )
      ),
    ])

    expect(
      await screen.findByText('10 of 40 orders looked up, 3 changes recorded')
    ).toBeInTheDocument()
    expect(reads).toHaveBeenCalledTimes(1)

    await act(async () => {
      jest.advanceTimersByTime(POLL_MS)
    })
    expect(
      await screen.findByText('25 of 40 orders looked up, 8 changes recorded')
    ).toBeInTheDocument()

    await act(async () => {
      jest.advanceTimersByTime(POLL_MS)
    })
    expect(
      await screen.findByText(/40 orders looked up, 11 changes recorded\.$/)
    ).toBeInTheDocument()
    expect(reads).toHaveBeenCalledTimes(3)

    // Done: no more reads (the answers above would be served again, in turn, if it kept on).
    await act(async () => {
      jest.advanceTimersByTime(POLL_MS * 5)
    })
    expect(reads).toHaveBeenCalledTimes(3)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.getByTestId('backfill-state')).toHaveAttribute(
      'data-state',
      'DONE'
    )
  })
})

describe('maintenance panel: hidden tab', () => {
  beforeEach(() => {
    jest.useFakeTimers()
  })

  afterEach(() => {
    jest.useRealTimers()
    setHidden(false)
  })

  it('asks nothing while the tab is hidden, even while a backfill runs, and catches up when shown', async () => {
    const reads = jest.fn()
    const mock = maintenanceMock(maintenanceData({ backfill: running }))

    renderPanel([
      {
        ...mock,
        newData: jest.fn(() => {
          reads()

          return mock.result
        }),
      },
    ])

    expect(
      await screen.findByText('10 of 40 orders looked up, 3 changes recorded')
    ).toBeInTheDocument()
    expect(reads).toHaveBeenCalledTimes(1)

    setHidden(true)
    await act(async () => {
      jest.advanceTimersByTime(POLL_MS * 20)
    })
    expect(reads).toHaveBeenCalledTimes(1)

    // Back in view: overdue, so at once, then every 3 s again.
    setHidden(false)
    await act(async () => {
      jest.advanceTimersByTime(0)
    })
    expect(reads).toHaveBeenCalledTimes(2)
    await act(async () => {
      jest.advanceTimersByTime(POLL_MS)
    })
    expect(reads).toHaveBeenCalledTimes(3)
  })
})

describe('home page: maintenance panel', () => {
  it('sits beside the board, which never waits for it', async () => {
    renderPage(<PickAndPackHome />, {
      mocks: [
        ...emptyBoardMocks(),
        // The panel's answer comes long after the board's.
        maintenanceMock(maintenanceData(), { delay: 400 }),
        {
          request: { query: PICK_AND_PACK_CONNECTION },
          result: {
            data: {
              pickAndPackConnection: {
                ok: true,
                code: null,
                message: null,
                checkedAt: null,
              },
            },
          },
        },
        {
          request: {
            query: RECENT_STATUS_CHANGES,
            variables: { first: 20, status: null },
          },
          result: { data: { recentStatusChanges: [] } },
        },
      ],
    })

    expect(await screen.findByText('No orders yet')).toBeInTheDocument()
    expect(
      within(screen.getByTestId('maintenance')).getByText(
        'Loading the sweep and backfill state…'
      )
    ).toBeInTheDocument()
    expect(await screen.findByText('No backfill yet.')).toBeInTheDocument()
  })
})
