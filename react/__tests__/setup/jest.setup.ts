import '@testing-library/jest-dom'

// The Styleguide Table sizes itself with react-virtualized's AutoSizer, which renders no rows
// when the parent measures 0×0, as everything does in jsdom. Give elements a size.
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
  configurable: true,
  value: 600,
})
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
  configurable: true,
  value: 1200,
})

// jsdom has no scrollTo; the stand-in runtime calls it after navigating.
window.scrollTo = () => undefined

// The Styleguide Dropdown asks use-media whether it runs on a phone; jsdom has no matchMedia.
window.matchMedia = (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  } as MediaQueryList)

// react-sticky (inside the Styleguide Table) still uses componentWillMount: React 16 warns
// about the library, not about this app. Every other warning still shows.
const warn = console.warn.bind(console)

console.warn = (message?: unknown, ...rest: unknown[]) => {
  if (
    typeof message === 'string' &&
    message.startsWith('Warning: componentWill')
  )
    return
  warn(message, ...rest)
}
