import {
  END_STATUSES,
  EXCEPTION_STATUSES,
  FLOW_STATUSES,
  KNOWN_STATUSES,
  isKnownStatus,
  normalizeStatus,
  statusPhase,
  statusRank,
} from '../domain/statuses'

describe('statuses', () => {
  it('lists the flow in the documented order', () => {
    expect(FLOW_STATUSES).toEqual([
      'READY_FOR_HANDLING',
      'READY_FOR_PICKING',
      'PICKING',
      'READY_FOR_PACKING',
      'PACKING',
      'READY_FOR_INVOICING',
      'INVOICING',
      'INVOICED',
      'PREPARING_SHIPPING',
      'READY_FOR_SHIPPING',
      'WAITING_FOR_DELIVERY_COMPANY',
      'ON_ROUTE',
    ])
    expect(END_STATUSES).toEqual(['DELIVERED', 'WAITING_FOR_PICKUP'])
    expect(EXCEPTION_STATUSES).toEqual(['IDLE', 'RETURNED', 'CANCELED'])
    expect(KNOWN_STATUSES).toHaveLength(17)
  })

  it.each([
    ['READY_FOR_HANDLING', 'handling'],
    ['READY_FOR_PICKING', 'picking'],
    ['PICKING', 'picking'],
    ['READY_FOR_PACKING', 'packing'],
    ['PACKING', 'packing'],
    ['READY_FOR_INVOICING', 'invoicing'],
    ['INVOICING', 'invoicing'],
    ['INVOICED', 'invoicing'],
    ['PREPARING_SHIPPING', 'shipping'],
    ['READY_FOR_SHIPPING', 'shipping'],
    ['WAITING_FOR_DELIVERY_COMPANY', 'shipping'],
    ['ON_ROUTE', 'shipping'],
    ['DELIVERED', 'delivered'],
    ['WAITING_FOR_PICKUP', 'delivered'],
    ['IDLE', 'exception'],
    ['RETURNED', 'exception'],
    ['CANCELED', 'exception'],
    ['PENDING', 'unknown'],
    ['picking', 'unknown'],
    ['', 'unknown'],
  ])('%s is in phase %s', (status, phase) => {
    expect(statusPhase(status)).toBe(phase)
  })

  it('keeps an unknown status as sent, without the spaces around it', () => {
    expect(normalizeStatus('On Hold ')).toBe('On Hold')
    expect(normalizeStatus('Awaiting-Stock')).toBe('Awaiting-Stock')
    expect(normalizeStatus(' ready for packing ')).toBe('READY_FOR_PACKING')
  })

  it('does not take Object.prototype names for statuses', () => {
    expect(isKnownStatus('toString')).toBe(false)
    expect(isKnownStatus('__proto__')).toBe(false)
    expect(statusPhase('constructor')).toBe('unknown')
    expect(isKnownStatus('ON_ROUTE')).toBe(true)
  })

  it('ranks the flow in order, strictly increasing', () => {
    const ranks = FLOW_STATUSES.map((status) => statusRank(status) as number)

    expect(ranks[0]).toBe(1)
    ranks.slice(1).forEach((rank, index) => {
      expect(rank).toBeGreaterThan(ranks[index])
    })
  })

  it('ranks IDLE before the flow, the ends after it, RETURNED then CANCELED last', () => {
    const onRoute = statusRank('ON_ROUTE') as number

    expect(statusRank('IDLE')).toBe(0)
    expect(statusRank('IDLE')).toBeLessThan(
      statusRank('READY_FOR_HANDLING') as number
    )
    expect(statusRank('DELIVERED')).toBe(onRoute + 1)
    expect(statusRank('WAITING_FOR_PICKUP')).toBe(onRoute + 1)
    expect(statusRank('RETURNED')).toBe(onRoute + 2)
    expect(statusRank('CANCELED')).toBe(onRoute + 3)
  })

  it('gives unknown statuses no rank', () => {
    expect(statusRank('PENDING')).toBeNull()
    expect(statusRank('')).toBeNull()
    expect(statusRank('on_route')).toBeNull()
  })
})
