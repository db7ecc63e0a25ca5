#!/usr/bin/env node
/**
 * node scripts/docs-catalogue.mjs [--check]
 *
 * Writes the assumption tables of docs/model.md (English) and docs/modelo.md (Spanish) between their
 * `<!-- catalogue:start -->` and `<!-- catalogue:end -->` markers, from src/engine/model/catalogue.ts. With
 * --check it writes nothing and exits with status 1 when a page is out of date.
 *
 * The rendering lives in scripts/catalogue-table.ts (the test imports it too); it is bundled at run
 * time with esbuild's API into a temporary module, so the script needs no TypeScript loader.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = [
  { path: 'docs/model.md', language: 'en' },
  { path: 'docs/modelo.md', language: 'es' },
];

async function loadRenderer() {
  const dir = mkdtempSync(join(tmpdir(), 'ceq-docs-'));
  const file = join(dir, 'catalogue-table.mjs');
  try {
    await build({
      entryPoints: [join(root, 'scripts/catalogue-table.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: file,
      logLevel: 'error',
    });
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv) {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length) throw new Error(`unknown argument ${unknown[0]}\nusage: node scripts/docs-catalogue.mjs [--check]`);
  const { withCatalogueTables } = await loadRenderer();
  let stale = 0;
  for (const { path, language } of PAGES) {
    const file = join(root, path);
    const page = readFileSync(file, 'utf8');
    const updated = withCatalogueTables(page, language);
    if (updated === page) {
      console.log(`${path}: up to date`);
    } else if (check) {
      stale++;
      console.error(`${path}: assumption tables are out of date; run node scripts/docs-catalogue.mjs`);
    } else {
      writeFileSync(file, updated);
      console.log(`${path}: assumption tables written`);
    }
  }
  if (stale) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
