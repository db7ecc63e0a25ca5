/**
 * A static file server for the BUILT bundle (CEQ_DIST, dist/ by default) on a free localhost port.
 * Used by every browser test (the task pane's and later ones, e.g. the Monte Carlo worker's).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const ROOT = resolve(__dirname, '../..');

/** The build output directory the tests serve. */
export function distDir(): string {
  return resolve(ROOT, process.env.CEQ_DIST || 'dist');
}

/** Throws a message saying what to run when the build is missing. */
export function assertBuilt(...files: string[]): void {
  const dir = distDir();
  const missing = ['taskpane.html', 'taskpane.js', ...files].filter((f) => !existsSync(join(dir, f)));
  if (missing.length) {
    throw new Error(`The browser tests serve the built bundle, but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from ${dir}. ` +
      `Run \`npm run build\` (or \`CEQ_DIST=${process.env.CEQ_DIST || 'dist'} npx webpack --mode production\`) first.`);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.css': 'text/css', '.map': 'application/json',
};

export interface StaticServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  close(): Promise<void>;
}

export async function serveDirectory(root: string = distDir()): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = normalize(join(root, decodeURIComponent(url.pathname === '/' ? '/taskpane.html' : url.pathname)));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
