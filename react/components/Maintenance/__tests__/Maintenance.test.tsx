import React from 'react'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'

import Maintenance from '..'
import {
  backfillStatus,
  maintenanceData,
  maintenanceMock,
  startBackfillMock,
} from '../../../__tests__/setup/maintenance'
import { rootError } from '../../../__tests__/setup/board'
import { renderPage } from '../../../__tests__/setup/render'

const days = () => screen.findByLabelText('Days to backfill (1 to 90)')
const start = () => screen.getByTestId('backfill-start')

describe('maintenance panel: the days field and the start button agree', () => {
  it('names no days and cannot start while the field is empty, and says what to type', async () => {
    renderPage(<Maintenance />, { mocks: [maintenanceMock(maintenanceData())] })
    const field = await days()

    fireEvent.focus(field)
    fireEvent.change(field, { target: { value: '' } })

    expect(field).toHaveValue('')
    expect(start()).toBeDisabled()
    expect(start()).toHaveTextContent(/^Backfill$/)
    expect(start()).not.toHaveTextContent('last day')
    expect(screen.getByTestId('backfill-days-hint')).toHaveTextContent(
      'Type how many days to backfill, from 1 to 90.'
    )

    // Typed again: the button names what it will send.
    fireEvent.change(field, { target: { value: '30' } })
    expect(start()).toBeEnabled()
    expect(start()).toHaveTextContent('Backfill the last 30 days')
    expect(screen.queryByTestId('backfill-days-hint')).not.toBeInTheDocument()
  })

  it('left empty, the field shows the day the button names, and that is what it sends', async () => {
    const answer = startBackfillMock(
      1,
      backfillStatus({
        state: 'RUNNING',
        days: 1,
        startedAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      })
    )

    renderPage(<Maintenance />, {
      mocks: [maintenanceMock(maintenanceData()), answer],
    })
    const field = await days()

    fireEvent.focus(field)
    fireEvent.change(field, { target: { value: '' } })
    fireEvent.blur(field)

    expect(field).toHaveValue('1')
    expect(start()).toBeEnabled()
    expect(start()).toHaveTextContent('Backfill the last day')

    fireEvent.click(start())
    await waitFor(() =>
      expect(screen.getByTestId('backfill-state')).toHaveTextContent(
        'Backfill of the last day running'
      )
    )
  })

  it('treats letters as no number', async () => {
    renderPage(<Maintenance />, {
      mocks: [maintenanceMock(maintenanceData())],
      locale: 'pt',
    })
    const field = await screen.findByLabelText('Dias a preencher (1 a 90)')

    fireEvent.focus(field)
    fireEvent.change(field, { target: { value: 'abc' } })

    expect(start()).toBeDisabled()
    expect(start()).toHaveTextContent(/^Preencher$/)
    expect(screen.getByTestId('backfill-days-hint')).toHaveTextContent(
      'Digite quantos dias preencher, de 1 a 90.'
    )
  })
})

describe('maintenance panel: its state could not be read', () => {
  it('says what it could not read, without claiming nothing is lost, and retries', async () => {
    renderPage(<Maintenance />, {
      mocks: [
        maintenanceMock(null, {
          errors: [rootError('maintenance', 'STORE_UNAVAILABLE')],
        }),
        maintenanceMock(maintenanceData()),
      ],
    })

    const alert = await screen.findByRole('alert')

    expect(alert).toHaveAttribute('data-error-code', 'STORE_UNAVAILABLE')
    expect(
      within(alert).getByRole('heading', {
        level: 3,
        name: 'The sweep and backfill state could not be read',
      })
    ).toBeInTheDocument()
    expect(alert).toHaveTextContent(
      'so when the sweep last ran and how far the backfill got cannot be shown'
    )
    expect(alert).not.toHaveTextContent('Nothing is lost')
    expect(alert).not.toHaveTextContent('status history')

    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('No backfill yet.')).toBeInTheDocument()
  })

  it.each([
    ['pt', 'Não foi possível ler o estado da varredura e do preenchimento'],
    ['es', 'No se pudo leer el estado del barrido y de la carga'],
  ] as const)('in %s too', async (locale, title) => {
    renderPage(<Maintenance />, {
      mocks: [
        maintenanceMock(null, {
          errors: [rootError('maintenance', 'STORE_UNAVAILABLE')],
        }),
      ],
      locale,
    })

    const alert = await screen.findByRole('alert')

    expect(within(alert).getByRole('heading')).toHaveTextContent(title)
    expect(alert).not.toHaveTextContent(/Nada foi perdido|No se perdió nada/)
  })

  it('keeps the shared words for other codes', async () => {
    renderPage(<Maintenance />, {
      mocks: [
        maintenanceMock(null, {
          errors: [rootError('maintenance', 'FORBIDDEN')],
        }),
      ],
    })

    const alert = await screen.findByRole('alert')

    expect(alert).toHaveAttribute('data-error-code', 'FORBIDDEN')
    expect(
      within(alert).queryByRole('button', { name: 'Try again' })
    ).not.toBeInTheDocument()
  })
})
