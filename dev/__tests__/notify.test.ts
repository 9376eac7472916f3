import { startTestHost } from '../../node/__tests__/support/host'
import { notify, optionsFrom } from '../notify'

const SECRET = 'notify-test-secret'

describe('npm run notify', () => {
  let host: Awaited<ReturnType<typeof startTestHost>>

  beforeAll(async () => {
    host = await startTestHost('http://127.0.0.1:9', {
      apiKey: 'x',
      webhookSecret: SECRET,
      hostname: 'sandboxstore',
    })
  })

  afterAll(async () => {
    await host.stop()
  })

  const args = (...extra: string[]) => [
    '--url',
    `${host.url}/_v/pick-and-pack/webhook`,
    '--order',
    '1253881550441-01',
    '--status',
    'READY_FOR_PICKING',
    ...extra,
  ]

  it('sends an authenticated notification that the webhook stores', async () => {
    const options = optionsFrom(
      args('--old', 'READY_FOR_HANDLING', '--hostname', 'sandboxstore'),
      { PNP_WEBHOOK_SECRET: SECRET }
    )

    if (typeof options === 'string') throw new Error(options)
    const result = await notify(options)

    expect(result.status).toBe(200)
    expect(JSON.parse(result.text)).toEqual({
      received: true,
      duplicate: false,
    })
    expect(host.sentEvents).toHaveLength(1)
  })

  it('explains a refusal with a hint', async () => {
    const options = optionsFrom(args('--hostname', 'sandboxstore'), {
      PNP_WEBHOOK_SECRET: 'wrong',
    })

    if (typeof options === 'string') throw new Error(options)
    const result = await notify(options)

    expect(result.status).toBe(401)
    expect(result.hint).toMatch(/PNP_WEBHOOK_SECRET/)
  })

  it("sends the sandbox's hostname unless told another", () => {
    const options = optionsFrom(args(), { PNP_WEBHOOK_SECRET: SECRET })

    if (typeof options === 'string') throw new Error(options)
    expect(options.body.hostname).toBe('sandboxstore')
  })

  it('refuses bad input before sending anything', () => {
    expect(optionsFrom(args(), {})).toMatch(/PNP_WEBHOOK_SECRET/)
    expect(
      optionsFrom(['--order', '../x', '--status', 'PICKING'], {
        PNP_WEBHOOK_SECRET: SECRET,
      })
    ).toMatch(/orderId/)
    expect(
      optionsFrom(
        ['--url', 'ftp://x', '--order', '1-01', '--status', 'PICKING'],
        {
          PNP_WEBHOOK_SECRET: SECRET,
        }
      )
    ).toMatch(/--url/)
  })
})
