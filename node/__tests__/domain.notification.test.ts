import type { StatusNotification } from '../domain/notification'
import { notificationId, parseNotification } from '../domain/notification'

const parsed = (body: unknown): StatusNotification => {
  const result = parseNotification(body)

  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`)

  return result.notification
}

const refusal = (body: unknown): string => {
  const result = parseNotification(body)

  if (result.ok) throw new Error('expected a refusal')

  return result.message
}

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf'

  for (let i = 0; i < levels; i++) value = { child: value }

  return value
}

describe('parseNotification', () => {
  it('accepts a minimal payload', () => {
    expect(
      parsed({ orderId: '1253881550433-01', newStatus: 'PICKING' })
    ).toEqual({
      orderId: '1253881550433-01',
      oldStatus: null,
      newStatus: 'PICKING',
      hostname: null,
      occurredAt: null,
      extra: {},
    })
  })

  it('accepts the documented payload and keeps every extra field', () => {
    const notification = parsed({
      orderId: '1253881550433-01',
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
      hostname: 'mystore',
      date: '2026-11-20T09:40:00.000Z',
      picker: { name: 'Ana', id: 7 },
      tags: ['a', 'b'],
    })

    expect(notification).toEqual({
      orderId: '1253881550433-01',
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
      hostname: 'mystore',
      occurredAt: '2026-11-20T09:40:00.000Z',
      extra: {
        date: '2026-11-20T09:40:00.000Z',
        picker: { name: 'Ana', id: 7 },
        tags: ['a', 'b'],
      },
    })
  })

  it.each([
    [{ newStatus: 'PICKING' }, 'orderId'],
    [{ orderId: null, newStatus: 'PICKING' }, 'orderId'],
    [{ orderId: 'o-1' }, 'newStatus'],
    [{ orderId: 'o-1', newStatus: '' }, 'newStatus'],
  ])('says a missing field is required (%p)', (body, field) => {
    expect(refusal(body)).toMatch(new RegExp(`^"${field}" is required: `))
  })

  it.each([
    [
      { orderId: 1253881550433, newStatus: 'PICKING' },
      /^"orderId" must be the VTEX order id.*; got a number\.$/,
    ],
    [
      { orderId: 'order 1/2', newStatus: 'PICKING' },
      /^"orderId" must be .*; got "order 1\/2"\.$/,
    ],
    [
      { orderId: 'o-1', newStatus: ['PICKING'] },
      /^"newStatus" must be a Pick and Pack status such as "PICKING"; got an array\.$/,
    ],
    [
      { orderId: 'o-1', newStatus: '*'.repeat(100) },
      /^"newStatus" must be .*; got "\*{40}…"\.$/,
    ],
    [
      { orderId: 'o-1', newStatus: 'PICKING', oldStatus: { code: 'PACKING' } },
      /^"oldStatus" must be .*, or left out; got an object\.$/,
    ],
    [
      { orderId: 'o-1', newStatus: 'PICKING', hostname: 'my store' },
      /^"hostname" must be the store's Pick and Pack hostname: .*, or left out; got "my store"\.$/,
    ],
  ])(
    'says what was expected of a field that is present but invalid (%p)',
    (body, message) => {
      expect(refusal(body)).toMatch(message)
      expect(refusal(body)).not.toMatch(/required/)
    }
  )

  it('accepts an oldStatus outside the table (the docs send PENDING)', () => {
    const notification = parsed({
      orderId: 'o-1',
      oldStatus: 'PENDING',
      newStatus: 'READY_FOR_HANDLING',
    })

    expect(notification.oldStatus).toBe('PENDING')
  })

  it('reads a known status in any case or spacing as its one spelling, as one change', () => {
    const spelled = parsed({
      orderId: 'o-1',
      oldStatus: 'picking',
      newStatus: 'Ready for packing',
    })

    expect(spelled).toMatchObject({
      oldStatus: 'PICKING',
      newStatus: 'READY_FOR_PACKING',
    })
    expect(
      notificationId(
        parsed({
          orderId: 'o-1',
          oldStatus: 'PICKING',
          newStatus: 'READY_FOR_PACKING',
        })
      )
    ).toBe(notificationId(spelled))
    expect(parsed({ orderId: 'o-1', newStatus: 'Cancelled' }).newStatus).toBe(
      'CANCELED'
    )
  })

  it('keeps an unknown newStatus as is', () => {
    expect(
      parsed({ orderId: 'o-1', newStatus: 'SOME_NEW_STATUS' }).newStatus
    ).toBe('SOME_NEW_STATUS')
  })

  it('treats empty or null optional fields as absent', () => {
    const notification = parsed({
      orderId: 'o-1',
      newStatus: 'PICKING',
      oldStatus: '',
      hostname: null,
    })

    expect(notification.oldStatus).toBeNull()
    expect(notification.hostname).toBeNull()
  })

  it('keeps a "__proto__" key as own data without polluting prototypes', () => {
    const body = JSON.parse(
      '{"orderId":"o-1","newStatus":"PICKING","__proto__":{"polluted":true,"isAdmin":true}}'
    )

    const notification = parsed(body)

    expect(
      Object.prototype.hasOwnProperty.call(notification.extra, '__proto__')
    ).toBe(true)
    expect(Object.keys(notification.extra)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(notification.extra)).toBe(Object.prototype)
    expect(
      (notification.extra as { polluted?: unknown }).polluted
    ).toBeUndefined()
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined()
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined()
    // It survives a round trip through JSON, as stored.
    expect(JSON.stringify(notification.extra)).toBe(
      '{"__proto__":{"polluted":true,"isAdmin":true}}'
    )
  })

  it.each([
    ['an array', [{ orderId: 'o-1', newStatus: 'PICKING' }]],
    ['a string', '{"orderId":"o-1","newStatus":"PICKING"}'],
    ['null', null],
    ['a number', 42],
    ['undefined', undefined],
  ])('refuses %s body', (_, body) => {
    expect(refusal(body)).toMatch(/JSON object/)
  })

  it.each([
    ['missing', { newStatus: 'PICKING' }],
    ['empty', { orderId: '', newStatus: 'PICKING' }],
    ['a number', { orderId: 1253881550433, newStatus: 'PICKING' }],
    ['a path', { orderId: '../x', newStatus: 'PICKING' }],
    ['65 chars', { orderId: 'x'.repeat(65), newStatus: 'PICKING' }],
  ])('refuses an orderId that is %s', (_, body) => {
    expect(refusal(body)).toMatch(/"orderId"/)
  })

  it.each([
    ['missing', { orderId: 'o-1' }],
    ['empty', { orderId: 'o-1', newStatus: '' }],
    ['a number', { orderId: 'o-1', newStatus: 3 }],
    ['markup', { orderId: 'o-1', newStatus: '<script>' }],
    ['too long', { orderId: 'o-1', newStatus: `A${'B'.repeat(64)}` }],
    ['starting with a digit', { orderId: 'o-1', newStatus: '1PICKING' }],
  ])('refuses a newStatus that is %s', (_, body) => {
    expect(refusal(body)).toMatch(/"newStatus"/)
  })

  it('refuses a malformed oldStatus or hostname', () => {
    expect(
      refusal({ orderId: 'o-1', newStatus: 'PICKING', oldStatus: 5 })
    ).toMatch(/"oldStatus"/)
    expect(
      refusal({ orderId: 'o-1', newStatus: 'PICKING', oldStatus: '{}' })
    ).toMatch(/"oldStatus"/)
    expect(
      refusal({ orderId: 'o-1', newStatus: 'PICKING', hostname: 'a b' })
    ).toMatch(/"hostname"/)
    expect(
      refusal({ orderId: 'o-1', newStatus: 'PICKING', hostname: ['x'] })
    ).toMatch(/"hostname"/)
  })

  it('accepts extra fields nested 8 levels and refuses deeper ones', () => {
    expect(
      parseNotification({
        orderId: 'o-1',
        newStatus: 'PICKING',
        meta: nested(7),
      }).ok
    ).toBe(true)
    expect(
      refusal({ orderId: 'o-1', newStatus: 'PICKING', meta: nested(8) })
    ).toMatch(/nested at most 8/)
  })

  it('refuses hostile nesting without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100000)}${']'.repeat(100000)}`)

    expect(refusal({ orderId: 'o-1', newStatus: 'PICKING', deep })).toMatch(
      /nested/
    )
  })

  it.each([
    [{ date: '2026-11-20T09:40:00Z' }, '2026-11-20T09:40:00.000Z'],
    [{ date: '2026-11-20T06:40:00-03:00' }, '2026-11-20T09:40:00.000Z'],
    [{ date: Date.UTC(2026, 10, 20, 9, 40) }, '2026-11-20T09:40:00.000Z'],
    [{ createdAt: '2026-11-20T09:40:00Z' }, '2026-11-20T09:40:00.000Z'],
    [{ updatedAt: '2026-11-20T09:40:00Z' }, '2026-11-20T09:40:00.000Z'],
    [
      { date: '2026-11-20T09:40:00Z', createdAt: '2020-01-01T00:00:00Z' },
      '2026-11-20T09:40:00.000Z',
    ],
    [{ date: '2026-02-28T23:59:59.999Z' }, '2026-02-28T23:59:59.999Z'],
    // Not rolled over as the JavaScript Date would (to March 2, to the next day): ignored.
    [{ date: '2026-02-30T00:00:00.000Z' }, null],
    [{ date: '2026-01-01T24:00:00.000Z' }, null],
    [{ date: '2026-13-01T00:00:00.000Z' }, null],
    [{ date: 'not a date' }, null],
    [{ date: true }, null],
    [{ date: { at: 1 } }, null],
    [{}, null],
  ])('reads the payload date %p as occurredAt %p', (fields, expected) => {
    expect(
      parsed({ orderId: 'o-1', newStatus: 'PICKING', ...fields }).occurredAt
    ).toBe(expected)
  })
})

describe('parseNotification: payload dates', () => {
  const dateOf = (date: unknown) =>
    parsed({ orderId: 'o-1', newStatus: 'PICKING', date }).occurredAt

  it.each([
    // ISO 8601 date-times with a zone, as senders and the tests send them.
    ['2026-12-01T09:00:00Z', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T09:00:00.000Z', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T09:00:00.123Z', '2026-12-01T09:00:00.123Z'],
    ['2026-12-01T09:00:00.123456Z', '2026-12-01T09:00:00.123Z'],
    ['2026-12-01T11:00:00+02:00', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T11:00:00.250+02:00', '2026-12-01T09:00:00.250Z'],
    ['2026-12-01T06:00:00-0300', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T09:00Z', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01t09:00:00z', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T01:00:00+02:00', '2026-11-30T23:00:00.000Z'],
    ['2028-02-29T10:00:00Z', '2028-02-29T10:00:00.000Z'],
    ['2000-01-01T00:00:00Z', '2000-01-01T00:00:00.000Z'],
    // The expanded year toISOString writes past 9999.
    ['+010000-01-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z'],
  ])('reads the ISO date %p as %p', (date, expected) => {
    expect(dateOf(date)).toBe(expected)
  })

  it.each([
    // Epoch seconds (below 1e11), not milliseconds: not 1970-01-21.
    [1796326695, '2026-12-03T19:38:15.000Z'],
    ['1796326695', '2026-12-03T19:38:15.000Z'],
    [1796326695.5, '2026-12-03T19:38:15.500Z'],
    [1796326695000, '2026-12-03T19:38:15.000Z'],
    ['1796326695000', '2026-12-03T19:38:15.000Z'],
  ])('reads the epoch date %p as %p', (date, expected) => {
    expect(dateOf(date)).toBe(expected)
  })

  it.each([
    // Before 2000: a default or a unit mistake (not 2000-01-01, not 1970).
    ['0'],
    [0],
    [-1],
    [86_400],
    ['1999-12-31T23:59:59Z'],
    ['1970-01-01T00:00:00.000Z'],
    ['-000001-01-01T00:00:00.000Z'],
    ['+999999-01-01T00:00:00.000Z'],
    [1e300],
    // Impossible calendar dates and times.
    ['2026-02-30T10:00:00Z'],
    ['2026-02-29T10:00:00Z'],
    ['2026-04-31T10:00:00Z'],
    ['2026-12-01T25:00:00Z'],
    ['2026-12-01T09:60:00Z'],
    ['2026-12-01T09:00:60Z'],
    ['2026-12-01T09:00:00+24:00'],
    // Not ISO 8601 with a zone: ambiguous or local.
    ['03/12/2026 16:00'],
    ['12/03/2026'],
    ['Thu, 03 Dec 2026 19:38:15 GMT'],
    ['2026-12-01'],
    ['2026-12-01T09:00:00'],
    ['2026-12-01 09:00:00Z'],
    [' 2026-12-01T09:00:00Z'],
    ['1796326695.5'],
    [''],
    [Number.NaN],
  ])('ignores the unusable date %p (placed by arrival)', (date) => {
    const result = parseNotification({
      orderId: 'o-1',
      newStatus: 'PICKING',
      date,
    })

    expect(result).toMatchObject({
      ok: true,
      ignoredDate: 'date',
      notification: { occurredAt: null, extra: { date } },
    })
  })

  it('names the date field it ignored, and none when the date is usable or absent', () => {
    const ignored = parseNotification({
      orderId: 'o-1',
      newStatus: 'PICKING',
      date: null,
      createdAt: '0',
      updatedAt: '2026-12-01T09:00:00Z',
    })

    expect(ignored).toMatchObject({ ok: true, ignoredDate: 'createdAt' })
    for (const fields of [
      {},
      { date: '2026-12-01T09:00:00Z' },
      { date: 1796326695 },
    ]) {
      const result = parseNotification({
        orderId: 'o-1',
        newStatus: 'PICKING',
        ...fields,
      })

      expect(result.ok && result.ignoredDate).toBeUndefined()
    }
  })
})

describe('notificationId', () => {
  const base = {
    orderId: 'o-1',
    oldStatus: 'READY_FOR_PICKING',
    newStatus: 'PICKING',
    hostname: 'mystore',
  }

  it('gives a redelivery of the same transition the same id', () => {
    const id = notificationId(parsed(base))

    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(notificationId(parsed({ ...base }))).toBe(id)
    // The hostname is not part of the identity.
    expect(notificationId(parsed({ ...base, hostname: 'other' }))).toBe(id)
  })

  it('tells transitions apart', () => {
    const ids = new Set([
      notificationId(parsed(base)),
      notificationId(parsed({ ...base, orderId: 'o-2' })),
      notificationId(parsed({ ...base, newStatus: 'PACKING' })),
      notificationId(parsed({ ...base, oldStatus: 'PICKING' })),
      notificationId(parsed({ ...base, oldStatus: undefined })),
    ])

    expect(ids.size).toBe(5)
  })

  it('gives the same transition on another date, id or eventId another id', () => {
    const a = notificationId(parsed({ ...base, date: '2026-11-20T09:40:00Z' }))
    const b = notificationId(parsed({ ...base, date: '2026-11-20T09:41:00Z' }))

    expect(a).not.toBe(b)
    expect(notificationId(parsed({ ...base, id: 'e1' }))).not.toBe(
      notificationId(parsed({ ...base, id: 'e2' }))
    )
    expect(notificationId(parsed({ ...base, eventId: 1 }))).not.toBe(
      notificationId(parsed({ ...base, eventId: 2 }))
    )
    expect(
      notificationId(parsed({ ...base, date: '2026-11-20T09:40:00Z' }))
    ).toBe(a)
  })

  it('uses createdAt or updatedAt as the date when the payload has no "date"', () => {
    // occurredAt is read from date ?? createdAt ?? updatedAt: the identity must agree, or a
    // genuine repeat of a transition (re-picking) is dropped as a redelivery.
    const first = parsed({ ...base, createdAt: '2026-11-20T09:40:00Z' })
    const again = parsed({ ...base, createdAt: '2026-11-20T10:15:00Z' })

    expect(notificationId(first)).not.toBe(notificationId(again))
    expect(
      notificationId(parsed({ ...base, updatedAt: '2026-11-20T09:40:00Z' }))
    ).not.toBe(
      notificationId(parsed({ ...base, updatedAt: '2026-11-20T10:15:00Z' }))
    )
    expect(
      notificationId(parsed({ ...base, createdAt: '2026-11-20T09:40:00Z' }))
    ).toBe(notificationId(first))
  })
})
