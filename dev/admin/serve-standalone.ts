// For working on the admin page alone: serves the bundle on 127.0.0.1:${ADMIN_PORT:-8090}
// and answers POST /graphql either by proxying to GRAPHQL_URL or with canned data.
//   npx tsx dev/admin/serve-standalone.ts            (canned data)
//   GRAPHQL_URL=http://127.0.0.1:8080/graphql npx tsx dev/admin/serve-standalone.ts
// Canned order ids: any id shows a full order; OMS-DOWN, PNP-DOWN, NOT-CONFIGURED,
// UNAUTHORIZED, NOT-IN-PNP, NOT-IN-OMS, CANCELED-1, PICKUP-1, WEIRD-1 show those cases.
import Koa from 'koa'
import bodyParser from 'co-body'

import { createAdminMiddleware } from './middleware'
import { cannedGraphQL, fakeImage } from './cannedData'

async function main() {
  const app = new Koa()
  const port = Number(process.env.ADMIN_PORT || 8090)
  const upstream = process.env.GRAPHQL_URL

  app.use(await createAdminMiddleware({ minify: false }))
  app.use(async (ctx, next) => {
    if (ctx.path !== '/graphql' || ctx.method !== 'POST') return next()
    const body = await bodyParser.json(ctx.req)

    if (upstream) {
      const response = await fetch(upstream, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })

      ctx.status = response.status
      ctx.type = 'application/json'
      ctx.body = await response.text()

      return
    }

    // A little latency so loading states can be seen.
    await new Promise((resolve) =>
      setTimeout(resolve, Number(process.env.CANNED_DELAY_MS || 300))
    )
    ctx.type = 'application/json'
    ctx.body = cannedGraphQL(body, ctx.origin)
  })
  app.use(async (ctx, next) => {
    const match = /^\/fake-images\/([\w-]+)\.svg$/.exec(ctx.path)

    if (!match) return next()
    ctx.type = 'image/svg+xml'
    ctx.body = fakeImage(match[1], String(ctx.query.c || '#e3e4e6'))
  })
  app.use(async (ctx) => {
    if (ctx.path === '/') ctx.redirect('/admin/app/pick-and-pack')
  })

  app.listen(port, '127.0.0.1', () => {
    // eslint-disable-next-line no-console
    console.log(
      `admin page: http://127.0.0.1:${port}/admin/app/pick-and-pack${
        upstream ? ` (GraphQL → ${upstream})` : ' (canned data)'
      }`
    )
  })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
