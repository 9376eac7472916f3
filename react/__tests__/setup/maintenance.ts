// Mocked answers of the maintenance panel's query and mutation.
import type { GraphQLError } from 'graphql'

import MAINTENANCE from '../../components/Maintenance/graphql/maintenance.gql'
import START_BACKFILL from '../../components/Maintenance/graphql/startBackfill.gql'
import type {
  BackfillStatus,
  Maintenance,
  SweepRun,
} from '../../components/Maintenance/types'

export function sweepRun(overrides: Partial<SweepRun> = {}): SweepRun {
  return {
    at: '2026-11-20T10:25:00.000Z',
    checked: 120,
    healed: 3,
    remaining: 0,
    omsRetried: 0,
    settled: 0,
    ...overrides,
  }
}

/** A backfill that never ran. */
export function backfillStatus(
  overrides: Partial<BackfillStatus> = {}
): BackfillStatus {
  return {
    state: 'IDLE',
    days: null,
    startedAt: null,
    updatedAt: null,
    scanned: 0,
    recorded: 0,
    total: null,
    lastError: null,
    lastErrorCode: null,
    ...overrides,
  }
}

export function maintenanceData(
  overrides: Partial<Maintenance> = {}
): Maintenance {
  return { lastSweep: null, backfill: backfillStatus(), ...overrides }
}

interface MockOptions {
  errors?: GraphQLError[]
  delay?: number
}

export function maintenanceMock(
  data: Maintenance | null,
  { errors = [], delay = 0 }: MockOptions = {}
) {
  return {
    request: { query: MAINTENANCE },
    result: {
      data: { maintenance: data },
      ...(errors.length ? { errors } : {}),
    },
    delay,
  }
}

export function startBackfillMock(
  days: number,
  data: BackfillStatus | null,
  { errors = [], delay = 0 }: MockOptions = {}
) {
  return {
    request: { query: START_BACKFILL, variables: { days } },
    result: {
      data: data ? { startBackfill: data } : null,
      ...(errors.length ? { errors } : {}),
    },
    delay,
  }
}
