// Lint rules, and the layer rules that keep imports pointing downward (VS Code's code-import-patterns):
//   engine  <-  functions, workbook  <-  office  <-  taskpane
// and, inside the engine, between its folders (ENGINE_FOLDERS below; docs/architecture.md draws them).
// Do not relax the layer rules: a lower layer that imports a higher one cannot run without it.
// `npm run lint` also runs scripts/check-cycles.mjs: no import cycle anywhere in src, between files or folders.
import tseslint from 'typescript-eslint';

/** Outside the engine, everything comes through src/engine/index.ts, never from a file inside it. */
const ENGINE_INDEX_ONLY = { regex: '(^|/)engine/.', message: "Import the engine from its index ('../engine'), not a file inside it." };

const layer = (files, forbidden, message, extra = []) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [...forbidden.map((group) => ({ group: [group], message })), ...extra] }],
  },
});

const ENGINE_FORBIDDEN = ['**/functions/**', '**/office/**', '**/taskpane/**', '**/workbook/**', '**/i18n/**', 'react', 'react-dom', '@fluentui/*'];
const ENGINE_MESSAGE = 'src/engine is the pure model: no Excel adapter, no Office.js, no UI.';

/**
 * Which engine folder may import which (each through the other's index). Lowest first: text says the
 * problems, math knows no model, model projects one plan, quota adds the quota layer, scenario checks,
 * stores and runs a whole scenario, uncertainty and analysis run it many times; retention and
 * calibration stand beside. No two folders may import each other, directly or round a loop.
 */
const ENGINE_FOLDERS = {
  text: [],
  math: ['text'],
  model: ['text', 'math'],
  retention: ['text', 'math'],
  quota: ['text', 'math', 'model'],
  scenario: ['text', 'math', 'model', 'quota'],
  uncertainty: ['text', 'math', 'model', 'quota', 'scenario'],
  calibration: ['text', 'math', 'model', 'retention', 'scenario'],
  analysis: ['text', 'math', 'model', 'quota', 'scenario', 'uncertainty'],
};

const engineFolder = ([folder, allowed]) => {
  const others = Object.keys(ENGINE_FOLDERS).filter((f) => f !== folder && !allowed.includes(f));
  const extra = [{ regex: '^\\.\\./[a-z-]+/', message: `Import another engine folder through its index ('../model'), not a file inside it.` }];
  if (others.length > 0) {
    extra.push({ regex: `^\\.\\./(${others.join('|')})$`, message: `src/engine/${folder} may import only ${allowed.join(', ') || 'nothing else in the engine'} (eslint.config.mjs, ENGINE_FOLDERS).` });
  }
  return layer([`src/engine/${folder}/**`], ENGINE_FORBIDDEN, ENGINE_MESSAGE, extra);
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-artifacts/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  layer(['src/engine/**'], ENGINE_FORBIDDEN, ENGINE_MESSAGE),
  ...Object.entries(ENGINE_FOLDERS).map(engineFolder),
  layer(['src/functions/**'], ['**/office/**', '**/taskpane/**', 'react', 'react-dom', '@fluentui/*'],
    'src/functions is the custom-functions adapter: it may use the engine only, so it registers before any UI loads.', [ENGINE_INDEX_ONLY]),
  layer(['src/workbook/**'], ['**/functions/**', '**/office/**', '**/taskpane/**', 'react', 'react-dom', '@fluentui/*'],
    'src/workbook builds sheets as data from the engine; writing them is src/office\'s job.', [ENGINE_INDEX_ONLY]),
  layer(['src/office/**'], ['**/taskpane/**', 'react', 'react-dom', '@fluentui/*'],
    'src/office holds the Excel.run adapters; the task pane calls them, never the other way round.', [ENGINE_INDEX_ONLY]),
  layer(['src/taskpane/**', 'src/i18n/**'], [], '', [ENGINE_INDEX_ONLY]),
  {
    // React components receive Office through props from src/office; they never call it themselves.
    files: ['src/taskpane/**/*.tsx'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Excel', message: 'Call Excel through an adapter in src/office, passed in as a prop.' },
        { name: 'Office', message: 'Call Office through an adapter in src/office, passed in as a prop.' }],
    },
  },
);
