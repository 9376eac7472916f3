/** map[key] only for the map's own keys: a status named "toString" must stay unknown. */
export function own<T>(
  map: Record<string, T>,
  key: string | null | undefined
): T | undefined {
  return key && Object.prototype.hasOwnProperty.call(map, key)
    ? map[key]
    : undefined
}
