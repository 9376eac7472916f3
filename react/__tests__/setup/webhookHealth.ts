// Mocked answers of the home page's webhook health query.
import WEBHOOK_HEALTH from '../../components/WebhookHealth/graphql/webhookHealth.gql'
import type { WebhookHealthData } from '../../components/WebhookHealth'

type Health = NonNullable<WebhookHealthData['webhookHealth']>

export function webhookHealth(overrides: Partial<Health> = {}): Health {
  return {
    secretConfigured: true,
    previousSecretConfigured: false,
    hostnameFilter: 'sandboxstore',
    lastReceivedAt: null,
    lastRefused: null,
    secretInQueryAt: null,
    ...overrides,
  }
}

export function webhookHealthMock(health: Health = webhookHealth()) {
  return {
    request: { query: WEBHOOK_HEALTH },
    result: { data: { webhookHealth: health } },
  }
}
