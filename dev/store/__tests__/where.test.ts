// Master Data's `_where`, parsed and evaluated without a store.
import type { Doc } from '../values'
import { compileWhere, parseWhere, whereFields, WhereError } from '../where'

const docs: Doc[] = [
  {
    id: '1',
    status: 'PICKING',
    n: 5,
    late: true,
    tags: ['a', 'b'],
    at: '2025-01-02',
  },
  {
    id: '2',
    status: 'PACKING',
    n: 15,
    late: false,
    tags: [],
    at: '2025-02-01',
  },
  { id: '3', status: 'PICKED UP', n: 25, address: { city: 'Rio' } },
  { id: '4', status: null },
]

const ids = (where: string) => {
  const test = compileWhere(parseWhere(where))

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
    ['status<>PICKING', ['2', '3', '4']],
    ['n>10', ['2', '3']],
    ['n<10', ['1']],
    ['n between 5 AND 15', ['1', '2']],
    ['at between 2025-01-01 AND 2025-01-31', ['1']],
    ['status is null', ['4']],
    ['n is null', ['4']],
    ['status IS NOT NULL', ['1', '2', '3']],
    ['tags is null', ['2', '3', '4']],
    ['tags=b', ['1']],
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
  ])('refuses %p', (where, message) => {
    expect(() => parseWhere(where)).toThrow(WhereError)
    expect(() => parseWhere(where)).toThrow(message)
  })

  it('names every field it reads', () => {
    expect(
      whereFields(
        parseWhere('(a=1 OR b is null) AND c between 1 AND 2 AND a=2')
      )
    ).toEqual(['a', 'b', 'c'])
  })

  it('refuses a literal that cannot be of the schema type', () => {
    const typeOf = (field: string) =>
      field === 'n' ? 'number' : field === 'late' ? 'boolean' : undefined

    expect(() => compileWhere(parseWhere('n=abc'), typeOf)).toThrow(/number/)
    expect(() => compileWhere(parseWhere('late=yes'), typeOf)).toThrow(
      /boolean/
    )
    expect(() => compileWhere(parseWhere('n between 1 AND x'), typeOf)).toThrow(
      /number/
    )
    expect(() =>
      compileWhere(parseWhere('n=1 AND late=true'), typeOf)
    ).not.toThrow()
  })
})
