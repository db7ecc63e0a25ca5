/*
 * `npm start`: serves dist/ (https with office-addin-dev-certs' files when present, else http).
 *
 * Safe for a developer's machine: it listens on 127.0.0.1 only (CEQ_HOST=0.0.0.0 or another address
 * to be reached from elsewhere, e.g. a VM running Excel), it survives any request line (a bad
 * percent-encoding, a NUL byte, a path that climbs out: 400 or 404, never a crash), it serves only
 * files inside dist/ (checked with path.relative after decoding, so /..%2fdist-private/… stays out),
 * and it answers CORS only to Office's own origins, never with `*`.
 *
 * Environment: PORT (3000; 0 picks a free one), CEQ_HOST (127.0.0.1), CEQ_DIST (dist), HTTP_ONLY=1.
 */
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import origins from './office-origins.cjs';

const { officeCorsHeaders } = origins;

const root = resolve(new URL('..', import.meta.url).pathname, process.env.CEQ_DIST ?? 'dist');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.CEQ_HOST || '127.0.0.1';
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.css': 'text/css', '.map': 'application/json', '.txt': 'text/plain' };

/** The file a request path names inside root, or undefined when it names nothing there. */
export function fileOf(rootDir, rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined; // bad percent-encoding or an unparsable URL
  }
  if (pathname.includes('\0')) return undefined;
  const file = resolve(rootDir, `.${pathname === '/' ? '/taskpane.html' : pathname}`);
  const rel = relative(rootDir, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return file;
}

function handler(req, res) {
  try {
    const file = fileOf(root, req.url);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      ...officeCorsHeaders(req.headers.origin),
      'X-Content-Type-Options': 'nosniff',
      // Excel caches functions.json for a day whatever we say; at least the browser won't.
      'Cache-Control': file.endsWith('functions.json') || file.endsWith('functions-es.json') ? 'no-store' : 'no-cache',
    });
    res.end(readFileSync(file));
  } catch {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('error');
  }
}

/** A request line Node cannot parse gets a 400 and the server goes on. */
function onClientError(_err, socket) {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  else socket.destroy();
}

async function certificates() {
  const dir = join(homedir(), '.office-addin-dev-certs');
  const paths = ['localhost.crt', 'localhost.key'].map((f) => join(dir, f));
  if (!paths.every(existsSync)) {
    try {
      const certs = await import('office-addin-dev-certs');
      // Generates the CA and certificate files; installing the CA needs admin rights and may fail.
      await (certs.generateCertificates?.() ?? certs.default?.generateCertificates?.());
    } catch { /* fall back to http below */ }
  }
  return paths.every(existsSync) ? { cert: readFileSync(paths[0]), key: readFileSync(paths[1]) } : null;
}

const listen = (server, p) => new Promise((ok, fail) => {
  server.on('clientError', onClientError);
  server.once('error', fail);
  server.listen(p, host, () => ok(server.address().port));
});

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const tls = process.env.HTTP_ONLY ? null : await certificates();
  const main = await listen(tls ? createHttps(tls, handler) : createHttp(handler), port);
  // Beside https (which Excel needs), plain http on the next port: a browser that does not trust the
  // development certificate still opens the preview without a warning.
  const previewPort = tls ? await listen(createHttp(handler), main + 1) : main;
  const name = host === '127.0.0.1' ? 'localhost' : host;
  console.log(`
Customer Equity Planner is served from ${root} at ${tls ? 'https' : 'http'}://${name}:${main}/ (listening on ${host}; CEQ_HOST changes it)

  Preview in a browser:  http://${name}:${previewPort}/taskpane.html   (preview mode: built-in example scenarios)
  Sideload into Excel:
    desktop (Windows/Mac):  npx office-addin-debugging start manifest.xml desktop
                            (or put manifest.xml in a shared-folder catalog / the wef folder on Mac)
    Excel on the web:       Insert > Add-ins > Upload My Add-in > manifest.xml
${tls ? `  The certificate comes from ~/.office-addin-dev-certs. If your browser or Excel does not trust it,
  install ~/.office-addin-dev-certs/ca.crt into the OS trust store (or run
  \`npx office-addin-dev-certs install\` with admin rights).` : `  No certificate could be made, so this is plain http: fine for the browser preview; Excel needs https
  (run \`npx office-addin-dev-certs install\` with admin rights, then npm start again).`}
Stop with Ctrl+C.`);
}
