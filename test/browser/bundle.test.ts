/**
 * The BUILT bundle's shape and size: custom functions load first and carry no UI code, the pane's
 * screens and charts are lazy chunks, and the first screen's JavaScript stays within 300 KB gzipped.
 * Prints the sizes (and writes test-artifacts/bundle-sizes.json).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { artifact } from './browser';
import { assertBuilt, distDir } from './server';

const BUDGET_GZIP = 300 * 1024;

assertBuilt('functions.js');
const dir = distDir();
const read = (f: string) => readFileSync(join(dir, f));
const chunks = readdirSync(join(dir, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => `chunks/${f}`);
const sizes = ['functions.js', 'taskpane.js', ...chunks].map((file) => {
  const bytes = read(file);
  return { file, minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

describe('the production bundle', () => {
  it('reports minified and gzipped sizes of every file', () => {
    const paneGzip = sizes.filter((s) => s.file !== 'functions.js').reduce((a, s) => a + s.gzip, 0);
    const lines = sizes.map((s) => `${s.file.padEnd(44)} ${kb(s.minified).padStart(10)} ${kb(s.gzip).padStart(10)} gz`);
    lines.push(`${'task pane total (taskpane.js + chunks)'.padEnd(44)} ${''.padStart(10)} ${kb(paneGzip).padStart(10)} gz`);
    console.log(`Bundle sizes (${dir}):\n${lines.join('\n')}`);
    writeFileSync(artifact('bundle-sizes.json'), JSON.stringify({ sizes, paneGzip }, null, 2));
    expect(sizes.length).toBeGreaterThan(2);
  });

  // The budget is what the pane loads to show its first screen; charts, rarely used screens,
  // the Excel-only workbook code and the Monte Carlo worker load later, each when first needed.
  it('keeps the first screen\'s JavaScript (taskpane.js) within 300 KB gzipped', () => {
    expect(sizes.find((s) => s.file === 'taskpane.js')!.gzip).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it('keeps every lazy chunk small next to the first screen (each within 60 KB gzipped)', () => {
    for (const s of sizes.filter((x) => x.file.startsWith('chunks/'))) expect(`${s.file} ${s.gzip <= 60 * 1024}`).toBe(`${s.file} true`);
  });

  it('loads office-watch.js, office.js, then functions.js, then taskpane.js, all blocking: functions register before any UI code', () => {
    const html = read('taskpane.html').toString();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    // The page is minified: attribute quotes may be gone.
    const srcs = scripts.map((a) => /src="?([^"\s>]+)/.exec(a)?.[1]);
    // office-watch.js first: it records a helper file of office.js that fails before taskpane.js runs (src/office/host.ts).
    expect(srcs).toEqual(['office-watch.js', 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'functions.js', 'taskpane.js']);
    for (const attrs of scripts) expect(attrs).not.toMatch(/\b(defer|async|type="?module)\b/);
  });

  it('ships no source maps (CEQ_SOURCE_MAPS=1 builds them on purpose) and no file points at one', () => {
    if (process.env.CEQ_SOURCE_MAPS) return;
    const all = (sub: string): string[] => readdirSync(join(dir, sub), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? all(join(sub, e.name)) : [join(sub, e.name)]));
    expect(all('.').filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const s of sizes) expect(`${s.file}: ${/sourceMappingURL/.test(read(s.file).toString())}`).toBe(`${s.file}: false`);
  });

  it('the page\'s Content-Security-Policy comes first in <head>, before any script, and allows only itself and Office\'s CDN', () => {
    const html = read('taskpane.html').toString();
    const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html);
    expect(meta).not.toBeNull();
    expect(html.indexOf(meta![0])).toBeLessThan(html.indexOf('<script'));
    expect(meta![1]).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(meta![1]).not.toMatch(/unsafe-eval|\*/);
  });

  it('the functions bundle carries no React, Fluent UI or task pane code', () => {
    const functions = read('functions.js').toString();
    for (const marker of ['react.dev/errors', 'Minified React error', '__SECRET_INTERNALS', 'fui-FluentProvider', 'data-tabster', 'Customer Equity Planner']) {
      expect(functions).not.toContain(marker);
    }
  });

  it('the charts and the rarely used screens are lazy chunks of their own', () => {
    const names = chunks.map((c) => c.replace(/^chunks\//, '').replace(/\.[0-9a-f]{8}\.js$/, ''));
    expect(names).toEqual(expect.arrayContaining(['charts', 'results', 'summary', 'workbook', 'workbook-excel']));
    const pane = read('taskpane.js').toString();
    // The chart components and the workbook panel are not in the first load.
    expect(pane).not.toContain('Data table:');
    expect(pane).not.toContain('Read from selection');
  });
});
