// Lint rules, and the layer rules that keep imports pointing downward (VS Code's code-import-patterns):
//   engine  <-  functions, workbook  <-  office  <-  taskpane
// Do not relax the layer rules: a lower layer that imports a higher one cannot run without it.
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-artifacts/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  layer(['src/engine/**'], ['**/functions/**', '**/office/**', '**/taskpane/**', '**/workbook/**', '**/i18n/**', 'react', 'react-dom', '@fluentui/*'],
    'src/engine is the pure model: no Excel adapter, no Office.js, no UI.'),
  layer(['src/functions/**'], ['**/office/**', '**/taskpane/**', 'react', 'react-dom', '@fluentui/*'],
    'src/functions is the custom-functions adapter: it may use the engine only, so it registers before any UI loads.'),
  layer(['src/workbook/**'], ['**/functions/**', '**/office/**', '**/taskpane/**', 'react', 'react-dom', '@fluentui/*'],
    'src/workbook builds sheets as data from the engine; writing them is src/office\'s job.'),
  layer(['src/office/**'], ['**/taskpane/**', 'react', 'react-dom', '@fluentui/*'],
    'src/office holds the Excel.run adapters; the task pane calls them, never the other way round.'),
  {
    // React components receive Office through props from src/office; they never call it themselves.
    files: ['src/taskpane/**/*.tsx'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Excel', message: 'Call Excel through an adapter in src/office, passed in as a prop.' },
        { name: 'Office', message: 'Call Office through an adapter in src/office, passed in as a prop.' }],
    },
  },
);
