// Master Data's `_where`, read into SQL and run over documents as the store runs it.
import type { IndexedFields } from '../where'
import { WhereError, whereSql } from '../where'
import { matchWhere } from './matchWhere'

const docs = [
  { id: '1', status: 'PICKING', n: 5, late: true, at: '2025-01-02' },
  { id: '2', status: 'PACKING', n: 15, late: false, at: '2025-02-01' },
  { id: '3', status: 'PICKED UP', n: 25, address: { city: 'Rio' } },
  { id: '4', status: null },
]

const fields: IndexedFields = new Map([
  ['id', 'string'],
  ['status', 'string'],
  ['n', 'number'],
  ['late', 'boolean'],
  ['at', 'string'],
  ['address.city', 'string'],
  ['ORDER', undefined],
])

const ids = (where: string) => {
  const test = matchWhere(where, fields)

  return docs.filter((doc) => test(doc)).map((doc) => doc.id)
}

describe('_where', () => {
  it.each([
    ['status=PICKING', ['1']],
    ['status = PICKING', ['1']],
    ['status=PICK*', ['1', '3']],
    ['status=*ING', ['1', '2']],
    ['status=*CK*', ['1', '2', '3']],
    ['status="PICKED UP"', ['3']],
    ['status="PICK*"', []],
    ['status=pick*', []],
    ['status<>PICKING', ['2', '3', '4']],
    ['n>10', ['2', '3']],
    ['n<10', ['1']],
    ['n between 5 AND 15', ['1', '2']],
    ['at between 2025-01-01 AND 2025-01-31', ['1']],
    ['status is null', ['4']],
    ['n is null', ['4']],
    ['status IS NOT NULL', ['1', '2', '3']],
    ['late=true', ['1']],
    ['late=false', ['2']],
    ['address.city=Rio', ['3']],
    ['status=PICKING OR status=PACKING', ['1', '2']],
    ['status=PICKING or n>20', ['1', '3']],
    ['n>1 AND n<20 AND late=true', ['1']],
    ['status=PACKING OR status=PICKING AND n>10', ['2']],
    ['(status=PACKING OR status=PICKING) AND n>10', ['2']],
    ['((status=PICKING))', ['1']],
    ['n>4 AND (late=true OR status="PICKED UP")', ['1', '3']],
    ['ORDER=x OR n>20', ['3']],
  ])('%s', (where, expected) => {
    expect(ids(where)).toEqual(expected)
  })

  it.each([
    ['', /empty/],
    ['status', /operator/],
    ['status=', /value/],
    ['status=a AND', /field name/],
    ['(status=a', /"\)"/],
    ['status=a)', /unbalanced/],
    ['status=a status=b', /AND, OR/],
    ['n>=3', /not supported/],
    ['n!=3', /not supported/],
    ['NOT status=a', /NOT/],
    ['status is nothing', /null/],
    ['n between 1 5', /AND/],
    ['status="open', /unterminated/],
    ['=x', /field name/],
    ['note=x', /"note".*not v-indexed/],
    ['n=abc', /number/],
    ['late=yes', /boolean/],
    ['n between 1 AND x', /number/],
  ])('refuses %p', (where, message) => {
    expect(() => whereSql(where, fields)).toThrow(WhereError)
    expect(() => whereSql(where, fields)).toThrow(message)
  })

  it('passes values as parameters, never as SQL', () => {
    const where = 'status="x\') OR 1=1 --"'

    expect(whereSql(where, fields).params).toEqual(["x') OR 1=1 --"])
    expect(ids(where)).toEqual([])
  })
})
