/*
 * `npm run screenshots`: the App Store and docs images, taken from the real admin page in
 * Debian's Chromium against the local sandbox (started in process on free loopback ports).
 *
 *   docs/images/home.png, order.png, order-details.png, order-pt.png   1280×900, scale 1
 *   public/metadata/images/screenshots/home.png, order.png   copies for the App Store listing
 *   public/metadata/images/icon.png                    256×256, rendered from the SVG below
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`) or CHROMIUM_PATH.
 */
import { copyFileSync, mkdirSync, statSync } from 'fs'
import path from 'path'

import type { Browser, Page } from 'playwright-core'

import { launchChromium, openPage } from '../e2e/support/browser'
import type { Sandbox } from '../e2e/support/sandbox'
import { startSandbox } from '../e2e/support/sandbox'
import { shows } from '../e2e/support/wait'

const ROOT = path.resolve(__dirname, '..')
const DOCS_IMAGES = path.join(ROOT, 'docs/images')
const STORE_IMAGES = path.join(ROOT, 'public/metadata/images')
const STORE_SCREENSHOTS = path.join(STORE_IMAGES, 'screenshots')

// A v1 order, delivered: Butter substituted, Coffee out of stock, proof of delivery.
const ORDER = '1253881550651-01'
const VIEWPORT = { width: 1280, height: 900 }
const MAX_BYTES = 400 * 1024

// VTEX pink on white: a parcel with a check mark, on a dotted route ending at a pin.
const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect width="256" height="256" fill="#ffffff"/>
  <path d="M40 204 C 72 236, 112 232, 136 214 S 196 190, 214 206" fill="none" stroke="#F71963"
        stroke-width="7" stroke-linecap="round" stroke-dasharray="2 16" opacity="0.55"/>
  <path d="M214 218 c -11 -14 -17 -23 -17 -31 a 17 17 0 0 1 34 0 c 0 8 -6 17 -17 31 z" fill="#F71963"/>
  <circle cx="214" cy="187" r="6.5" fill="#ffffff"/>
  <g fill="none" stroke="#F71963" stroke-width="11" stroke-linejoin="round" stroke-linecap="round">
    <path d="M128 34 L 206 72 L 206 150 L 128 188 L 50 150 L 50 72 Z"/>
    <path d="M50 72 L 128 110 L 206 72"/>
    <path d="M128 110 L 128 188"/>
    <path d="M89 53 L 167 91" stroke-width="9"/>
  </g>
  <path d="M70 128 L 88 146 L 114 112" fill="none" stroke="#F71963" stroke-width="12"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>`

function log(line: string) {
  process.stdout.write(`${line}\n`)
}

/** Waits until the page has no request in flight and every image has loaded. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 10_000 })
  await page.waitForFunction(
    () =>
      Array.from(document.images).every((img) => img.complete) &&
      document.fonts.status === 'loaded',
    undefined,
    { timeout: 10_000 }
  )
  // Let the Styleguide's transitions end.
  await page.waitForTimeout(300)
}

async function capture(page: Page, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true })
  await page.mouse.move(0, 0)
  await page.screenshot({ path: file, type: 'png', animations: 'disabled' })
  const { size } = statSync(file)

  if (size > MAX_BYTES) {
    throw new Error(
      `${path.relative(ROOT, file)} is ${size} bytes, over ${MAX_BYTES}`
    )
  }

  log(`  ${path.relative(ROOT, file)}  ${Math.round(size / 1024)} KiB`)
}

/** Status changes sent by the simulator, so that the home page lists recent changes. */
async function makeHistory(sandbox: Sandbox): Promise<void> {
  for (const orderId of [
    '1253881550530-01', // READY_FOR_SHIPPING → WAITING_FOR_DELIVERY_COMPANY
    '1253881550496-01', // READY_FOR_INVOICING → INVOICING
    '1253881550463-01', // PICKING → READY_FOR_PACKING
    '1253881550441-01', // READY_FOR_HANDLING → READY_FOR_PICKING
    '1253881550541-01', // WAITING_FOR_DELIVERY_COMPANY → ON_ROUTE
  ]) {
    // One at a time: distinct times, newest last.
    // eslint-disable-next-line no-await-in-loop
    await sandbox.advance(orderId)
  }
}

async function screenshots(browser: Browser, sandbox: Sandbox): Promise<void> {
  const { page, context, pageErrors, blockedRequests } = await openPage(
    browser,
    VIEWPORT
  )

  try {
    await page.goto(sandbox.adminURL())
    await shows(
      page.getByText('Connected to Pick and Pack: the Api-Key is valid.'),
      'the connection banner'
    )
    await shows(
      page.getByRole('row').filter({ hasText: '1253881550541-01' }),
      'the recent status changes'
    )
    await settled(page)
    await capture(page, path.join(DOCS_IMAGES, 'home.png'))

    for (const [locale, file, reconciled] of [
      ['en', 'order.png', 'Missing'],
      ['pt', 'order-pt.png', 'Faltando'],
    ]) {
      // eslint-disable-next-line no-await-in-loop
      await page.goto(
        sandbox.adminURL(
          `/orders/${ORDER}${locale === 'en' ? '' : `?locale=${locale}`}`
        )
      )
      // eslint-disable-next-line no-await-in-loop
      await shows(
        page.getByText(reconciled, { exact: true }),
        'the reconciliation'
      )
      // eslint-disable-next-line no-await-in-loop
      await settled(page)
      // eslint-disable-next-line no-await-in-loop
      await capture(page, path.join(DOCS_IMAGES, file))
    }

    // Below the fold of the English order: ordered vs picked, then the proof of delivery.
    await page.goto(sandbox.adminURL(`/orders/${ORDER}`))
    await shows(
      page.getByText('Substituted', { exact: true }),
      'the substitution'
    )
    const proof = page.locator('a[href*="/_sandbox/images/evidence-"] img')

    await shows(proof.first(), 'the proof of delivery')
    await proof
      .first()
      .evaluate(
        (image: HTMLImageElement) =>
          image.complete ||
          new Promise((resolve) => image.addEventListener('load', resolve))
      )
    await page
      .getByRole('heading', { name: 'Ordered vs picked' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }))
    await settled(page)
    await capture(page, path.join(DOCS_IMAGES, 'order-details.png'))

    if (pageErrors.length > 0 || blockedRequests.length > 0) {
      throw new Error(
        `the page failed: ${JSON.stringify({ pageErrors, blockedRequests })}`
      )
    }
  } finally {
    await context.close()
  }

  mkdirSync(STORE_SCREENSHOTS, { recursive: true })
  for (const file of ['home.png', 'order.png', 'order-details.png']) {
    copyFileSync(
      path.join(DOCS_IMAGES, file),
      path.join(STORE_SCREENSHOTS, file)
    )
    log(`  ${path.relative(ROOT, path.join(STORE_SCREENSHOTS, file))}  (copy)`)
  }
}

async function icon(browser: Browser): Promise<void> {
  const { page, context } = await openPage(browser, { width: 256, height: 256 })

  try {
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:#fff">${ICON_SVG}</body></html>`
    )
    await capture(page, path.join(STORE_IMAGES, 'icon.png'))
  } finally {
    await context.close()
  }
}

async function main() {
  const sandbox = await startSandbox()
  let browser: Browser | undefined

  try {
    browser = await launchChromium()
    await makeHistory(sandbox)
    log('Screenshots:')
    await screenshots(browser, sandbox)
    await icon(browser)
  } finally {
    await browser?.close()
    await sandbox.close()
  }
}

main().catch((error) => {
  process.stderr.write(
    `screenshots failed: ${
      error instanceof Error ? error.message : String(error)
    }\n`
  )
  process.exit(1)
})
