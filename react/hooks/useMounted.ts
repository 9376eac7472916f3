import { useEffect, useRef } from 'react'

/**
 * Whether the component is still on the page: a query that answers after it left must not
 * set its state. `mounted.current` turns false when it unmounts.
 */
export function useMounted() {
  const mounted = useRef(true)

  useEffect(
    () => () => {
      mounted.current = false
    },
    []
  )

  return mounted
}
