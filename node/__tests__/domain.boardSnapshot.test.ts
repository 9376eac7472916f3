import { timeLimits } from '../domain/board'
import type { BoardSnapshot } from '../domain/boardSnapshot'
import {
  CLAIM_MS,
  FRESH_MS,
  STALE_MS,
  boardKey,
  refreshClaimed,
  snapshotUse,
} from '../domain/boardSnapshot'

const NOW = Date.UTC(2026, 11, 3, 12)
const ago = (ms: number) => new Date(NOW - ms).toISOString()
const KEY = boardKey(timeLimits(null), 7)

const snapshot = (
  computedMsAgo: number,
  fields: Partial<BoardSnapshot> = {}
): BoardSnapshot => ({
  key: KEY,
  board: {
    updatedAt: ago(computedMsAgo),
    statuses: [{ status: 'PICKING', count: 3, late: 1 }],
    late: 1,
    drift: 0,
  },
  ...fields,
})

describe('boardKey', () => {
  it('is the same for the same settings, whatever the order of the limits', () => {
    expect(boardKey({ PICKING: 45, PACKING: 20 }, 7)).toBe(
      boardKey({ PACKING: 20, PICKING: 45 }, 7)
    )
  })

  it('changes with any limit, a limit switched off, or the window', () => {
    const base = boardKey(timeLimits(null), 7)
    const others = [
      boardKey(timeLimits({ PICKING: 30 }), 7),
      boardKey(timeLimits({ PICKING: 0 }), 7),
      boardKey(timeLimits({ NEW_STATUS: 10 }), 7),
      boardKey(timeLimits(null), 14),
    ]

    expect(new Set([base, ...others]).size).toBe(others.length + 1)
  })
})

describe('snapshotUse', () => {
  it('serves a snapshot of the same settings computed up to FRESH_MS ago', () => {
    expect(snapshotUse(snapshot(0), { key: KEY, fresh: false }, NOW)).toBe(
      'serve'
    )
    expect(
      snapshotUse(snapshot(FRESH_MS), { key: KEY, fresh: false }, NOW)
    ).toBe('serve')
  })

  it('serves and refreshes one up to STALE_MS old', () => {
    expect(
      snapshotUse(snapshot(FRESH_MS + 1), { key: KEY, fresh: false }, NOW)
    ).toBe('serve-and-refresh')
    expect(
      snapshotUse(snapshot(STALE_MS), { key: KEY, fresh: false }, NOW)
    ).toBe('serve-and-refresh')
  })

  it('computes when there is none, it is older, of other settings, or fresh is asked', () => {
    expect(snapshotUse(null, { key: KEY, fresh: false }, NOW)).toBe('compute')
    expect(
      snapshotUse(snapshot(STALE_MS + 1), { key: KEY, fresh: false }, NOW)
    ).toBe('compute')
    expect(
      snapshotUse(
        snapshot(0),
        { key: boardKey(timeLimits(null), 14), fresh: false },
        NOW
      )
    ).toBe('compute')
    expect(snapshotUse(snapshot(0), { key: KEY, fresh: true }, NOW)).toBe(
      'compute'
    )
  })

  it("tolerates another replica's clock a little ahead, not far ahead or unreadable", () => {
    expect(snapshotUse(snapshot(-2000), { key: KEY, fresh: false }, NOW)).toBe(
      'serve'
    )
    expect(
      snapshotUse(snapshot(-FRESH_MS - 1), { key: KEY, fresh: false }, NOW)
    ).toBe('compute')
    const unreadable = snapshot(0)

    unreadable.board.updatedAt = 'not a date'
    expect(snapshotUse(unreadable, { key: KEY, fresh: false }, NOW)).toBe(
      'compute'
    )
  })

  it('is not changed by a claim: the claim says who refreshes, not what to serve', () => {
    const claimed = snapshot(FRESH_MS + 1, {
      refreshClaim: { id: 'a', at: ago(1000) },
    })

    expect(snapshotUse(claimed, { key: KEY, fresh: false }, NOW)).toBe(
      'serve-and-refresh'
    )
  })
})

describe('refreshClaimed', () => {
  it('no snapshot, or no claim: nobody refreshes', () => {
    expect(refreshClaimed(null, NOW)).toBe(false)
    expect(refreshClaimed(snapshot(FRESH_MS + 1), NOW)).toBe(false)
  })

  it('a claim up to CLAIM_MS old holds; an older one is void', () => {
    const claimedAgo = (ms: number) =>
      snapshot(FRESH_MS + 1, { refreshClaim: { id: 'a', at: ago(ms) } })

    expect(refreshClaimed(claimedAgo(0), NOW)).toBe(true)
    expect(refreshClaimed(claimedAgo(CLAIM_MS), NOW)).toBe(true)
    expect(refreshClaimed(claimedAgo(CLAIM_MS + 1), NOW)).toBe(false)
  })

  it('a claim dated far ahead or unreadable is void', () => {
    expect(
      refreshClaimed(
        snapshot(FRESH_MS + 1, {
          refreshClaim: { id: 'a', at: ago(-FRESH_MS - 1) },
        }),
        NOW
      )
    ).toBe(false)
    expect(
      refreshClaimed(
        snapshot(FRESH_MS + 1, { refreshClaim: { id: 'a', at: 'soon' } }),
        NOW
      )
    ).toBe(false)
  })

  it('the constants are as documented', () => {
    expect([FRESH_MS, STALE_MS, CLAIM_MS]).toEqual([10_000, 120_000, 30_000])
  })
})
