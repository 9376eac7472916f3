import { useCallback, useEffect, useState } from 'react'

import { useMounted } from './useMounted'

interface Read {
  loading: boolean
  // The code of the latest read's failure (undefined: it answered).
  failure: string | undefined
  // Whether the block has data to show, from this read or an earlier one.
  hasData: boolean
}

export interface LastRead {
  // When a read last came back whole; null before the first.
  readAt: Date | null
  // Why the latest read failed while data from an earlier one is still shown.
  staleCode: string | undefined
  // Wraps a read asked again (refetch): once it settles, it counts as a read.
  track: <T>(read: Promise<T>) => Promise<T>
}

/**
 * A block that reads again (polling, Refresh, Try again) keeps its data when a read fails:
 * Apollo keeps the previous answer beside the error. This says when the data shown was last
 * read whole and whether the latest read failed, so the block can say so instead of passing
 * old data for current. A read counts when it settles without a failure: the first (loading
 * turns false), one that clears a failure, and each refetch passed to `track` (a refetch that
 * brings the same data may not show a loading state at all, and its promise resolves even
 * when it failed).
 */
export function useLastRead({ loading, failure, hasData }: Read): LastRead {
  const [readAt, setReadAt] = useState<Date | null>(null)
  const [reads, setReads] = useState(0)
  const mounted = useMounted()

  // Not on every change of the data: a cache write (a mutation's answer) is not a read.
  useEffect(() => {
    if (!loading && hasData && !failure) setReadAt(new Date())
  }, [loading, failure, hasData, reads])

  const track = useCallback(
    <T>(read: Promise<T>): Promise<T> => {
      const settled = () => {
        if (mounted.current) setReads((count) => count + 1)
      }

      return read.then(
        (value) => {
          settled()

          return value
        },
        (error: unknown) => {
          settled()
          throw error
        }
      )
    },
    [mounted]
  )

  return {
    readAt,
    staleCode: hasData && readAt && failure ? failure : undefined,
    track,
  }
}
