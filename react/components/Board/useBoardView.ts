import { useEffect, useState } from 'react'
import { useRuntime } from 'vtex.render-runtime'

import { ALL_STATUSES } from '../StatusFilter'
import type { Attention } from './types'

/** What the board shows: its tab, filters and page. Kept in the page's query string. */
export interface BoardView {
  attention: Attention | null
  status: string
  search: string | null
  /** The cursor of every page up to the current one (null: the first page). */
  cursors: Array<string | null>
}

const TABS: Record<string, Attention> = { late: 'LATE', drift: 'DRIFT' }
// What the API accepts (fulfillmentOrders): anything else is left out, not sent to fail.
const STATUS = /^[A-Za-z][A-Za-z0-9_ -]{0,63}$/
const SEARCH = /^[A-Za-z0-9_-]{1,64}$/
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/
// The API pages at most 10,000 orders, 50 a page.
const MAX_PAGES = 200

/** The query keys the board owns; the others in the URL are left as they are. */
const KEYS = ['tab', 'status', 'search', 'pages'] as const

function one(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value.trim() : ''
}

/** The view a query string asks for; what is not valid falls back to its default. */
export function readBoardView(
  query: Record<string, string | string[] | undefined>
): BoardView {
  const tab = one(query.tab).toLowerCase()
  const status = one(query.status)
  const search = one(query.search)
  // Pages after the first, by their cursors: "previous" goes back to the one before.
  const pages = one(query.pages).split(',').filter(Boolean)
  const pagesValid =
    pages.length <= MAX_PAGES && pages.every((cursor) => CURSOR.test(cursor))

  return {
    attention: TABS[tab] ?? null,
    status: STATUS.test(status) ? status : ALL_STATUSES,
    search: SEARCH.test(search) ? search : null,
    cursors: [null, ...(pagesValid ? pages : [])],
  }
}

/** The board's part of the query string for a view (defaults left out). */
export function boardQuery(view: BoardView): Record<string, string> {
  const query: Record<string, string> = {}
  const pages = view.cursors.filter((cursor): cursor is string => !!cursor)

  if (view.attention) query.tab = view.attention.toLowerCase()
  if (view.status) query.status = view.status
  if (view.search) query.search = view.search
  if (pages.length) query.pages = pages.join(',')

  return query
}

/**
 * The board's view, read from the URL, and a setter that writes it back as a new history
 * entry: a reload or a shared link shows the same orders, and Back undoes a change. The view
 * is also kept in the page's state: should the Admin's runtime not take the query (no
 * `setQuery`, or it fails), the filters still work, only without the URL.
 */
export function useBoardView(): [
  BoardView,
  (next: Partial<BoardView>, options?: { replace?: boolean }) => void
] {
  const { query, setQuery } = useRuntime()
  const fromUrl = boardQuery(readBoardView(query))
  const urlKey = JSON.stringify(fromUrl)
  const [view, setLocalView] = useState(() => readBoardView(query))

  // The URL changed under the page (Back, a link): it wins.
  useEffect(() => {
    setLocalView(readBoardView(query))
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the board's part of the query, by value
  }, [urlKey])

  const setView = (
    next: Partial<BoardView>,
    { replace = false }: { replace?: boolean } = {}
  ) => {
    const nextView = { ...view, ...next }
    const others: Record<string, string> = {}

    Object.entries(query).forEach(([key, value]) => {
      if (
        typeof value === 'string' &&
        !(KEYS as readonly string[]).includes(key)
      ) {
        others[key] = value
      }
    })
    setLocalView(nextView)
    if (typeof setQuery !== 'function') return
    try {
      setQuery(
        { ...others, ...boardQuery(nextView) },
        { merge: false, replace }
      )
    } catch {
      // The view is kept in the page's state all the same.
    }
  }

  return [view, setView]
}
