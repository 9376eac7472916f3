/*
 * `npm run bench`: every benchmark against baselines measured in the same run, a table on
 * stdout and the numbers in bench/results.json. `--smoke` runs a short version for CI with the
 * same checks: what must hold whatever the machine's load (nothing lost, one event per change,
 * token counts, bundle size) is judged; latency ratios and store-call targets are reported
 * (marked when they miss) without failing the run, as a noisy CI machine cannot judge the one
 * and the full run judges the other.
 */
import { writeFileSync } from 'fs'
import os from 'os'
import path from 'path'

import { benchAdminBundle } from './adminBundle'
import { benchBoardScale } from './boardScale'
import { benchOrderView } from './orderView'
import { benchSweepHealing } from './sweepHealing'
import { benchTokenEconomy } from './tokenEconomy'
import type { KindCost, MixResult } from './webhookIntake'
import { benchWebhookIntake } from './webhookIntake'

const smoke = process.argv.includes('--smoke')
const jsonIndex = process.argv.indexOf('--json')
const jsonFile = jsonIndex >= 0 ? process.argv[jsonIndex + 1] : undefined

interface Check {
  name: string
  /** Null: reported only, no target. */
  pass: boolean | null
  /** `always`: judged in the smoke run too; `full`: judged by `npm run bench` only. */
  judge: 'always' | 'full'
  detail: string
}

const KIND_NAMES: Record<KindCost['kind'], string> = {
  first: "a new order's first change",
  later: 'a later change of a known order',
  redelivery: 'a redelivery',
}

const operations = (byOperation: Record<string, number>) =>
  Object.entries(byOperation)
    .map(([operation, count]) => `${operation} ${count}`)
    .join(', ')

const thousands = (value: number) => value.toLocaleString('en-US')

const cut = (mix: MixResult) =>
  mix.stoppedByTime ? ', cut short by its time bound' : ''

async function main() {
  const started = Date.now()
  const orderView = await benchOrderView(
    smoke
      ? { latencyMs: 20, requests: 8, runs: 1 }
      : { latencyMs: 50, requests: 40, runs: 3 }
  )

  const tokens = await benchTokenEconomy(
    smoke ? { concurrent: 50, views: 100 } : { concurrent: 200, views: 1000 }
  )

  const intake = await benchWebhookIntake(
    smoke
      ? {
          kindOrders: 5,
          roundTrips: 40,
          few: { senders: 5, orders: 40, maxSeconds: 10 },
          many: { senders: 50, orders: 200, maxSeconds: 10 },
        }
      : {
          kindOrders: 20,
          roundTrips: 100,
          few: { senders: 5, orders: 400, maxSeconds: 60 },
          many: { senders: 50, orders: 2000, maxSeconds: 90 },
        }
  )

  const bundle = await benchAdminBundle()
  const board = await benchBoardScale(
    smoke
      ? { documents: 5000, latencyMs: 20, samples: 10 }
      : { documents: 100_000, latencyMs: 20, samples: 30 }
  )

  const sweep = await benchSweepHealing({
    orders: smoke ? 40 : 200,
    dropRate: 0.2,
  })

  // The sweep's own pace (20 Pick and Pack calls a second) is its floor: the baseline.
  const sweepFloorMs = (sweep.staleOrders / 20) * 1000

  const boardChecks = board.checks.filter((check) => !check.pass)
  const boardQueries: Array<{
    key: keyof typeof board.p50
    name: string
  }> = [
    { key: 'board', name: 'fulfillmentBoard (snapshot, as polled)' },
    { key: 'all', name: 'fulfillmentOrders, first 50' },
    { key: 'late', name: 'fulfillmentOrders LATE, first 50' },
    { key: 'drift', name: 'fulfillmentOrders DRIFT, first 50' },
  ]

  const { correctness: c, events, few, many, storeRoundTrip } = intake
  const mixCalls = few.storeCalls.total + many.storeCalls.total
  const mixNotifications = few.notifications + many.notifications
  const mixNewChanges = few.newChanges + many.newChanges
  const callTarget = intake.targets.storeCallsPerChange

  const checks: Check[] = [
    {
      name: 'order view: main data warm p50 ≤ 1.2 × one direct v1 order GET',
      pass: orderView.ratioToDirect <= 1.2,
      judge: 'full',
      detail: `${orderView.p50.app} ms vs ${orderView.p50.direct} ms = ${orderView.ratioToDirect}×`,
    },
    {
      name: 'order view: shipments with details warm p50 ≤ 2.4 × direct GET',
      pass: orderView.shipmentsRatioToDirect <= 2.4,
      judge: 'full',
      detail: `${orderView.p50.shipments} ms vs ${orderView.p50.direct} ms = ${orderView.shipmentsRatioToDirect}×`,
    },
    {
      name: 'order view: warm p50 ≤ 0.45 × naive',
      pass: orderView.ratioToNaive <= 0.45,
      judge: 'full',
      detail: `${orderView.p50.app} ms vs ${orderView.p50.naive} ms = ${orderView.ratioToNaive}×`,
    },
    {
      name: `token economy: ${tokens.concurrentViews} concurrent cold views, 1 token`,
      pass: tokens.tokenRequestsForConcurrentViews === 1,
      judge: 'always',
      detail: `${tokens.tokenRequestsForConcurrentViews} token request(s)`,
    },
    ...tokens.simulated.map(
      (run): Check => ({
        name: `token economy: ${run.views} views over ${run.minutes} simulated min`,
        pass: run.tokenRequests === run.expected,
        judge: 'always',
        detail: `${run.tokenRequests} token request(s), one per 14 min expected: ${run.expected}`,
      })
    ),
    {
      name: 'webhook, 3 replicas: sent = acknowledged = stored, 0 lost, 0 non-2xx',
      pass:
        c.changes > 0 &&
        c.acknowledged === c.sent &&
        c.stored === c.changes &&
        c.lost === 0 &&
        c.extra === 0 &&
        c.non2xx === 0 &&
        c.noAnswer === 0 &&
        c.wrongDuplicateFlag === 0,
      judge: 'always',
      detail: `sent ${thousands(c.sent)}, acknowledged ${thousands(
        c.acknowledged
      )}; distinct changes ${thousands(c.changes)}, stored ${thousands(
        c.stored
      )}, lost ${c.lost}, stored twice ${c.extra}; non-2xx ${
        c.non2xx
      }, no answer ${c.noAnswer}, wrong duplicate flag ${c.wrongDuplicateFlag}`,
    },
    {
      name: 'webhook: IO events per change = 1.00, one id per change',
      pass:
        events.events === events.changes &&
        events.distinctIds === events.changes &&
        events.idsMatchHistory &&
        events.largestHostList < 10_000,
      judge: 'always',
      detail: `${thousands(events.events)} events, ${thousands(
        events.distinctIds
      )} distinct ids for ${thousands(
        events.changes
      )} changes = ${events.perChange.toFixed(2)}; ids ${
        events.idsMatchHistory ? '=' : '≠'
      } stored ids`,
    },
    ...intake.perKind.map(
      (kind): Check => ({
        name: `store calls, ${KIND_NAMES[kind.kind]} ≤ ${callTarget}`,
        pass: kind.perNotification.total <= callTarget,
        judge: 'full',
        detail: `${
          kind.perNotification.total
        } on the answer's path (${operations(
          kind.perNotification.byOperation
        )}); ${
          kind.afterAnswer.total
        } after it, in the app's event handler (${operations(
          kind.afterAnswer.byOperation
        )}); ${kind.notifications} sent one by one, p50 ${kind.p50} ms`,
      })
    ),
    {
      name: 'store calls over the mix with the event handler, per notification',
      pass: null,
      judge: 'full',
      detail: `${(mixCalls / mixNotifications).toFixed(2)} (${thousands(
        mixCalls
      )} calls for ${thousands(mixNotifications)} notifications)`,
    },
    {
      name: 'store calls over the mix with the event handler, per new change',
      pass: null,
      judge: 'full',
      detail: `${(mixCalls / mixNewChanges).toFixed(2)} (${thousands(
        mixCalls
      )} calls for ${thousands(mixNewChanges)} new changes)`,
    },
    {
      name: `webhook p50, ${few.senders} senders ≤ ${intake.targets.ratioToStoreRoundTrip} × store round trip`,
      pass: intake.ratio <= intake.targets.ratioToStoreRoundTrip,
      judge: 'full',
      detail: `${few.p50} ms vs ${storeRoundTrip.p50} ms = ${
        intake.ratio
      }× (p50 by kind: first ${few.p50ByKind.first}, later ${
        few.p50ByKind.later
      }, redelivery ${few.p50ByKind.redelivery} ms; p99 ${
        few.p99
      } ms; store write ${storeRoundTrip.writeP50} ms${cut(few)})`,
    },
    {
      name: `webhook, ${many.senders} senders: p50, p99, throughput`,
      pass: null,
      judge: 'full',
      detail: `p50 ${many.p50} ms, p99 ${many.p99} ms, ${
        many.throughput
      } notifications/s (${thousands(many.notifications)} in ${
        many.seconds
      } s${cut(many)})`,
    },
    {
      name: `board, ${thousands(
        board.documents
      )} summaries: counts and first pages = brute force`,
      pass: board.countsPass,
      judge: 'always',
      detail: board.countsPass
        ? `late ${thousands(board.expected.late)}, drift ${thousands(
            board.expected.drift
          )}, ${thousands(board.expected.inWindow)} on the board (${
            board.checks.length
          } answers checked)`
        : boardChecks
            .map((check) => `${check.query}: ${check.detail}`)
            .join('; '),
    },
    ...boardQueries.map(
      ({ key, name }): Check => ({
        name: `board, ${thousands(board.documents)} summaries: ${name} p50 ≤ ${
          board.target
        } ms`,
        pass: board.p50[key] <= board.target,
        judge: 'full',
        detail: `${board.p50[key]} ms (p95 ${board.p95[key]} ms)${
          key === 'board'
            ? `; ${board.boardStoreCalls} store call(s) each, ${board.boardRefreshing} of ${board.samples} answered refreshing`
            : ''
        }; store round trip ${board.storeRoundTripP50} ms`,
      })
    ),
    {
      name: `board, ${thousands(
        board.documents
      )} summaries: fulfillmentBoard(fresh: true), counted now`,
      pass: null,
      judge: 'full',
      detail: `p50 ${board.p50.fresh} ms (p95 ${board.p95.fresh} ms); ${board.freshStoreCalls} store calls; its count queries sent straight to the store: p50 ${board.storeBoardQueriesP50} ms`,
    },
    {
      name: `sweep, ${sweep.orders} orders, ${Math.round(
        (sweep.webhooksDropped / (sweep.webhooksDropped + sweep.webhooksSent)) *
          100
      )} % of webhooks dropped: every record equals Pick and Pack after one sweep`,
      pass: sweep.equal === sweep.orders && sweep.behind > 0,
      judge: 'always',
      detail: `${sweep.behind} behind before, ${sweep.equal}/${sweep.orders} equal after`,
    },
    {
      name: 'sweep: no duplicate history entries',
      pass: sweep.duplicates === 0,
      judge: 'always',
      detail: `${sweep.duplicates} duplicate(s)`,
    },
    {
      name: 'sweep: at most one Pick and Pack call per non-final order',
      pass: sweep.upstreamCalls <= sweep.staleOrders,
      judge: 'always',
      detail: `${sweep.upstreamCalls} calls for ${sweep.staleOrders} non-final orders`,
    },
    {
      name: 'sweep: time against its pacing floor (20 calls/s)',
      pass: null,
      judge: 'full',
      detail: `${sweep.sweepMs} ms in ${
        sweep.routeCalls
      } route call(s) vs ${Math.round(sweepFloorMs)} ms floor = ${(
        sweep.sweepMs / Math.max(1, sweepFloorMs)
      ).toFixed(2)}×`,
    },
    {
      name: 'admin bundle: own JS ≤ 80 KB gzipped',
      pass: bundle.pass,
      judge: 'always',
      detail: `${bundle.gzipKB} KB gzipped (${bundle.minifiedBytes} bytes minified)`,
    },
  ]

  const judged = checks.filter(
    (check) => check.pass !== null && (!smoke || check.judge === 'always')
  )

  const width = Math.max(...checks.map((check) => check.name.length))

  process.stdout.write(
    `\n${smoke ? 'Benchmark smoke run' : 'Benchmarks'} on ${
      os.cpus().length
    } × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n\n`
  )
  for (const check of checks) {
    const mark = judged.includes(check)
      ? check.pass
        ? 'PASS'
        : 'FAIL'
      : 'info'

    // Reported, not judged, here: say so when it misses its target.
    const miss =
      mark === 'info' && check.pass === false ? '  (misses target)' : ''

    process.stdout.write(
      `${mark}  ${check.name.padEnd(width)}  ${check.detail}${miss}\n`
    )
  }

  const results = {
    date: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    seconds: Math.round((Date.now() - started) / 1000),
    orderView,
    tokens,
    intake,
    bundle,
    board,
    sweep,
    checks,
  }

  if (!smoke) {
    writeFileSync(
      path.join(__dirname, 'results.json'),
      `${JSON.stringify(results, null, 2)}\n`
    )
    process.stdout.write('\nwritten: bench/results.json\n')
  }

  const failed = judged.filter((check) => !check.pass)

  if (jsonFile) {
    // The shape of jest's --json summary, so that CI totals every suite the same way.
    writeFileSync(
      jsonFile,
      JSON.stringify({
        numPassedTests: judged.length - failed.length,
        numFailedTests: failed.length,
      })
    )
  }

  process.exit(failed.length > 0 ? 1 : 0)
}

main().catch((error) => {
  process.stderr.write(
    `benchmark failed: ${
      error instanceof Error ? error.stack : String(error)
    }\n`
  )
  if (jsonFile)
    writeFileSync(
      jsonFile,
      JSON.stringify({ numPassedTests: 0, numFailedTests: 1 })
    )
  process.exit(1)
})
