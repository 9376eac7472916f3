import { useEffect, useRef, useState } from 'react'

/**
 * What changed at the latest read (`readAt`): the ids that were not there before, and the
 * status before it when the status changed. Nothing is marked at the first read; a later read
 * that brings nothing new clears the marks. The new data and its read time may reach this hook
 * in either order, so both are watched.
 */
export function useChangeMarks(
  readAt: Date | null,
  ids: string[] | null,
  status: string | null
) {
  const [fresh, setFresh] = useState<Set<string>>(new Set())
  const [statusBefore, setStatusBefore] = useState<string | null>(null)
  const seenIds = useRef<Set<string> | null>(null)
  const seenStatus = useRef<string | null>(null)
  const idsKey = ids ? ids.join('|') : null
  // What the data was at the last read: a read with the same data cleared the marks.
  const atLastRead = useRef<{ idsKey: string | null; status: string | null }>({
    idsKey: null,
    status: null,
  })

  const readTime = readAt ? readAt.getTime() : null
  const idsRef = useRef(ids)

  idsRef.current = ids

  // New data: mark what it added to what was seen.
  useEffect(() => {
    const { current } = idsRef

    if (!current) return
    const before = seenIds.current

    setFresh(new Set(before ? current.filter((id) => !before.has(id)) : []))
    seenIds.current = new Set(current)
  }, [idsKey])

  useEffect(() => {
    if (!status) return
    const before = seenStatus.current

    setStatusBefore(before && before !== status ? before : null)
    seenStatus.current = status
  }, [status])

  // A new read that brought the same data as the read before: nothing is new any more.
  useEffect(() => {
    if (readTime === null) return
    const last = atLastRead.current

    if (last.idsKey === idsKey && last.status === status) {
      setFresh(new Set())
      setStatusBefore(null)
    }

    atLastRead.current = { idsKey, status }
    // Only a new read clears; the data's own changes are watched above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readTime])

  return { fresh, statusBefore }
}
