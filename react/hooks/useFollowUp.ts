import { useEffect, useRef } from 'react'

/**
 * While `pending`, asks again `ms` after each answer, at most `max` times in a row: `ask`
 * resolves to whether its answer is still pending (a failure stops). A hidden tab asks
 * nothing; back in view, it goes on. Once an answer is not pending, the count starts over.
 */
export function useFollowUp(
  pending: boolean,
  ask: () => Promise<boolean>,
  { ms, max }: { ms: number; max: number }
) {
  const saved = useRef(ask)

  useEffect(() => {
    saved.current = ask
  })

  useEffect(() => {
    if (!pending) return undefined
    let timer: ReturnType<typeof setTimeout> | undefined
    let inFlight = false
    let stillPending = true
    let asked = 0
    let active = true

    const schedule = () => {
      if (!active || timer !== undefined || inFlight) return
      if (!stillPending || asked >= max || document.hidden) return
      timer = setTimeout(fire, ms)
    }

    function fire() {
      timer = undefined
      inFlight = true
      asked += 1
      saved
        .current()
        .catch(() => false)
        .then((again) => {
          inFlight = false
          stillPending = again
          schedule()
        })
    }

    const onVisibilityChange = () => {
      if (!document.hidden) {
        schedule()

        return
      }

      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    }

    schedule()
    document.addEventListener('visibilitychange', onVisibilityChange)

    return () => {
      active = false
      if (timer !== undefined) clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisibilityChange)
    }
  }, [pending, ms, max])
}
