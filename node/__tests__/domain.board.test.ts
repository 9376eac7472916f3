import { appRoot } from '../../dev/appRoot'
import { matchWhere } from '../../dev/store/__tests__/matchWhere'
import { appEntities } from '../../dev/store/masterdata'
import type { OrderSummaryDocument } from '../domain/board'
import {
  BOARD_STATUSES,
  DEFAULT_STATUS_TIME_LIMITS,
  decodeCursor,
  driftOf,
  driftWhere,
  encodeCursor,
  isBeforeInvoicing,
  isLate,
  lateBefore,
  lateWhere,
  otherStatusWhere,
  outdatesOmsSide,
  statusWhere,
  summaryOfHistory,
  timeLimits,
} from '../domain/board'
import { appendEntry, emptyHistory, toHistoryEntry } from '../domain/history'
import { parseNotification } from '../domain/notification'
import { parseSettings } from '../domain/settings'

const NOW = Date.UTC(2026, 11, 3, 12)
const minutesAgo = (minutes: number) =>
  new Date(NOW - minutes * 60_000).toISOString()

const summary = (
  fields: Partial<OrderSummaryDocument>
): OrderSummaryDocument => ({
  orderId: '1-01',
  status: 'PICKING',
  since: minutesAgo(1),
  lastChangeAt: minutesAgo(1),
  final: false,
  beforeInvoicing: true,
  omsStatus: null,
  ...fields,
})

/** The store's own `_where` evaluation, with the app's schema, as Master Data would filter. */
const summaryEntity = appEntities(appRoot()).get(
  'pnplabs_pick_and_pack_tracking_orderSummary'
)

const matches = (where: string, doc: OrderSummaryDocument) =>
  matchWhere(where, summaryEntity?.indexed ?? new Map())(doc)

describe('late', () => {
  const limits = timeLimits({})

  it('is late past its status limit, never in a final status', () => {
    expect(isLate(summary({ since: minutesAgo(44) }), limits, NOW)).toBe(false)
    expect(isLate(summary({ since: minutesAgo(46) }), limits, NOW)).toBe(true)
    expect(
      isLate(
        summary({ status: 'DELIVERED', since: minutesAgo(9999) }),
        limits,
        NOW
      )
    ).toBe(false)
    expect(isLate(summary({ status: 'NEW_ONE' }), limits, NOW)).toBe(false)
  })

  it("takes the merchant's limits over the defaults; 0 switches one off", () => {
    const custom = timeLimits({ PICKING: 10, PACKING: 0 })

    expect(custom.PICKING).toBe(10)
    expect(custom.PACKING).toBeUndefined()
    expect(custom.ON_ROUTE).toBe(DEFAULT_STATUS_TIME_LIMITS.ON_ROUTE)
  })
})

describe('drift', () => {
  it.each([
    [{ status: 'READY_FOR_HANDLING', omsStatus: 'canceled' }, ['OMS_CANCELED']],
    [{ status: 'PICKING', omsStatus: 'invoiced' }, ['OMS_INVOICED_EARLY']],
    [{ status: 'IDLE', omsStatus: 'invoiced' }, ['IDLE']],
    [{ status: 'CANCELED', omsStatus: 'handling' }, ['OMS_STATUS_MISMATCH']],
    [{ status: 'DELIVERED', omsStatus: 'canceled' }, ['OMS_STATUS_MISMATCH']],
    [{ status: 'READY_FOR_INVOICING', omsStatus: 'invoiced' }, []],
    [{ status: 'CANCELED', omsStatus: 'canceled' }, []],
    [{ status: 'PICKING', omsStatus: null }, []],
  ])('%j → %j', (fields, codes) => {
    const doc = summary({
      ...fields,
      final: ['DELIVERED', 'CANCELED', 'RETURNED', 'IDLE'].includes(
        fields.status
      ),
      beforeInvoicing: isBeforeInvoicing(fields.status),
    })

    expect(driftOf(doc)).toEqual(codes)
  })
})

describe('Master Data clauses say what the rules say', () => {
  // Every status at many ages, against every OMS state: the search and the rule must agree.
  const omsStates = [
    null,
    'handling',
    'invoiced',
    'canceled',
    'ready-for-handling',
  ]

  const docs = BOARD_STATUSES.flatMap((status) =>
    [1, 14, 16, 44, 46, 119, 121, 1500].flatMap((age) =>
      omsStates.map((omsStatus) =>
        summary({
          status,
          since: minutesAgo(age),
          lastChangeAt: minutesAgo(age),
          omsStatus,
          final: ['DELIVERED', 'CANCELED', 'RETURNED', 'IDLE'].includes(status),
          beforeInvoicing: isBeforeInvoicing(status),
        })
      )
    )
  )

  const limits = timeLimits({ PICKING: 30 })

  it('late', () => {
    const where = lateWhere(limits, NOW)

    for (const doc of docs) {
      expect([doc.status, doc.since, matches(where, doc)]).toEqual([
        doc.status,
        doc.since,
        isLate(doc, limits, NOW),
      ])
    }
  })

  it('late per status', () => {
    for (const doc of docs) {
      expect(matches(lateWhere(limits, NOW, doc.status as string), doc)).toBe(
        isLate(doc, limits, NOW)
      )
    }
  })

  it('drift', () => {
    const where = driftWhere()

    for (const doc of docs) {
      expect([doc.status, doc.omsStatus, matches(where, doc)]).toEqual([
        doc.status,
        doc.omsStatus,
        driftOf(doc).length > 0,
      ])
    }
  })

  it('other statuses: none of the given ones, never a summary without a status', () => {
    const where = otherStatusWhere([...BOARD_STATUSES, 'NEW_ONE'])

    for (const doc of docs) expect(matches(where, doc)).toBe(false)
    expect(matches(where, summary({ status: 'NEW_ONE' }))).toBe(false)
    expect(matches(where, summary({ status: 'NEWER_ONE' }))).toBe(true)
    expect(
      matches(where, summary({ status: null, omsStatus: 'handling' }))
    ).toBe(false)
    // Spaces and hyphens, which the webhook accepts, are part of the status searched.
    const spelled = otherStatusWhere([...BOARD_STATUSES, 'On Hold'])

    expect(matches(spelled, summary({ status: 'On Hold' }))).toBe(false)
    expect(matches(spelled, summary({ status: 'On' }))).toBe(true)
    expect(matches(spelled, summary({ status: 'Awaiting-Stock' }))).toBe(true)
    expect(
      matches(
        statusWhere('Awaiting-Stock', minutesAgo(60)),
        summary({ status: 'Awaiting-Stock' })
      )
    ).toBe(true)
  })

  it('final statuses over the window only', () => {
    const windowStart = minutesAgo(120)

    expect(
      matches(
        statusWhere('DELIVERED', windowStart),
        summary({ status: 'DELIVERED', lastChangeAt: minutesAgo(121) })
      )
    ).toBe(false)
    expect(
      matches(
        statusWhere('DELIVERED', windowStart),
        summary({ status: 'DELIVERED', lastChangeAt: minutesAgo(119) })
      )
    ).toBe(true)
    expect(
      matches(
        statusWhere('PICKING', windowStart),
        summary({ status: 'PICKING', lastChangeAt: minutesAgo(9999) })
      )
    ).toBe(true)
  })
})

describe('OMS broadcasts', () => {
  const at = (minutes: number) => minutesAgo(minutes)

  it('writes a later broadcast over an earlier one, never an earlier over a later', () => {
    const canceled = { omsStatus: 'canceled', omsChangedAt: at(5) }

    expect(
      outdatesOmsSide(canceled, { state: 'handling', changedAt: at(30) })
    ).toBe(false)
    expect(
      outdatesOmsSide(canceled, { state: 'invoiced', changedAt: at(1) })
    ).toBe(true)
    // The same broadcast again (a redelivery, or its writer checking): nothing to write.
    expect(
      outdatesOmsSide(canceled, { state: 'canceled', changedAt: at(5) })
    ).toBe(false)
  })

  it('writes any broadcast where none is stored, and never an undated one over a dated one', () => {
    expect(outdatesOmsSide(null, { state: 'handling', changedAt: null })).toBe(
      true
    )
    expect(
      outdatesOmsSide(
        { omsStatus: 'handling', omsChangedAt: null },
        { state: 'handling', changedAt: null }
      )
    ).toBe(false)
    expect(
      outdatesOmsSide(
        { omsStatus: 'handling', omsChangedAt: null },
        { state: 'invoiced', changedAt: at(1) }
      )
    ).toBe(true)
    expect(
      outdatesOmsSide(
        { omsStatus: 'canceled', omsChangedAt: at(5) },
        { state: 'handling', changedAt: null }
      )
    ).toBe(false)
  })
})

describe('summaryOfHistory', () => {
  it('is where the history stands: status, since by the payload date, changes', () => {
    const change = (body: Record<string, unknown>, at: number) => {
      const parsed = parseNotification({ orderId: '1-01', ...body })

      if (!parsed.ok) throw new Error(parsed.message)

      return toHistoryEntry(parsed.notification, new Date(NOW - at * 60_000))
    }

    const history = [
      change({ newStatus: 'READY_FOR_PICKING', date: minutesAgo(30) }, 29),
      change({ oldStatus: 'READY_FOR_PICKING', newStatus: 'PICKING' }, 10),
    ].reduce((h, entry) => appendEntry(h, entry).history, emptyHistory('1-01'))

    expect(summaryOfHistory(history)).toEqual({
      orderId: '1-01',
      status: 'PICKING',
      since: minutesAgo(10),
      lastChangeAt: minutesAgo(10),
      changes: 2,
      final: false,
      beforeInvoicing: true,
      // A recorded change: the sweep may ask as soon as the order is idle again.
      nextCheckAt: null,
    })
    expect(summaryOfHistory(emptyHistory('2-01'))).toBeNull()
  })
})

describe('cursors and settings', () => {
  it('round-trips a cursor and refuses one it did not make', () => {
    expect(decodeCursor(encodeCursor(3, 50))).toEqual({ page: 3, size: 50 })
    expect(() => decodeCursor('nonsense')).toThrow()
    expect(() => decodeCursor(encodeCursor(0, 50))).toThrow()
  })

  it('reads time limits as an object or JSON text, and the window in days', () => {
    expect(
      parseSettings({ statusTimeLimits: '{"PICKING": 20, "bad key": 3}' })
        .statusTimeLimits
    ).toEqual({ PICKING: 20 })
    expect(
      parseSettings({ statusTimeLimits: { PACKING: '15' } }).statusTimeLimits
    ).toEqual({ PACKING: 15 })
    expect(parseSettings({ statusTimeLimits: '{' }).statusTimeLimits).toEqual(
      {}
    )
    expect(parseSettings({ boardWindowDays: '14' }).boardWindowDays).toBe(14)
    expect(parseSettings({ boardWindowDays: 0 }).boardWindowDays).toBe(7)
  })

  it('takes a limit longer than a year as a year, so the board and the list still answer', () => {
    const limits = timeLimits(
      parseSettings({ statusTimeLimits: { PICKING: 999_999_999_999 } })
        .statusTimeLimits
    )

    const now = Date.parse('2026-12-03T12:00:00.000Z')

    expect(limits.PICKING).toBe(525_600)
    expect(() => lateWhere(limits, now)).not.toThrow()
    expect(lateBefore('PICKING', limits, now)).toBe('2025-12-03T12:00:00.000Z')
  })
})
