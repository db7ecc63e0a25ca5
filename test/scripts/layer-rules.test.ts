import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Issue 16: eslint.config.mjs's layer rules, run by ESLint itself on code handed in through stdin as if
 * it were a file at the given path (nothing is written into src). A lower engine folder importing a
 * higher one, a reach past another folder's index, and an adapter reaching inside the engine all fail.
 */
const ROOT = resolve(__dirname, '../..');
const ESLINT = resolve(ROOT, 'node_modules/eslint/bin/eslint.js');

function lint(path: string, code: string): string[] {
  const run = spawnSync(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', path], { cwd: ROOT, input: code, encoding: 'utf8' });
  const [report] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return report.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

test('engine folders import only the folders below them, through their index', () => {
  expect(lint('src/engine/model/probe.ts', "export { runMonteCarlo } from '../uncertainty';\n")).toEqual([
    expect.stringMatching(/^no-restricted-imports: .*src\/engine\/model may import only text, math/),
  ]);
  expect(lint('src/engine/quota/probe.ts', "export { project } from '../model/project';\n")).toEqual([
    expect.stringMatching(/^no-restricted-imports: .*through its index/),
  ]);
  expect(lint('src/engine/quota/probe.ts', "export { project } from '../model';\nexport { normalCdf } from '../math';\n")).toEqual([]);
});

test('outside the engine, only its index', () => {
  expect(lint('src/functions/probe.ts', "export { validateScenario } from '../engine/scenario';\n")).toEqual([
    expect.stringMatching(/^no-restricted-imports: .*from its index/),
  ]);
  expect(lint('src/functions/probe.ts', "export { validateScenario } from '../engine';\n")).toEqual([]);
});
