import { AppError, isAppError } from '../domain/errors'
import {
  TOKEN_EXPIRY_MARGIN_MS,
  UNDECODABLE_TOKEN_TTL_MS,
  jwtExpiresAt,
  tokenUsableUntil,
} from '../domain/jwt'
import { backoffDelay } from '../domain/retry'
import {
  acceptsSecret,
  fingerprintSecret,
  secretsMatch,
} from '../domain/secrets'
import { parseSettings, requireApiKey } from '../domain/settings'

const byText = (a: string, b: string) => a.localeCompare(b)

const b64 = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url')

const jwt = (payload: unknown) =>
  `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.sig`

describe('jwt', () => {
  it('reads exp as epoch milliseconds', () => {
    expect(jwtExpiresAt(jwt({ exp: 1_800_000_000, sub: 'x' }))).toBe(
      1_800_000_000_000
    )
  })

  it.each([
    ['not a jwt', 'garbage'],
    ['two parts', 'a.b'],
    ['four parts', 'a.b.c.d'],
    [
      'a payload that is not JSON',
      `a.${Buffer.from('{nope').toString('base64url')}.c`,
    ],
    ['no exp', jwt({ sub: 'x' })],
    ['a string exp', jwt({ exp: '1800000000' })],
    ['a null payload', jwt(null)],
    ['a numeric payload', jwt(5)],
    ['empty', ''],
  ])('returns null for %s', (_, token) => {
    expect(jwtExpiresAt(token)).toBeNull()
  })

  it('serves a token until a minute before it expires', () => {
    const now = Date.UTC(2026, 10, 20, 9, 0)
    const exp = now / 1000 + 15 * 60

    expect(TOKEN_EXPIRY_MARGIN_MS).toBe(60_000)
    expect(tokenUsableUntil(jwt({ exp }), now)).toBe(now + 14 * 60_000)
  })

  it('keeps an undecodable token for 10 minutes', () => {
    expect(UNDECODABLE_TOKEN_TTL_MS).toBe(600_000)
    expect(tokenUsableUntil('opaque-token', 1000)).toBe(1000 + 600_000)
  })

  it('never serves a token that expires within the margin', () => {
    const now = 1_800_000_000_000

    expect(tokenUsableUntil(jwt({ exp: now / 1000 + 30 }), now)).toBeLessThan(
      now
    )
  })
})

describe('secrets', () => {
  it('matches equal secrets only', () => {
    expect(secretsMatch('s3cret-value', 's3cret-value')).toBe(true)
    expect(secretsMatch('s3cret-value', 's3cret-valuf')).toBe(false)
    expect(secretsMatch('s3cret', 's3cret-value')).toBe(false)
    expect(secretsMatch('s3cret-value-longer', 's3cret-value')).toBe(false)
    expect(secretsMatch('', 's3cret-value')).toBe(false)
    expect(secretsMatch('S3CRET-VALUE', 's3cret-value')).toBe(false)
  })

  it('refuses what padding or truncation could make look equal', () => {
    expect(secretsMatch('s3cret\u0000', 's3cret')).toBe(false)
    expect(secretsMatch('s3cret', 's3cret\u0000')).toBe(false)
    expect(secretsMatch(`${'a'.repeat(256)}b`, 'a'.repeat(256))).toBe(false)
    expect(secretsMatch('a'.repeat(256), `${'a'.repeat(256)}b`)).toBe(false)
    expect(secretsMatch('é'.repeat(200), 'é'.repeat(200))).toBe(true)
    expect(secretsMatch('é'.repeat(200), `${'é'.repeat(199)}e`)).toBe(false)
    expect(secretsMatch('ção', 'ção')).toBe(true)
  })

  it('accepts the previous secret beside the current one during a rotation', () => {
    const rotating = {
      webhookSecret: 'new-one',
      webhookSecretPrevious: 'old-one',
    }

    expect(acceptsSecret('new-one', rotating)).toBe(true)
    expect(acceptsSecret('old-one', rotating)).toBe(true)
    expect(acceptsSecret('other', rotating)).toBe(false)
    expect(
      acceptsSecret('old-one', { ...rotating, webhookSecretPrevious: null })
    ).toBe(false)
    expect(
      acceptsSecret('', { webhookSecret: null, webhookSecretPrevious: null })
    ).toBe(false)
  })

  it('fingerprints parts stably and without ambiguity', () => {
    expect(fingerprintSecret('a', 'b')).toBe(fingerprintSecret('a', 'b'))
    expect(fingerprintSecret('a', 'b')).toMatch(/^[0-9a-f]{64}$/)
    expect(fingerprintSecret('ab', 'c')).not.toBe(fingerprintSecret('a', 'bc'))
    expect(fingerprintSecret('k')).not.toContain('k'.repeat(2))
  })
})

describe('settings', () => {
  it('trims, lowercases the hostname and defaults the environment to prod', () => {
    expect(
      parseSettings({
        apiKey: '  key-1 ',
        environment: ' dev ',
        webhookSecret: ' s ',
        hostname: ' MyStore.Example ',
      })
    ).toEqual({
      apiKey: 'key-1',
      environment: 'dev',
      webhookSecret: 's',
      webhookSecretPrevious: null,
      statusTimeLimits: {},
      boardWindowDays: 7,
      omsInteractions: true,
      omsTracking: true,
      sweepAfterMinutes: 30,
      backfillDays: 7,
      omsLanguage: 'pt',
      hostname: 'mystore.example',
    })
  })

  it.each([
    undefined,
    null,
    'x',
    [],
    { environment: 'staging' },
    { environment: 'DEV' },
  ])('treats %p as unconfigured prod', (raw) => {
    expect(parseSettings(raw)).toMatchObject({ environment: 'prod' })
  })

  it('turns blank values into null', () => {
    expect(
      parseSettings({ apiKey: '   ', webhookSecret: '', hostname: null })
    ).toEqual({
      apiKey: null,
      environment: 'prod',
      webhookSecret: null,
      webhookSecretPrevious: null,
      statusTimeLimits: {},
      boardWindowDays: 7,
      omsInteractions: true,
      omsTracking: true,
      sweepAfterMinutes: 30,
      backfillDays: 7,
      omsLanguage: 'pt',
      hostname: null,
    })
    expect(parseSettings({ apiKey: { nested: true } }).apiKey).toBeNull()
  })

  it('requires an Api-Key', () => {
    expect(requireApiKey(parseSettings({ apiKey: 'k' }))).toBe('k')
    let caught: unknown

    try {
      requireApiKey(parseSettings({ apiKey: ' ' }))
    } catch (error) {
      caught = error
    }

    expect(isAppError(caught)).toBe(true)
    expect((caught as AppError).code).toBe('NOT_CONFIGURED')
    expect((caught as AppError).message).toMatch(/app settings/)
  })
})

describe('retry backoff', () => {
  const policy = { retries: 3, baseDelayMs: 100 }

  it('doubles per retry', () => {
    expect(
      [1, 2, 3].map((retry) => backoffDelay(policy, retry, () => 0))
    ).toEqual([100, 200, 400])
  })

  it('adds at most 20% jitter', () => {
    expect(backoffDelay(policy, 1, () => 1)).toBe(120)
    expect(backoffDelay(policy, 2, () => 0.5)).toBe(220)
    for (let i = 0; i < 50; i++) {
      const delay = backoffDelay(policy, 1)

      expect(delay).toBeGreaterThanOrEqual(100)
      expect(delay).toBeLessThanOrEqual(120)
    }
  })
})

describe('AppError', () => {
  it('carries only a name, code and extensions as own enumerable fields', () => {
    const error = new AppError('PNP_UNAVAILABLE', 'msg')

    expect(error).toBeInstanceOf(Error)
    expect(Object.keys(error).sort(byText)).toEqual([
      'code',
      'extensions',
      'name',
    ])
    expect(error.message).toBe('msg')
    expect(isAppError(error)).toBe(true)
    expect(isAppError(new Error('x'))).toBe(false)
    expect(isAppError({ code: 'PNP_UNAVAILABLE' })).toBe(false)
  })
})
