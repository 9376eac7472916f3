// Bounded waits on what the user sees (playwright-core has no `expect`).
import type { Locator, Page } from 'playwright-core'

export const WAIT_MS = 10_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until `locator` is visible; the error names `what`. */
export async function shows(
  locator: Locator,
  what: string,
  timeout = WAIT_MS
): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout })
  } catch {
    throw new Error(`Not visible after ${timeout} ms: ${what}`)
  }

  return locator
}

/** The locator's visible text, or undefined when it is not there (yet). */
async function textOf(
  locator: Locator,
  deadline: number
): Promise<string | undefined> {
  try {
    return await locator
      .first()
      .innerText({ timeout: Math.max(1, deadline - Date.now()) })
  } catch {
    return undefined
  }
}

const containsAll = (text: string, parts: string[]) =>
  parts.every((part) => text.includes(part))

/** Waits until the visible text of `locator` contains every one of `texts`. */
export async function showsText(
  locator: Locator,
  texts: string | string[],
  timeout = WAIT_MS
): Promise<string> {
  const wanted = Array.isArray(texts) ? texts : [texts]
  const deadline = Date.now() + timeout
  let last = ''

  for (;;) {
    // eslint-disable-next-line no-await-in-loop
    const shown = await textOf(locator, deadline)

    if (shown !== undefined) last = shown
    if (containsAll(last, wanted)) return last
    if (Date.now() > deadline) {
      throw new Error(
        `Text ${JSON.stringify(
          wanted
        )} not shown after ${timeout} ms; shown:\n${last}`
      )
    }

    // eslint-disable-next-line no-await-in-loop
    await sleep(50)
  }
}

/** Waits until the page URL's path (and query) is `expected`. */
export async function atPath(
  page: Page,
  expected: string,
  timeout = WAIT_MS
): Promise<void> {
  const deadline = Date.now() + timeout

  for (;;) {
    const url = new URL(page.url())

    if (url.pathname + url.search === expected) return
    if (Date.now() > deadline) {
      throw new Error(
        `Expected to be at ${expected} after ${timeout} ms, at ${url.pathname}${url.search}`
      )
    }

    // eslint-disable-next-line no-await-in-loop
    await sleep(50)
  }
}
