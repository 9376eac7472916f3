import type http from 'http'
import type { AddressInfo } from 'net'

import Koa from 'koa'

import { adminPageHtml } from '../bundle'
import { createAdminMiddleware } from '../middleware'

// One build for the whole file: esbuild takes a few seconds over the Styleguide.
jest.setTimeout(60000)

let server: http.Server
let base: string

beforeAll(async () => {
  const app = new Koa()

  app.use(await createAdminMiddleware())
  app.use(async (ctx) => {
    ctx.status = 418
    ctx.body = 'next'
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

describe('admin middleware', () => {
  it.each([
    '/admin/app/pick-and-pack',
    '/admin/app/pick-and-pack/',
    '/admin/app/pick-and-pack/orders/ABC-1',
  ])('serves the HTML shell at %s', async (path) => {
    const response = await fetch(`${base}${path}`)

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(
      'text/html; charset=utf-8'
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
    const html = await response.text()

    expect(html).toContain('<script src="/admin-assets/admin.js"></script>')
    expect(html).toContain('href="/admin-assets/admin.css"')
  })

  it.each([
    ['/admin/pick-and-pack', '/admin/app/pick-and-pack'],
    [
      '/admin/pick-and-pack/orders/ABC-1?locale=pt',
      '/admin/app/pick-and-pack/orders/ABC-1?locale=pt',
    ],
  ])(
    "sends the Admin's address of the page (%s, named in the OMS timeline) to the page",
    async (path, page) => {
      const response = await fetch(`${base}${path}`, { redirect: 'manual' })

      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe(page)
    }
  )

  it("sends the host's root (the printed address opened without a path) to the page", async () => {
    const response = await fetch(`${base}/?locale=pt`, { redirect: 'manual' })

    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(
      '/admin/app/pick-and-pack?locale=pt'
    )
  })

  it('serves the bundle with content types and revalidation', async () => {
    const js = await fetch(`${base}/admin-assets/admin.js`)

    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toBe(
      'application/javascript; charset=utf-8'
    )
    expect(js.headers.get('cache-control')).toBe('no-cache')
    expect((await js.text()).length).toBeGreaterThan(100000)

    const css = await fetch(`${base}/admin-assets/admin.css`)

    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    const text = await css.text()

    // tachyons (global) and the Styleguide's CSS modules both made it in
    expect(text).toContain('.bg-muted-5')

    const again = await fetch(`${base}/admin-assets/admin.css`, {
      headers: { 'If-None-Match': css.headers.get('etag') as string },
    })

    expect(again.status).toBe(304)
  })

  it.each([
    ['GET', '/graphql'],
    ['POST', '/graphql'],
    ['POST', '/admin/app/pick-and-pack'],
    ['GET', '/admin/app/pick-and-pack-other'],
    ['GET', '/admin-assets/other.js'],
  ])('leaves %s %s to the next middleware', async (method, path) => {
    const response = await fetch(`${base}${path}`, { method })

    expect(response.status).toBe(418)
  })

  it("answers the Admin's app settings page (linked from the admin) with how the sandbox sets them", async () => {
    const secret = 'middleware-test-secret-value'
    const before = process.env.PNP_WEBHOOK_SECRET

    process.env.PNP_WEBHOOK_SECRET = secret
    try {
      const response = await fetch(
        `${base}/admin/apps/pnplabs.pick-and-pack-tracking@0.x/setup`
      )

      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe(
        'text/html; charset=utf-8'
      )
      const html = await response.text()

      // Each setting of the manifest, by its title, with the variable that sets it here.
      expect(html).toContain('Webhook secret')
      expect(html).toContain('PNP_WEBHOOK_SECRET')
      expect(html).toContain('PNP_API_KEY')
      expect(html).toContain('PNP_STATUS_TIME_LIMITS')
      expect(html).toContain('PNP_BOARD_WINDOW_DAYS')
      expect(html).toContain('href="/admin/app/pick-and-pack"')
      // Every setting of the manifest has one.
      expect(html).not.toContain('not settable in the sandbox')
      // Names only, never values.
      expect(html).not.toContain(secret)
    } finally {
      if (before === undefined) delete process.env.PNP_WEBHOOK_SECRET
      else process.env.PNP_WEBHOOK_SECRET = before
    }
  })

  it('puts only a known locale in the page', () => {
    expect(adminPageHtml('pt')).toContain('<html lang="pt">')
    expect(adminPageHtml('"><script>')).toContain('<html lang="en">')
  })
})
