/** Small statistics for benchmarks: percentiles of samples and medians of repeated runs. */

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)
  )

  return sorted[rank]
}

export const median = (values: number[]) => percentile(values, 50)

export const round = (value: number, digits = 2) =>
  Math.round(value * 10 ** digits) / 10 ** digits

/** Times `count` sequential calls of `call` (ms each). */
export async function timeSequential(count: number, call: () => Promise<void>) {
  const samples: number[] = []

  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint()

    // eslint-disable-next-line no-await-in-loop
    await call()
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }

  return samples
}
