import type { Browser, Page } from 'playwright-core'

import type { GuardedPage } from './browser'
import { chromiumProblem, launchChromium, openPage } from './browser'
import type { Sandbox } from './sandbox'
import { startSandbox } from './sandbox'

export interface BrowserSession {
  /** The page of the running test; fails with the install hint when there is no browser. */
  page(): Page
  sandbox(): Sandbox
  browser(): Browser | undefined
}

/**
 * One sandbox and one Chromium for a test file, a fresh page for each test. After each test:
 * the page threw nothing and talked to 127.0.0.1 only, then `afterEachTest` (to clear what a
 * test set in the simulator). `afterStart` runs once the sandbox is up.
 */
export function browserSession(
  options: {
    afterStart?: (sandbox: Sandbox) => Promise<void>
    afterEachTest?: (sandbox: Sandbox) => Promise<void>
    startTimeoutMs?: number
  } = {}
): BrowserSession {
  const missingBrowser = chromiumProblem()
  let sandbox: Sandbox | undefined
  let browser: Browser | undefined
  let current: GuardedPage | undefined

  beforeAll(async () => {
    if (missingBrowser) return
    sandbox = await startSandbox()
    browser = await launchChromium()
    await options.afterStart?.(sandbox)
  }, options.startTimeoutMs ?? 60_000)

  afterAll(async () => {
    await current?.context.close().catch(() => undefined)
    await browser?.close().catch(() => undefined)
    await sandbox?.close()
  })

  beforeEach(async () => {
    if (!browser) return
    current = await openPage(browser, { width: 1280, height: 900 })
  })

  afterEach(async () => {
    const done = current

    current = undefined
    if (!done) return
    await done.context.close()
    expect(done.pageErrors).toEqual([])
    expect(done.blockedRequests).toEqual([])
    if (sandbox) await options.afterEachTest?.(sandbox)
  })

  return {
    page() {
      if (missingBrowser) throw new Error(missingBrowser)
      if (!current) {
        throw new Error('the browser page did not open (see beforeAll)')
      }

      return current.page
    },
    sandbox() {
      if (missingBrowser) throw new Error(missingBrowser)
      if (!sandbox) throw new Error('the sandbox did not start (see beforeAll)')

      return sandbox
    },
    browser: () => browser,
  }
}
