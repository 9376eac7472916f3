// Fault injection for tests and benchmarks: latency, failures, malformed
// answers, answers lost after the call landed and token revocation, per API scope.

/**
 * 'tracking' is the legacy API, 'v1' the v1 API (every /{env}/v1 call), 'oms' every OMS call,
 * 'oms-write' only the OMS writes (interactions, invoice, tracking).
 */
export type FaultScope =
  | 'all'
  | 'token'
  | 'tracking'
  | 'v1'
  | 'oms'
  | 'oms-write'

export type ApiKind = Exclude<FaultScope, 'all'>

export interface Faults {
  latencyMs?: number
  failureRate?: number
  failureStatus?: number
  failureCount?: number
  /** One-shot: every token issued so far becomes invalid now. */
  expireTokens?: boolean
  malformed?: boolean
  /**
   * A failure carries the call out (an OMS write is stored) and then destroys the connection
   * with no answer: what a client sees when its call times out after landing.
   */
  dropAfterLanding?: boolean
  scope?: FaultScope
}

const SCOPES: readonly FaultScope[] = [
  'all',
  'token',
  'tracking',
  'v1',
  'oms',
  'oms-write',
]

const MAX_LATENCY_MS = 60_000

const isNum = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v)

const isInt = (v: unknown): v is number => isNum(v) && Number.isInteger(v)

/** Validates a faults body; answers the reason when it is not acceptable. */
export function parseFaults(body: Record<string, unknown>): Faults | string {
  const f: Faults = {}
  const { latencyMs, failureRate, failureStatus, failureCount } = body

  if (latencyMs !== undefined) {
    if (!isNum(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
      return `latencyMs must be a number from 0 to ${MAX_LATENCY_MS}`
    }

    f.latencyMs = latencyMs
  }

  if (failureRate !== undefined) {
    if (!isNum(failureRate) || failureRate < 0 || failureRate > 1) {
      return 'failureRate must be a number from 0 to 1'
    }

    f.failureRate = failureRate
  }

  if (failureStatus !== undefined) {
    if (!isInt(failureStatus) || failureStatus < 400 || failureStatus > 599) {
      return 'failureStatus must be an HTTP error status (400-599)'
    }

    f.failureStatus = failureStatus
  }

  if (failureCount !== undefined) {
    if (!isInt(failureCount) || failureCount < 0 || failureCount > 1_000_000) {
      return 'failureCount must be a whole number from 0 to 1000000'
    }

    f.failureCount = failureCount
  }

  if (body.expireTokens !== undefined) {
    if (typeof body.expireTokens !== 'boolean') {
      return 'expireTokens must be a boolean'
    }

    f.expireTokens = body.expireTokens
  }

  if (body.malformed !== undefined) {
    if (typeof body.malformed !== 'boolean')
      return 'malformed must be a boolean'
    f.malformed = body.malformed
  }

  if (body.dropAfterLanding !== undefined) {
    if (typeof body.dropAfterLanding !== 'boolean') {
      return 'dropAfterLanding must be a boolean'
    }

    // It says how a failure shows, so without failures it would silently do nothing.
    if (
      body.dropAfterLanding &&
      f.failureCount === undefined &&
      (f.failureRate ?? 0) === 0
    ) {
      return 'dropAfterLanding needs failureCount or failureRate'
    }

    f.dropAfterLanding = body.dropAfterLanding
  }

  if (body.scope !== undefined) {
    if (!SCOPES.includes(body.scope as FaultScope)) {
      return `scope must be one of ${SCOPES.join(', ')}`
    }

    f.scope = body.scope as FaultScope
  }

  return f
}

export type FaultDecision =
  | { kind: 'ok'; malformed: boolean }
  | { kind: 'fail'; status: number }
  /** Carry the call out, then destroy the connection instead of answering. */
  | { kind: 'drop' }

/** Current faults; consulted once per upstream API call. */
export class FaultState {
  private faults: Faults = {}
  private remainingFailures = 0

  public set(faults: Faults): void {
    const { expireTokens: _oneShot, ...persistent } = faults

    this.faults = persistent
    this.remainingFailures = faults.failureCount ?? 0
  }

  public clear(): void {
    this.set({})
  }

  public current(): Faults {
    return { ...this.faults, failureCount: this.remainingFailures }
  }

  private applies(kind: ApiKind): boolean {
    const scope = this.faults.scope ?? 'all'

    return (
      scope === 'all' ||
      scope === kind ||
      (scope === 'oms' && kind === 'oms-write')
    )
  }

  public latencyFor(kind: ApiKind): number {
    return this.applies(kind) ? this.faults.latencyMs ?? 0 : 0
  }

  public decide(
    kind: ApiKind,
    random: () => number = Math.random
  ): FaultDecision {
    if (!this.applies(kind)) return { kind: 'ok', malformed: false }
    const status = this.faults.failureStatus ?? 500
    const failure: FaultDecision = this.faults.dropAfterLanding
      ? { kind: 'drop' }
      : { kind: 'fail', status }

    // A count, when given, replaces the rate: exactly the next N calls fail.
    if (this.remainingFailures > 0) {
      this.remainingFailures -= 1

      return failure
    }

    if (
      this.faults.failureCount === undefined &&
      (this.faults.failureRate ?? 0) > 0 &&
      random() < (this.faults.failureRate ?? 0)
    ) {
      return failure
    }

    return { kind: 'ok', malformed: this.faults.malformed === true }
  }
}
