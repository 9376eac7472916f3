// The sandbox's stand-in for the order page of VTEX's admin (`/admin/orders/{orderId}`, where the
// app's "Open in OMS" link goes): a small HTML page drawn from the same "Get order" document the
// OMS sandbox serves (status, customer, items, invoices with their tracking and courierStatus
// events) and the interactions the app wrote. Every text is escaped: the data (interactions,
// tracking URLs) comes from callers.
import type { ServerResponse } from 'node:http'

import type { SimulatorCore } from './core'
import { send } from './http'
import { omsOrder, type Json } from './oms'
import { interactionsOf } from './omsInteractions'

const escape = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

type Doc = Record<string, unknown>
const obj = (value: unknown): Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Doc)
    : {}

const list = (value: unknown): Doc[] =>
  Array.isArray(value) ? value.map(obj) : []

const num = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0

/** Amounts in the OMS are in cents of the order's currency. */
function money(cents: unknown, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(
      num(cents) / 100
    )
  } catch {
    return `${(num(cents) / 100).toFixed(2)} ${currency}`
  }
}

/** A link only for http(s) URLs; anything else is shown as text. */
function link(url: unknown): string {
  if (typeof url !== 'string' || url === '') return '—'
  if (!/^https?:\/\//i.test(url)) return escape(url)

  return `<a href="${escape(url)}" rel="noreferrer noopener">${escape(url)}</a>`
}

const row = (cells: string[], tag = 'td') =>
  `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`

function table(head: string[], rows: string[][], caption?: string): string {
  return (
    `<table>${caption ? `<caption>${escape(caption)}</caption>` : ''}` +
    `<thead>${row(head.map(escape), 'th')}</thead>` +
    `<tbody>${rows.map((r) => row(r)).join('')}</tbody></table>`
  )
}

function invoiceSection(pkg: Doc, currency: string): string {
  const courierStatus = obj(pkg.courierStatus)
  const events = list(courierStatus.data)
  const delivered =
    pkg.courierStatus === null || pkg.courierStatus === undefined
      ? 'no courier status yet'
      : `${courierStatus.finished === true ? 'delivered' : 'not delivered'}${
          typeof courierStatus.deliveredDate === 'string'
            ? ` (${courierStatus.deliveredDate})`
            : ''
        }`

  return [
    `<section><h3>Invoice ${escape(pkg.invoiceNumber)}</h3><dl>`,
    `<dt>Value</dt><dd>${escape(money(pkg.invoiceValue, currency))}</dd>`,
    `<dt>Issued</dt><dd>${escape(pkg.issuanceDate)}</dd>`,
    `<dt>Courier</dt><dd>${escape(pkg.courier ?? '—')}</dd>`,
    `<dt>Tracking number</dt><dd>${escape(pkg.trackingNumber ?? '—')}</dd>`,
    `<dt>Tracking URL</dt><dd>${link(pkg.trackingUrl)}</dd>`,
    `<dt>Courier status</dt><dd>${escape(delivered)}</dd></dl>`,
    events.length > 0
      ? table(
          ['Date', 'Description', 'City', 'State'],
          events.map((e) => [
            escape(e.createDate),
            escape(e.description),
            escape(e.city),
            escape(e.state),
          ]),
          'Courier status events'
        )
      : '<p>No courier status events.</p>',
    '</section>',
  ].join('')
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}' +
  'table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}' +
  'th,td{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}' +
  'td.n{text-align:right}caption{text-align:left;font-weight:600;padding:.3em 0}' +
  'dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:600}dd{margin:0}' +
  '.status{display:inline-block;padding:.1em .5em;border-radius:.3em;background:#eef;font-weight:600}' +
  'small{color:#666}'

/** The page of one order of the OMS sandbox. */
export function omsOrderPage(core: SimulatorCore, orderId: string): string {
  const order = core.store.get(orderId)

  if (!order) {
    return (
      '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
      `<title>Order not found</title><style>${STYLE}</style></head><body>` +
      `<h1>Order ${escape(orderId)} not found</h1>` +
      '<p>The OMS sandbox has no such order. <a href="/_sandbox/orders">Its orders (JSON)</a>.</p>' +
      '</body></html>'
    )
  }

  const doc = obj(omsOrder(order, core.baseUrl) as Json)
  const currency =
    typeof obj(doc.storePreferencesData).currencyCode === 'string'
      ? String(obj(doc.storePreferencesData).currencyCode)
      : 'BRL'

  const client = obj(doc.clientProfileData)
  const items = list(doc.items)
  const packages = list(obj(doc.packageAttachment).packages)
  const interactions = interactionsOf(core, orderId)

  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Order ${escape(doc.orderId)} — OMS sandbox</title>`,
    `<style>${STYLE}</style></head><body><main>`,
    `<p><small>OMS sandbox: the local stand-in for VTEX's order page</small></p>`,
    `<h1>Order ${escape(doc.orderId)}</h1><dl>`,
    `<dt>Status</dt><dd><span class="status">${escape(doc.status)}</span> `,
    `${escape(doc.statusDescription)}</dd>`,
    `<dt>Pick and Pack status</dt><dd>${escape(
      order.seed.omsOnly ? 'not in Pick and Pack' : order.status
    )}</dd>`,
    `<dt>Customer</dt><dd>${escape(
      `${client.firstName ?? ''} ${client.lastName ?? ''}`.trim()
    )} (${escape(client.email)})</dd>`,
    `<dt>Created</dt><dd>${escape(doc.creationDate)}</dd>`,
    `<dt>Last change</dt><dd>${escape(doc.lastChange)}</dd>`,
    `<dt>Total</dt><dd>${escape(money(doc.value, currency))}</dd></dl>`,
    '<h2>Items</h2>',
    table(
      ['Item', 'Quantity', 'Unit', 'Price', 'Total'],
      items.map((item) => [
        `${escape(item.name)} <small>${escape(item.refId)}</small>`,
        `${escape(num(item.quantity))}`,
        escape(
          num(item.unitMultiplier) > 1
            ? `${num(item.unitMultiplier)} ${item.measurementUnit}`
            : item.measurementUnit
        ),
        escape(money(item.price, currency)),
        escape(money(num(item.price) * num(item.quantity), currency)),
      ])
    ),
    '<h2>Invoices</h2>',
    packages.length > 0
      ? packages.map((p) => invoiceSection(p, currency)).join('')
      : '<p>No invoice yet.</p>',
    '<h2>Interactions</h2>',
    interactions.length > 0
      ? table(
          ['Date', 'Source', 'Message'],
          interactions.map((i) => [
            escape(i.date),
            escape(i.source),
            escape(i.message),
          ])
        )
      : '<p>No interactions yet.</p>',
    `<p><small>JSON: <a href="/api/oms/pvt/orders/${encodeURIComponent(
      orderId
    )}">Get order</a> · <a href="/_sandbox/orders/${encodeURIComponent(
      orderId
    )}/interactions">interactions</a> · <a href="/_sandbox/orders/${encodeURIComponent(
      orderId
    )}/invoices">invoices</a></small></p>`,
    '</main></body></html>',
  ].join('')
}

/** `GET /admin/orders/{orderId}`: 200 with the page, 404 (HTML too) for an unknown order. */
export function omsPage(
  core: SimulatorCore,
  res: ServerResponse,
  orderId: string
): void {
  send(
    res,
    core.store.get(orderId) ? 200 : 404,
    'text/html; charset=utf-8',
    omsOrderPage(core, orderId)
  )
}
