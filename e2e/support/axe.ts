// axe-core in the browser tests: its source injected into the page (no CDN, no bundler), then
// axe.run on the document. Fails on a violation of impact serious or critical, naming the rule,
// the impact, the elements (CSS selectors) and what to fix; minor and moderate ones are returned.
import { readFileSync } from 'fs'

import type { Page } from 'playwright-core'

export const FAILING_IMPACTS = ['serious', 'critical'] as const

export interface AxeNode {
  target: unknown[]
  html: string
  failureSummary?: string
}

export interface AxeViolation {
  id: string
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null
  help: string
  helpUrl: string
  nodes: AxeNode[]
}

let source: string | undefined

function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

  return source
}

/** Runs axe on the page as it is now (WCAG 2.x A and AA, and best practices). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined'
  )

  if (!loaded) await page.addScriptTag({ content: axeSource() })

  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(
          context: Document,
          options: Record<string, unknown>
        ): Promise<{ violations: AxeViolation[] }>
      }
    }

    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: [
          'wcag2a',
          'wcag2aa',
          'wcag21a',
          'wcag21aa',
          'wcag22aa',
          'best-practice',
        ],
      },
      resultTypes: ['violations'],
    })

    // Plain data only: the nodes' DOM references do not cross back to Node.
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target,
        html: n.html,
        failureSummary: n.failureSummary,
      })),
    }))
  })
}

const isFailing = (v: AxeViolation) =>
  (FAILING_IMPACTS as readonly string[]).includes(v.impact ?? '')

/** One line per element: "id (impact) target: help". */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.impact ?? 'unknown'}) ${JSON.stringify(n.target)}: ${
            v.help
          }\n    ${n.html.slice(0, 200)}`
      )
    )
    .join('\n')
}

/**
 * Fails when axe finds a serious or critical violation on the page, listing each one; answers
 * the minor and moderate ones, for a test that wants to say more.
 */
export async function expectNoSeriousViolations(
  page: Page,
  what: string
): Promise<AxeViolation[]> {
  const violations = await runAxe(page)
  const failing = violations.filter(isFailing)

  if (failing.length > 0) {
    throw new Error(
      `axe: ${
        failing.length
      } serious or critical violation(s) on ${what}:\n${formatViolations(
        failing
      )}`
    )
  }

  return violations.filter((v) => !isFailing(v))
}
