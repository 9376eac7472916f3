// One jest run covers every folder; each project picks its own environment.
const tsJest = [
  'ts-jest',
  {
    tsconfig: {
      isolatedModules: true,
      jsx: 'react',
      esModuleInterop: true,
      allowJs: true,
    },
  },
]

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/node'],
      transform: { '^.+\\.tsx?$': tsJest },
      // VTEX IO gives every service its VTEX_APP_ID; @vtex/api reads it when it loads.
      setupFiles: ['<rootDir>/dev/host/appIdentity.ts'],
      testMatch: ['**/__tests__/**/*.test.ts'],
    },
    {
      displayName: 'dev',
      testEnvironment: 'node',
      roots: ['<rootDir>/dev', '<rootDir>/bench'],
      transform: { '^.+\\.tsx?$': tsJest },
      setupFiles: ['<rootDir>/dev/host/appIdentity.ts'],
      testMatch: ['**/__tests__/**/*.test.ts'],
    },
    {
      // Admin page (react/): jsdom, the Styleguide's CommonJS, .gql files as graphql-tag
      // documents, and the local vtex.render-runtime stand-in.
      displayName: 'react',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/react'],
      transform: {
        '^.+\\.[jt]sx?$': tsJest,
        '^.+\\.(gql|graphql)$': '<rootDir>/dev/admin/jestGqlTransformer.js',
      },
      moduleFileExtensions: [
        'ts',
        'tsx',
        'js',
        'jsx',
        'json',
        'gql',
        'graphql',
      ],
      testMatch: ['**/__tests__/**/*.test.tsx', '**/__tests__/**/*.test.ts'],
      moduleNameMapper: {
        '\\.css$': 'identity-obj-proxy',
        '^vtex\\.styleguide$': '@vtex/styleguide',
        '^vtex\\.render-runtime$': '<rootDir>/dev/admin/renderRuntime.tsx',
        // Optional Styleguide peer (charts) that the page never renders.
        '^recharts$': '<rootDir>/dev/admin/stubs/recharts.js',
      },
      setupFilesAfterEnv: ['<rootDir>/react/__tests__/setup/jest.setup.ts'],
      // @vtex/styleguide ships CommonJS: no need to transform node_modules.
    },
  ],
}
