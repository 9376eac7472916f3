// Injected faults: the next `times` app calls matching a method and a path prefix answer 412 or
// 500 without doing anything, or do their work and then never answer ("timeout-after-commit":
// the write landed, the caller cannot know). This is how VBase and Master Data fail on VTEX IO.
import { badRequest } from './call'

export type FaultAnswer = 412 | 500 | 'timeout-after-commit'

interface Fault {
  /** An HTTP method, or "*" for any. */
  method: string
  /** A prefix of the request path (without the query), e.g. "/vbase/acc/master/buckets/". */
  pathPrefix: string
  answer: FaultAnswer
  /** How many more calls it applies to. */
  times: number
}

export class Faults {
  private faults: Fault[] = []

  /** Adds a fault from a control call's body; a 400 says what is wrong with it. */
  public add(input: Record<string, unknown>): Fault {
    const { method = '*', pathPrefix = '/', answer, times = 1 } = input

    if (typeof method !== 'string' || !/^(\*|[A-Za-z]+)$/.test(method)) {
      throw badRequest('method is an HTTP method or "*"')
    }

    if (typeof pathPrefix !== 'string' || !pathPrefix.startsWith('/')) {
      throw badRequest('pathPrefix is a path starting with "/"')
    }

    if (answer !== 412 && answer !== 500 && answer !== 'timeout-after-commit') {
      throw badRequest('answer is 412, 500 or "timeout-after-commit"')
    }

    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) {
      throw badRequest('times is a positive whole number')
    }

    const fault = {
      method: method.toUpperCase(),
      pathPrefix,
      answer: answer as FaultAnswer,
      times,
    }

    this.faults.push(fault)

    return { ...fault }
  }

  public clear() {
    this.faults = []
  }

  /** The fault this call meets, if any (the oldest matching one), used up by one. */
  public take(method: string, pathname: string): FaultAnswer | undefined {
    const fault = this.faults.find(
      (f) =>
        (f.method === '*' || f.method === method) &&
        pathname.startsWith(f.pathPrefix)
    )

    if (!fault) return undefined
    if (--fault.times === 0)
      this.faults = this.faults.filter((f) => f !== fault)

    return fault.answer
  }
}
