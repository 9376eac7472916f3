import { documentJson } from '../host/documentJson'

describe('documentJson', () => {
  it('gives the text JSON.stringify gives', () => {
    const values: unknown[] = [
      null,
      0,
      -1.5,
      'tab\there "quoted" \u2028 ünïcode',
      true,
      [],
      {},
      [1, undefined, () => 1, Symbol('s'), null],
      { a: undefined, b: () => 1, c: [{ d: { e: [1, { f: 'g' }] } }] },
      { when: new Date(Date.UTC(2026, 10, 27)), n: NaN, i: Infinity },
      { '1': 'integer-like keys first', z: 1, a: 2 },
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      JSON.parse('{"__proto__": {"x": 1}, "constructor": "c"}'),
    ]

    for (const value of values) {
      const expected = JSON.stringify(value)

      expect(documentJson(value)).toBe(expected)
    }
  })

  it('serializes a document that shares parts with an earlier one correctly', () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({
      id: `e${i}`,
      extra: { n: i },
    }))

    const first = { orderId: 'o-1', entries }

    expect(documentJson(first)).toBe(JSON.stringify(first))

    const second = {
      orderId: 'o-1',
      entries: [...entries.slice(1), { id: 'e5', extra: { n: 5 } }],
    }

    expect(documentJson(second)).toBe(JSON.stringify(second))
  })

  it('freezes the entries whose text it remembers, not the document or its lists', () => {
    const doc = { entries: [{ id: 'a', extra: { nested: { list: [1] } } }] }

    documentJson(doc)

    expect(Object.isFrozen(doc.entries[0])).toBe(true)
    expect(Object.isFrozen(doc.entries[0].extra.nested.list)).toBe(true)
    const { list } = doc.entries[0].extra.nested

    expect(() => list.push(2)).toThrow(TypeError)
    // The next version of the document is built from this one: its lists stay fast to copy.
    expect(Object.isFrozen(doc)).toBe(false)
    expect(Object.isFrozen(doc.entries)).toBe(false)
  })

  it('never remembers a value frozen elsewhere: it could hide a mutable part', () => {
    const inner = { count: 1 }
    const outer = Object.freeze({ inner })

    expect(documentJson({ entries: [outer] })).toBe(
      '{"entries":[{"inner":{"count":1}}]}'
    )
    inner.count = 2
    expect(documentJson({ entries: [outer] })).toBe(
      '{"entries":[{"inner":{"count":2}}]}'
    )
  })

  it('serializes a value with toJSON every time (a Date changes behind a freeze)', () => {
    const date = new Date(0)

    documentJson({ entries: [{ at: 1 }, date] })
    date.setTime(1000)
    expect(documentJson({ entries: [date] })).toBe(
      JSON.stringify({ entries: [date] })
    )
  })

  it('leaves what it remembers out of spreads, keys and JSON', () => {
    const item = { id: 'a' }

    documentJson({ entries: [item] })

    expect(Object.keys(item)).toEqual(['id'])
    expect({ ...item }).toEqual({ id: 'a' })
    expect(JSON.stringify(item)).toBe('{"id":"a"}')
  })
})
