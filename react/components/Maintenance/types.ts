// Shapes of the Maintenance query and the StartBackfill mutation (graphql/*.gql).

export interface SweepRun {
  at: string
  checked: number
  healed: number
  remaining: number
  // OMS interactions and tracking sent again.
  omsRetried: number
  settled: number
}

export interface BackfillStatus {
  // IDLE (never ran), RUNNING, DONE or FAILED; another value is shown as received.
  state: string
  days: number | null
  startedAt: string | null
  updatedAt: string | null
  scanned: number
  recorded: number
  // OMS orders in the window, when known.
  total: number | null
  // The server's English sentence, shown only when lastErrorCode is missing or unknown.
  lastError: string | null
  // NOT_CONFIGURED and other app error codes, LOOKUPS_FAILED, http:<status> or unreadable.
  lastErrorCode: string | null
}

export interface Maintenance {
  lastSweep: SweepRun | null
  backfill: BackfillStatus
}

export interface MaintenanceData {
  maintenance: Maintenance | null
}

export interface StartBackfillData {
  startBackfill: BackfillStatus
}

export interface StartBackfillVariables {
  days: number
}
