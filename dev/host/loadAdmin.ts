import type Koa from 'koa'

/**
 * The admin page's middleware, or undefined when its bundle cannot be built: the host's API
 * still runs without it. `omsURL` is the OMS sandbox, where "Open in OMS" goes.
 */
export async function loadAdmin(
  omsURL: string
): Promise<Koa.Middleware | undefined> {
  try {
    const { createAdminMiddleware } = await import('../admin/middleware')

    return await createAdminMiddleware({ omsURL })
  } catch (error) {
    process.stderr.write(
      `admin page not served: ${
        error instanceof Error ? error.message : String(error)
      }\n`
    )

    return undefined
  }
}
