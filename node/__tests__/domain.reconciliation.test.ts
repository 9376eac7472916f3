import type { OmsItem } from '../domain/omsTypes'
import type { PickedItem } from '../domain/pickAndPackTypes'
import { reconcile } from '../domain/reconciliation'

const ordered = (fields: Partial<OmsItem>): OmsItem => ({
  id: null,
  refId: null,
  ean: null,
  name: null,
  quantity: 1,
  sellingPrice: null,
  imageUrl: null,
  ...fields,
})

const picked = (fields: Partial<PickedItem>): PickedItem => ({
  id: null,
  refId: null,
  ean: null,
  name: null,
  quantity: 1,
  sellingPrice: null,
  image: null,
  categories: [],
  ...fields,
})

describe('reconcile', () => {
  it('tells complete, short, missing and extra lines apart (the design sketch)', () => {
    const result = reconcile(
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
      reconcile(
        [ordered({ refId: 'A', quantity: 1 })],
        [picked({ refId: 'A', quantity: 1.5 })]
      )[0].state
    ).toBe('COMPLETE')
  })

  it('matches by refId first, then EAN, then id', () => {
    const result = reconcile(
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
    const result = reconcile(
      [
        ordered({ refId: 'A', quantity: 2 }),
        ordered({ refId: 'A', quantity: 2 }),
      ],
      [picked({ refId: 'A', quantity: 2 })]
    )

    expect(result.map((line) => line.state)).toEqual(['COMPLETE', 'MISSING'])
  })

  it('ignores blank keys when matching', () => {
    const result = reconcile(
      [ordered({ refId: ' ', ean: '', id: 'X' })],
      [picked({ refId: ' ', ean: '', id: 'Y' })]
    )

    expect(result.map((line) => line.state)).toEqual(['MISSING', 'EXTRA'])
  })

  it('treats null quantities as 0 and fills blanks from the picked line', () => {
    const result = reconcile(
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
    expect(reconcile([], [])).toEqual([])
    expect(
      reconcile([ordered({ refId: 'A' })], []).map((l) => l.state)
    ).toEqual(['MISSING'])
    expect(reconcile([], [picked({ refId: 'A' })]).map((l) => l.state)).toEqual(
      ['EXTRA']
    )
  })
})
