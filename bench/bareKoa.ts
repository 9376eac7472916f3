/* Baseline for the webhook benchmark: a bare Koa handler that answers 200 and nothing else. */
import Koa from 'koa'

const app = new Koa()

app.use((ctx) => {
  ctx.body = { received: true, duplicate: false }
})

app.listen(Number(process.env.PORT), '127.0.0.1')
