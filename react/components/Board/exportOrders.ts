// The CSV export of the board's table: every page of the current filter, then one file.
// Pure functions: the fetching is passed in, so the tests need no network.
import type { OrderPage, OrderSummary } from './types'

export const EXPORT_PAGE_SIZE = 100
// Where Master Data stops paging: beyond it the API would need a scroll.
export const EXPORT_LIMIT = 10_000

export interface ExportProgress {
  done: number
  // What the export expects to reach: the filter's total, at most the limit.
  total: number
}

export interface CollectOptions {
  limit?: number
  onProgress?: (progress: ExportProgress) => void
  isCancelled?: () => boolean
}

export interface Collected {
  orders: OrderSummary[]
  // The filter's total as the last page said, which may be over the limit.
  total: number
  truncated: boolean
  cancelled: boolean
}

/**
 * Follows the `after` cursor page by page until the last page or `limit` orders. An order
 * seen twice (it moved while the export ran) is kept once; a cursor that repeats ends it.
 */
export async function collectOrders(
  fetchPage: (after: string | null) => Promise<OrderPage>,
  {
    limit = EXPORT_LIMIT,
    onProgress = () => undefined,
    isCancelled = () => false,
  }: CollectOptions = {}
): Promise<Collected> {
  const orders: OrderSummary[] = []
  const seenOrders = new Set<string>()
  const seenCursors = new Set<string>()
  let after: string | null = null
  let total = 0

  for (;;) {
    // One page at a time: each cursor comes from the page before.
    // eslint-disable-next-line no-await-in-loop
    const page: OrderPage = await fetchPage(after)

    if (isCancelled())
      return { orders, total, truncated: false, cancelled: true }

    total = page.total
    for (const order of page.orders) {
      if (orders.length >= limit) break
      if (seenOrders.has(order.orderId)) continue
      seenOrders.add(order.orderId)
      orders.push(order)
    }

    onProgress({
      done: orders.length,
      total: Math.max(orders.length, Math.min(total, limit)),
    })

    const next = page.after

    if (
      !next ||
      page.orders.length === 0 ||
      seenCursors.has(next) ||
      orders.length >= limit
    ) {
      break
    }

    seenCursors.add(next)
    after = next
  }

  return {
    orders,
    total,
    truncated: total > orders.length && orders.length >= limit,
    cancelled: false,
  }
}

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is made plain text.
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value

  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * RFC 4180 CSV (comma, CRLF, quotes doubled) with a UTF-8 byte order mark, so that
 * spreadsheets read "Separação" as written.
 */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return `\uFEFF${rows
    .map((row) => row.map(csvCell).join(','))
    .join('\r\n')}\r\n`
}

/** pick-and-pack-orders-2026-11-20-1030.csv, in the browser's own time. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')

  return `pick-and-pack-orders-${now.getFullYear()}-${pad(
    now.getMonth() + 1
  )}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.csv`
}
