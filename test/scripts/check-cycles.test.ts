import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Issue 16: `npm run lint` runs scripts/check-cycles.mjs over src. Here it runs on throw-away folders,
 * so a cycle it should catch (through a type-only import, an index, a re-export) is one it does catch.
 */
const SCRIPT = resolve(__dirname, '../../scripts/check-cycles.mjs');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ceq-cycles-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function check(files: Record<string, string>): { status: number | null; stderr: string } {
  const root = mkdtempSync(join(dir, 'case-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

test('a chain with no way back passes', () => {
  const run = check({ 'a.ts': "import { b } from './b';\nexport const a = b;\n", 'b.ts': "import { c } from './lib';\nexport const b = c;\n", 'lib/index.ts': 'export const c = 1;\n' });
  expect(run).toEqual({ status: 0, stderr: '' });
});

test('two files importing each other fail, each named', () => {
  const run = check({ 'a.ts': "import { b } from './b';\nexport const a = 1;\n", 'b.ts': "import { a } from './a';\nexport const b = a;\n" });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/Import cycle among 2 files/);
  expect(run.stderr).toMatch(/a\.ts/);
  expect(run.stderr).toMatch(/b\.ts/);
});

test('a type-only import that closes a loop through a folder index and a re-export fails', () => {
  const run = check({
    'errors.ts': "import type { Id } from './text';\nexport interface Problem { id: Id }\n",
    'text/index.ts': "export * from './messages';\n",
    'text/messages.tsx': "import type { Problem } from '../errors';\nexport type Id = string;\nexport const say = (p: Problem) => p.id;\n",
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/Import cycle among 3 files/);
});

test('a file importing itself fails', () => {
  expect(check({ 'self.ts': "export { x } from './self';\nexport const x = 1;\n" }).status).toBe(1);
});
