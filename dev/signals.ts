/** Stops a sandbox program on Ctrl-C or SIGTERM: closes it, then exits, within 3 s at most. */
export function stopOnSignals(what: string, close: () => Promise<void>) {
  const stop = (signal: string) => {
    process.stdout.write(`\n${signal}: stopping the ${what}\n`)
    close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
    // Bounded: never hang on shutdown.
    setTimeout(() => process.exit(1), 3000).unref()
  }

  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}
