import type { InstanceOptions, IOContext } from '@vtex/api'
import { HttpClient } from '@vtex/api'

type ClientClass<T> = new (context: IOContext, options?: InstanceOptions) => T

/**
 * `@vtex/api`'s own client class with only its base URL changed: infra clients (VBase, Events)
 * fix theirs in the constructor from the region, so the sandbox rebuilds the HTTP client with
 * the same options and another base URL. Every path, header and retry stays the library's.
 */
export function pointedAt<T extends object>(
  Client: ClientClass<T>,
  baseURL: (context: IOContext) => string
): ClientClass<T> {
  return class extends (Client as ClientClass<object>) {
    constructor(context: IOContext, options?: InstanceOptions) {
      super(context, options)
      const self = this as unknown as {
        http: HttpClient
        options?: InstanceOptions
      }

      self.http = new HttpClient({
        name: Client.name,
        ...context,
        ...self.options,
        metrics: self.options?.metrics,
        baseURL: baseURL(context),
      } as ConstructorParameters<typeof HttpClient>[0])
    }
  } as ClientClass<T>
}
