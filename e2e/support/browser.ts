// Debian's Chromium, driven by playwright-core (no browser download): headless, loopback only.
import { existsSync } from 'fs'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { chromium } from 'playwright-core'

// An empty CHROMIUM_PATH means the default too.
// eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Why the browser cannot run (a message naming the Debian package), or undefined. */
export function chromiumProblem(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined

  const hint = process.env.CHROMIUM_PATH ? ' (or fix CHROMIUM_PATH)' : ''

  return `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\`${hint}`
}

export function assertChromium(): void {
  const problem = chromiumProblem()

  if (problem) throw new Error(problem)
}

export async function launchChromium(): Promise<Browser> {
  assertChromium()

  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}

export interface PageOptions {
  width?: number
  height?: number
}

export interface GuardedPage {
  context: BrowserContext
  page: Page
  /** Uncaught exceptions thrown in the page. */
  pageErrors: string[]
  /** Requests to anything but loopback, which were aborted. */
  blockedRequests: string[]
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** A fresh context whose page can only reach 127.0.0.1 (anything else is aborted and noted). */
export async function openPage(
  browser: Browser,
  { width = 1280, height = 900 }: PageOptions = {}
): Promise<GuardedPage> {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'America/Sao_Paulo',
  })

  const blockedRequests: string[] = []
  const pageErrors: string[] = []

  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())

    if (
      url.protocol === 'data:' ||
      url.protocol === 'blob:' ||
      LOOPBACK_HOSTS.has(url.hostname)
    ) {
      return route.continue()
    }

    blockedRequests.push(url.href)

    return route.abort('blockedbyclient')
  })

  const page = await context.newPage()

  page.setDefaultTimeout(10_000)
  page.setDefaultNavigationTimeout(15_000)
  page.on('pageerror', (error) => pageErrors.push(error.message))

  return { context, page, pageErrors, blockedRequests }
}
