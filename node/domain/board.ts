import type { OrderHistory } from './history'
import { FLOW_STATUSES, KNOWN_STATUSES, statusRank } from './statuses'
import { quoted } from './whereValue'

/**
 * Minutes an order may stay in a status before it is late, for a grocery operation: orders
 * are picked within the hour and delivered the same day. Merchants change them in the app
 * settings (`statusTimeLimits`). Final statuses have no limit.
 */
export const DEFAULT_STATUS_TIME_LIMITS: Readonly<Record<string, number>> = {
  READY_FOR_HANDLING: 15,
  READY_FOR_PICKING: 15,
  PICKING: 45,
  READY_FOR_PACKING: 15,
  PACKING: 20,
  READY_FOR_INVOICING: 30,
  INVOICING: 30,
  INVOICED: 30,
  PREPARING_SHIPPING: 30,
  READY_FOR_SHIPPING: 30,
  WAITING_FOR_DELIVERY_COMPANY: 45,
  ON_ROUTE: 120,
  WAITING_FOR_PICKUP: 1440,
}

/** Where an order's story ends: the board counts these over a recent window only. */
export const FINAL_STATUSES: readonly string[] = [
  'DELIVERED',
  'CANCELED',
  'RETURNED',
  'IDLE',
]

export const isFinal = (status: string) => FINAL_STATUSES.includes(status)

export type DriftCode =
  | 'OMS_CANCELED'
  | 'OMS_INVOICED_EARLY'
  | 'IDLE'
  | 'OMS_STATUS_MISMATCH'

/** What the board stores per order (Master Data `orderSummary`, id = orderId). */
export interface OrderSummaryDocument {
  orderId: string
  status?: string | null
  since?: string | null
  lastChangeAt?: string | null
  changes?: number | null
  final?: boolean | null
  beforeInvoicing?: boolean | null
  omsStatus?: string | null
  omsChangedAt?: string | null
  /** When the sweep may ask Pick and Pack again (absent: as soon as the order is idle). */
  nextCheckAt?: string | null
}

const READY_FOR_INVOICING_RANK = statusRank('READY_FOR_INVOICING') as number

/** Statuses before READY_FOR_INVOICING: an OMS invoice then came too early. */
export const isBeforeInvoicing = (status: string) => {
  const rank = statusRank(status)

  return rank !== null && rank > 0 && rank < READY_FOR_INVOICING_RANK
}

/** The Pick and Pack side of an order's summary, from its recorded history. */
export function summaryOfHistory(
  history: OrderHistory
): Required<
  Pick<
    OrderSummaryDocument,
    | 'orderId'
    | 'status'
    | 'since'
    | 'lastChangeAt'
    | 'changes'
    | 'final'
    | 'beforeInvoicing'
    | 'nextCheckAt'
  >
> | null {
  const current = history.entries.find(
    (entry) => entry.id === history.currentEntryId
  )

  if (!current || !history.currentStatus) return null
  const lastChangeAt = history.entries
    .map((entry) => entry.receivedAt)
    .reduce((latest, at) => (at > latest ? at : latest))

  return {
    orderId: history.orderId,
    status: history.currentStatus,
    since: current.occurredAt ?? current.receivedAt,
    lastChangeAt,
    changes: history.entries.length,
    final: isFinal(history.currentStatus),
    beforeInvoicing: isBeforeInvoicing(history.currentStatus),
    // A new change starts the sweep's waits over: once idle, the order is asked at once.
    nextCheckAt: null,
  }
}

/** The limits in force: the merchant's, over the defaults; non-positive ones switched off. */
export function timeLimits(
  configured: Record<string, number> | null | undefined
): Record<string, number> {
  const limits: Record<string, number> = { ...DEFAULT_STATUS_TIME_LIMITS }

  for (const [status, minutes] of Object.entries(configured ?? {})) {
    if (minutes > 0) limits[status] = minutes
    else delete limits[status]
  }

  return limits
}

/** Before this moment an order entered `status` is late (null: the status has no limit). */
export function lateBefore(
  status: string,
  limits: Record<string, number>,
  now: number
): string | null {
  const minutes = limits[status]

  return minutes ? new Date(now - minutes * 60_000).toISOString() : null
}

export function isLate(
  summary: OrderSummaryDocument,
  limits: Record<string, number>,
  now: number
): boolean {
  if (!summary.status || !summary.since) return false
  const before = lateBefore(summary.status, limits, now)

  return before !== null && Date.parse(summary.since) < Date.parse(before)
}

/** OMS states that mean the order is canceled, or on its way there. */
const OMS_CANCELED = ['canceled', 'cancellation-requested', 'canceling']

/**
 * Where Pick and Pack and the OMS disagree, in ways VTEX documents or the app can prove: an
 * order canceled in the OMS still active in Pick and Pack, one invoiced in the OMS before
 * READY_FOR_INVOICING, external fulfillment (IDLE), and a Pick and Pack cancellation or
 * delivery the OMS contradicts.
 */
export function driftOf(summary: OrderSummaryDocument): DriftCode[] {
  const { status, omsStatus } = summary
  const codes: DriftCode[] = []

  if (!status) return codes
  if (status === 'IDLE') codes.push('IDLE')
  if (omsStatus && OMS_CANCELED.includes(omsStatus) && !isFinal(status)) {
    codes.push('OMS_CANCELED')
  }

  if (omsStatus === 'invoiced' && isBeforeInvoicing(status)) {
    codes.push('OMS_INVOICED_EARLY')
  }

  if (
    (status === 'CANCELED' &&
      omsStatus &&
      !OMS_CANCELED.includes(omsStatus) &&
      omsStatus !== 'invoiced') ||
    (status === 'DELIVERED' && omsStatus && OMS_CANCELED.includes(omsStatus))
  ) {
    codes.push('OMS_STATUS_MISMATCH')
  }

  return codes
}

// Master Data `_where` clauses for the same rules, so that the store counts and pages them.

const anyOf = (clauses: string[]) =>
  clauses.length === 0
    ? 'orderId is null AND orderId is not null'
    : clauses.map((c) => `(${c})`).join(' OR ')

/** Late orders of one status, or of every status with a limit. */
export function lateWhere(
  limits: Record<string, number>,
  now: number,
  status?: string
): string {
  const statuses = status ? [status] : Object.keys(limits)

  return anyOf(
    statuses.flatMap((candidate) => {
      const before = lateBefore(candidate, limits, now)

      return before ? [`status=${quoted(candidate)} AND since<${before}`] : []
    })
  )
}

/** Orders that disagree with the OMS (driftOf as a search). */
export function driftWhere(): string {
  return anyOf([
    'status=IDLE',
    ...OMS_CANCELED.map((state) => `omsStatus=${state} AND final=false`),
    'omsStatus=invoiced AND beforeInvoicing=true',
    ...OMS_CANCELED.map((state) => `status=DELIVERED AND omsStatus=${state}`),
    [
      'status=CANCELED AND omsStatus is not null',
      ...[...OMS_CANCELED, 'invoiced'].map((state) => `omsStatus<>${state}`),
    ].join(' AND '),
  ])
}

/** The orders a status tile counts: final statuses over the recent window only. */
export function statusWhere(status: string, windowStart: string): string {
  const clause = `status=${quoted(status)}`

  return isFinal(status) ? `${clause} AND lastChangeAt>${windowStart}` : clause
}

/**
 * Orders in none of the statuses given (the board's own, and the others found so far): how
 * the board finds a status Pick and Pack added that it does not know.
 */
export function otherStatusWhere(known: readonly string[]): string {
  return [
    'status is not null',
    ...known.map((status) => `status<>${quoted(status)}`),
  ].join(' AND ')
}

/** Every status a board shows, in flow order; final ones last. */
export const BOARD_STATUSES: readonly string[] = [
  ...FLOW_STATUSES,
  ...KNOWN_STATUSES.filter(
    (status) => !(FLOW_STATUSES as readonly string[]).includes(status)
  ),
]

/** Cursors are the next page's number and size, opaque to the caller. */
export function encodeCursor(page: number, size: number): string {
  return Buffer.from(JSON.stringify([page, size])).toString('base64url')
}

export function decodeCursor(cursor: string): { page: number; size: number } {
  try {
    const [page, size] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8')
    ) as unknown[]

    if (
      Number.isInteger(page) &&
      Number.isInteger(size) &&
      (page as number) >= 1 &&
      (size as number) >= 1 &&
      (size as number) <= 100
    ) {
      return { page: page as number, size: size as number }
    }
  } catch {
    // Falls through: not a cursor this app made.
  }

  throw new Error('cursor')
}

/** Master Data reaches 10,000 documents by paging: a page beyond that cannot be had. */
export const MAX_REACHABLE = 10_000

/**
 * Whether an OMS broadcast (`order-status-updated`) should be written over the summary as
 * stored: a later date than the stored one; without a stored date, a different state; never
 * an undated broadcast over a dated one. Written, it is what is stored, so the same broadcast
 * asks nothing more (its writer checks again after writing: see omsStatusChanged).
 */
export function outdatesOmsSide(
  stored: Pick<OrderSummaryDocument, 'omsStatus' | 'omsChangedAt'> | null,
  broadcast: { state: string; changedAt: string | null }
): boolean {
  const storedAt = stored?.omsChangedAt ? Date.parse(stored.omsChangedAt) : NaN

  if (Number.isNaN(storedAt)) {
    return broadcast.changedAt !== null || stored?.omsStatus !== broadcast.state
  }

  return (
    broadcast.changedAt !== null && Date.parse(broadcast.changedAt) > storedAt
  )
}
