// Koa middleware serving the admin page on the local host: the HTML shell for every route of
// the app, and the bundle built once, in memory, when the middleware is created.
import { createHash } from 'crypto'

import type Koa from 'koa'

import { ASSET_PREFIX, adminPageHtml, buildAdminBundle } from './bundle'
import { SETTINGS_PAGE, settingsPageHtml } from './settingsPage'

export const ADMIN_BASE_PATH = '/admin/app/pick-and-pack'

interface Asset {
  body: string
  type: string
  etag: string
}

function asset(body: string, type: string): Asset {
  return {
    body,
    type,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
  }
}

/** VTEX admin's own order page, where the app's "Open in OMS" link goes. */
const OMS_ORDER_PAGE = /^\/admin\/orders\/([^/]+)$/

/**
 * The app's page as VTEX Admin shows it (navigation.json's path), the address the OMS
 * interactions name: the Admin frames `/admin/app/...` there; the local host sends it on.
 */
const ADMIN_SHELL_PAGE = /^\/admin\/pick-and-pack(\/.*)?$/

export async function createAdminMiddleware(
  opts: {
    minify?: boolean
    /**
     * The OMS sandbox (the simulator): the local admin sends VTEX admin's order page
     * (`/admin/orders/{orderId}`) there, as VTEX's admin would show its own; unset: not served.
     */
    omsURL?: string
  } = {}
): Promise<(ctx: Koa.Context, next: () => Promise<void>) => Promise<void>> {
  const { js, css } = await buildAdminBundle({
    minify: opts.minify ?? true,
    write: false,
  })

  const assets: Record<string, Asset> = {
    [`${ASSET_PREFIX}/admin.js`]: asset(
      js,
      'application/javascript; charset=utf-8'
    ),
    [`${ASSET_PREFIX}/admin.css`]: asset(css, 'text/css; charset=utf-8'),
  }

  return async function adminMiddleware(ctx, next) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next()

    const omsOrder = opts.omsURL ? OMS_ORDER_PAGE.exec(ctx.path) : null

    if (omsOrder && opts.omsURL) {
      ctx.redirect(
        `${opts.omsURL.replace(/\/+$/, '')}/admin/orders/${omsOrder[1]}`
      )

      return
    }

    // The admin's settings links: VTEX's Admin has the form; here, which variable sets what.
    if (SETTINGS_PAGE.test(ctx.path)) {
      ctx.set('Cache-Control', 'no-store')
      ctx.set('X-Content-Type-Options', 'nosniff')
      ctx.type = 'text/html; charset=utf-8'
      ctx.body = settingsPageHtml()

      return
    }

    const shell = ADMIN_SHELL_PAGE.exec(ctx.path)

    if (shell) {
      ctx.redirect(`${ADMIN_BASE_PATH}${shell[1] ?? ''}${ctx.search}`)

      return
    }

    // The host's bare address, opened in a browser: the page, not a JSON 404.
    if (ctx.path === '/') {
      ctx.redirect(`${ADMIN_BASE_PATH}${ctx.search}`)

      return
    }

    const file = assets[ctx.path]

    if (file) {
      // Fixed URLs: the browser revalidates each time and gets a 304 while the build is the same.
      ctx.set('Cache-Control', 'no-cache')
      ctx.set('ETag', file.etag)
      ctx.set('X-Content-Type-Options', 'nosniff')
      ctx.type = file.type
      if (ctx.get('If-None-Match') === file.etag) {
        ctx.status = 304

        return
      }

      ctx.body = file.body

      return
    }

    if (
      ctx.path === ADMIN_BASE_PATH ||
      ctx.path.startsWith(`${ADMIN_BASE_PATH}/`)
    ) {
      const locale =
        typeof ctx.query.locale === 'string' ? ctx.query.locale : 'en'

      ctx.set('Cache-Control', 'no-store')
      ctx.set('X-Content-Type-Options', 'nosniff')
      ctx.type = 'text/html; charset=utf-8'
      ctx.body = adminPageHtml(locale)

      return
    }

    return next()
  }
}
