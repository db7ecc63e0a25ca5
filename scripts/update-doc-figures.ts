/**
 * npx tsx scripts/update-doc-figures.ts [--check]
 *
 * Rewrites every engine figure of docs/model.md and docs/modelo.md (each numeric cell of the tables
 * after a `<!-- check: id -->` marker, and the numbers quoted in sentences) with the engine's value,
 * written as the page already writes it (decimals, percent, separators, minus sign, thousands
 * columns). Texts, keys and row labels are the page's own; a table whose rows or ids differ from
 * test/docs/expected-figures.ts is an error, not something to guess at. Prints each change. With
 * --check it writes nothing and exits with status 1 when a page is out of date.
 * `npm run docs:figures` runs this after scripts/docs-catalogue.mjs (the assumption tables).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DocLanguage } from './catalogue-table';
import { PAGES, ROOT, expectedFigures } from '../test/docs/expected-figures';
import { withFigures } from '../test/docs/page-figures';

function main(argv: string[]): void {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length) throw new Error(`unknown argument ${unknown[0]}\nusage: npx tsx scripts/update-doc-figures.ts [--check]`);
  const figures = expectedFigures();
  let stale = 0;
  for (const language of Object.keys(PAGES) as DocLanguage[]) {
    const path = PAGES[language];
    const file = resolve(ROOT, path);
    const { page, changes } = withFigures(readFileSync(file, 'utf8'), language, figures[language], path);
    for (const change of changes) console.log(change);
    if (!changes.length) {
      console.log(`${path}: figures up to date`);
    } else if (check) {
      stale++;
      console.error(`${path}: ${changes.length} figures out of date; run npm run docs:figures`);
    } else {
      writeFileSync(file, page);
      console.log(`${path}: ${changes.length} figures written`);
    }
  }
  if (stale) process.exitCode = 1;
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
