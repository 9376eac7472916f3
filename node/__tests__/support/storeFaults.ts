// The store stand-in's loopback fault control (`/_store/faults`), for tests that make VBase or
// Master Data fail as they fail on VTEX IO.

export interface StoreFault {
  /** An HTTP method, or "*". */
  method: string
  /** A prefix of the request path, e.g. `historyFiles(account)` from support/host. */
  pathPrefix: string
  answer: 412 | 500 | 'timeout-after-commit'
  times: number
}

/** The next `times` calls matching the fault fail with it; a refused fault fails the test. */
export async function setStoreFault(storeURL: string, fault: StoreFault) {
  const response = await fetch(`${storeURL}/_store/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  })

  if (!response.ok) throw new Error(`fault refused: ${response.status}`)
}

export async function clearStoreFaults(storeURL: string) {
  await fetch(`${storeURL}/_store/faults`, { method: 'DELETE' })
}
