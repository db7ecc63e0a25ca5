#!/usr/bin/env node
/**
 * Local server of the real-Excel test (the office-addin-test-server pattern, without the package):
 *
 *   node test/excel/server.mjs [SCENARIO.json] [--port 4201] [--http] [--timeout SECONDS]
 *
 * Serves the test add-in (test/excel/manifest.xml points here): GET /taskpane.html (the page),
 * /in-excel.js (test/excel/in-excel.ts bundled with esbuild at start), /manifest.xml, the icons, and
 * GET /scenario (default examples/mid-market-saas.json). The page runs in Excel and POSTs /results:
 * this server compares every engine cell Excel computed with the engine (1e-9 relative or 1e-6
 * absolute), prints every check and the comparison, and exits 0 when all pass, 1 otherwise.
 * Excel add-ins need HTTPS: the certificates of `npx office-addin-dev-certs install`
 * (~/.office-addin-dev-certs) are used when present; --http is for tests only.
 */
import { createServer as createHttps } from 'node:https';
import { createServer as createHttp } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadModel } from '../../scripts/export.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CEQ real-Excel test</title>
<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
<script src="/in-excel.js"></script>
<style>body{font:14px Segoe UI,sans-serif;margin:12px}button{margin:4px 4px 4px 0}pre{white-space:pre-wrap}</style></head>
<body><h1 style="font-size:16px">Customer Equity Planner: real-Excel test</h1>
<p>Run this in a <b>new blank workbook</b>. It inserts sheets, names and charts and saves a scenario in the workbook.</p>
<button id="run" disabled>Run the test</button><button id="reopen" disabled>Check after reopening</button>
<pre id="log" role="status"></pre>
<script>
Office.onReady(() => {
  const log = (t) => { document.getElementById('log').textContent += t + '\\n'; };
  for (const [id, phase] of [['run', 'run'], ['reopen', 'reopen']]) {
    const b = document.getElementById(id);
    b.disabled = false;
    b.onclick = () => CeqExcelTest.main(location.origin, phase, log).catch((e) => log('failed: ' + e));
  }
});
</script></body></html>`;

/** Compares what Excel posted with the engine; returns the report's lines and whether all passed. */
export function report(model, scenario, results) {
  const result = model.buildWorkbook(scenario, { sheets: ['inputs', 'plain', 'summary'] }).result;
  const close = (a, b) => (typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) <= 1e-6 || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))
    : a === b);
  const lines = [`${results.host ?? 'Excel'} ${results.version ?? ''} (${results.phase})`];
  for (const c of results.checks) lines.push(`${c.pass ? 'pass' : 'FAIL'}  ${c.name}${c.detail ? `  (${c.detail})` : ''}`);
  const differ = [];
  let worst = 0;
  for (const c of results.cells) {
    const expected = model.engineValue(c.ref, scenario, result);
    if (typeof c.value === 'number' && typeof expected === 'number' && Math.abs(expected) >= 1) {
      worst = Math.max(worst, Math.abs(c.value - expected) / Math.abs(expected));
    }
    if (!close(c.value, expected)) differ.push(`  ${c.at} ${JSON.stringify(c.ref)}: Excel ${c.value}, engine ${expected}`);
  }
  if (results.phase === 'run') {
    lines.push(`${differ.length ? 'FAIL' : 'pass'}  ${results.cells.length} engine cells as Excel computes them equal the engine (largest relative difference ${worst.toExponential(2)})`);
    lines.push(...differ.slice(0, 30));
  }
  const failed = results.checks.filter((c) => !c.pass).length + (differ.length || (results.phase === 'run' && !results.cells.length) ? 1 : 0);
  lines.push(`${results.checks.length + (results.phase === 'run' ? 1 : 0) - failed} passed, ${failed} failed`);
  return { lines, ok: failed === 0 };
}

export async function bundle() {
  const out = await build({
    entryPoints: [join(here, 'in-excel.ts')], bundle: true, write: false, format: 'iife', globalName: 'CeqExcelTest',
    platform: 'browser', target: 'es2020', logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

export async function startServer(argv = process.argv.slice(2), log = console.log) {
  const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  const file = resolve(argv.find((a) => a.endsWith('.json')) ?? join(root, 'examples/mid-market-saas.json'));
  const port = Number(opt('--port', 4201));
  const model = await loadModel();
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const scenario = model.scenarioFromJson(json);
  const script = await bundle();
  const certDir = join(homedir(), '.office-addin-dev-certs');
  const [cert, key] = ['localhost.crt', 'localhost.key'].map((f) => join(certDir, f));
  const https = !argv.includes('--http') && existsSync(cert) && existsSync(key);
  let done;
  const finished = new Promise((r) => { done = r; });

  const handler = (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    res.setHeader('cache-control', 'no-store');
    if (req.method === 'OPTIONS') return res.end();
    const send = (type, body) => { res.setHeader('content-type', type); res.end(body); };
    if (req.method === 'GET' && (path === '/' || path === '/taskpane.html')) return send('text/html; charset=utf-8', PAGE);
    if (req.method === 'GET' && path === '/in-excel.js') return send('text/javascript; charset=utf-8', script);
    if (req.method === 'GET' && path === '/manifest.xml') return send('application/xml', readFileSync(join(here, 'manifest.xml')));
    if (req.method === 'GET' && /^\/icon-(16|32|64|80)\.png$/.test(path)) return send('image/png', readFileSync(join(root, 'assets', path.slice(1))));
    if (req.method === 'GET' && path === '/scenario') return send('application/json', JSON.stringify({ name: file, scenario: json }));
    if (req.method === 'POST' && path === '/results') {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        const r = report(model, scenario, JSON.parse(body));
        for (const line of r.lines) log(line);
        res.end('ok');
        done(r.ok);
      });
      return undefined;
    }
    res.statusCode = 404;
    return res.end('not found');
  };
  const server = https ? createHttps({ cert: readFileSync(cert), key: readFileSync(key) }, handler) : createHttp(handler);
  await new Promise((r) => server.listen(port, r));
  const address = `${https ? 'https' : 'http'}://localhost:${server.address().port}`;
  log(`serving the real-Excel test at ${address}/taskpane.html (scenario ${file}); waiting for Excel…`);
  if (!https) log('(no dev certificates found: run `npx office-addin-dev-certs install`, Excel needs https)');
  return { server, address, finished };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const argv = process.argv.slice(2);
  const timeout = Number(argv.includes('--timeout') ? argv[argv.indexOf('--timeout') + 1] : 0);
  const { server, finished } = await startServer(argv);
  if (timeout > 0) setTimeout(() => { console.log(`no results after ${timeout} s`); server.close(); process.exit(2); }, timeout * 1000).unref();
  const ok = await finished;
  server.close();
  process.exitCode = ok ? 0 : 1;
}
