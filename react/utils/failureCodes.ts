// What the server's failure codes share across panels (node/domain/omsSync.ts failureCode).

/** A message picked by a failure code, with the HTTP status its words may name. */
export interface CodedMessage {
  id: string
  values?: Record<string, string>
}

/** The status of an `http:<status>` code, or undefined for any other code. */
export function httpStatusOf(code: string): string | undefined {
  return /^http:(\d{3})$/i.exec(code.trim())?.[1]
}
