/**
 * The functions layer's shape: it imports only the engine and itself (never React or the task pane),
 * registers synchronously, and the Spanish metadata generator fails loudly on drift.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIST, distMissing } from './host';

const root = resolve(__dirname, '../..');
const srcDir = resolve(root, 'src/functions');
const sources = readdirSync(srcDir).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(join(srcDir, f), 'utf8')] as const);

describe('src/functions', () => {
  it.each(sources)('%s imports only the engine and its own folder', (_, text) => {
    const imports = [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    for (const path of imports) expect(path).toMatch(/^\.\.\/engine(\/[a-z-]+)?$|^\.\/[a-z-]+$/);
  });

  it.each(sources)('%s stays small enough to read in one sitting', (_, text) => {
    expect(text.split('\n').length).toBeLessThan(320);
  });

  it('registers at the top level: no await, no Office.onReady in the entry', () => {
    const index = readFileSync(join(srcDir, 'index.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(index).not.toMatch(/\bawait\b|onReady/);
    expect(index).toMatch(/^for \(const \[id, fn\] of Object\.entries\(BY_ID\)\) registration\.associate\(id, fn\);$/m);
  });

  it('declares no volatile, streaming or async function', () => {
    const functions = readFileSync(join(srcDir, 'functions.ts'), 'utf8');
    expect(functions).not.toMatch(/@volatile|@streaming|async function/);
  });

  it('keeps React out of the built bundle', () => {
    const missing = distMissing('functions.js');
    if (missing) throw new Error(missing);
    const bundle = readFileSync(join(DIST, 'functions.js'), 'utf8');
    expect(bundle).not.toMatch(/react\.element|__SECRET_INTERNALS|createElement\(/i);
  });
});

describe('scripts/functions-es.mjs', () => {
  const run = (metadata: unknown) => {
    const dir = mkdtempSync(join(tmpdir(), 'ceq-es-'));
    writeFileSync(join(dir, 'functions.json'), JSON.stringify(metadata));
    try {
      execFileSync('node', [resolve(root, 'scripts/functions-es.mjs'), join(dir, 'functions.json'), join(dir, 'functions-es.json')], { stdio: 'pipe' });
      return { ok: true, out: JSON.parse(readFileSync(join(dir, 'functions-es.json'), 'utf8')) };
    } catch (e) {
      return { ok: false, err: String((e as { stderr?: Buffer }).stderr) };
    }
  };

  it('fails loudly when an id has no Spanish entry or a parameter drifted', () => {
    const missingId = run({ functions: [{ id: 'NEW', name: 'NEW', parameters: [], result: {} }] });
    expect(missingId.ok).toBe(false);
    expect(missingId.err).toContain('NEW: no Spanish entry');
    const renamed = run({ functions: [{ id: 'GRR', name: 'GRR', parameters: [{ name: 'start' }, { name: 'contraction' }, { name: 'churned' }], result: {} }] });
    expect(renamed.ok).toBe(false);
    expect(renamed.err).toContain('parameter 1 is "start"');
  });
});
