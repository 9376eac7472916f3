/**
 * A value in Master Data's `_where`, double-quoted: spaces, quotes, `*` and the syntax's own
 * characters stay part of the value instead of changing the query.
 */
export const quoted = (value: string) =>
  `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
