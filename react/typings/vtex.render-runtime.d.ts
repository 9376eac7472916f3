// The part of vtex.render-runtime (8.x) this app uses.
declare module 'vtex.render-runtime' {
  export interface NavigateOptions {
    to: string
    replace?: boolean
  }
  export interface SetQueryOptions {
    /** false: `query` is the whole new query string, not added to the current one. */
    merge?: boolean
    /** true: replaces the current history entry instead of adding one. */
    replace?: boolean
  }
  export interface RenderRuntime {
    navigate: (options: NavigateOptions) => void
    /** The page's query string, parsed. */
    query: Record<string, string | string[] | undefined>
    setQuery: (query: Record<string, string>, options?: SetQueryOptions) => void
    route: {
      id?: string
      path?: string
      params: Record<string, string | undefined>
    }
    culture: { locale: string; currency?: string }
  }
  export function useRuntime(): RenderRuntime
}
