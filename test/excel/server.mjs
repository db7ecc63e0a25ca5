#!/usr/bin/env node
/**
 * Local test server for the real-Excel check (office-addin-test-server pattern, without the package):
 *   node test/excel/server.mjs examples/mid-market-saas.json [--port 4201] [--cert cert.pem --key key.pem]
 * Serves the scenario at GET /scenario, receives the values Excel computed at POST /results, compares
 * every one with the engine (1e-9 relative or 1e-6 absolute), prints a report and exits 0 or 1.
 * Excel add-ins call HTTPS: use the dev certificates of office-addin-dev-certs (~/.office-addin-dev-certs).
 */
import { createServer as createHttps } from 'node:https';
import { createServer as createHttp } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../scripts/export.mjs';

const args = process.argv.slice(2);
const file = args.find((a) => a.endsWith('.json'));
if (!file) {
  console.error('usage: node test/excel/server.mjs SCENARIO.json [--port 4201] [--cert FILE --key FILE] [--http]');
  process.exit(2);
}
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const port = Number(opt('--port', 4201));
const certDir = join(homedir(), '.office-addin-dev-certs');
const cert = opt('--cert', join(certDir, 'localhost.crt'));
const key = opt('--key', join(certDir, 'localhost.key'));

const model = await loadModel();
const json = JSON.parse(readFileSync(file, 'utf8'));
const scenario = model.scenarioFromJson(json);
const result = model.buildWorkbook(scenario, { sheets: ['inputs', 'plain', 'summary'] }).result;

const close = (a, b) => (typeof a === 'number' && typeof b === 'number'
  ? Math.abs(a - b) <= 1e-6 || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))
  : a === b);

const handler = (req, res) => {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-headers', 'content-type');
  if (req.method === 'OPTIONS') return res.end();
  if (req.method === 'GET' && req.url === '/scenario') return res.end(JSON.stringify({ name: file, scenario: json }));
  if (req.method === 'POST' && req.url === '/results') {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      const got = JSON.parse(body);
      const failures = [];
      for (const c of got.cells) {
        const expected = model.engineValue(c.ref, scenario, result);
        if (!close(c.value, expected)) failures.push(`${JSON.stringify(c.ref)}: Excel ${c.value}, engine ${expected}`);
      }
      console.log(`${got.host ?? 'Excel'} ${got.version ?? ''}: ${got.cells.length} cells compared, ${failures.length} differ`);
      for (const f of failures.slice(0, 30)) console.log(`  ${f}`);
      console.log(`${got.cells.length - failures.length} passed, ${failures.length} failed`);
      res.end('ok');
      server.close();
      process.exitCode = failures.length ? 1 : 0;
    });
    return undefined;
  }
  res.statusCode = 404;
  return res.end();
};

const server = args.includes('--http') || !existsSync(cert)
  ? createHttp(handler)
  : createHttps({ cert: readFileSync(cert), key: readFileSync(key) }, handler);
server.listen(port, () => console.log(`waiting for Excel on port ${port} (scenario ${file})`));
