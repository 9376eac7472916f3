import {
  EXPORT_LIMIT,
  collectOrders,
  exportFileName,
  toCsv,
} from '../exportOrders'
import type { OrderPage, OrderSummary } from '../types'

const order = (orderId: string): OrderSummary => ({
  orderId,
  status: 'PICKING',
  since: '2026-11-20T08:00:00.000Z',
  late: false,
  drift: [],
  omsStatus: null,
  lastChangeAt: '2026-11-20T08:00:00.000Z',
})

/** A server of `total` orders, `size` a page, cursors "c<offset>". */
function pagedServer(total: number, size = 100) {
  const calls: Array<string | null> = []
  const fetchPage = async (after: string | null): Promise<OrderPage> => {
    calls.push(after)
    const offset = after ? Number(after.slice(1)) : 0
    const orders = Array.from(
      { length: Math.max(0, Math.min(size, total - offset)) },
      (_, i) => order(`O-${offset + i}`)
    )

    const next = offset + size

    return { orders, total, after: next < total ? `c${next}` : null }
  }

  return { calls, fetchPage }
}

describe('collectOrders', () => {
  it('follows the cursor to the last page, reporting progress', async () => {
    const server = pagedServer(250)
    const progress: Array<[number, number]> = []

    const result = await collectOrders(server.fetchPage, {
      onProgress: ({ done, total }) => progress.push([done, total]),
    })

    expect(server.calls).toEqual([null, 'c100', 'c200'])
    expect(result.orders).toHaveLength(250)
    expect(result.orders[249].orderId).toBe('O-249')
    expect(result).toMatchObject({
      total: 250,
      truncated: false,
      cancelled: false,
    })
    expect(progress).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ])
  })

  it(`stops at the limit (${EXPORT_LIMIT} by default) and says it did`, async () => {
    const server = pagedServer(12_345)
    const progress: number[] = []

    const result = await collectOrders(server.fetchPage, {
      onProgress: ({ total }) => progress.push(total),
    })

    expect(server.calls).toHaveLength(100)
    expect(result.orders).toHaveLength(10_000)
    expect(result).toMatchObject({ total: 12_345, truncated: true })
    // The progress counts towards what will be exported.
    expect(new Set(progress)).toEqual(new Set([10_000]))
  })

  it('cuts the last page at the limit', async () => {
    const server = pagedServer(500)
    const result = await collectOrders(server.fetchPage, { limit: 150 })

    expect(server.calls).toEqual([null, 'c100'])
    expect(result.orders).toHaveLength(150)
    expect(result.truncated).toBe(true)
  })

  it('an order seen twice is kept once; a repeated cursor ends the export', async () => {
    const pages: Record<string, OrderPage> = {
      first: { orders: [order('A'), order('B')], total: 4, after: 'x' },
      x: { orders: [order('B'), order('C')], total: 4, after: 'x' },
    }

    const calls: Array<string | null> = []
    const result = await collectOrders(async (after) => {
      calls.push(after)

      return pages[after ?? 'first']
    })

    expect(calls).toEqual([null, 'x'])
    expect(result.orders.map((o) => o.orderId)).toEqual(['A', 'B', 'C'])
  })

  it('an empty page ends the export even with a cursor', async () => {
    const calls: Array<string | null> = []
    const result = await collectOrders(async (after) => {
      calls.push(after)

      return { orders: [], total: 10, after: 'more' }
    })

    expect(calls).toEqual([null])
    expect(result.orders).toEqual([])
  })

  it('stops when canceled, after the page in flight', async () => {
    const server = pagedServer(1000)
    let cancelled = false
    const result = await collectOrders(
      async (after) => {
        const page = await server.fetchPage(after)

        if (after === 'c200') cancelled = true

        return page
      },
      { isCancelled: () => cancelled }
    )

    expect(server.calls).toEqual([null, 'c100', 'c200'])
    expect(result.cancelled).toBe(true)
  })

  it('passes a failure on', async () => {
    await expect(
      collectOrders(async () => {
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
  })
})

describe('toCsv', () => {
  it('writes RFC 4180 with a byte order mark and CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['1', '2'],
      ])
    ).toBe('\uFEFFa,b\r\n1,2\r\n')
  })

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv([['x,y', 'say "hi"', 'two\nlines', 'Separação']])).toBe(
      '\uFEFF"x,y","say ""hi""","two\nlines",Separação\r\n'
    )
  })

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'a=b']])).toBe(
      '\uFEFF"\'=HYPERLINK(""x"")",\'+1,\'-2,\'@SUM(A1),a=b\r\n'
    )
  })
})

describe('exportFileName', () => {
  it('names the file by the local date and time', () => {
    expect(exportFileName(new Date(2026, 10, 20, 9, 5))).toBe(
      'pick-and-pack-orders-2026-11-20-0905.csv'
    )
  })
})
