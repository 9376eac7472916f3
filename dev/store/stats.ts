// App calls counted by API and operation (control calls are not counted): how many store round
// trips a flow costs, which is what VTEX IO makes expensive.
export type Api = 'vbase' | 'masterdata'

const initial = (): Record<Api, Record<string, number>> => ({
  vbase: { GET: 0, PUT: 0, DELETE: 0, LIST: 0 },
  masterdata: { GET: 0, POST: 0, PUT: 0, PATCH: 0, SEARCH: 0 },
})

export class Stats {
  private counts = initial()
  private total = 0

  public count(api: Api, operation: string) {
    const counts = this.counts[api]

    counts[operation] = (counts[operation] ?? 0) + 1
    this.total++
  }

  public reset() {
    this.counts = initial()
    this.total = 0
  }

  public snapshot() {
    return {
      vbase: { ...this.counts.vbase },
      masterdata: { ...this.counts.masterdata },
      total: this.total,
    }
  }
}
