import {
  omsErrorMessage,
  parseReason,
  splitMinutes,
  unitMessage,
} from '../labels'

describe('unitMessage', () => {
  it.each([
    ['KILOGRAMS', 'admin/pick-and-pack.unit.KILOGRAMS'],
    ['kg', 'admin/pick-and-pack.unit.KILOGRAMS'],
    [' Kilogram ', 'admin/pick-and-pack.unit.KILOGRAMS'],
    ['GRAMS', 'admin/pick-and-pack.unit.GRAMS'],
    ['litres', 'admin/pick-and-pack.unit.LITERS'],
    ['UNITS', 'admin/pick-and-pack.unit.UNITS'],
  ])('%s → %s', (unit, id) => {
    expect(unitMessage(unit)).toBe(id)
  })

  it.each([null, '', 'BUNCHES', 'toString', 'constructor'])(
    '%p is not a unit this page knows',
    (unit) => {
      expect(unitMessage(unit)).toBeUndefined()
    }
  )
})

describe('parseReason', () => {
  it('names a known code, whatever its spelling', () => {
    expect(parseReason('OUT_OF_STOCK')).toEqual({
      kind: 'known',
      id: 'admin/pick-and-pack.reason.OUT_OF_STOCK',
    })
    expect(parseReason('out of stock')).toEqual(parseReason('OUT_OF_STOCK'))
    expect(parseReason('out-of-stock')).toEqual(parseReason('OUT_OF_STOCK'))
  })

  it('an id before the code (VTEX’s documented example) is dropped', () => {
    expect(parseReason('1509750516095-01: out-of-stock')).toEqual({
      kind: 'known',
      id: 'admin/pick-and-pack.reason.OUT_OF_STOCK',
    })
  })

  it('keeps a free detail after a known code', () => {
    expect(parseReason('DAMAGED: box crushed')).toEqual({
      kind: 'known',
      id: 'admin/pick-and-pack.reason.DAMAGED',
      detail: 'box crushed',
    })
  })

  it('keeps an unknown reason as received', () => {
    expect(parseReason('  SHELF_EMPTY: aisle 4 ')).toEqual({
      kind: 'raw',
      text: 'SHELF_EMPTY: aisle 4',
    })
    expect(parseReason('hasOwnProperty')).toEqual({
      kind: 'raw',
      text: 'hasOwnProperty',
    })
  })
})

describe('splitMinutes', () => {
  it.each([
    [0, 0, 0],
    [12, 0, 12],
    [59.6, 1, 0],
    [65, 1, 5],
    [120, 2, 0],
    [-3, 0, 0],
  ])('%p min → %p h %p min', (minutes, hours, rest) => {
    expect(splitMinutes(minutes)).toEqual({ hours, minutes: rest })
  })
})

describe('omsErrorMessage', () => {
  it.each([
    ['timeout', { id: 'admin/pick-and-pack.omsSync.error.timeout' }],
    ['unreadable', { id: 'admin/pick-and-pack.omsSync.error.unreadable' }],
    [
      'http:401',
      {
        id: 'admin/pick-and-pack.omsSync.error.refused',
        values: { status: '401' },
      },
    ],
    [
      'http:403',
      {
        id: 'admin/pick-and-pack.omsSync.error.refused',
        values: { status: '403' },
      },
    ],
    [
      'http:404',
      {
        id: 'admin/pick-and-pack.omsSync.error.notFound',
        values: { status: '404' },
      },
    ],
    [
      'http:500',
      {
        id: 'admin/pick-and-pack.omsSync.error.http',
        values: { status: '500' },
      },
    ],
  ])('%s', (code, message) => {
    expect(omsErrorMessage(code)).toEqual(message)
  })

  // The server words only these shapes; anything else is shown in its own words.
  it.each([null, '', 'dns', 'http:', 'http:5000', 'http:abc', 'toString'])(
    '%p is not a code this page knows',
    (code) => {
      expect(omsErrorMessage(code)).toBeUndefined()
    }
  )
})
