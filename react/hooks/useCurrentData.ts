import { useRef } from 'react'

interface QueryState<TData> {
  data?: TData
  loading: boolean
  error?: unknown
}

/**
 * The query's `data` when it answers `variables`, else undefined. react-apollo 3 keeps the
 * previous variables' data while new ones load (and after they fail), so that data would pass
 * for the answer to the question now asked: another page's rows, cursor and total.
 */
export function useCurrentData<TData>(
  { data, loading, error }: QueryState<TData>,
  variables: object
): TData | undefined {
  const asked = JSON.stringify(variables)
  // The variables of the last answer that arrived whole.
  const answered = useRef<string | null>(null)

  if (!loading && !error && data !== undefined) answered.current = asked

  return answered.current === asked ? data : undefined
}
