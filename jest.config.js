/** Three kinds of test, each in its own environment. The browser tests need `npm run build` first. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }]; // tsconfig's isolatedModules: transpile only, types are npm run typecheck's job
const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  setupFiles: ['<rootDir>/test/fast-check-seed.ts', '<rootDir>/test/frozen-ranges.ts'],
};
module.exports = {
  // Tests never race a clock (README: they hold on a busy machine); this only stops a test that hangs.
  testTimeout: 600_000,
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/test/browser/'] },
    { ...common, displayName: 'dom', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/**/*.test.tsx'], setupFilesAfterEnv: ['<rootDir>/test/taskpane/setup.ts'] },
    { ...common, displayName: 'browser', testEnvironment: 'node', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
