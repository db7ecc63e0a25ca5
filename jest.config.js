/** Three kinds of test, each in its own environment. The browser tests need `npm run build` first. */
const tsJest = ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }];
const common = { transform: { '^.+\\.tsx?$': tsJest }, moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/test/browser/'] },
    { ...common, displayName: 'dom', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/**/*.test.tsx'], setupFilesAfterEnv: ['<rootDir>/test/taskpane/setup.ts'] },
    { ...common, displayName: 'browser', testEnvironment: 'node', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
