// Jest transformer: a .gql file becomes the graphql-tag document that VTEX IO's react
// builder (and dev/admin/bundle.ts) would give, so MockedProvider matches real queries.
const crypto = require('crypto')

module.exports = {
  process(source) {
    return {
      code: `module.exports = require('graphql-tag')(${JSON.stringify(
        source
      )})`,
    }
  },
  getCacheKey(source, path) {
    return crypto
      .createHash('sha1')
      .update(path)
      .update('\0')
      .update(source)
      .digest('hex')
  },
}
