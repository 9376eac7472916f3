import {
  NO_BACKFILL,
  afterPage,
  backfillDaysError,
  startBackfill,
} from '../domain/backfill'
import type { HistoryEntry, OrderHistory } from '../domain/history'
import { appendEntry, emptyHistory } from '../domain/history'
import { liveChange } from '../domain/liveStatus'
import {
  MAX_RECHECK_MS,
  START,
  advance,
  nextCheckAt,
  staleOrdersWhere,
} from '../domain/sweepCursor'
import { sweepSchedule } from '../domain/sweepSchedule'
import {
  interactionsToRetry,
  omsFailureText,
  omsSyncOf,
  shouldRetryTracking,
  shouldSendInteraction,
} from '../domain/omsSync'
import {
  invoicesOf,
  omsDeliveredDate,
  shipmentTrackingOf,
  trackingPlan,
} from '../domain/omsTracking'
import type { PickAndPackOrder } from '../domain/pickAndPackTypes'

const ORDER = '1300000000001-01'
let ids = 0

const entry = (
  newStatus: string,
  at: string,
  extra: Partial<HistoryEntry> = {}
): HistoryEntry => ({
  id: `change-${++ids}`,
  orderId: ORDER,
  oldStatus: null,
  newStatus,
  hostname: 'store',
  receivedAt: at,
  occurredAt: at,
  source: 'webhook',
  extra: {},
  ...extra,
})

const historyOf = (...entries: HistoryEntry[]): OrderHistory =>
  entries.reduce(
    (history, next) => appendEntry(history, next).history,
    emptyHistory(ORDER)
  )

const legacyOrder = (trackingId: string | null): PickAndPackOrder =>
  ({
    orderId: ORDER,
    shipping: {
      trackingId,
      trackingStatus: null,
      services: [
        {
          serviceId: 's1',
          agent: null,
          vehicle: null,
          courier: 'FastCourier',
          trackingUrl: 'https://track.example/1',
          serviceStatus: null,
          evidences: null,
          createdAt: null,
        },
      ],
    },
    shipments: null,
  } as unknown as PickAndPackOrder)

describe('invoice tracking plan', () => {
  const invoices = invoicesOf({
    packageAttachment: {
      packages: [
        { invoiceNumber: 'NF 651/1', type: 'Output' },
        { invoiceNumber: 'RET-1', type: 'Input' },
      ],
    },
  })

  it('reads the invoices, leaving return invoices out', () => {
    expect(invoices).toEqual([
      { invoiceNumber: 'NF 651/1', trackingNumber: null },
    ])
  })

  it('waits for a tracking number, then for an invoice', () => {
    const base = {
      entries: [],
      currentStatus: 'INVOICED',
      language: 'en' as const,
    }

    expect(trackingPlan({ ...base, tracking: null, invoices })).toEqual({
      wait: 'NO_TRACKING_NUMBER',
    })
    expect(
      trackingPlan({
        ...base,
        tracking: shipmentTrackingOf(legacyOrder('TRK-1'), []),
        invoices: [],
      })
    ).toEqual({ wait: 'NO_INVOICE' })
  })

  it('puts the tracking on the invoice, then the delivery events and the delivered mark', () => {
    const plan = trackingPlan({
      tracking: shipmentTrackingOf(legacyOrder('TRK-1'), []),
      invoices,
      entries: [
        entry('INVOICED', '2026-12-01T10:00:00.000Z'),
        entry('ON_ROUTE', '2026-12-01T11:00:00.000Z'),
        entry('DELIVERED', '2026-12-01T11:42:10.000Z'),
      ],
      currentStatus: 'DELIVERED',
      language: 'pt',
    })

    if ('wait' in plan) throw new Error('expected a plan')
    expect(plan.invoiceNumber).toBe('NF 651/1')
    expect(plan.invoice).toEqual({
      trackingNumber: 'TRK-1',
      trackingUrl: 'https://track.example/1',
      courier: 'FastCourier',
      dispatchedDate: '2026-12-01T11:00:00.000Z',
    })
    expect(plan.delivery).toEqual({
      isDelivered: true,
      deliveredDate: '2026-12-01 11:42',
      events: [
        {
          city: '',
          state: '',
          description: 'Pick and Pack: Em rota',
          date: '2026-12-01T11:00:00.000Z',
        },
        {
          city: '',
          state: '',
          description: 'Pick and Pack: Entregue',
          date: '2026-12-01T11:42:10.000Z',
        },
      ],
    })
  })

  it('changes its key only when there is something new to send', () => {
    const input = {
      tracking: shipmentTrackingOf(legacyOrder('TRK-1'), []),
      invoices,
      entries: [entry('ON_ROUTE', '2026-12-01T11:00:00.000Z')],
      currentStatus: 'ON_ROUTE',
      language: 'en' as const,
    }

    const first = trackingPlan(input)
    const again = trackingPlan({ ...input, entries: [...input.entries] })
    const delivered = trackingPlan({
      ...input,
      entries: [
        ...input.entries,
        entry('DELIVERED', '2026-12-01T12:00:00.000Z'),
      ],
      currentStatus: 'DELIVERED',
    })

    expect('key' in first && 'key' in again && first.key === again.key).toBe(
      true
    )
    expect(
      'key' in first && 'key' in delivered && first.key !== delivered.key
    ).toBe(true)
  })

  it("follows a v1 shipment when the legacy tracking id is absent: the carrier's number and name", () => {
    const shipment = {
      id: '631d9f0d-internal',
      trackingNumber: 'TRK-88',
      status: 'ON_ROUTE',
      carrier: 'FastCourier',
      courier: 'Ana Driver',
      vehicle: null,
      trackingUrl: 'http://track/TRK-88',
      deliveredDate: null,
      evidences: [],
      notes: [],
    }

    expect(shipmentTrackingOf(legacyOrder(null), [shipment])).toEqual({
      trackingNumber: 'TRK-88',
      trackingUrl: 'http://track/TRK-88',
      courier: 'FastCourier',
    })
    // Without them, Pick and Pack's own id and whoever drives.
    expect(
      shipmentTrackingOf(legacyOrder(null), [
        { ...shipment, trackingNumber: null, carrier: null },
      ])
    ).toEqual({
      trackingNumber: '631d9f0d-internal',
      trackingUrl: 'http://track/TRK-88',
      courier: 'Ana Driver',
    })
  })

  it('formats the delivered date as the OMS asks, or null when unreadable', () => {
    expect(omsDeliveredDate('2026-12-01T09:05:59.999Z')).toBe(
      '2026-12-01 09:05'
    )
    expect(omsDeliveredDate('yesterday')).toBeNull()
  })
})

describe('interactions sent once', () => {
  const now = Date.parse('2026-12-03T10:00:00.000Z')
  const at = (ms: number) => new Date(now - ms).toISOString()

  it('sends a new change, never a sent one, and takes over a stale claim only', () => {
    expect(shouldSendInteraction(undefined, now)).toBe(true)
    expect(
      shouldSendInteraction({ state: 'sent', attempts: 1, at: at(0) }, now)
    ).toBe(false)
    expect(
      shouldSendInteraction(
        { state: 'sending', attempts: 1, at: at(5_000) },
        now
      )
    ).toBe(false)
    expect(
      shouldSendInteraction(
        { state: 'sending', attempts: 1, at: at(120_000) },
        now
      )
    ).toBe(true)
  })

  it('sends a timed-out call once more only, even when a person asks', () => {
    const timedOut = {
      state: 'failed' as const,
      attempts: 1,
      at: at(0),
      lastError: 'timeout',
    }

    expect(shouldSendInteraction(timedOut, now)).toBe(true)
    expect(
      shouldSendInteraction({ ...timedOut, attempts: 2 }, now, { manual: true })
    ).toBe(false)
  })

  it('stops after five answered failures unless a person asks', () => {
    const failed = {
      state: 'failed' as const,
      attempts: 5,
      at: at(0),
      lastError: 'http:500',
    }

    expect(shouldSendInteraction(failed, now)).toBe(false)
    expect(shouldSendInteraction(failed, now, { manual: true })).toBe(true)
  })

  it('waits before a retry, twice as long after each failure', () => {
    const failed = (attempts: number, msAgo: number) => ({
      state: 'failed' as const,
      attempts,
      at: at(msAgo),
      lastError: 'http:500',
    })

    expect(
      shouldSendInteraction(failed(1, 20_000), now, { retryBaseMs: 30_000 })
    ).toBe(false)
    expect(
      shouldSendInteraction(failed(1, 30_000), now, { retryBaseMs: 30_000 })
    ).toBe(true)
    expect(
      shouldSendInteraction(failed(3, 100_000), now, { retryBaseMs: 30_000 })
    ).toBe(false)
    expect(
      shouldSendInteraction(failed(3, 120_000), now, { retryBaseMs: 30_000 })
    ).toBe(true)
    // A person asking does not wait.
    expect(
      shouldSendInteraction(failed(1, 0), now, {
        manual: true,
        retryBaseMs: 30_000,
      })
    ).toBe(true)
  })

  it('retries a failed invoice tracking with the same wait and limit', () => {
    const tracking = (attempts: number, msAgo: number) => ({
      state: 'failed' as const,
      key: 'plan-1',
      attempts,
      at: at(msAgo),
      lastError: 'timeout',
    })

    expect(
      shouldRetryTracking(tracking(1, 20_000), now, { retryBaseMs: 30_000 })
    ).toBe(false)
    expect(
      shouldRetryTracking(tracking(1, 30_000), now, { retryBaseMs: 30_000 })
    ).toBe(true)
    expect(shouldRetryTracking(tracking(5, 10_000_000), now)).toBe(false)
    expect(shouldRetryTracking(tracking(5, 0), now, { manual: true })).toBe(
      true
    )
    expect(
      shouldRetryTracking(
        { state: 'sent', key: 'plan-1', attempts: 1, at: at(0) },
        now,
        { manual: true }
      )
    ).toBe(false)
    expect(shouldRetryTracking(undefined, now, { manual: true })).toBe(false)
  })

  it('retries only recorded changes that are not sent', () => {
    const history = {
      ...historyOf(entry('PICKING', at(0))),
      omsInteractions: {
        'change-gone': {
          state: 'failed' as const,
          attempts: 1,
          at: at(0),
          lastError: 'http:500',
        },
      },
    }

    const [only] = history.entries

    history.omsInteractions = {
      ...history.omsInteractions,
      [only.id]: {
        state: 'failed',
        attempts: 1,
        at: at(0),
        lastError: 'http:503',
      },
    }
    expect(interactionsToRetry(history, now)).toEqual([only.id])
  })

  it('says what happened and what to do, never more than the status', () => {
    expect(omsFailureText('http:403')).toMatch(/permissions/)
    expect(omsFailureText('timeout')).toMatch(/once more/)
    expect(omsFailureText('http:500')).toMatch(/Send again/)
  })

  it('sums up the OMS line of an order', () => {
    const history: OrderHistory = {
      ...emptyHistory(ORDER),
      omsInteractions: {
        a: { state: 'sent', attempts: 1, at: at(3000) },
        b: { state: 'sent', attempts: 2, at: at(2000) },
        c: {
          state: 'failed',
          attempts: 1,
          at: at(1000),
          lastError: 'http:500',
        },
      },
      omsTracking: { state: 'sent', key: 'k', attempts: 1, at: at(0) },
    }

    expect(
      omsSyncOf(history, { omsInteractions: true, omsTracking: true })
    ).toEqual({
      interactions: 2,
      trackingSent: true,
      pending: 1,
      lastError: omsFailureText('http:500'),
      lastErrorCode: 'http:500',
      tracking: 'SENT',
      interactionsOn: true,
    })
    expect(
      omsSyncOf(emptyHistory(ORDER), {
        omsInteractions: false,
        omsTracking: false,
      })
    ).toMatchObject({
      tracking: 'OFF',
      interactionsOn: false,
      pending: 0,
      lastError: null,
      lastErrorCode: null,
    })
  })
})

describe('live status', () => {
  const seenAt = new Date('2026-12-03T10:00:00.000Z')

  it('records a status ahead of the record, never the same or a step back', () => {
    const history = historyOf(entry('PICKING', '2026-12-03T09:00:00.000Z'))

    expect(
      liveChange(
        history,
        { status: 'PICKING', hostname: null, source: 'sweep' },
        seenAt
      )
    ).toBeNull()
    expect(
      liveChange(
        history,
        { status: 'READY_FOR_PICKING', hostname: null, source: 'sweep' },
        seenAt
      )
    ).toBeNull()
    expect(
      liveChange(
        history,
        { status: 'PACKING', hostname: null, source: 'sweep' },
        seenAt
      )
    ).toMatchObject({
      oldStatus: 'PICKING',
      newStatus: 'PACKING',
      source: 'sweep',
    })
  })

  it('never heals away from a status the app does not know (the webhook told it; the API may lag)', () => {
    const history = historyOf(entry('On Hold', '2026-12-03T09:00:00.000Z'))

    for (const status of ['READY_FOR_HANDLING', 'PACKING', 'Another New']) {
      expect(
        liveChange(history, { status, hostname: null, source: 'view' }, seenAt)
      ).toBeNull()
    }
  })

  it('gives two replicas that see the same thing one id', () => {
    const history = historyOf(entry('PICKING', '2026-12-03T09:00:00.000Z'))
    const live = { status: 'PACKING', hostname: null }

    expect(liveChange(history, { ...live, source: 'sweep' }, seenAt)?.id).toBe(
      liveChange(history, { ...live, source: 'view' }, new Date())?.id
    )
  })

  it('does not double a change when its webhook comes after the sweep saw it', () => {
    const before = historyOf(entry('PICKING', '2026-12-03T09:00:00.000Z'))
    const healed = liveChange(
      before,
      { status: 'PACKING', hostname: null, source: 'sweep' },
      seenAt
    )

    if (!healed) throw new Error('expected a change')
    const { history } = appendEntry(before, healed)
    const late = appendEntry(
      history,
      entry('PACKING', '2026-12-03T09:30:00.000Z', {
        oldStatus: 'READY_FOR_PACKING',
      })
    )

    expect(late.added).toBe(false)
    const later = appendEntry(
      history,
      entry('INVOICED', '2026-12-03T10:30:00.000Z', { oldStatus: 'PACKING' })
    )

    expect(later.added).toBe(true)
    expect(later.history.currentStatus).toBe('INVOICED')
  })

  it('drops a look the record caught up with before it was written', () => {
    const before = historyOf(entry('PICKING', '2026-12-03T09:00:00.000Z'))
    const healed = liveChange(
      before,
      { status: 'PACKING', hostname: null, source: 'view' },
      seenAt
    )

    if (!healed) throw new Error('expected a change')
    const caughtUp = appendEntry(
      before,
      entry('PACKING', '2026-12-03T09:59:00.000Z', { oldStatus: 'PICKING' })
    ).history

    expect(appendEntry(caughtUp, healed).added).toBe(false)
  })
})

describe('backfill progress', () => {
  const now = new Date('2026-12-03T10:00:00.000Z')

  it('starts over the last N days and moves page by page to done', () => {
    const started = startBackfill(NO_BACKFILL, 7, now)

    expect(started).toMatchObject({
      state: 'RUNNING',
      days: 7,
      page: 1,
      from: '2026-11-26T10:00:00.000Z',
      to: '2026-12-03T10:00:00.000Z',
    })
    const first = afterPage(
      started,
      { orders: 100, recorded: 12, total: 150, pages: 2 },
      now
    )

    expect(first).toMatchObject({
      state: 'RUNNING',
      page: 2,
      scanned: 100,
      recorded: 12,
      total: 150,
    })
    expect(
      afterPage(first, { orders: 50, recorded: 3, total: 150, pages: 2 }, now)
    ).toMatchObject({
      state: 'DONE',
      scanned: 150,
      recorded: 15,
    })
  })

  it('resumes a failed backfill of the same days where it stopped', () => {
    const failed = {
      ...startBackfill(NO_BACKFILL, 7, now),
      state: 'FAILED' as const,
      page: 3,
      scanned: 200,
      lastError: 'x',
      lastErrorCode: 'LOOKUPS_FAILED',
    }

    expect(startBackfill(failed, 7, now)).toMatchObject({
      state: 'RUNNING',
      page: 3,
      scanned: 200,
      lastError: null,
      lastErrorCode: null,
    })
    expect(startBackfill(failed, 3, now)).toMatchObject({
      page: 1,
      scanned: 0,
      days: 3,
    })
  })

  it('takes whole days from 1 to 90', () => {
    expect(backfillDaysError(7)).toBeNull()
    expect(backfillDaysError(0)).toMatch(/1 to 90/)
    expect(backfillDaysError(2.5)).toMatch(/1 to 90/)
  })
})

describe('sweep cursor', () => {
  it('resumes after the last order asked, remembering the ones that share its date', () => {
    const first = advance(START, [
      { orderId: 'a', since: '2026-12-03T08:00:00.000Z' },
      { orderId: 'b', since: '2026-12-03T08:05:00.000Z' },
      { orderId: 'c', since: '2026-12-03T08:05:00.000Z' },
    ])

    expect(first).toEqual({
      since: '2026-12-03T08:05:00.000Z',
      done: ['b', 'c'],
    })
    // The next run starts at that date (inclusive) and skips b and c; d shares the date.
    expect(
      advance(first, [{ orderId: 'd', since: '2026-12-03T08:05:00.000Z' }])
    ).toEqual({
      since: '2026-12-03T08:05:00.000Z',
      done: ['b', 'c', 'd'],
    })
    expect(
      advance(first, [{ orderId: 'e', since: '2026-12-03T09:00:00.000Z' }])
    ).toEqual({
      since: '2026-12-03T09:00:00.000Z',
      done: ['e'],
    })
  })

  it('stays where it was when nothing was asked', () => {
    expect(advance(START, [])).toBe(START)
  })
})

describe('sweep waits', () => {
  const now = new Date('2026-12-03T12:00:00.000Z')
  const idleFor = (ms: number) => new Date(now.getTime() - ms).toISOString()
  const waitOf = (since: string | null | undefined, sweepAfterMinutes = 30) =>
    Date.parse(nextCheckAt(since, now, sweepAfterMinutes)) - now.getTime()

  it('asks an order idle for a while again after sweepAfterMinutes', () => {
    expect(waitOf(idleFor(40 * 60_000))).toBe(30 * 60_000)
  })

  it('waits a quarter of the idle time for an order idle longer', () => {
    expect(waitOf(idleFor(8 * 3_600_000))).toBe(2 * 3_600_000)
  })

  it('asks an order stuck for days once a day', () => {
    expect(waitOf(idleFor(10 * 86_400_000))).toBe(MAX_RECHECK_MS)
    expect(MAX_RECHECK_MS).toBe(86_400_000)
  })

  it('waits sweepAfterMinutes when the idle time is unknown or in the future', () => {
    expect(waitOf(null, 15)).toBe(15 * 60_000)
    expect(waitOf('not a date', 15)).toBe(15 * 60_000)
    expect(waitOf(idleFor(-3_600_000), 15)).toBe(15 * 60_000)
  })

  it('searches unfinished idle orders never asked or due again, from the cursor', () => {
    const cutoff = '2026-12-03T11:30:00.000Z'

    expect(staleOrdersWhere(START, cutoff, now.toISOString())).toBe(
      'final=false AND since<2026-12-03T11:30:00.000Z AND ' +
        '(nextCheckAt is null OR nextCheckAt<2026-12-03T12:00:00.000Z)'
    )
    expect(
      staleOrdersWhere(
        { since: '2026-12-01T00:00:00.000Z', done: ['a'] },
        cutoff,
        now.toISOString()
      )
    ).toBe(
      'final=false AND since between 2026-12-01T00:00:00.000Z AND 2026-12-03T11:30:00.000Z AND ' +
        '(nextCheckAt is null OR nextCheckAt<2026-12-03T12:00:00.000Z)'
    )
  })
})

describe('sweep schedule', () => {
  it("calls the account's own host, in its workspace, with the token in a header", () => {
    const schedule = sweepSchedule({
      account: 'mystore',
      workspace: 'beta',
      token: 't0k3n',
      tokenHeader: 'x-pick-and-pack-sweep-token',
    })

    expect(schedule.request).toEqual({
      uri: 'https://beta--mystore.myvtex.com/_v/pick-and-pack/sweep',
      method: 'POST',
      headers: { 'x-pick-and-pack-sweep-token': 't0k3n' },
      body: {},
    })
    expect(schedule.scheduler.expression).toBe('*/10 * * * *')
    expect(
      sweepSchedule({
        account: 'mystore',
        workspace: 'master',
        token: 't',
        tokenHeader: 'h',
      }).request.uri
    ).toBe('https://mystore.myvtex.com/_v/pick-and-pack/sweep')
  })
})
