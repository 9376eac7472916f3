// The part of vtex.render-runtime (8.x) this app uses.
declare module 'vtex.render-runtime' {
  export interface NavigateOptions {
    to: string
    replace?: boolean
  }
  export interface RenderRuntime {
    navigate: (options: NavigateOptions) => void
    route: {
      id?: string
      path?: string
      params: Record<string, string | undefined>
    }
    culture: { locale: string; currency?: string }
  }
  export function useRuntime(): RenderRuntime
}
