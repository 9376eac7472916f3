/** Reads until `check` holds (at most 15 s), then answers the last read. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean
): Promise<T> {
  let value = await read()

  for (let i = 0; i < 60 && !check(value); i++) {
    // eslint-disable-next-line no-await-in-loop
    await new Promise((resolve) => setTimeout(resolve, 250))
    // eslint-disable-next-line no-await-in-loop
    value = await read()
  }

  return value
}
