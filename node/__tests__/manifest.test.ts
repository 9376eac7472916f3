import { readFileSync } from 'fs'
import { join } from 'path'

import Ajv from 'ajv'

import manifest from '../../manifest.json'
import rootPackage from '../../package.json'
import schema from '../../dev/schemas/vtex/manifest.schema.json'
import { DEFAULT_STATUS_TIME_LIMITS } from '../domain/board'
import { STATUS_CHANGED_EVENT } from '../domain/statusChangedEvent'
import service from '../index'
import nodePackage from '../package.json'
import serviceJson from '../service.json'

describe('manifest.json', () => {
  it("validates against VTEX's published manifest schema", () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)

    expect(validate(manifest)).toBe(true)
    expect(validate.errors ?? null).toBeNull()
  })

  it('declares the app identity and builders of DESIGN.md', () => {
    expect(manifest).toMatchObject({
      vendor: 'pnplabs',
      name: 'pick-and-pack-tracking',
      title: 'Pick and Pack Tracking',
      builders: {
        node: '7.x',
        graphql: '2.x',
        admin: '0.x',
        react: '3.x',
        messages: '1.x',
        docs: '0.x',
      },
      dependencies: { 'vtex.styleguide': '9.x' },
      billingOptions: { type: 'free' },
    })
  })

  it('asks outbound access for each host the clients call, and the platform policies', () => {
    const hosts = manifest.policies
      .filter((policy) => policy.name === 'outbound-access')
      .map((policy) => policy.attrs?.host)

    expect(hosts).toEqual(
      expect.arrayContaining([
        'auth.pickingnpacking.com',
        'legacy.pickingnpacking.com',
        'portal.vtexcommercestable.com.br',
      ])
    )
    expect(manifest.policies.map((policy) => policy.name)).toEqual(
      expect.arrayContaining([
        'OMSViewer',
        'vbase-read-write',
        'colossus-fire-event',
        'colossus-write-logs',
      ])
    )
  })

  it('has every setting a merchant must fill, each titled and described', () => {
    const { properties } = manifest.settingsSchema

    for (const key of [
      'apiKey',
      'environment',
      'webhookSecret',
      'hostname',
    ] as const) {
      expect(properties[key].title.length).toBeGreaterThan(3)
      expect(properties[key].description.length).toBeGreaterThan(20)
    }

    expect(properties.environment.enum).toEqual(['prod', 'dev'])
    expect(properties.environment.default).toBe('prod')
  })
})

describe('node builder files', () => {
  it('exposes the webhook as a public route at the contract path', () => {
    expect(serviceJson.routes.webhook).toEqual({
      path: '/_v/pick-and-pack/webhook',
      public: true,
    })
  })

  it('pins the same dependency versions the root install tests with', () => {
    const root: Record<string, string> = {
      ...rootPackage.dependencies,
      ...rootPackage.devDependencies,
    }

    const declared: Record<string, string> = {
      ...nodePackage.dependencies,
      ...nodePackage.devDependencies,
    }

    for (const [name, version] of Object.entries(declared)) {
      expect([name, root[name]]).toEqual([name, version])
    }
  })

  it('offers the time limits the board applies by default', () => {
    const limits = (
      manifest.settingsSchema.properties.statusTimeLimits as {
        properties: Record<string, { default: number }>
      }
    ).properties

    expect(
      Object.fromEntries(
        Object.entries(limits).map(([status, field]) => [status, field.default])
      )
    ).toEqual(DEFAULT_STATUS_TIME_LIMITS)
  })

  it('subscribes to the events the service handles', () => {
    const byName = (x: string, y: string) => x.localeCompare(y)

    expect(Object.keys(serviceJson.events).sort(byName)).toEqual(
      Object.keys(service.config.events ?? {}).sort(byName)
    )
    expect(serviceJson.events.omsStatus).toEqual({
      sender: 'vtex.orders-broadcast',
      topics: ['order-status-updated'],
    })
  })
})

// service.json and the admin bundle cannot read manifest.json: they spell the app id out.
// A vendor or name change that misses one of them fails here (README, "Taking it to a VTEX
// account", lists every place).
describe('the app id written outside manifest.json', () => {
  const appId = `${manifest.vendor}.${manifest.name}`
  const [major] = manifest.version.split('.')

  it('names the app itself as the sender of its own events in service.json', () => {
    const own = Object.values(serviceJson.events).filter((event) =>
      event.topics.includes(STATUS_CHANGED_EVENT)
    )

    expect(own.length).toBeGreaterThan(0)
    for (const event of own) expect(event.sender).toBe(appId)
  })

  it("links the admin to the app's own settings page", () => {
    const source = readFileSync(
      join(__dirname, '../../react/utils/orderRoutes.ts'),
      'utf8'
    )

    const settingsApps = Array.from(
      source.matchAll(/\/admin\/apps\/([^/'"`]+)\/setup/g),
      (match) => match[1]
    )

    expect(settingsApps.length).toBeGreaterThan(0)
    for (const app of settingsApps) expect(app).toBe(`${appId}@${major}.x`)
  })
})
