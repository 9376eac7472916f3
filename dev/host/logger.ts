/** Log lines of the local host, written as JSON lines and kept in memory for tests. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error'
  at: string
  data: unknown
}

export class LocalLogger {
  public readonly lines: LogLine[] = []

  constructor(
    private readonly write: ((line: string) => void) | null = null,
    private readonly keep = 5000
  ) {}

  public debug = (data: unknown) => this.log('debug', data)
  public info = (data: unknown) => this.log('info', data)
  public warn = (data: unknown) => this.log('warn', data)
  public error = (data: unknown) => this.log('error', data)

  public text() {
    return this.lines.map((line) => JSON.stringify(line)).join('\n')
  }

  private log(level: LogLine['level'], data: unknown) {
    // Nowhere to go (a quiet command-line host): skip building the line at all.
    if (this.keep === 0 && !this.write) return
    const line: LogLine = { level, at: new Date().toISOString(), data }

    if (this.keep > 0) {
      this.lines.push(line)
      if (this.lines.length > this.keep) this.lines.shift()
    }

    this.write?.(JSON.stringify(line))
  }
}
