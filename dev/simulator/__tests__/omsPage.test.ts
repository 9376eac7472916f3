// The OMS sandbox's order page (GET /admin/orders/{orderId}, where "Open in OMS" goes): readable
// HTML of the order, its invoices and interactions, with every text escaped.
import { startSimulator, type Simulator } from '../index'
import { post } from './helpers'

const INVOICED = '1253881550552-01' // DELIVERED, invoice NF-0552, tracking TRK-552
const SCRIPT = '<script>alert("x")</script>'

let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator({ port: 0 })
})

afterAll(() => sim.close())

beforeEach(() => sim.reset())

const page = (orderId: string) =>
  fetch(`${sim.url}/admin/orders/${encodeURIComponent(orderId)}`)

describe('GET /admin/orders/{orderId}', () => {
  it('answers 200 text/html with the order id, its status, items, invoice and tracking', async () => {
    const res = await page(INVOICED)
    const html = await res.text()

    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(html).toContain(`Order ${INVOICED}`)
    expect(html).toContain('invoiced')
    expect(html).toContain('DELIVERED')
    expect(html).toContain('NF-0552')
    expect(html).toContain('TRK-552')
    expect(html).toMatch(/R\$\d/) // prices in the order's currency (BRL)
  })

  it('lists the interactions written through the OMS API, escaped', async () => {
    const written = await post(
      `${sim.url}/api/oms/pvt/orders/${INVOICED}/interactions`,
      { source: 'Pick and Pack Tracking', message: `Delivered ${SCRIPT}` }
    )

    expect(written.status).toBe(200)
    const html = await (await page(INVOICED)).text()

    expect(html).toContain('Delivered &#60;script&#62;alert(&#34;x&#34;)')
    expect(html).not.toContain('<script>')
  })

  it('escapes a tracking URL and courier set by the invoice call, linking only http(s)', async () => {
    const res = await fetch(
      `${sim.url}/api/oms/pvt/orders/${INVOICED}/invoice/NF-0552`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          trackingNumber: 'T1',
          trackingUrl: `javascript:alert(1)//${SCRIPT}`,
          courier: SCRIPT,
          dispatchedDate: null,
        }),
      }
    )

    expect(res.status).toBe(200)
    const html = await (await page(INVOICED)).text()

    expect(html).not.toContain('<script>')
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('&#60;script&#62;')
  })

  it('answers 404 in HTML for an order the sandbox does not have, the id escaped', async () => {
    const res = await page(`nope${SCRIPT}`)
    const html = await res.text()

    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(html).not.toContain('<script>')
  })
})
