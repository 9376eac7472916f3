import { startTestHost } from '../../node/__tests__/support/host'
import { notify, optionsFrom } from '../notify'
import { notifyCommand } from '../notifyCommand'

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

  it("prints a command that reaches the sandbox's webhook on its own port and hostname", async () => {
    // What `npm start` prints, for a host on a port other than 8080 that accepts another hostname.
    const other = await startTestHost('http://127.0.0.1:9', {
      apiKey: 'x',
      webhookSecret: 'a secret with spaces',
      hostname: 'otherstore',
    })

    try {
      const command = notifyCommand({
        secret: 'a secret with spaces',
        webhookURL: `${other.url}/_v/pick-and-pack/webhook`,
        hostname: 'otherstore',
        orderId: '1253881550441-01',
        oldStatus: 'READY_FOR_HANDLING',
        newStatus: 'READY_FOR_PICKING',
      })

      // Run as a shell would: the secret quoted, the arguments after `--`.
      const match =
        /^PNP_WEBHOOK_SECRET='([^']*)' npm run notify -- (.*)$/.exec(command)

      expect(match).not.toBeNull()
      const [, secret, rest] = match as RegExpExecArray
      const options = optionsFrom(rest.split(' '), {
        PNP_WEBHOOK_SECRET: secret,
      })

      if (typeof options === 'string') throw new Error(options)
      expect((await notify(options)).status).toBe(200)
    } finally {
      await other.stop()
    }
  })

  it('prints the short command for the default sandbox', () => {
    expect(
      notifyCommand({
        secret: 'abc-123_x',
        webhookURL: 'http://127.0.0.1:8080/_v/pick-and-pack/webhook',
        hostname: 'sandboxstore',
        orderId: '1-01',
        oldStatus: 'READY_FOR_HANDLING',
        newStatus: 'READY_FOR_PICKING',
      })
    ).toBe(
      'PNP_WEBHOOK_SECRET=abc-123_x npm run notify -- --order 1-01 --old READY_FOR_HANDLING --status READY_FOR_PICKING'
    )
  })
})
