// A local stand-in for the part of vtex.render-runtime the admin page uses: useRuntime()
// with navigate({ to }), query and setQuery(), route.params and culture.locale. Navigation is
// history.pushState plus a popstate listener, enough to move between the app's two routes and
// to keep a page's state in its query string without reloads.
import React, {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react'
import type { ComponentType, ReactNode } from 'react'

export interface NavigateOptions {
  to: string
  replace?: boolean
}

export interface SetQueryOptions {
  merge?: boolean
  replace?: boolean
}

export type Query = Record<string, string | string[] | undefined>

export interface RenderRuntime {
  navigate: (options: NavigateOptions) => void
  query: Query
  setQuery: (query: Record<string, string>, options?: SetQueryOptions) => void
  route: {
    id?: string
    path?: string
    params: Record<string, string | undefined>
  }
  culture: { locale: string; currency?: string }
}

const noop = () => undefined

export const RuntimeContext = createContext<RenderRuntime>({
  navigate: noop,
  query: {},
  setQuery: noop,
  route: { params: {} },
  culture: { locale: 'en' },
})

export function useRuntime(): RenderRuntime {
  return useContext(RuntimeContext)
}

/**
 * Gives children a fixed runtime (tests, or a page rendered without a router). Unless `value`
 * brings its own setQuery, the query starts as `value.query` and setQuery changes it in memory.
 */
export function RuntimeProvider({
  value,
  children,
}: {
  value: Partial<RenderRuntime>
  children: ReactNode
}) {
  const parent = useRuntime()
  const [query, setQueryState] = useState<Query>(() => value.query ?? {})
  const setQuery = useCallback(
    (next: Record<string, string>, { merge = true }: SetQueryOptions = {}) =>
      setQueryState((current) => (merge ? { ...current, ...next } : next)),
    []
  )

  const memory = value.setQuery ? {} : { query, setQuery }

  return (
    <RuntimeContext.Provider value={{ ...parent, ...value, ...memory }}>
      {children}
    </RuntimeContext.Provider>
  )
}

function queryOf(search: string): Query {
  const query: Query = {}

  new URLSearchParams(search).forEach((value, key) => {
    const before = query[key]

    if (before === undefined) query[key] = value
    else query[key] = ([] as string[]).concat(before, value)
  })

  return query
}

export interface RouteDefinition {
  id: string
  // Express-like: /admin/app/pick-and-pack/orders/:orderId
  path: string
  component: ComponentType<{ params: Record<string, string> }>
}

export interface RouteMatch {
  route: RouteDefinition
  params: Record<string, string>
}

/** The first route whose path matches `pathname` exactly (a trailing slash is allowed). */
export function matchRoute(
  routes: RouteDefinition[],
  pathname: string
): RouteMatch | null {
  const parts = pathname.replace(/\/+$/, '').split('/')

  for (const route of routes) {
    const pattern = route.path.replace(/\/+$/, '').split('/')

    if (pattern.length !== parts.length) continue
    const params: Record<string, string> = {}
    const matches = pattern.every((segment, i) => {
      if (segment.startsWith(':')) {
        if (!parts[i]) return false
        try {
          params[segment.slice(1)] = decodeURIComponent(parts[i])
        } catch {
          params[segment.slice(1)] = parts[i]
        }

        return true
      }

      return segment === parts[i]
    })

    if (matches) return { route, params }
  }

  return null
}

interface BrowserRuntimeProps {
  routes: RouteDefinition[]
  locale: string
  notFound?: ReactNode
}

/** Renders the route for location.pathname and follows pushState / back / forward. */
export function BrowserRuntime({
  routes,
  locale,
  notFound = null,
}: BrowserRuntimeProps) {
  const [pathname, setPathname] = useState(() => window.location.pathname)
  const [search, setSearch] = useState(() => window.location.search)

  useEffect(() => {
    const onPopState = () => {
      setPathname(window.location.pathname)
      setSearch(window.location.search)
    }

    window.addEventListener('popstate', onPopState)

    return () => window.removeEventListener('popstate', onPopState)
  }, [])

  const navigate = useCallback(({ to, replace }: NavigateOptions) => {
    const url = new URL(to, window.location.href)

    // Keep ?locale=, as the Admin keeps its language between pages; not a page's own query
    // (the board's filters stay on the board).
    const language = new URLSearchParams(window.location.search).get('locale')

    if (!url.search && language) url.searchParams.set('locale', language)
    if (url.origin !== window.location.origin) {
      window.location.assign(url.href)

      return
    }

    if (replace) window.history.replaceState(null, '', url.href)
    else window.history.pushState(null, '', url.href)
    setPathname(url.pathname)
    setSearch(url.search)
    window.scrollTo(0, 0)
  }, [])

  // Same page, another query: no scrolling, no remount.
  const setQuery = useCallback(
    (
      next: Record<string, string>,
      { merge = true, replace = false }: SetQueryOptions = {}
    ) => {
      const url = new URL(window.location.href)
      const params = new URLSearchParams(merge ? url.search : '')

      Object.entries(next).forEach(([key, value]) => params.set(key, value))
      url.search = params.toString()
      if (replace) window.history.replaceState(null, '', url.href)
      else window.history.pushState(null, '', url.href)
      setSearch(url.search)
    },
    []
  )

  const match = matchRoute(routes, pathname)
  const runtime = useMemo<RenderRuntime>(
    () => ({
      navigate,
      query: queryOf(search),
      setQuery,
      route: {
        id: match ? match.route.id : undefined,
        path: pathname,
        params: match ? match.params : {},
      },
      culture: { locale },
    }),
    // match is derived from pathname
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [navigate, setQuery, pathname, search, locale]
  )

  if (!match) return <>{notFound}</>
  const Component = match.route.component

  return (
    <RuntimeContext.Provider value={runtime}>
      <Component key={pathname} params={match.params} />
    </RuntimeContext.Provider>
  )
}
