import type { TestHost } from './host'

/** Sends a host a Pick and Pack notification with the shared secret; answers the status. */
export const postWebhook = (
  host: TestHost,
  secret: string,
  body: Record<string, unknown>
) =>
  fetch(`${host.url}/_v/pick-and-pack/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-secret': secret },
    body: JSON.stringify(body),
  }).then((response) => response.status)

/** Delivers the app's own status-change event to a host, as VTEX IO would (a redelivery). */
export const deliverStatusChanged = (host: TestHost, body: unknown) =>
  fetch(`${host.url}/_sandbox/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sender: 'pnplabs.pick-and-pack-tracking',
      topic: 'pick-and-pack.status-changed',
      body,
    }),
  }).then((response) => response.status)

/** Asks a host's GraphQL (as a signed-in admin, loopback); answers the parsed body. */
export const postGraphql = async (
  host: TestHost,
  query: string,
  variables: object = {}
) =>
  (
    await fetch(`${host.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
  ).json()
