/* `npm start`: serves dist/ on localhost (https with office-addin-dev-certs' files when present, else http). */
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname, process.env.CEQ_DIST ?? 'dist');
const port = Number(process.env.PORT || 3000);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.css': 'text/css', '.map': 'application/json', '.txt': 'text/plain' };

function handler(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const file = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/taskpane.html' : url.pathname)));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Access-Control-Allow-Origin': '*',
    // Excel caches functions.json for a day whatever we say; at least the browser won't.
    'Cache-Control': file.endsWith('functions.json') || file.endsWith('functions-es.json') ? 'no-store' : 'no-cache',
  });
  res.end(readFileSync(file));
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

const tls = process.env.HTTP_ONLY ? null : await certificates();
const server = tls ? createHttps(tls, handler) : createHttp(handler);
// Beside https (which Excel needs), plain http on the next port: a browser that does not trust the
// development certificate still opens the preview without a warning.
const previewPort = tls ? port + 1 : port;
if (tls) createHttp(handler).listen(previewPort, 'localhost');
server.listen(port, () => {
  const base = `${tls ? 'https' : 'http'}://localhost:${port}`;
  console.log(`
Customer Equity Planner is served from ${root} at ${base}/

  Preview in a browser:  http://localhost:${previewPort}/taskpane.html   (preview mode: built-in example scenarios)
  Sideload into Excel:
    desktop (Windows/Mac):  npx office-addin-debugging start manifest.xml desktop
                            (or put manifest.xml in a shared-folder catalog / the wef folder on Mac)
    Excel on the web:       Insert > Add-ins > Upload My Add-in > manifest.xml
${tls ? `  The certificate comes from ~/.office-addin-dev-certs. If your browser or Excel does not trust it,
  install ~/.office-addin-dev-certs/ca.crt into the OS trust store (or run
  \`npx office-addin-dev-certs install\` with admin rights).` : `  No certificate could be made, so this is plain http: fine for the browser preview; Excel needs https
  (run \`npx office-addin-dev-certs install\` with admin rights, then npm start again).`}
Stop with Ctrl+C.`);
});
