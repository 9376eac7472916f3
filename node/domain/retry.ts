export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  baseDelayMs: number
}

/** Exponential backoff with a little jitter so that replicas do not retry in step. */
export const backoffDelay = (
  policy: RetryPolicy,
  retry: number,
  random: () => number = Math.random
) => Math.round(policy.baseDelayMs * 2 ** (retry - 1) * (1 + random() * 0.2))
