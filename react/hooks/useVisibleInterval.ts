import { useEffect, useRef } from 'react'

/**
 * Calls `callback` every `ms` while the page is visible. A hidden tab (document.hidden) asks
 * nothing; back in view, it catches up at once when a call is due, then keeps the rhythm.
 * Returns `restart`, for a caller that just refreshed by hand: the next call is `ms` away.
 */
export function useVisibleInterval(callback: () => void, ms: number) {
  const saved = useRef(callback)
  const restartRef = useRef<() => void>(() => undefined)

  useEffect(() => {
    saved.current = callback
  })

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined
    let last = Date.now()

    const tick = () => {
      last = Date.now()
      saved.current()
    }

    const stop = () => {
      if (timer !== undefined) clearInterval(timer)
      timer = undefined
    }

    const start = () => {
      stop()
      timer = setInterval(tick, ms)
    }

    const onVisibilityChange = () => {
      if (document.hidden) {
        stop()

        return
      }

      if (Date.now() - last >= ms) tick()
      start()
    }

    restartRef.current = () => {
      last = Date.now()
      if (!document.hidden) start()
    }

    if (!document.hidden) start()
    document.addEventListener('visibilitychange', onVisibilityChange)

    return () => {
      stop()
      restartRef.current = () => undefined
      document.removeEventListener('visibilitychange', onVisibilityChange)
    }
  }, [ms])

  return () => restartRef.current()
}
