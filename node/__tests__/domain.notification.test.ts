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
    // Read as the JavaScript Date reads them, whichever way they are parsed.
    [{ date: '2026-02-30T00:00:00.000Z' }, '2026-03-02T00:00:00.000Z'],
    [{ date: '2026-01-01T24:00:00.000Z' }, '2026-01-02T00:00:00.000Z'],
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
