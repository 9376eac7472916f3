// The order view on Pick and Pack's v1 data: reconciliation states with units, reasons and
// substitutes; the panel's picking details; the shipments, asked apart and never waited for.
import React from 'react'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { MockedResponse } from '@apollo/react-testing'

import PickAndPackOrder from '../PickAndPackOrder'
import Reconciliation from '../components/OrderView/Reconciliation'
import type { ItemReconciliation } from '../components/OrderView/types'
import { renderPage } from './setup/render'
import {
  ORDER_ID,
  fulfillment,
  orderMock,
  pickAndPackOrder,
  pickedLine,
  resultLine,
  shipment,
  shipmentsError,
  shipmentsMock,
  v1PickAndPackOrder,
} from './setup/fixtures'

type Locale = 'en' | 'pt' | 'es'

function renderOrder(mocks: readonly MockedResponse[], locale: Locale = 'en') {
  return renderPage(<PickAndPackOrder params={{ orderId: ORDER_ID }} />, {
    mocks,
    locale,
  })
}

function renderLines(items: ItemReconciliation[], locale: Locale = 'en') {
  return renderPage(<Reconciliation items={items} available />, { locale })
}

const rows = () => screen.getAllByTestId('reconciliation-row')
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent)

const pnpPanel = () => within(screen.getByTestId('pnp-panel'))
const shipmentsPanel = () => within(screen.getByTestId('shipments-panel'))

// The page as v1 describes it: one line short by weight, one substituted, one rejected.
const v1Order = () =>
  fulfillment({
    pickAndPack: v1PickAndPackOrder({
      pickedItems: [
        pickedLine({
          id: '1',
          refId: 'BAN-1',
          name: 'Banana 1kg',
          quantity: 1.25,
          sellingPrice: 10.5,
          image: 'https://img.example.com/banana.jpg',
          weighable: true,
          unitOfMeasure: 'KILOGRAMS',
        }),
        pickedLine({ id: '9', refId: 'OAT-1', name: 'Oat milk 1L' }),
      ],
    }),
    items: [
      resultLine({
        refId: 'BAN-1',
        name: 'Banana 1kg',
        orderedQuantity: 1.5,
        pickedQuantity: 1.25,
        state: 'SHORT',
        weighable: true,
        unitOfMeasure: 'KILOGRAMS',
      }),
      resultLine({
        refId: 'MILK-1',
        name: 'Milk 1L',
        pickedQuantity: 0,
        state: 'SUBSTITUTED',
        substitutes: ['Oat milk 1L'],
      }),
      resultLine({
        refId: 'BREAD-1',
        name: 'Bread',
        pickedQuantity: 0,
        state: 'MISSING',
        reasons: ['1253881550433-01: out-of-stock'],
      }),
    ],
  })

describe('reconciliation table', () => {
  it('is a table with item, ordered, picked and result columns', () => {
    renderLines([resultLine({ name: 'Milk 1L' })])

    expect(
      screen.getAllByRole('columnheader').map((th) => th.textContent)
    ).toEqual(['Item', 'Ordered', 'Picked', 'Result'])
    expect(cells(rows()[0])).toEqual(['Milk 1L', '1', '1', 'Complete'])
  })

  it('names every state', () => {
    renderLines([
      resultLine({ name: 'A', state: 'COMPLETE' }),
      resultLine({ name: 'B', state: 'SHORT', pickedQuantity: 0.5 }),
      resultLine({ name: 'C', state: 'MISSING', pickedQuantity: 0 }),
      resultLine({ name: 'D', state: 'EXTRA', orderedQuantity: 0 }),
      resultLine({
        name: 'E',
        state: 'SUBSTITUTED',
        pickedQuantity: 0,
        substitutes: ['F'],
      }),
      resultLine({ name: 'G', state: 'PENDING', pickedQuantity: 0 }),
      resultLine({ name: 'H', state: 'SOMETHING_NEW' }),
    ])

    expect(rows().map((row) => cells(row)[3])).toEqual([
      'Complete',
      'Short',
      'Missing',
      'Extra',
      'SubstitutedReplaced by F',
      'PendingPicking not finished',
      'SOMETHING_NEW',
    ])
  })

  it('MISSING shows Pick and Pack’s reasons, translated when known, as received when not', () => {
    renderLines([
      resultLine({
        name: 'Bread',
        state: 'MISSING',
        pickedQuantity: 0,
        reasons: [
          'OUT_OF_STOCK',
          '1509750516095-01: out-of-stock',
          'DAMAGED: box crushed',
          'FORKLIFT_ATE_IT',
        ],
      }),
    ])

    const reasons = within(rows()[0]).getByTestId('line-reasons')

    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual([
      'Out of stock',
      'Out of stock',
      'Damaged (box crushed)',
      'FORKLIFT_ATE_IT',
    ])
  })

  it('SUBSTITUTED names every substitute', () => {
    renderLines([
      resultLine({
        name: 'Milk 1L',
        state: 'SUBSTITUTED',
        pickedQuantity: 0,
        substitutes: ['Oat milk 1L', 'Soy milk 1L'],
      }),
    ])

    expect(within(rows()[0]).getByTestId('line-substitutes')).toHaveTextContent(
      'Replaced by Oat milk 1L, Soy milk 1L'
    )
  })

  it('PENDING says picking is not finished, in Portuguese too', () => {
    renderLines(
      [resultLine({ name: 'Bread', state: 'PENDING', pickedQuantity: 0 })],
      'pt'
    )

    expect(cells(rows()[0])[3]).toBe('PendenteSeparação não concluída')
  })

  // Grams and an unknown unit read the same in every language; the decimal mark does not.
  it.each([
    ['en', ['1.5 kg', '1.25 kg']],
    ['pt', ['1,5 kg', '1,25 kg']],
    ['es', ['1,5 kg', '1,25 kg']],
  ] as const)('weighable lines show their unit in %s', (locale, kilograms) => {
    renderLines(
      [
        resultLine({
          name: 'Banana',
          orderedQuantity: 1.5,
          pickedQuantity: 1.25,
          state: 'SHORT',
          weighable: true,
          unitOfMeasure: 'KILOGRAMS',
        }),
        resultLine({
          name: 'Ham',
          orderedQuantity: 500,
          pickedQuantity: 450,
          state: 'SHORT',
          weighable: true,
          unitOfMeasure: 'GRAMS',
        }),
        resultLine({
          name: 'Parsley',
          orderedQuantity: 2,
          pickedQuantity: 1,
          state: 'SHORT',
          weighable: true,
          unitOfMeasure: 'BUNCHES',
        }),
        // Counted in units: a plain number, whatever the unit says.
        resultLine({
          name: 'Milk',
          orderedQuantity: 3,
          pickedQuantity: 3,
          unitOfMeasure: 'UNITS',
        }),
      ],
      locale
    )

    const [banana, ham, parsley, milk] = rows().map((row) =>
      cells(row)
        .slice(1, 3)
        .map((text) => (text ?? '').replace(/\s/g, ' '))
    )

    expect(banana).toEqual(kilograms)
    expect(ham).toEqual(['500 g', '450 g'])
    expect(parsley).toEqual(['2 BUNCHES', '1 BUNCHES'])
    expect(milk).toEqual(['3', '3'])
  })

  it('maps unit spellings to short labels and keeps a weight without unit a number', () => {
    renderLines([
      resultLine({
        name: 'Juice',
        orderedQuantity: 2,
        weighable: true,
        unitOfMeasure: 'liters',
      }),
      resultLine({
        name: 'Cheese',
        orderedQuantity: 0.3,
        pickedQuantity: 0.3,
        weighable: true,
        unitOfMeasure: null,
      }),
    ])

    expect(cells(rows()[0]).slice(1, 3)).toEqual(['2 L', '1 L'])
    expect(cells(rows()[1]).slice(1, 3)).toEqual(['0.3', '0.3'])
  })
})

describe('Pick and Pack panel on v1', () => {
  it('shows the source, picking status, pickers, step timings and line counts', async () => {
    renderOrder([...orderMock(v1Order()), shipmentsMock([])])

    expect(await pnpPanel().findByTestId('pnp-source')).toHaveTextContent(
      'API v1'
    )
    expect(pnpPanel().getByTestId('picking-status')).toHaveTextContent(
      'Picking statusPacked'
    )
    expect(pnpPanel().getByTestId('pickers')).toHaveTextContent(
      'Ana Picker, Bruno Picker'
    )
    expect(pnpPanel().getByTestId('time-picking')).toHaveTextContent('12 min')
    expect(pnpPanel().getByTestId('time-packing')).toHaveTextContent(
      '1 h 5 min'
    )
    // Ready for invoicing: shipping has not happened yet.
    expect(pnpPanel().getByTestId('time-shipping')).toHaveTextContent('Not yet')
    expect(pnpPanel().getByTestId('lines-rejected')).toHaveTextContent('1')
    expect(pnpPanel().getByTestId('lines-replaced')).toHaveTextContent('1')
    expect(pnpPanel().getByTestId('lines-unhandled')).toHaveTextContent('0')
    // A weighable picked line in its unit; v1 shipments have their own section.
    expect(pnpPanel().getByText(/1\.25 kg ×/)).toBeInTheDocument()
    expect(pnpPanel().queryByTestId('shipping')).not.toBeInTheDocument()

    // The reconciliation on v1 data, through the real query.
    expect(rows().map(cells)).toEqual([
      ['Banana 1kg BAN-1', '1.5 kg', '1.25 kg', 'Short'],
      ['Milk 1L MILK-1', '1', '0', 'SubstitutedReplaced by Oat milk 1L'],
      ['Bread BREAD-1', '1', '0', 'MissingOut of stock'],
    ])
  })

  it('names statuses and durations in Portuguese', async () => {
    renderOrder(
      [
        ...orderMock(
          fulfillment({
            pickAndPack: v1PickAndPackOrder({
              pickingStatus: 'IN_PROGRESS',
              timings: { picking: 120, packing: 0.2, shipping: 59.6 },
            }),
          })
        ),
        shipmentsMock([]),
      ],
      'pt'
    )

    expect(await pnpPanel().findByTestId('pnp-source')).toHaveTextContent(
      'API v1'
    )
    expect(pnpPanel().getByTestId('picking-status')).toHaveTextContent(
      'Em andamento'
    )
    expect(pnpPanel().getByTestId('time-picking')).toHaveTextContent('2 h')
    expect(pnpPanel().getByTestId('time-packing')).toHaveTextContent('< 1 min')
    expect(pnpPanel().getByTestId('time-shipping')).toHaveTextContent('1 h')
  })

  // v1 sends 0 (a required number) for a step that has not happened: the order's status
  // tells it from a step that took no time. Timings as the simulator sends them.
  it.each([
    {
      locale: 'en',
      status: 'PICKING',
      pickingStatus: 'IN_PROGRESS',
      times: [0, 0, 0],
      shown: ['Not yet', 'Not yet', 'Not yet'],
    },
    {
      locale: 'en',
      status: 'PACKING',
      pickingStatus: 'PACKING',
      times: [27, 0, 0],
      shown: ['27 min', 'Not yet', 'Not yet'],
    },
    {
      locale: 'pt',
      status: 'ON_ROUTE',
      pickingStatus: 'SORTING',
      times: [27, 15, 0],
      shown: ['27 min', '15 min', 'Ainda não'],
    },
    {
      locale: 'es',
      status: 'READY_FOR_INVOICING',
      pickingStatus: 'PACKED',
      times: [27, 15, 0],
      shown: ['27 min', '15 min', 'Todavía no'],
    },
    // Reached: a time is shown as it came.
    {
      locale: 'en',
      status: 'DELIVERED',
      pickingStatus: 'SORTING',
      times: [27, 15, 0.2],
      shown: ['27 min', '15 min', '< 1 min'],
    },
    // Reached but not sent: unknown, not "not yet".
    {
      locale: 'en',
      status: 'DELIVERED',
      pickingStatus: 'SORTING',
      times: [27, 15, null],
      shown: ['27 min', '15 min', '—'],
    },
  ] as const)(
    'a step not reached yet is "not yet", not "0 min" ($locale, $status)',
    async ({ locale, status, pickingStatus, times, shown }) => {
      const [picking, packing, shipping] = times

      renderOrder(
        [
          ...orderMock(
            fulfillment({
              pickAndPack: v1PickAndPackOrder({
                fulfillmentStatus: status,
                pickingStatus,
                timings: { picking, packing, shipping },
              }),
            })
          ),
          shipmentsMock([]),
        ],
        locale
      )

      expect(await pnpPanel().findByTestId('time-picking')).toHaveTextContent(
        shown[0]
      )
      expect(pnpPanel().getByTestId('time-packing')).toHaveTextContent(shown[1])
      expect(pnpPanel().getByTestId('time-shipping')).toHaveTextContent(
        shown[2]
      )
      expect(pnpPanel().getByTestId('picking-details')).not.toHaveTextContent(
        /\b0 min/
      )
    }
  )

  it('shows an unknown picking status as received', async () => {
    renderOrder([
      ...orderMock(
        fulfillment({
          pickAndPack: v1PickAndPackOrder({ pickingStatus: 'TELEPORTING' }),
        })
      ),
      shipmentsMock([]),
    ])

    expect(await pnpPanel().findByTestId('picking-status')).toHaveTextContent(
      'TELEPORTING'
    )
  })

  it('on the legacy API: a discreet legacy badge, no picking details, the shipping block', async () => {
    renderOrder([...orderMock(fulfillment()), shipmentsMock([])])

    expect(await pnpPanel().findByTestId('pnp-source')).toHaveTextContent(
      'Legacy API'
    )
    expect(pnpPanel().queryByTestId('picking-details')).not.toBeInTheDocument()
    expect(pnpPanel().getByTestId('shipping')).toBeInTheDocument()
  })

  it('a picked item image that fails to load becomes a placeholder, not its alt text', async () => {
    renderOrder([...orderMock(fulfillment()), shipmentsMock([])])

    const image = await pnpPanel().findByAltText('Banana 1kg')
    const before = pnpPanel().getAllByTestId('image-placeholder').length

    fireEvent.error(image)

    expect(pnpPanel().queryByAltText('Banana 1kg')).not.toBeInTheDocument()
    expect(pnpPanel().getAllByTestId('image-placeholder')).toHaveLength(
      before + 1
    )
    // The name is still written beside it.
    expect(pnpPanel().getAllByText('Banana 1kg').length).toBeGreaterThan(0)
  })
})

describe('shipments panel', () => {
  it('does not hold back the page: the order shows while shipments still load', async () => {
    renderOrder([
      ...orderMock(fulfillment()),
      shipmentsMock([shipment()], { delay: 300 }),
    ])

    expect(shipmentsPanel().getByText('Loading shipments…')).toBeInTheDocument()
    expect(await screen.findByText('Jane Doe')).toBeInTheDocument()
    expect(screen.getAllByTestId('reconciliation-row')).toHaveLength(4)
    expect(shipmentsPanel().getByText('Loading shipments…')).toBeInTheDocument()

    expect(await shipmentsPanel().findByTestId('shipment')).toBeInTheDocument()
    expect(
      shipmentsPanel().queryByText('Loading shipments…')
    ).not.toBeInTheDocument()
  })

  it('shows its own loading state before any answer', () => {
    renderOrder([...orderMock(fulfillment()), shipmentsMock([])])

    expect(shipmentsPanel().getByRole('status')).toHaveTextContent(
      'Loading shipments…'
    )
  })

  it('says there is no shipment yet', async () => {
    renderOrder([...orderMock(fulfillment()), shipmentsMock([])])

    expect(
      await shipmentsPanel().findByText('No shipment yet')
    ).toBeInTheDocument()
  })

  it('an order Pick and Pack does not know has no shipment, not a second error', async () => {
    renderOrder([
      ...orderMock(fulfillment()),
      shipmentsMock(null, { errors: [shipmentsError('PNP_ORDER_NOT_FOUND')] }),
    ])

    expect(
      await shipmentsPanel().findByText('No shipment yet')
    ).toBeInTheDocument()
    expect(shipmentsPanel().queryByRole('alert')).not.toBeInTheDocument()
  })

  it('an error shows the shared message with a retry that asks again', async () => {
    renderOrder([
      ...orderMock(fulfillment()),
      shipmentsMock(null, { errors: [shipmentsError('PNP_UNAVAILABLE')] }),
      shipmentsMock([shipment()]),
    ])

    const alert = await shipmentsPanel().findByRole('alert')

    expect(alert).toHaveTextContent('Pick and Pack is not responding')
    expect(alert).toHaveAttribute('data-error-code', 'PNP_UNAVAILABLE')
    // The rest of the page is there.
    expect(screen.getByText('Jane Doe')).toBeInTheDocument()

    fireEvent.click(within(alert).getByText('Try again'))

    expect(await shipmentsPanel().findByTestId('shipment')).toBeInTheDocument()
    expect(shipmentsPanel().queryByRole('alert')).not.toBeInTheDocument()
  })

  it('a network failure offers a retry too', async () => {
    renderOrder([
      ...orderMock(fulfillment()),
      {
        request: shipmentsMock([]).request,
        error: new Error('socket hang up'),
      },
      shipmentsMock([]),
    ])

    const alert = await shipmentsPanel().findByRole('alert')

    expect(alert).toHaveTextContent('Could not reach the server')
    fireEvent.click(within(alert).getByText('Try again'))
    expect(
      await shipmentsPanel().findByText('No shipment yet')
    ).toBeInTheDocument()
  })

  it('shows status, carrier, courier, vehicle, tracking, delivery date and notes', async () => {
    renderOrder([...orderMock(fulfillment()), shipmentsMock([shipment()])])

    const card = within(await shipmentsPanel().findByTestId('shipment'))

    expect(
      card.getByRole('heading', { level: 3, name: 'FastCourier' })
    ).toBeInTheDocument()
    expect(card.getByTestId('shipment-status')).toHaveTextContent('Delivered')
    expect(card.getByText('Ana Driver')).toBeInTheDocument()
    // The vehicle in the page's language, its code as the title.
    expect(card.getByText('Bike')).toHaveAttribute('title', 'BIKE')
    expect(card.getByText('SHP-1')).toBeInTheDocument()
    expect(card.getAllByText(/Nov 20, 2026/).length).toBeGreaterThan(0)
    expect(card.getByTestId('shipment-notes')).toHaveTextContent(
      'Left with the doorman'
    )

    const track = card.getByRole('link', { name: 'Track ↗' })

    expect(track).toHaveAttribute('href', 'https://track.example.com/SHP-1')
    expect(track).toHaveAttribute('target', '_blank')
    expect(track).toHaveAttribute('rel', 'noopener noreferrer')
  })

  it('a shipment without carrier is titled by its id; an unknown status is shown as received', async () => {
    renderOrder([
      ...orderMock(fulfillment()),
      shipmentsMock([
        shipment({
          carrier: null,
          status: 'LOST_IN_SPACE',
          trackingUrl: ['javascript', 'alert(1)'].join(':'),
          evidences: [],
          notes: [],
          deliveredDate: null,
        }),
      ]),
    ])

    const card = within(await shipmentsPanel().findByTestId('shipment'))

    expect(
      card.getByRole('heading', { level: 3, name: 'Shipment SHP-1' })
    ).toBeInTheDocument()
    expect(card.getByTestId('shipment-status')).toHaveTextContent(
      'LOST_IN_SPACE'
    )
    // An unsafe tracking URL never becomes a link.
    expect(card.queryByRole('link')).not.toBeInTheDocument()
    expect(card.queryByText('Proof of delivery')).not.toBeInTheDocument()
  })

  it('proof of delivery: a thumbnail that opens full size, with type, date and author as text', async () => {
    renderOrder([
      ...orderMock(fulfillment()),
      shipmentsMock([
        shipment({
          evidences: [
            {
              type: 'PHOTO',
              url: 'https://cdn.example.com/proof/door.jpg',
              date: '2026-11-20T11:29:00.000Z',
              author: 'Ana Driver',
            },
            {
              type: 'SIGNATURE',
              url: null,
              date: null,
              author: 'Jane Doe',
            },
          ],
        }),
      ]),
    ])

    const card = within(await shipmentsPanel().findByTestId('shipment'))

    expect(
      card.getByRole('heading', { level: 4, name: 'Proof of delivery' })
    ).toBeInTheDocument()
    const evidences = card.getAllByTestId('evidence')

    expect(evidences).toHaveLength(1)
    const evidence = within(evidences[0])
    const open = evidence.getByRole('link', {
      name: 'Photo: open full size',
    })

    expect(open).toHaveAttribute(
      'href',
      'https://cdn.example.com/proof/door.jpg'
    )
    expect(open).toHaveAttribute('target', '_blank')
    expect(open).toHaveAttribute('rel', 'noopener noreferrer')
    expect(evidence.getByTestId('evidence-thumbnail')).toHaveAttribute(
      'src',
      'https://cdn.example.com/proof/door.jpg'
    )
    expect(evidences[0].querySelector('figcaption')).toHaveTextContent(
      /Photo.*Nov 20, 2026.*by Ana Driver/
    )
    // Without a URL there is nothing to show but its words.
    expect(card.getByTestId('evidence-text')).toHaveTextContent(
      'Signature · by Jane Doe'
    )
  })

  it('a proof of delivery that fails to load becomes a placeholder and keeps its link', async () => {
    renderOrder([...orderMock(fulfillment()), shipmentsMock([shipment()])])

    const thumbnail = await shipmentsPanel().findByTestId('evidence-thumbnail')

    fireEvent.error(thumbnail)

    const evidence = within(shipmentsPanel().getByTestId('evidence'))

    expect(evidence.queryByRole('img')).not.toBeInTheDocument()
    expect(evidence.getByTestId('image-placeholder')).toBeInTheDocument()
    expect(
      evidence.getByRole('link', { name: 'Photo: open full size' })
    ).toHaveAttribute('href', 'https://cdn.example.com/proof/door.jpg')
  })

  it('translates statuses and dates in Spanish', async () => {
    renderOrder(
      [
        ...orderMock(fulfillment()),
        shipmentsMock([shipment({ status: 'ON_HOLD' })]),
      ],
      'es'
    )

    const card = within(await shipmentsPanel().findByTestId('shipment'))

    expect(card.getByTestId('shipment-status')).toHaveTextContent('En espera')
    expect(card.getAllByText(/20 nov\.? 2026/).length).toBeGreaterThan(0)
    expect(
      card.getByRole('link', { name: 'Foto: abrir en tamaño completo' })
    ).toBeInTheDocument()
  })

  it('Refresh asks for the shipments again', async () => {
    renderOrder([
      ...orderMock(fulfillment()),
      ...orderMock(fulfillment()),
      shipmentsMock([]),
      shipmentsMock([shipment()]),
    ])

    expect(
      await shipmentsPanel().findByText('No shipment yet')
    ).toBeInTheDocument()
    fireEvent.click(screen.getByText('Refresh'))
    expect(await shipmentsPanel().findByTestId('shipment')).toBeInTheDocument()
  })
})

describe('headings', () => {
  it('go h1 → h2 → h3 → h4 in order, with one type per level', async () => {
    renderOrder([
      ...orderMock(
        fulfillment({ pickAndPack: pickAndPackOrder({ source: 'LEGACY' }) })
      ),
      shipmentsMock([shipment()]),
    ])
    await shipmentsPanel().findByTestId('shipment')

    const headings = screen.getAllByRole('heading')
    const levels = headings.map((h) => Number(h.tagName.slice(1)))

    expect(levels[0]).toBe(1)
    levels.slice(1).forEach((level, i) => {
      expect(level - levels[i]).toBeLessThanOrEqual(1)
    })

    const sections = headings.filter((h) => h.tagName === 'H2')

    expect(sections.map((h) => h.textContent)).toEqual([
      'OMS',
      'Pick and Pack',
      'Ordered vs picked',
      'Shipments',
      'History',
    ])
    for (const [tag, type] of [
      ['H2', 't-heading-4'],
      ['H3', 't-heading-5'],
      ['H4', 't-heading-6'],
    ]) {
      for (const heading of headings.filter((h) => h.tagName === tag)) {
        expect(heading).toHaveClass(type)
      }
    }

    // Each section is a region named by its title.
    expect(
      screen.getByRole('region', { name: 'Shipments' })
    ).toBeInTheDocument()
    expect(
      screen.getByRole('table', { name: 'Ordered vs picked' })
    ).toBeInTheDocument()
  })

  it('an invalid id: the error is the page’s level-2 heading, and nothing is asked', () => {
    // No mock: a request would fail with "No more mocked responses".
    renderPage(<PickAndPackOrder params={{ orderId: 'bad id!' }} />)

    expect(
      screen.getAllByRole('heading').map((h) => [h.tagName, h.textContent])
    ).toEqual([
      ['H1', 'Order bad id!'],
      ['H2', 'Invalid order id'],
    ])
    expect(screen.queryByTestId('shipments-panel')).not.toBeInTheDocument()
  })
})

describe('not waiting', () => {
  it('the shipments answer first, the order later: each shows on its own', async () => {
    renderOrder([
      ...orderMock(fulfillment(), [], {
        delays: { pickAndPack: 200, oms: 200, history: 200 },
      }),
      shipmentsMock([shipment()]),
    ])

    expect(await shipmentsPanel().findByTestId('shipment')).toBeInTheDocument()
    expect(
      within(screen.getByTestId('pnp-panel')).getByText(
        'Loading from Pick and Pack…'
      )
    ).toBeInTheDocument()
    await waitFor(() =>
      expect(screen.getByText('Jane Doe')).toBeInTheDocument()
    )
  })
})
