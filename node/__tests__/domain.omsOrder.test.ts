import { toOmsOrder } from '../domain/omsOrder'

describe('toOmsOrder', () => {
  it('turns cents into major units and reads the customer', () => {
    expect(
      toOmsOrder(
        {
          orderId: '1253881550433-01',
          status: 'handling',
          statusDescription: 'Handling',
          creationDate: '2026-11-20T09:00:00Z',
          value: 3875,
          clientProfileData: {
            firstName: 'Jane',
            lastName: 'Doe',
            email: 'jane@example.com',
          },
          storePreferencesData: {
            currencyCode: 'BRL',
            currencyFormatInfo: { CurrencyDecimalDigits: 2 },
          },
          items: [
            {
              id: '1',
              refId: 'BAN-1',
              ean: '789',
              name: 'Banana 1kg',
              quantity: 3,
              sellingPrice: 1050,
              price: 1200,
              imageUrl: 'https://img',
              unitMultiplier: '0.5',
              measurementUnit: 'kg',
            },
            { id: '2', name: 'Milk', quantity: '1', price: '425' },
            'junk',
          ],
        },
        'req'
      )
    ).toEqual({
      orderId: '1253881550433-01',
      status: 'handling',
      statusDescription: 'Handling',
      creationDate: '2026-11-20T09:00:00Z',
      value: 38.75,
      currencyCode: 'BRL',
      customerName: 'Jane Doe',
      customerEmail: 'jane@example.com',
      items: [
        {
          id: '1',
          refId: 'BAN-1',
          ean: '789',
          name: 'Banana 1kg',
          quantity: 3,
          sellingPrice: 10.5,
          imageUrl: 'https://img',
          unitMultiplier: 0.5,
          measurementUnit: 'kg',
        },
        {
          id: '2',
          refId: null,
          ean: null,
          name: 'Milk',
          quantity: 1,
          sellingPrice: 4.25,
          imageUrl: null,
          unitMultiplier: null,
          measurementUnit: null,
        },
      ],
    })
  })

  it.each([
    [0, 3875, 3875],
    [3, 3875, 3.875],
    ['2', 3875, 38.75],
    [7, 3875, 38.75],
    [-1, 3875, 38.75],
    [null, 3875, 38.75],
  ])('uses %p currency digits', (digits, value, expected) => {
    expect(
      toOmsOrder(
        {
          value,
          storePreferencesData: {
            currencyFormatInfo: { CurrencyDecimalDigits: digits },
          },
        },
        'o'
      ).value
    ).toBe(expected)
  })

  it('tolerates a missing or partial order', () => {
    expect(toOmsOrder(null, 'req-1')).toEqual({
      orderId: 'req-1',
      status: null,
      statusDescription: null,
      creationDate: null,
      value: null,
      currencyCode: null,
      customerName: null,
      customerEmail: null,
      items: [],
    })
    expect(
      toOmsOrder({ clientProfileData: { lastName: 'Doe' } }, 'o').customerName
    ).toBe('Doe')
    expect(
      toOmsOrder({ clientProfileData: null, storePreferencesData: null }, 'o')
        .customerName
    ).toBeNull()
  })
})
