import { useEffect, useRef, useState } from 'react'

/**
 * What changed at the latest read (`readAt`): the ids that were not there at the read before,
 * and the status before it when the status changed. Nothing is marked at the first read.
 */
export function useChangeMarks(
  readAt: Date | null,
  ids: string[] | null,
  status: string | null
) {
  const previousIds = useRef<Set<string> | null>(null)
  const previousStatus = useRef<string | null>(null)
  const [fresh, setFresh] = useState<Set<string>>(new Set())
  const [statusBefore, setStatusBefore] = useState<string | null>(null)

  // Read again at each new read only: a re-render with the same data marks nothing new.
  const idsRef = useRef(ids)
  const statusRef = useRef(status)

  idsRef.current = ids
  statusRef.current = status

  useEffect(() => {
    const currentIds = idsRef.current
    const currentStatus = statusRef.current

    if (currentIds) {
      const before = previousIds.current

      setFresh(
        new Set(before ? currentIds.filter((id) => !before.has(id)) : [])
      )
      previousIds.current = new Set(currentIds)
    }

    if (currentStatus) {
      const before = previousStatus.current

      setStatusBefore(before && before !== currentStatus ? before : null)
      previousStatus.current = currentStatus
    }
  }, [readAt])

  return { fresh, statusBefore }
}
