import {
  FLOW_STATUSES,
  KNOWN_STATUSES,
  inStatusOrder,
  isExceptionStatus,
  isValidOrderId,
  normalizeStatus,
  phaseOf,
  progressOf,
} from '../statuses'

describe('phaseOf', () => {
  it.each([
    ['READY_FOR_HANDLING', 'handling'],
    ['PICKING', 'picking'],
    ['READY_FOR_PACKING', 'packing'],
    ['READY_FOR_INVOICING', 'invoicing'],
    ['INVOICED', 'invoicing'],
    ['ON_ROUTE', 'shipping'],
    ['DELIVERED', 'delivered'],
    ['WAITING_FOR_PICKUP', 'delivered'],
    ['IDLE', 'exception'],
    ['RETURNED', 'exception'],
    ['CANCELED', 'exception'],
    ['PENDING', 'unknown'],
    ['', 'unknown'],
  ])('%s is in phase %s', (status, phase) => {
    expect(phaseOf(status)).toBe(phase)
  })

  it('handles null and undefined', () => {
    expect(phaseOf(null)).toBe('unknown')
    expect(phaseOf(undefined)).toBe('unknown')
  })

  it('does not treat Object.prototype names as statuses', () => {
    expect(phaseOf('toString')).toBe('unknown')
    expect(phaseOf('constructor')).toBe('unknown')
  })
})

describe('progressOf', () => {
  it('marks steps before the current one done and after it todo', () => {
    const { steps, currentIndex, total } = progressOf('PACKING')

    expect(total).toBe(13)
    expect(currentIndex).toBe(4)
    expect(steps?.map((s) => s.state)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'current',
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
    ])
    expect(steps?.[12].status).toBe('DELIVERED')
  })

  it('ends in WAITING_FOR_PICKUP when the order is there', () => {
    const { steps, currentIndex } = progressOf('WAITING_FOR_PICKUP')

    expect(currentIndex).toBe(12)
    expect(steps?.[12]).toEqual({
      status: 'WAITING_FOR_PICKUP',
      state: 'current',
    })
    expect(steps?.some((s) => s.status === 'DELIVERED')).toBe(false)
  })

  it('ends in DELIVERED otherwise', () => {
    expect(progressOf('READY_FOR_HANDLING').steps?.[12].status).toBe(
      'DELIVERED'
    )
    expect(progressOf('DELIVERED').steps?.[12].state).toBe('current')
  })

  it.each(['IDLE', 'RETURNED', 'CANCELED', 'PENDING', null])(
    'has no steps for %s',
    (status) => {
      expect(progressOf(status).steps).toBeNull()
    }
  )

  it('covers every flow status', () => {
    FLOW_STATUSES.forEach((status, i) =>
      expect(progressOf(status).currentIndex).toBe(i)
    )
  })
})

describe('isExceptionStatus', () => {
  it('is true only for IDLE, RETURNED and CANCELED', () => {
    expect(KNOWN_STATUSES.filter(isExceptionStatus)).toEqual([
      'IDLE',
      'RETURNED',
      'CANCELED',
    ])
    expect(isExceptionStatus('SOMETHING_NEW')).toBe(false)
  })
})

describe('isValidOrderId', () => {
  it.each([
    '1253881550433-01',
    'XDE-1253881550433-01',
    'a',
    'A_b-9',
    'x'.repeat(64),
  ])('accepts %s', (id) => expect(isValidOrderId(id)).toBe(true))
  it.each([
    '',
    ' ',
    'x'.repeat(65),
    'abc def',
    '../etc',
    'a/b',
    'ação',
    'id;drop',
    'a\n',
  ])('refuses %j', (id) => expect(isValidOrderId(id)).toBe(false))
})

describe('the admin page and the service agree on the statuses', () => {
  // react/ and node/ are separate VTEX IO builders and cannot share a module: keep the copies equal.
  it('has the same flow, ends and exceptions as node/domain/statuses.ts', async () => {
    const service = await import('../../../node/domain/statuses')
    const page = await import('../statuses')

    expect(page.FLOW_STATUSES).toEqual(service.FLOW_STATUSES)
    expect(page.END_STATUSES).toEqual(service.END_STATUSES)
    expect(page.EXCEPTION_STATUSES).toEqual(service.EXCEPTION_STATUSES)
  })

  it.each([
    'packing',
    'Ready for packing',
    'ready-for-picking',
    'CANCELLED',
    ' on_route ',
    'SOME_NEW_STATUS',
    'On Hold ',
    'toString',
  ])('reads %j as the service does', async (status) => {
    const service = await import('../../../node/domain/statuses')

    expect(normalizeStatus(status)).toBe(service.normalizeStatus(status))
  })
})

describe('inStatusOrder', () => {
  it('sorts by the flow, its ends, then exceptions; unknown after, as received', () => {
    const items = [
      'CANCELED',
      'ZETA_NEW',
      'DELIVERED',
      'READY_FOR_HANDLING',
      'ALPHA_NEW',
      'ON_ROUTE',
      'toString',
      'PICKING',
    ].map((status) => ({ status }))

    expect(inStatusOrder(items, (i) => i.status).map((i) => i.status)).toEqual([
      'READY_FOR_HANDLING',
      'PICKING',
      'ON_ROUTE',
      'DELIVERED',
      'CANCELED',
      'ZETA_NEW',
      'ALPHA_NEW',
      'toString',
    ])
    // The input is left as it was.
    expect(items[0].status).toBe('CANCELED')
  })
})
