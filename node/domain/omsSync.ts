import type { OmsInteractionState, OrderHistory } from './history'
import type { OmsTrackingState } from './omsTracking'

export const TIMEOUT = 'timeout'

/** A claim older than this is taken to belong to a replica that stopped. */
export const CLAIM_MS = 60_000
/** An OMS that answered with an error is tried again up to this many times in all. */
export const MAX_ATTEMPTS = 5

/** A failed call waits `base`, then twice as long after each further failure. */
const isDue = (
  state: { at: string; attempts: number },
  now: number,
  base: number
) => now - Date.parse(state.at) >= base * 2 ** (state.attempts - 1)

/**
 * How a send is asked for: `manual` is the admin's "Send again"; `retryBaseMs` the first wait
 * after a failure (see isDue).
 */
export interface RetryAsk {
  manual?: boolean
  retryBaseMs?: number
}

/**
 * Whether an interaction should be (re)sent now. A call that timed out may have landed, so it
 * is sent once more and no more than that, even when a person asks: a repeat in the OMS
 * timeline is the lesser harm than a missing line, two repeats are not. `manual` (the admin's
 * "Send again") lifts the limit on calls the OMS answered with an error.
 */
export function shouldSendInteraction(
  state: OmsInteractionState | undefined,
  now: number,
  { manual = false, retryBaseMs = 0 }: RetryAsk = {}
): boolean {
  if (!state) return true
  if (state.state === 'sent') return false
  if (state.state === 'sending') return now - Date.parse(state.at) > CLAIM_MS
  if (state.lastError === TIMEOUT) {
    return state.attempts < 2 && (manual || isDue(state, now, retryBaseMs))
  }

  if (manual) return true

  return state.attempts < MAX_ATTEMPTS && isDue(state, now, retryBaseMs)
}

/**
 * Whether a failed invoice tracking should be sent again now: with the interactions' wait and
 * limit (both its calls are idempotent, so a timeout counts as any failure). A new plan (a new
 * delivery event) starts its attempts again; `manual` lifts the limit.
 */
export function shouldRetryTracking(
  state: OmsTrackingState | undefined,
  now: number,
  { manual = false, retryBaseMs = 0 }: RetryAsk = {}
): boolean {
  if (state?.state !== 'failed') return false

  return (
    manual || (state.attempts < MAX_ATTEMPTS && isDue(state, now, retryBaseMs))
  )
}

/** The interactions of an order that a retry would send now. */
export function interactionsToRetry(
  history: OrderHistory,
  now: number,
  { manual = false, retryBaseMs = 0 }: RetryAsk = {}
): string[] {
  return Object.entries(history.omsInteractions ?? {})
    .filter(
      ([id, state]) =>
        state.state !== 'sent' &&
        history.entries.some((entry) => entry.id === id) &&
        shouldSendInteraction(state, now, { manual, retryBaseMs })
    )
    .map(([id]) => id)
}

/** Pick and Pack or the OMS order could not be read to build the invoice tracking. */
export const UNREADABLE = 'unreadable'

/** What is kept of a failed OMS call: `timeout`, or `http:<status>` (never the error itself). */
export const failureCode = (status: number | undefined) =>
  status ? `http:${status}` : TIMEOUT

/**
 * What a person should read of a failed OMS call: what happened and what to do. Only the
 * status is kept of the error (the client's error carries the app's token).
 */
export function omsFailureText(code: string): string {
  if (code === TIMEOUT) return failureText(undefined)
  if (code === UNREADABLE) {
    return 'Pick and Pack or the OMS order could not be read to write the tracking. The app tries again on the sweep; you can press Send again.'
  }

  const status = /^http:(\d{3})$/.exec(code)?.[1]

  return status ? failureText(Number(status)) : code
}

function failureText(status: number | undefined): string {
  if (status === undefined) {
    return 'The OMS did not answer in time. The call may have landed, so it is sent once more only: check the interactions of the order in the OMS.'
  }

  if (status === 401 || status === 403) {
    return `The OMS refused the app (HTTP ${status}). Accept the app's permissions again (Apps › Pick and Pack Tracking) and press Send again.`
  }

  if (status === 404) {
    return 'The OMS does not know this order or its invoice (HTTP 404). Check the order in the OMS.'
  }

  return `The OMS answered HTTP ${status}. The app tries again on the next change and on the sweep; you can press Send again.`
}

export interface OmsSyncView {
  interactions: number
  trackingSent: boolean
  pending: number
  lastError: string | null
  /** The last failure's code (`timeout`, `unreadable`, `http:<status>`), for the admin's words. */
  lastErrorCode: string | null
  tracking: 'SENT' | 'WAITING' | 'FAILED' | 'OFF'
  interactionsOn: boolean
}

const latest = <T extends { at: string }>(states: T[]) =>
  states.reduce<T | null>(
    (found, state) =>
      !found || Date.parse(state.at) > Date.parse(found.at) ? state : found,
    null
  )

/** The order view's "In the OMS" line, from the order's document. */
export function omsSyncOf(
  history: OrderHistory,
  settings: { omsInteractions: boolean; omsTracking: boolean }
): OmsSyncView {
  const states = Object.values(history.omsInteractions ?? {})
  const tracking: OmsTrackingState | undefined = history.omsTracking
  const failedInteractions = states.filter((state) => state.state !== 'sent')
  const failures = [
    ...failedInteractions.filter((state) => state.lastError),
    ...(tracking?.state === 'failed' ? [tracking] : []),
  ]

  const lastFailure = latest(failures)

  return {
    interactions: states.filter((state) => state.state === 'sent').length,
    trackingSent: tracking?.state === 'sent',
    pending: failedInteractions.length + (tracking?.state === 'failed' ? 1 : 0),
    lastError: lastFailure?.lastError
      ? omsFailureText(lastFailure.lastError)
      : null,
    lastErrorCode: lastFailure?.lastError ?? null,
    tracking: !settings.omsTracking
      ? 'OFF'
      : tracking?.state === 'sent'
      ? 'SENT'
      : tracking?.state === 'failed'
      ? 'FAILED'
      : 'WAITING',
    interactionsOn: settings.omsInteractions,
  }
}
