// @vtex/styleguide's barrel requires its chart components, which need the optional peer
// `recharts`. The admin page draws no chart: every recharts export becomes an empty component
// (VTEX IO serves the real Styleguide, so this only matters for tests and the local bundle).
const Empty = () => null

module.exports = new Proxy(
  {},
  {
    get(_target, name) {
      if (name === '__esModule' || name === 'then' || typeof name === 'symbol')
        return undefined

      return Empty
    },
  }
)
