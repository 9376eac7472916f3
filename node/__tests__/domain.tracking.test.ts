import { isRecord, toNumber, toRecords, toText } from '../domain/normalize'
import { normalizeTracking } from '../domain/tracking'

describe('normalize helpers', () => {
  it.each([
    ['10.50', 10.5],
    ['2', 2],
    [' 3 ', 3],
    ['10,50', 10.5],
    ['-1.5', -1.5],
    ['.5', 0.5],
    ['1e3', 1000],
    [7, 7],
    ['abc', null],
    ['', null],
    ['1.2.3', null],
    ['0x10', null],
    ['Infinity', null],
    [Infinity, null],
    [NaN, null],
    [null, null],
    [true, null],
    [{}, null],
  ])('toNumber(%p) is %p', (value, expected) => {
    expect(toNumber(value)).toBe(expected)
  })

  it.each([
    ['a', 'a'],
    [12, '12'],
    [false, 'false'],
    [NaN, null],
    [null, null],
    [{}, null],
    [['a'], null],
  ])('toText(%p) is %p', (value, expected) => {
    expect(toText(value)).toBe(expected)
  })

  it('keeps only records in arrays', () => {
    expect(toRecords([{ a: 1 }, 1, null, [], 'x', { b: 2 }])).toEqual([
      { a: 1 },
      { b: 2 },
    ])
    expect(toRecords(undefined)).toEqual([])
    expect(toRecords({ a: 1 })).toEqual([])
    expect(isRecord([])).toBe(false)
    expect(isRecord(null)).toBe(false)
  })
})

describe('normalizeTracking', () => {
  it('normalises a full payload, numbers sent as strings included', () => {
    expect(
      normalizeTracking(
        {
          hostname: 'mystore',
          orderId: '1253881550433-01',
          fulfillmentStatus: 'ON_ROUTE',
          pickedItems: [
            {
              image: 'https://img/banana.png',
              sellingPrice: '10.50',
              ean: 7891000000011,
              quantity: '2',
              name: 'Banana 1kg',
              id: 1,
              refId: 'BAN-1',
              categories: [{ name: 'Fruit', id: 10 }, 'junk'],
            },
            { quantity: 'abc', sellingPrice: 'n/a' },
            'not an item',
          ],
          shipping: {
            trackingId: 'TRK-88',
            trackingStatus: 'ON_ROUTE',
            services: [
              {
                serviceId: 5,
                agent: 'Ana Driver',
                vehicle: 'BIKE',
                courier: 'FastCourier',
                trackingUrl: 'https://track/88',
                serviceStatus: 'ON_ROUTE',
                evidences: ['https://img/e1.png', 'https://img/e2.png'],
                createdAt: '2026-11-20T10:00:00Z',
              },
            ],
          },
        },
        '1253881550433-01'
      )
    ).toMatchObject({
      source: 'LEGACY',
      orderId: '1253881550433-01',
      hostname: 'mystore',
      fulfillmentStatus: 'ON_ROUTE',
      pickedItems: [
        {
          id: '1',
          refId: 'BAN-1',
          ean: '7891000000011',
          name: 'Banana 1kg',
          quantity: 2,
          sellingPrice: 10.5,
          image: 'https://img/banana.png',
          categories: [{ id: '10', name: 'Fruit' }],
        },
        {
          id: null,
          refId: null,
          ean: null,
          name: null,
          quantity: null,
          sellingPrice: null,
          image: null,
          categories: [],
        },
      ],
      shipping: {
        trackingId: 'TRK-88',
        trackingStatus: 'ON_ROUTE',
        services: [
          {
            serviceId: '5',
            agent: 'Ana Driver',
            vehicle: 'BIKE',
            courier: 'FastCourier',
            trackingUrl: 'https://track/88',
            serviceStatus: 'ON_ROUTE',
            evidences: 'https://img/e1.png\nhttps://img/e2.png',
            createdAt: '2026-11-20T10:00:00Z',
          },
        ],
      },
    })
  })

  it('fills missing arrays, shipping and orderId', () => {
    expect(
      normalizeTracking({ fulfillmentStatus: 'PICKING' }, 'req-1')
    ).toMatchObject({
      source: 'LEGACY',
      orderId: 'req-1',
      hostname: null,
      fulfillmentStatus: 'PICKING',
      pickedItems: [],
      shipping: null,
    })
    expect(
      normalizeTracking({ fulfillmentStatus: 'PICKING', shipping: {} }, 'req-1')
        ?.shipping
    ).toEqual({ trackingId: null, trackingStatus: null, services: [] })
  })

  it('keeps an unknown status as is', () => {
    expect(
      normalizeTracking({ fulfillmentStatus: 'BRAND_NEW' }, 'o')
        ?.fulfillmentStatus
    ).toBe('BRAND_NEW')
  })

  it('keeps evidences sent as one string, and drops an empty list', () => {
    const services = (evidences: unknown) =>
      normalizeTracking(
        {
          fulfillmentStatus: 'ON_ROUTE',
          shipping: { services: [{ evidences }] },
        },
        'o'
      )?.shipping?.services[0].evidences

    expect(services('https://img/e.png')).toBe('https://img/e.png')
    expect(services([])).toBeNull()
    expect(services([null, ''])).toBeNull()
    expect(services(undefined)).toBeNull()
  })

  it.each([
    ['no status', { orderId: 'o' }],
    ['an empty status', { fulfillmentStatus: '' }],
    ['a status that is an object', { fulfillmentStatus: {} }],
    ['null data', null],
    ['a string', 'OK'],
    ['an array', [{ fulfillmentStatus: 'PICKING' }]],
  ])('returns null for %s', (_, data) => {
    expect(normalizeTracking(data, 'o')).toBeNull()
  })
})
