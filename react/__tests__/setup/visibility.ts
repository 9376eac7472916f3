import { act } from '@testing-library/react'

/** Hides or shows the tab as a browser does: `document.hidden`, then `visibilitychange`. */
export function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', {
    configurable: true,
    get: () => hidden,
  })
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'))
  })
}
