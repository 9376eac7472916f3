import {
  V1_STATUS_TO_FLOW,
  normalizeV1Order,
  normalizeV1Shipment,
  pickingFinished,
  refineWithRecord,
  shipmentSummaries,
  v1FlowStatus,
  worksheetPickers,
} from '../domain/v1Order'

const line = (fields: Record<string, unknown>) => ({
  id: 'L',
  itemName: 'Item',
  quantity: 1,
  originalQuantity: 1,
  ...fields,
})

describe('normalizeV1Order', () => {
  it('maps the v1 status onto the flow and keeps an unknown one as is', () => {
    expect(normalizeV1Order({ status: 'PACKED' }, 'o')?.fulfillmentStatus).toBe(
      'READY_FOR_INVOICING'
    )
    expect(normalizeV1Order({ status: 'NEW_ONE' }, 'o')).toMatchObject({
      fulfillmentStatus: 'NEW_ONE',
      pickingStatus: 'NEW_ONE',
      orderId: 'o',
    })
    expect(Object.keys(V1_STATUS_TO_FLOW)).toHaveLength(10)
  })

  it('refuses a body without a status', () => {
    expect(normalizeV1Order(null, 'o')).toBeNull()
    expect(normalizeV1Order([], 'o')).toBeNull()
    expect(normalizeV1Order({ orderId: 'o' }, 'o')).toBeNull()
  })

  it("divides prices by the currency's decimal digits, numbers sent as strings included", () => {
    const order = (digits: unknown, price: unknown) =>
      normalizeV1Order(
        {
          status: 'PACKED',
          payment: [{ currency: { decimalDigits: digits } }],
          pickedItems: [line({ pickingPrice: price })],
        },
        'o'
      )?.pickedItems[0].sellingPrice

    expect(order(2, 1234)).toBe(12.34)
    expect(order(0, 1234)).toBe(1234)
    expect(order(3, '1234')).toBe(1.234)
    // No currency said: cents, as Pick and Pack's stores price.
    expect(order(undefined, 1234)).toBe(12.34)
  })

  it('measures a weighable line in its unit, rounded to thousandths', () => {
    const [cheese] =
      normalizeV1Order(
        {
          status: 'PACKED',
          pickedItems: [
            line({
              weighableProduct: true,
              quantity: '3',
              unitMultiplier: 0.1,
              originalQuantity: 12,
              originalUnitMultiplier: 0.1,
              unitOfMeasure: 'KILOGRAMS',
            }),
          ],
        },
        'o'
      )?.pickedItems ?? []

    expect(cheese).toMatchObject({
      weighable: true,
      quantity: 0.3,
      originalQuantity: 1.2,
      unitOfMeasure: 'KILOGRAMS',
    })
  })

  it('keeps reasons as Pick and Pack words them, and names substitutes', () => {
    const order = normalizeV1Order(
      {
        status: 'PACKED',
        pickedItems: [
          line({ sku: '9', referenceCode: 'OAT', itemName: 'Oat milk' }),
        ],
        rejectedItems: [
          line({
            reasons: [
              { reasonType: 'OUT_OF_STOCK' },
              { reasonDetail: 'Damaged' },
              { reasonType: 'X', reasonDetail: 'y' },
              {},
            ],
          }),
        ],
        unhandledItems: [line({ replacedBy: ['OAT', 'UNKNOWN'] })],
      },
      'o'
    )

    expect(order?.rejectedItems[0].reasons).toEqual([
      'OUT_OF_STOCK',
      'Damaged',
      'X: y',
    ])
    expect(order?.unhandledItems[0].replacedBy).toEqual(['Oat milk', 'UNKNOWN'])
  })

  it('lists each picker once across lines', () => {
    expect(
      normalizeV1Order(
        {
          status: 'PACKED',
          pickedItems: [line({ pickers: ['ana', 'bo'] })],
          rejectedItems: [line({ pickers: ['ana'] })],
        },
        'o'
      )?.pickers
    ).toEqual(['ana', 'bo'])
  })
})

describe('v1FlowStatus', () => {
  it("takes a sorted order's place from its latest shipment", () => {
    expect(v1FlowStatus('SORTING', ['CREATED', 'DELIVERED'])).toBe('DELIVERED')
    expect(v1FlowStatus('SORTING', ['ON_HOLD'])).toBe('WAITING_FOR_PICKUP')
    expect(v1FlowStatus('SORTING', [])).toBe('PREPARING_SHIPPING')
    expect(v1FlowStatus('SORTING', ['NEW_ONE'])).toBe('NEW_ONE')
  })

  it('keeps the warehouse status before sorting, and says IDLE for a rejected order', () => {
    expect(v1FlowStatus('PACKED', ['CREATED'])).toBe('READY_FOR_INVOICING')
    expect(v1FlowStatus('REJECTED', ['CREATED'])).toBe('IDLE')
  })
})

describe('v1 lists', () => {
  it('reads shipment ids from a bare list or a wrapped one', () => {
    expect(
      shipmentSummaries([{ id: 'A', status: 'ON_ROUTE' }, { id: 2 }, {}, 'x'])
    ).toEqual([
      { id: 'A', status: 'ON_ROUTE' },
      { id: '2', status: null },
    ])
    expect(shipmentSummaries({ data: [{ id: 'B' }] })).toEqual([
      { id: 'B', status: null },
    ])
    expect(shipmentSummaries(null)).toEqual([])
  })

  it('reads pickers from worksheet assignments', () => {
    expect(
      worksheetPickers([
        { pickerAssignment: [{ pickerId: 'ana' }, { pickerId: 'ana' }] },
        { items: [{ pickerId: 'bo' }] },
      ])
    ).toEqual(['ana', 'bo'])
    expect(worksheetPickers(undefined)).toEqual([])
  })

  it('tells when picking is over', () => {
    expect(pickingFinished('IN_PROGRESS')).toBe(false)
    expect(pickingFinished('PENDING')).toBe(false)
    expect(pickingFinished('PACKED')).toBe(true)
    expect(pickingFinished(null)).toBe(false)
  })
})

describe('normalizeV1Shipment', () => {
  it('shows no delivered date before delivery (the field then holds the promised date)', () => {
    expect(
      normalizeV1Shipment(
        { status: 'ON_ROUTE', deliveredDate: '2026-11-21T15:00:00Z' },
        'SH1'
      )?.deliveredDate
    ).toBeNull()
  })

  it('takes the receiver date when no delivered date is given, and drops empty notes', () => {
    expect(
      normalizeV1Shipment(
        {
          status: 'DELIVERED',
          receiver: { deliveryDate: '2026-11-20T15:00:00Z' },
          notes: [{ content: 'ok' }, { type: 'x' }],
          evidences: [{ type: 'SIGNATURE' }],
        },
        'SH9'
      )
    ).toEqual({
      id: 'SH9',
      trackingNumber: null,
      status: 'DELIVERED',
      carrier: null,
      courier: null,
      vehicle: null,
      trackingUrl: null,
      deliveredDate: '2026-11-20T15:00:00Z',
      evidences: [{ type: 'SIGNATURE', url: null, date: null, author: null }],
      notes: ['ok'],
    })
    expect(normalizeV1Shipment('x', 'SH9')).toBeNull()
  })

  it('names the courier by the agent, else the courier name, and no one when both are empty', () => {
    const courier = (agent: unknown, courierName: unknown) =>
      normalizeV1Shipment({ status: 'ON_ROUTE', agent, courierName }, 'S')
        ?.courier

    expect(courier({ name: 'Ana' }, 'FastCourier')).toBe('Ana')
    expect(courier({ name: '' }, 'FastCourier')).toBe('FastCourier')
    expect(courier({ name: '' }, '')).toBeNull()
  })
})

describe('refineWithRecord', () => {
  const order = (status: string) => {
    const normalized = normalizeV1Order({ status }, 'o')

    if (!normalized) throw new Error('unreadable')

    return normalized
  }

  it('takes the recorded step where v1 shows one status for several', () => {
    expect(
      refineWithRecord(order('PENDING'), 'READY_FOR_PICKING').fulfillmentStatus
    ).toBe('READY_FOR_PICKING')
    expect(
      refineWithRecord(order('PACKED'), 'INVOICED').fulfillmentStatus
    ).toBe('INVOICED')
  })

  it('keeps the live status when the record disagrees or is missing', () => {
    expect(
      refineWithRecord(order('PACKING'), 'READY_FOR_PICKING').fulfillmentStatus
    ).toBe('PACKING')
    expect(refineWithRecord(order('PENDING'), null).fulfillmentStatus).toBe(
      'READY_FOR_HANDLING'
    )
  })
})
