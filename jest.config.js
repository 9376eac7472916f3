// One jest run covers every folder; each project picks its own environment.
const tsJest = ['ts-jest', { isolatedModules: true, tsconfig: { jsx: 'react', esModuleInterop: true, allowJs: true } }]

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/node'],
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['**/__tests__/**/*.test.ts'],
    },
    {
      displayName: 'dev',
      testEnvironment: 'node',
      roots: ['<rootDir>/dev', '<rootDir>/bench'],
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['**/__tests__/**/*.test.ts'],
    },
    {
      displayName: 'react',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/react'],
      transform: { '^.+\\.[jt]sx?$': tsJest },
      testMatch: ['**/__tests__/**/*.test.tsx', '**/__tests__/**/*.test.ts'],
      moduleNameMapper: {
        '\\.css$': 'identity-obj-proxy',
        '^vtex\\.styleguide$': '@vtex/styleguide',
        '^vtex\\.render-runtime$': '<rootDir>/dev/admin/renderRuntime.tsx',
        '\\.(gql|graphql)$': '<rootDir>/react/__mocks__/gqlMock.js',
      },
      transformIgnorePatterns: ['/node_modules/(?!@vtex/styleguide)'],
    },
  ],
}
