// Browser end-to-end tests (npm run test:e2e): the admin page in Debian's Chromium against the
// local sandbox started in process. Kept out of `npm test`, which needs no browser.
module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: { isolatedModules: true, esModuleInterop: true } },
    ],
  },
  // VTEX IO gives every service its VTEX_APP_ID; @vtex/api reads it when it loads.
  setupFiles: ['<rootDir>/dev/host/appIdentity.ts'],
  testTimeout: 60_000,
}
