import type { HistoryEntry, OrderHistory } from '../domain/history'
import {
  MAX_ENTRIES_PER_ORDER,
  MAX_EXTRA_CHARS_PER_ORDER,
  appendEntry,
  chronological,
  emptyHistory,
  hasEntry,
  listedChangeOf,
  recentFileName,
  recentNamePrefixes,
  supersedes,
  toHistoryEntry,
} from '../domain/history'
import { notificationId, parseNotification } from '../domain/notification'
import type { StatusNotification } from '../domain/notification'
import { statusChangedEvent } from '../domain/statusChangedEvent'

const T0 = Date.UTC(2026, 10, 20, 9, 0)
let arrival = 0

const notification = (body: Record<string, unknown>): StatusNotification => {
  const result = parseNotification({ orderId: 'o-1', ...body })

  if (!result.ok) throw new Error(result.message)

  return result.notification
}

/**
 * An entry received one second after the previous one built by this helper, all after the
 * dates the tests give (`at`): a date later than its arrival would not be taken.
 */
const entry = (
  oldStatus: string | null,
  newStatus: string,
  fields: Record<string, unknown> = {}
): HistoryEntry =>
  toHistoryEntry(
    notification({ oldStatus, newStatus, ...fields }),
    new Date(T0 + 30 * 60_000 + ++arrival * 1000)
  )

const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString()

const apply = (...entries: HistoryEntry[]): OrderHistory =>
  entries.reduce(
    (history, next) => appendEntry(history, next).history,
    emptyHistory('o-1')
  )

beforeEach(() => {
  arrival = 0
})

describe('toHistoryEntry', () => {
  it('records the notification with its id and arrival time', () => {
    const parsedNotification = notification({
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
      hostname: 'mystore',
      date: '2026-11-20T09:40:00Z',
      picker: 'Ana',
    })

    expect(
      toHistoryEntry(parsedNotification, new Date('2026-11-20T09:41:00Z'))
    ).toEqual({
      id: notificationId(parsedNotification),
      orderId: 'o-1',
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
      hostname: 'mystore',
      receivedAt: '2026-11-20T09:41:00.000Z',
      occurredAt: '2026-11-20T09:40:00.000Z',
      source: 'webhook',
      extra: { date: '2026-11-20T09:40:00Z', picker: 'Ana' },
    })
  })
})

describe('toHistoryEntry: dates', () => {
  const arrivedAt = new Date('2026-11-20T09:41:00Z')
  const dated = (date: string) =>
    toHistoryEntry(
      notification({ oldStatus: 'PICKING', newStatus: 'PACKING', date }),
      arrivedAt
    )

  it('keeps a date a few minutes ahead of the arrival (clocks differ)', () => {
    expect(dated('2026-11-20T09:45:00Z').occurredAt).toBe(
      '2026-11-20T09:45:00.000Z'
    )
  })

  it('does not take a date that has not happened yet as when the change happened', () => {
    const entryFromTheFuture = dated('2999-01-01T00:00:00Z')

    expect(entryFromTheFuture.occurredAt).toBeNull()
    // Still the change it was: its id and payload are as sent.
    expect(entryFromTheFuture.extra.date).toBe('2999-01-01T00:00:00Z')
  })
})

describe('appendEntry', () => {
  it('starts an empty history with the first change', () => {
    const first = entry('PENDING', 'READY_FOR_HANDLING')
    const { history, added } = appendEntry(emptyHistory('o-1'), first)

    expect(added).toBe(true)
    expect(history).toEqual({
      orderId: 'o-1',
      currentStatus: 'READY_FOR_HANDLING',
      currentEntryId: first.id,
      entries: [first],
    })
  })

  it('records a redelivery once and returns the same document', () => {
    const change = entry('READY_FOR_PICKING', 'PICKING')
    const once = apply(change)
    const redelivered = { ...entry('READY_FOR_PICKING', 'PICKING') }

    expect(redelivered.id).toBe(change.id)
    const result = appendEntry(once, redelivered)

    expect(result.added).toBe(false)
    expect(result.history).toBe(once)
    expect(result.history.entries).toHaveLength(1)
  })

  it('does not mutate the history it is given', () => {
    const before = apply(entry('READY_FOR_PICKING', 'PICKING'))
    const snapshot = JSON.parse(JSON.stringify(before))

    appendEntry(before, entry('PICKING', 'READY_FOR_PACKING'))
    expect(before).toEqual(snapshot)
  })

  it('moves forward along the flow', () => {
    const history = apply(
      entry('READY_FOR_HANDLING', 'READY_FOR_PICKING'),
      entry('READY_FOR_PICKING', 'PICKING'),
      entry('PICKING', 'READY_FOR_PACKING')
    )

    expect(history.currentStatus).toBe('READY_FOR_PACKING')
    expect(history.entries.map((e) => e.newStatus)).toEqual([
      'READY_FOR_PICKING',
      'PICKING',
      'READY_FOR_PACKING',
    ])
  })

  it('never moves backwards when an older change arrives late', () => {
    const late = entry('READY_FOR_PICKING', 'PICKING')
    const early = entry('PICKING', 'PACKING')
    const history = apply(early, late)

    expect(history.currentStatus).toBe('PACKING')
    expect(history.currentEntryId).toBe(early.id)
    expect(history.entries).toHaveLength(2)
  })

  it('takes a genuine step back that starts from the current status', () => {
    const history = apply(
      entry('READY_FOR_PICKING', 'PICKING'),
      entry('PICKING', 'PACKING'),
      entry('PACKING', 'PICKING')
    )

    expect(history.currentStatus).toBe('PICKING')
    expect(history.entries).toHaveLength(3)
  })

  it('lets the payload dates decide when both carry one', () => {
    const newer = entry('PICKING', 'PACKING', { date: at(10) })
    const olderButAheadInFlow = entry('ON_ROUTE', 'DELIVERED', { date: at(5) })

    // DELIVERED ranks higher, but it happened before PACKING: it must not take over.
    expect(apply(newer, olderButAheadInFlow).currentStatus).toBe('PACKING')

    const earlier = entry('READY_FOR_PICKING', 'PICKING', { date: at(1) })
    const laterStepBack = entry('ON_ROUTE', 'READY_FOR_SHIPPING', {
      date: at(20),
    })

    expect(apply(earlier, laterStepBack).currentStatus).toBe(
      'READY_FOR_SHIPPING'
    )
  })

  it('falls back to the flow when only one side carries a date', () => {
    const dated = entry('PICKING', 'PACKING', { date: at(10) })
    const undated = entry('READY_FOR_PICKING', 'PICKING')

    expect(apply(dated, undated).currentStatus).toBe('PACKING')
    expect(
      apply(
        entry('READY_FOR_PICKING', 'PICKING'),
        entry('PACKING', 'ON_ROUTE', { date: at(1) })
      ).currentStatus
    ).toBe('ON_ROUTE')
  })

  it('does not take a late change to the same rank', () => {
    expect(
      apply(
        entry('ON_ROUTE', 'DELIVERED'),
        entry('ON_ROUTE', 'WAITING_FOR_PICKUP')
      ).currentStatus
    ).toBe('DELIVERED')
  })

  it('lets the latest arrival win when a status is unknown', () => {
    expect(
      apply(entry('PICKING', 'PACKING'), entry('X', 'NEW_STATUS')).currentStatus
    ).toBe('NEW_STATUS')
    expect(
      apply(entry('X', 'NEW_STATUS'), entry('READY_FOR_PICKING', 'PICKING'))
        .currentStatus
    ).toBe('PICKING')
  })

  it('ranks CANCELED last and IDLE first', () => {
    expect(
      apply(entry('PICKING', 'CANCELED'), entry('READY_FOR_PICKING', 'PICKING'))
        .currentStatus
    ).toBe('CANCELED')
    expect(
      apply(entry('PICKING', 'PACKING'), entry(null, 'IDLE')).currentStatus
    ).toBe('PACKING')
  })

  it('keeps entries in the order they happened', () => {
    const second = entry('PICKING', 'PACKING', { date: at(2) })
    const first = entry('READY_FOR_PICKING', 'PICKING', { date: at(1) })
    const history = apply(second, first)

    expect(history.entries.map((e) => e.id)).toEqual([first.id, second.id])
  })

  it('keeps every history in order whatever order the changes arrive in', () => {
    // Changes dated over an hour, delivered shuffled (a fixed permutation, no randomness).
    const changes = Array.from({ length: 40 }, (_, i) =>
      entry('PICKING', 'PACKING', { date: at((i * 7) % 40), id: i })
    )

    const history = apply(...changes)

    expect(history.entries.map((e) => e.id)).toEqual(
      chronological(changes).map((e) => e.id)
    )
  })

  it('drops the oldest entries beyond the bound, never the current one', () => {
    // ON_ROUTE arrives first; later, stale PICKING changes never take over, so the current
    // entry is the oldest one when the bound is reached.
    const current = entry('READY_FOR_SHIPPING', 'ON_ROUTE')
    let { history } = appendEntry(emptyHistory('o-1'), current, 3)
    const stale = Array.from({ length: 5 }, (_, i) =>
      entry('READY_FOR_PICKING', 'PICKING', { id: i })
    )

    for (const change of stale) {
      history = appendEntry(history, change, 3).history
    }

    expect(history.currentStatus).toBe('ON_ROUTE')
    expect(history.currentEntryId).toBe(current.id)
    expect(history.entries.map((e) => e.id)).toEqual([
      current.id,
      stale[3].id,
      stale[4].id,
    ])
  })

  it('keeps nothing of a change older than all an order at its bound keeps', () => {
    let history = emptyHistory('o-1')

    for (const [index, status] of [
      'PICKING',
      'PACKING',
      'INVOICED',
    ].entries()) {
      history = appendEntry(
        history,
        entry(null, status, { date: at(10 + index), id: index }),
        3
      ).history
    }

    const late = entry('READY_FOR_PICKING', 'PICKING', { date: at(1) })
    const result = appendEntry(history, late, 3)

    expect(result).toEqual({ history, added: false, redelivery: false })
    expect(result.history).toBe(history)
    // The same change again is still neither a redelivery nor kept.
    expect(appendEntry(result.history, late, 3).redelivery).toBe(false)
    // Below the bound it is kept, in its place.
    expect(appendEntry(history, late, 4)).toMatchObject({
      added: true,
      redelivery: false,
    })
  })

  it('keeps at most the bound when the current entry is recent', () => {
    let history = emptyHistory('o-1')
    const statuses = [
      'READY_FOR_HANDLING',
      'READY_FOR_PICKING',
      'PICKING',
      'READY_FOR_PACKING',
      'PACKING',
    ]

    statuses.forEach((status, index) => {
      history = appendEntry(
        history,
        entry(statuses[index - 1] ?? null, status),
        3
      ).history
    })

    expect(history.entries.map((e) => e.newStatus)).toEqual([
      'PICKING',
      'READY_FOR_PACKING',
      'PACKING',
    ])
    expect(history.currentStatus).toBe('PACKING')
  })

  it('defaults to a bound of 500 per order', () => {
    expect(MAX_ENTRIES_PER_ORDER).toBe(500)
    let history = emptyHistory('o-1')

    for (let i = 0; i < 510; i++) {
      history = appendEntry(
        history,
        entry('PICKING', 'PACKING', { id: i })
      ).history
    }

    // The first change stays current (the others do not chain from it and rank the same).
    expect(history.entries).toHaveLength(500)
    expect(history.entries[0].extra.id).toBe(0)
    expect(history.entries[1].extra.id).toBe(11)
    expect(history.entries[499].extra.id).toBe(509)
  })
})

describe('appendEntry: size', () => {
  it("keeps an order's history within a store's reach however large the notifications' extras", () => {
    const pad = 'x'.repeat(32_000)
    const FLOW_BACK_AND_FORTH = ['PICKING', 'READY_FOR_PACKING']
    let history = emptyHistory('o-1')

    // 40 changes of nearly 32 KiB each: over a megabyte of extras in all.
    for (let step = 0; step < 40; step++) {
      history = appendEntry(
        history,
        entry(
          FLOW_BACK_AND_FORTH[(step + 1) % 2],
          FLOW_BACK_AND_FORTH[step % 2],
          { date: at(step / 10), pad }
        )
      ).history
    }

    const extras = history.entries.map((kept) => kept.extra)

    expect(history.entries).toHaveLength(40)
    expect(JSON.stringify(history).length).toBeLessThan(
      MAX_EXTRA_CHARS_PER_ORDER + 40 * 1000
    )
    // The newest changes keep their extras; the oldest gave theirs up, statuses stay.
    expect(extras[39].pad === pad).toBe(true)
    expect(extras[0]).toEqual({})
    expect(history.entries.map((kept) => kept.newStatus)).toEqual(
      Array.from({ length: 40 }, (_, step) => FLOW_BACK_AND_FORTH[step % 2])
    )
  })

  it('leaves small extras alone', () => {
    const history = apply(
      entry(null, 'READY_FOR_PICKING', { date: at(1), picker: 'Ana' }),
      entry('READY_FOR_PICKING', 'PICKING', { date: at(2), picker: 'Bia' })
    )

    expect(history.entries.map((kept) => kept.extra.picker)).toEqual([
      'Ana',
      'Bia',
    ])
  })
})

describe('supersedes', () => {
  it('takes anything over an empty history', () => {
    expect(supersedes(undefined, entry('X', 'ANY'))).toBe(true)
  })

  it('keeps a re-pick that came late from undoing the later packing', () => {
    // Picked, sent back to picking, picked again: the step back arrives last.
    const history = apply(
      entry('PICKING', 'READY_FOR_PACKING', { date: at(1) }),
      entry('PICKING', 'READY_FOR_PACKING', { date: at(3) }),
      entry('READY_FOR_PACKING', 'PICKING', { date: at(2) })
    )

    expect(history.currentStatus).toBe('READY_FOR_PACKING')
    expect(history.entries.map((e) => e.newStatus)).toEqual([
      'READY_FOR_PACKING',
      'PICKING',
      'READY_FOR_PACKING',
    ])
  })

  it('takes a later step back that starts where the order stands', () => {
    const history = apply(
      entry('PICKING', 'READY_FOR_PACKING', { date: at(1) }),
      entry('READY_FOR_PACKING', 'PICKING', { date: at(2) })
    )

    expect(history.currentStatus).toBe('PICKING')
  })

  it('uses >= on equal dates', () => {
    const a = entry('A', 'PACKING', { date: at(1) })
    const b = entry('B', 'PICKING', { date: at(1) })

    expect(supersedes(a, b)).toBe(true)
  })
})

describe('chronological', () => {
  it('sorts by payload date, else arrival, ties by arrival', () => {
    const undatedEarly = entry('A', 'B')
    const dated = entry('A', 'C', { date: new Date(T0 - 60_000).toISOString() })
    const undatedLate = entry('A', 'D')
    const sorted = chronological([undatedLate, undatedEarly, dated])

    expect(sorted.map((e) => e.newStatus)).toEqual(['C', 'B', 'D'])

    const tieA = { ...entry('A', 'E', { date: at(3) }) }
    const tieB = { ...entry('A', 'F', { date: at(3) }) }

    expect(chronological([tieB, tieA]).map((e) => e.newStatus)).toEqual([
      'E',
      'F',
    ])
  })
})

describe('time order', () => {
  it('orders dates beyond year 9999 by time, not as text', () => {
    // Received after it, or its date would not be taken.
    const far = toHistoryEntry(
      notification({
        oldStatus: 'PICKING',
        newStatus: 'PACKING',
        date: '+010000-01-01T00:00:00.000Z',
      }),
      new Date('+010000-01-01T00:01:00.000Z')
    )

    const near = entry('READY_FOR_PICKING', 'PICKING', { date: at(1) })

    expect(far.occurredAt).toBe('+010000-01-01T00:00:00.000Z')
    expect(chronological([far, near]).map((e) => e.id)).toEqual([
      near.id,
      far.id,
    ])
    expect(supersedes(far, near)).toBe(false)
    expect(supersedes(near, far)).toBe(true)
  })
})

describe('recent listing', () => {
  it('names changes so that a listing by name starts with the newest', () => {
    const names = [
      entry(null, 'READY_FOR_PICKING'),
      entry('READY_FOR_PICKING', 'PICKING'),
      entry('PICKING', 'PACKING'),
    ].map(recentFileName)

    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(
      [...names].reverse()
    )
    expect(
      names.every((name) => /^\d{13}-[0-9a-f]{32}\.json$/.test(name))
    ).toBe(true)
  })

  it('keeps the same name for the same change and arrival', () => {
    const change = entry(null, 'PICKING')

    expect(recentFileName({ ...change })).toBe(recentFileName(change))
  })

  it('reads a name back into the change and its arrival, and nothing else', () => {
    const change = { id: 'abc-1', receivedAt: '2026-12-03T10:15:00.123Z' }

    expect(listedChangeOf(recentFileName(change))).toEqual(change)
    expect(listedChangeOf('readme.json')).toBeNull()
    expect(listedChangeOf('123-abc.json')).toBeNull()
  })

  it('finds, by name prefix, every change that arrived in a window, whatever its bounds', () => {
    const from = Date.parse('2026-12-03T10:00:00.000Z')
    const to = Date.parse('2026-12-03T11:00:00.000Z')
    const prefixes = recentNamePrefixes(from, to)
    const listedUnder = (ms: number) =>
      prefixes.some((prefix) =>
        recentFileName({
          id: 'x',
          receivedAt: new Date(ms).toISOString(),
        }).startsWith(prefix)
      )

    // An hour is four or five prefixes of about 17 minutes: a few listings, not one per change.
    expect(prefixes.length).toBeGreaterThanOrEqual(4)
    expect(prefixes.length).toBeLessThanOrEqual(5)
    for (let ms = from; ms < to; ms += 7_919) {
      expect(listedUnder(ms)).toBe(true)
    }

    expect(listedUnder(from)).toBe(true)
    expect(listedUnder(to - 1)).toBe(true)
    // Newest first, as VBase lists them.
    expect([...prefixes].sort((a, b) => a.localeCompare(b))).toEqual(prefixes)
    expect(recentNamePrefixes(to, from)).toEqual([])
  })
})

describe('hasEntry', () => {
  it('tells whether a history holds a change', () => {
    const first = entry(null, 'PICKING')
    const history = apply(first)

    expect(hasEntry(history, first.id)).toBe(true)
    expect(hasEntry(history, entry('PICKING', 'PACKING').id)).toBe(false)
  })
})

describe('statusChangedEvent', () => {
  it('carries the change id, the current status and the source', () => {
    const change = entry('PICKING', 'PACKING', { facility: 'north' })

    expect(statusChangedEvent(change, 'PACKING', 'webhook')).toEqual({
      id: change.id,
      orderId: 'o-1',
      oldStatus: 'PICKING',
      newStatus: 'PACKING',
      hostname: null,
      currentStatus: 'PACKING',
      receivedAt: change.receivedAt,
      source: 'webhook',
    })
  })
})
