import type { OmsItem } from '../domain/omsTypes'
import type { PickAndPackOrder, PickedItem } from '../domain/pickAndPackTypes'
import { reconcile } from '../domain/reconciliation'
import { normalizeV1Order } from '../domain/v1Order'

const ordered = (fields: Partial<OmsItem>): OmsItem => ({
  id: null,
  refId: null,
  ean: null,
  name: null,
  quantity: 1,
  sellingPrice: null,
  imageUrl: null,
  unitMultiplier: null,
  measurementUnit: null,
  ...fields,
})

const picked = (fields: Partial<PickedItem>): PickedItem => ({
  id: null,
  refId: null,
  ean: null,
  name: null,
  quantity: 1,
  originalQuantity: null,
  sellingPrice: null,
  image: null,
  categories: [],
  weighable: false,
  unitOfMeasure: null,
  reasons: [],
  replacedBy: [],
  ...fields,
})

const legacy = (
  pickedItems: PickedItem[],
  fulfillmentStatus = 'READY_FOR_INVOICING'
): PickAndPackOrder => ({
  orderId: 'o-1',
  hostname: null,
  fulfillmentStatus,
  pickedItems,
  shipping: null,
  source: 'LEGACY',
  pickingStatus: null,
  timings: null,
  pickers: [],
  rejectedItems: [],
  replacedItems: [],
  unhandledItems: [],
  shipments: [],
})

const reconcileLegacy = (items: OmsItem[], lines: PickedItem[]) =>
  reconcile(items, legacy(lines))

describe('reconcile', () => {
  it('tells complete, short, missing and extra lines apart (the design sketch)', () => {
    const result = reconcileLegacy(
      [
        ordered({ refId: 'BAN-1', name: 'Banana 1kg', quantity: 3 }),
        ordered({ refId: 'MILK-1', name: 'Milk 1L', quantity: 1 }),
        ordered({ refId: 'BREAD-1', name: 'Bread', quantity: 1 }),
      ],
      [
        picked({ refId: 'BAN-1', quantity: 2 }),
        picked({ refId: 'MILK-1', quantity: 1 }),
        picked({ refId: 'SODA-1', name: 'Soda', quantity: 2 }),
      ]
    )

    expect(
      result.map(
        ({
          refId,
          name,
          orderedQuantity,
          pickedQuantity,
          state,
          matchedBy,
        }) => ({
          refId,
          name,
          orderedQuantity,
          pickedQuantity,
          state,
          matchedBy,
        })
      )
    ).toEqual([
      {
        refId: 'BAN-1',
        name: 'Banana 1kg',
        orderedQuantity: 3,
        pickedQuantity: 2,
        state: 'SHORT',
        matchedBy: 'REF_ID',
      },
      {
        refId: 'MILK-1',
        name: 'Milk 1L',
        orderedQuantity: 1,
        pickedQuantity: 1,
        state: 'COMPLETE',
        matchedBy: 'REF_ID',
      },
      {
        refId: 'BREAD-1',
        name: 'Bread',
        orderedQuantity: 1,
        pickedQuantity: 0,
        state: 'MISSING',
        matchedBy: 'NONE',
      },
      {
        refId: 'SODA-1',
        name: 'Soda',
        orderedQuantity: 0,
        pickedQuantity: 2,
        state: 'EXTRA',
        matchedBy: 'NONE',
      },
    ])
  })

  it('counts more picked than ordered as complete', () => {
    expect(
      reconcileLegacy(
        [ordered({ refId: 'A', quantity: 1 })],
        [picked({ refId: 'A', quantity: 1.5 })]
      )[0].state
    ).toBe('COMPLETE')
  })

  it('matches by refId first, then EAN, then id', () => {
    const result = reconcileLegacy(
      [
        ordered({ refId: 'R', ean: 'E1', id: 'I1' }),
        ordered({ refId: 'nope', ean: 'E2', id: 'I2' }),
        ordered({ ean: 'nope', id: 'I3' }),
      ],
      [
        picked({ id: 'I3' }),
        picked({ ean: 'E2' }),
        picked({ ean: 'E1', refId: 'other' }),
        picked({ refId: 'R' }),
      ]
    )

    expect(result.map((line) => line.matchedBy)).toEqual([
      'REF_ID',
      'EAN',
      'ID',
      'NONE',
    ])
    // The line with EAN E1 but another refId is an extra: refId R matched first.
    expect(result[3]).toMatchObject({
      ean: 'E1',
      refId: 'other',
      state: 'EXTRA',
    })
  })

  it('uses each picked line once', () => {
    const result = reconcileLegacy(
      [
        ordered({ refId: 'A', quantity: 2 }),
        ordered({ refId: 'A', quantity: 2 }),
      ],
      [picked({ refId: 'A', quantity: 2 })]
    )

    expect(result.map((line) => line.state)).toEqual(['COMPLETE', 'MISSING'])
  })

  it('ignores blank keys when matching', () => {
    const result = reconcileLegacy(
      [ordered({ refId: ' ', ean: '', id: 'X' })],
      [picked({ refId: ' ', ean: '', id: 'Y' })]
    )

    expect(result.map((line) => line.state)).toEqual(['MISSING', 'EXTRA'])
  })

  it('treats null quantities as 0 and fills blanks from the picked line', () => {
    const result = reconcileLegacy(
      [
        ordered({ refId: 'A', quantity: null }),
        ordered({ ean: 'E', quantity: 2 }),
      ],
      [
        picked({ refId: 'A', quantity: 1 }),
        picked({
          ean: 'E',
          refId: 'P-E',
          name: 'Picked name',
          id: 'pid',
          quantity: null,
        }),
        picked({ refId: 'Z', quantity: null }),
      ]
    )

    expect(result[0]).toMatchObject({
      orderedQuantity: 0,
      pickedQuantity: 1,
      state: 'COMPLETE',
    })
    expect(result[1]).toMatchObject({
      refId: 'P-E',
      name: 'Picked name',
      id: 'pid',
      orderedQuantity: 2,
      pickedQuantity: 0,
      state: 'MISSING',
      matchedBy: 'EAN',
    })
    expect(result[2]).toMatchObject({
      refId: 'Z',
      pickedQuantity: 0,
      state: 'EXTRA',
    })
  })

  it('handles empty sides', () => {
    expect(reconcileLegacy([], [])).toEqual([])
    expect(
      reconcileLegacy([ordered({ refId: 'A' })], []).map((l) => l.state)
    ).toEqual(['MISSING'])
    expect(
      reconcileLegacy([], [picked({ refId: 'A' })]).map((l) => l.state)
    ).toEqual(['EXTRA'])
  })
})

/** A v1 order line as VTEX's OpenAPI document shapes it (prices in cents). */
const v1Line = (fields: Record<string, unknown>) => ({
  id: 'line',
  sku: null,
  referenceCode: null,
  itemName: null,
  price: 1000,
  pickingPrice: 1000,
  quantity: 1,
  originalQuantity: 1,
  weighableProduct: false,
  replacedBy: [],
  reasons: [],
  ...fields,
})

const v1Order = (status: string, lines: Record<string, unknown>) => {
  const order = normalizeV1Order(
    {
      orderId: 'o-1',
      status,
      payment: [{ currency: { code: 'BRL', decimalDigits: 2 } }],
      ...lines,
    },
    'o-1'
  )

  if (!order) throw new Error('unreadable')

  return order
}

describe('reconcile (v1 API)', () => {
  it('names the substitute of a replaced line and does not list it as extra', () => {
    // The substitute says which line it replaced (its replacedBy names the original).
    const order = v1Order('PACKED', {
      pickedItems: [
        v1Line({
          sku: 'MILK-2',
          referenceCode: 'MILK-2',
          itemName: 'Oat milk',
          replacedBy: ['MILK-1'],
        }),
      ],
      replacedItems: [
        { id: 'MILK-1', referenceCode: 'MILK-1', originalQuantity: 1 },
      ],
    })

    const result = reconcile(
      [ordered({ refId: 'MILK-1', name: 'Milk', quantity: 1 })],
      order
    )

    expect(result).toHaveLength(1)
    expect(result[0]).toMatchObject({
      state: 'SUBSTITUTED',
      substitutes: ['Oat milk'],
    })
  })

  it('takes a picked line whose replacedBy names what went instead as substituted', () => {
    const order = v1Order('PACKED', {
      pickedItems: [
        v1Line({
          referenceCode: 'MILK-1',
          itemName: 'Milk',
          quantity: 0,
          replacedBy: ['MILK-2'],
        }),
        v1Line({
          sku: 'MILK-2',
          referenceCode: 'MILK-2',
          itemName: 'Oat milk',
        }),
      ],
    })

    const result = reconcile([ordered({ refId: 'MILK-1' })], order)

    expect(result).toHaveLength(1)
    expect(result[0]).toMatchObject({
      state: 'SUBSTITUTED',
      substitutes: ['Oat milk'],
    })
  })

  it("marks a rejected line missing with Pick and Pack's reasons", () => {
    const order = v1Order('PACKED', {
      rejectedItems: [
        v1Line({
          referenceCode: 'BREAD-1',
          quantity: 0,
          reasons: [{ reasonType: 'OUT_OF_STOCK', reasonDetail: 'No stock' }],
        }),
      ],
    })

    expect(reconcile([ordered({ refId: 'BREAD-1' })], order)[0]).toMatchObject({
      state: 'MISSING',
      reasons: ['OUT_OF_STOCK: No stock'],
    })
  })

  it('says PENDING, not missing, while picking is not finished', () => {
    const order = v1Order('IN_PROGRESS', {
      pickedItems: [v1Line({ referenceCode: 'A', quantity: 1 })],
      unhandledItems: [v1Line({ referenceCode: 'B', quantity: 0 })],
    })

    expect(
      reconcile(
        [
          ordered({ refId: 'A', quantity: 2 }),
          ordered({ refId: 'B' }),
          ordered({ refId: 'C' }),
        ],
        order
      ).map((line) => line.state)
    ).toEqual(['PENDING', 'PENDING', 'PENDING'])
  })

  it('keeps the reasons of a rejected line that was replaced, and a short pick with its reason', () => {
    const order = v1Order('PACKED', {
      pickedItems: [
        v1Line({ sku: '13', referenceCode: 'MARG', itemName: 'Margarine' }),
        v1Line({ referenceCode: 'EGGS', quantity: 6, originalQuantity: 12 }),
      ],
      rejectedItems: [
        v1Line({
          referenceCode: 'BUTTER',
          quantity: 0,
          replacedBy: ['13'],
          reasons: [{ reasonType: 'OUT_OF_STOCK' }],
        }),
        v1Line({
          referenceCode: 'EGGS',
          quantity: 6,
          reasons: [{ reasonType: 'DAMAGED' }],
        }),
      ],
      replacedItems: [{ id: 'B', referenceCode: 'BUTTER', name: 'Butter' }],
    })

    const result = reconcile(
      [
        ordered({ refId: 'BUTTER', quantity: 2 }),
        ordered({ refId: 'EGGS', quantity: 12 }),
      ],
      order
    )

    expect(result).toEqual([
      expect.objectContaining({
        state: 'SUBSTITUTED',
        substitutes: ['Margarine'],
        reasons: ['OUT_OF_STOCK'],
      }),
      expect.objectContaining({
        state: 'SHORT',
        pickedQuantity: 6,
        reasons: ['DAMAGED'],
      }),
    ])
  })

  it('still reports a rejection while picking goes on', () => {
    const order = v1Order('IN_PROGRESS', {
      rejectedItems: [v1Line({ referenceCode: 'B', quantity: 0 })],
    })

    expect(reconcile([ordered({ refId: 'B' })], order)[0].state).toBe('MISSING')
  })

  it('compares a weighed line by weight, within one OMS unit', () => {
    const cheese = (units: number) =>
      v1Order('PACKED', {
        pickedItems: [
          v1Line({
            referenceCode: 'CHEESE',
            weighableProduct: true,
            unitOfMeasure: 'KILOGRAMS',
            quantity: units,
            unitMultiplier: 0.05,
            originalQuantity: 24,
            originalUnitMultiplier: 0.05,
          }),
        ],
      })

    const item = ordered({ refId: 'CHEESE', quantity: 12, unitMultiplier: 0.1 })

    expect(reconcile([item], cheese(25))[0]).toMatchObject({
      state: 'COMPLETE',
      orderedQuantity: 1.2,
      pickedQuantity: 1.25,
      weighable: true,
      unitOfMeasure: 'KILOGRAMS',
    })
    expect(reconcile([item], cheese(23))[0].state).toBe('COMPLETE')
    expect(reconcile([item], cheese(20))[0].state).toBe('SHORT')

    // The OMS sells it in 100 g units: one unit is 0.1 kg of tolerance.
    const grams = ordered({
      refId: 'CHEESE',
      quantity: 12,
      unitMultiplier: 100,
      measurementUnit: 'g',
    })

    expect(reconcile([grams], cheese(23))[0].state).toBe('COMPLETE')
    expect(reconcile([grams], cheese(21))[0].state).toBe('SHORT')
  })

  it('treats an unknown legacy status as finished, and picking steps as pending', () => {
    expect(
      reconcile([ordered({ refId: 'A' })], legacy([], 'PICKING'))[0].state
    ).toBe('PENDING')
    expect(
      reconcile([ordered({ refId: 'A' })], legacy([], 'SOMETHING_NEW'))[0].state
    ).toBe('MISSING')
  })
})
