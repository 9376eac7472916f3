// Layout in a real browser: the home (board) and an order page, on a phone (390 px) and a
// desktop (1280 px), in English, Portuguese and Spanish. The page never scrolls sideways, the
// board's tabs hold their text, the shipments panel's labels never run into their values, the
// ordered-vs-picked headings stay apart, and the backfill stepper's buttons show + and −.
import type { Page } from 'playwright-core'

import { shows } from './support/wait'
import { browserSession } from './support/session'

const session = browserSession()
const page = () => session.page()
const sb = () => session.sandbox()

// Returned: its shipment has a tracking link and driver notes, the two longest labels.
const RETURNED_ORDER = '1253881550662-01'
const LOCALES = ['en', 'pt', 'es'] as const
const WIDTHS = [390, 1280] as const

type Locale = (typeof LOCALES)[number]

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

const CASES = LOCALES.flatMap((locale) =>
  WIDTHS.map((width) => [locale, width] as const)
)

async function open(
  pathAndQuery: string,
  locale: Locale,
  width: number
): Promise<Page> {
  const p = page()

  await p.setViewportSize({ width, height: 900 })
  await p.goto(sb().adminURL(`${pathAndQuery}?locale=${locale}`))

  return p
}

/** How far the page is wider than the window (0: no sideways scrolling). */
function horizontalOverflow(p: Page): Promise<number> {
  return p.evaluate(
    () =>
      document.documentElement.scrollWidth -
      document.documentElement.clientWidth
  )
}

/**
 * Each label of the shipments panel whose text (where it is drawn, which may be past its own
 * box) meets its value's text, as "label → value".
 */
function collidingRows(p: Page): Promise<string[]> {
  return p.getByTestId('shipments-panel').evaluate((panel) => {
    const textBoxes = (el: Element): Box[] => {
      const range = document.createRange()

      range.selectNodeContents(el)

      return Array.from(range.getClientRects()).filter(
        (r) => r.width > 0 && r.height > 0
      )
    }

    const meet = (a: Box, b: Box) =>
      a.left < b.right - 0.5 &&
      b.left < a.right - 0.5 &&
      a.top < b.bottom - 0.5 &&
      b.top < a.bottom - 0.5

    return Array.from(panel.querySelectorAll('dt')).flatMap((dt) => {
      const dd = dt.nextElementSibling

      if (!dd || dd.tagName !== 'DD') return [`${dt.textContent}: no value`]
      const values = textBoxes(dd)

      return textBoxes(dt).some((l) => values.some((v) => meet(l, v)))
        ? [`${dt.textContent} → ${dd.textContent}`]
        : []
    })
  })
}

// Less than this between two column headings reads as one word ("PedidoPreparado").
const MIN_HEADING_GAP_PX = 8

/** Neighbouring column headings of the ordered-vs-picked table drawn closer than the gap. */
function crowdedHeadings(p: Page): Promise<string[]> {
  return p
    .getByTestId('reconciliation')
    .locator('th')
    .evaluateAll((headings, minGap) => {
      const text = headings.map((th) => {
        const range = document.createRange()

        range.selectNodeContents(th)

        return range.getBoundingClientRect()
      })

      return headings
        .slice(1)
        .flatMap((th, i) =>
          text[i + 1].left - text[i].right < minGap
            ? [`${headings[i].textContent} | ${th.textContent}`]
            : []
        )
    }, MIN_HEADING_GAP_PX)
}

// The search's example order id, typed in full.
const AN_ORDER_ID = '1253881550433-01'

/** The search boxes that hide part of a whole order id typed in them. */
async function searchBoxesHidingAnOrderId(p: Page): Promise<string[]> {
  const hiding: string[] = []

  for (const input of await p.getByRole('search').getByRole('textbox').all()) {
    // eslint-disable-next-line no-await-in-loop
    await input.fill(AN_ORDER_ID)
    // eslint-disable-next-line no-await-in-loop
    const hidden = await input.evaluate((el) => el.scrollWidth - el.clientWidth)

    // eslint-disable-next-line no-await-in-loop
    if (hidden > 0) hiding.push((await input.getAttribute('id')) ?? '?')
  }

  return hiding
}

/** The tabs whose text is drawn outside the tab (cut off or spilling over the panel). */
function spillingTabs(p: Page): Promise<string[]> {
  return p
    .getByTestId('board')
    .getByRole('tab')
    .evaluateAll((tabs) =>
      tabs.flatMap((tab) => {
        const box = tab.getBoundingClientRect()
        const range = document.createRange()

        range.selectNodeContents(tab)
        const text = range.getBoundingClientRect()

        return text.left < box.left - 0.5 ||
          text.right > box.right + 0.5 ||
          text.top < box.top - 0.5 ||
          text.bottom > box.bottom + 0.5
          ? [tab.textContent ?? '']
          : []
      })
    )
}

/**
 * The sign each stepper button shows: its text where that text is drawn, else what its
 * `::before` draws, with the drawn width. The Styleguide's own fullwidth signs (U+FF0B, U+FF0D)
 * have no glyph in the sandbox's Chromium: a button showing them looks blank.
 */
function stepperSigns(
  p: Page
): Promise<Array<{ sign: string; width: number }>> {
  return p
    .getByTestId('maintenance')
    .locator(
      '.vtex-numeric-stepper__minus-button__text, .vtex-numeric-stepper__plus-button__text'
    )
    .evaluateAll((signs) =>
      signs.map((el) => {
        const range = document.createRange()

        range.selectNodeContents(el)
        const textWidth = range.getBoundingClientRect().width
        const before = getComputedStyle(el, '::before').content

        return {
          sign:
            textWidth > 0 || before === 'none'
              ? el.textContent ?? ''
              : before.replace(/^"|"$/g, ''),
          width: el.getBoundingClientRect().width,
        }
      })
    )
}

describe.each(CASES)('%s at %i px', (locale, width) => {
  test('home: no sideways scrolling, tabs hold their text, stepper signs shown', async () => {
    const p = await open('', locale, width)

    await shows(p.getByTestId('board-updated'), 'the board, answered')
    await shows(p.getByTestId('recent-updated'), 'the recent changes')
    await shows(p.getByTestId('backfill-state'), 'the backfill')

    expect(await horizontalOverflow(p)).toBe(0)
    expect(await spillingTabs(p)).toEqual([])
    expect(await searchBoxesHidingAnOrderId(p)).toEqual([])

    const signs = await stepperSigns(p)

    expect(signs.map((s) => s.sign)).toEqual(
      expect.arrayContaining(['+', '\u2212'])
    )
    expect(signs).toHaveLength(2)
    for (const { width: drawn } of signs) expect(drawn).toBeGreaterThan(0)
  })

  test('order: no sideways scrolling, labels clear of their values, headings apart', async () => {
    const p = await open(`/orders/${RETURNED_ORDER}`, locale, width)
    const panel = p.getByTestId('shipments-panel')

    await shows(panel.getByTestId('shipment-notes'), 'the driver notes')
    await shows(panel.getByRole('link'), 'the tracking link')

    expect(await horizontalOverflow(p)).toBe(0)
    expect(await collidingRows(p)).toEqual([])
    expect(await crowdedHeadings(p)).toEqual([])
  })
})
