import path from 'path'

import type { StartConfig } from './server'

const SIMULATOR = 'http://127.0.0.1:4010'

/**
 * The app settings (manifest.json settingsSchema) and the variable that sets each in the
 * sandbox, which has no Admin to edit them in (the admin's settings link shows this list).
 */
export const SETTING_VARIABLES = {
  apiKey: 'PNP_API_KEY',
  environment: 'PNP_ENVIRONMENT',
  webhookSecret: 'PNP_WEBHOOK_SECRET',
  webhookSecretPrevious: 'PNP_WEBHOOK_SECRET_PREVIOUS',
  hostname: 'PNP_HOSTNAME',
  statusTimeLimits: 'PNP_STATUS_TIME_LIMITS',
  boardWindowDays: 'PNP_BOARD_WINDOW_DAYS',
  omsInteractions: 'PNP_OMS_INTERACTIONS',
  omsTracking: 'PNP_OMS_TRACKING',
  omsLanguage: 'PNP_OMS_LANGUAGE',
  sweepAfterMinutes: 'PNP_SWEEP_AFTER_MINUTES',
  backfillDays: 'PNP_BACKFILL_DAYS',
} as const

/** The local host's configuration from the environment (DESIGN.md, "Local sandbox"). */
export function configFromEnv(
  env: NodeJS.ProcessEnv = process.env
): StartConfig & { port: number; bindHost: string } {
  const port = Number(env.PORT ?? 8080)

  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0-65535), got "${env.PORT}".`)
  }

  const url = (name: string) => {
    const value = env[name] ?? SIMULATOR

    try {
      const parsed = new URL(value)

      if (!/^https?:$/.test(parsed.protocol)) throw new Error('protocol')
    } catch {
      throw new Error(`${name} must be an http(s) URL, got "${value}".`)
    }

    return value.replace(/\/+$/, '')
  }

  const setting = (name: keyof typeof SETTING_VARIABLES) =>
    env[SETTING_VARIABLES[name]]

  const environment = setting('environment') ?? 'prod'

  if (environment !== 'prod' && environment !== 'dev') {
    throw new Error(
      `PNP_ENVIRONMENT must be "prod" or "dev", got "${environment}".`
    )
  }

  return {
    port,
    bindHost: env.HOST ?? '127.0.0.1',
    allowRemote: env.HOST_ALLOW_REMOTE === '1',
    authURL: url('PNP_AUTH_URL'),
    apiURL: url('PNP_API_URL'),
    v1URL: url('PNP_V1_URL'),
    omsURL: url('OMS_URL'),
    settings: {
      apiKey: setting('apiKey') ?? 'sandbox-api-key',
      environment,
      webhookSecret: setting('webhookSecret'),
      webhookSecretPrevious: setting('webhookSecretPrevious'),
      hostname: setting('hostname'),
      statusTimeLimits: setting('statusTimeLimits'),
      boardWindowDays: setting('boardWindowDays'),
      omsInteractions: setting('omsInteractions'),
      omsLanguage: setting('omsLanguage'),
      omsTracking: setting('omsTracking'),
      sweepAfterMinutes: setting('sweepAfterMinutes'),
      backfillDays: setting('backfillDays'),
    },
    storeURL: env.STORE_URL ? url('STORE_URL') : undefined,
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
    sweepIntervalMs: wholeMs(
      env.SWEEP_INTERVAL_MS,
      60_000,
      'SWEEP_INTERVAL_MS'
    ),
  }
}

/** A duration in ms from the environment: unset → the default, 0 → off. */
function wholeMs(value: string | undefined, fallback: number, name: string) {
  if (value === undefined || value === '') return fallback
  const ms = Number(value)

  if (!Number.isInteger(ms) || ms < 0) {
    throw new Error(
      `${name} must be a whole number of milliseconds (0 = off), got "${value}".`
    )
  }

  return ms
}
