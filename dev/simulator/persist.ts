// The simulator's order state kept in a file, so that a restart of `npm start` resumes where the
// last run left off instead of going back to the seed while the app's store (DATA_DIR) keeps
// what the webhook told it. Only what runs change is kept: each order's status and how far it
// got, its OMS override and change date, what the OMS invoice calls set, and its interactions.
// Faults, stats, deliveries and the webhook drops start afresh, as they do after a reset.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { SimulatorCore } from './core'
import {
  exportInteractions,
  importInteractions,
  type Interaction,
} from './omsInteractions'
import type { InvoiceUpdate, OmsOverride } from './state'
import { isStatus, type FulfillmentStatus } from './statuses'

const VERSION = 1

interface PersistedOrder {
  status: FulfillmentStatus
  reachedIndex: number
  oms?: OmsOverride
  omsChangedAt?: string
  invoices?: Array<[string, InvoiceUpdate]>
}

export interface PersistedState {
  version: number
  savedAt: string
  orders: Record<string, PersistedOrder>
  interactions: Record<string, Interaction[]>
}

export function snapshot(core: SimulatorCore): PersistedState {
  const orders: Record<string, PersistedOrder> = {}

  for (const order of core.store.all()) {
    orders[order.seed.orderId] = {
      status: order.status,
      reachedIndex: order.reachedIndex,
      ...(order.oms && { oms: order.oms }),
      ...(order.omsChangedAt && { omsChangedAt: order.omsChangedAt }),
      ...(order.invoices &&
        order.invoices.size > 0 && { invoices: [...order.invoices] }),
    }
  }

  return {
    version: VERSION,
    savedAt: new Date(core.now()).toISOString(),
    orders,
    interactions: exportInteractions(core),
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Puts a snapshot back over the seed: orders the seed no longer has and values that are not
 * what a snapshot holds are skipped (a file from an older seed restores what still fits).
 * Answers how many orders were restored.
 */
export function restore(core: SimulatorCore, state: unknown): number {
  if (!isObject(state) || state.version !== VERSION) return 0
  const orders = isObject(state.orders) ? state.orders : {}
  let restored = 0

  for (const [orderId, saved] of Object.entries(orders)) {
    const order = core.store.get(orderId)

    if (!order || !isObject(saved) || !isStatus(saved.status)) continue
    if (order.seed.omsOnly && saved.status !== order.seed.status) continue
    order.status = saved.status
    if (typeof saved.reachedIndex === 'number') {
      order.reachedIndex = saved.reachedIndex
    }

    if (isObject(saved.oms)) order.oms = saved.oms as unknown as OmsOverride
    if (typeof saved.omsChangedAt === 'string') {
      order.omsChangedAt = saved.omsChangedAt
    }

    if (Array.isArray(saved.invoices)) {
      order.invoices = new Map(saved.invoices as Array<[string, InvoiceUpdate]>)
    }

    restored += 1
  }

  if (isObject(state.interactions)) {
    importInteractions(
      core,
      state.interactions as Record<string, Interaction[]>,
      (orderId) => !!core.store.get(orderId)
    )
  }

  return restored
}

/** Reads a state file; undefined when there is none or it is not JSON. */
export function readStateFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

/** Writes the snapshot whole (a temporary file renamed over the old one). */
export function writeStateFile(file: string, core: SimulatorCore): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`

  writeFileSync(temp, `${JSON.stringify(snapshot(core))}\n`)
  renameSync(temp, file)
}
