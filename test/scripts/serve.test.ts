import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Issue 12, item 10: `npm start`'s server (scripts/serve.mjs), started as a developer starts it, on a
 * throw-away dist/ with a sibling folder holding a secret. Every request goes over a raw socket, so the
 * request line reaches the server exactly as written here (no client normalises "..").
 */
const SCRIPT = resolve(__dirname, '../../scripts/serve.mjs');
let dir: string;
let server: ChildProcess;
let port: number;
let stderr = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ceq-serve-'));
  mkdirSync(join(dir, 'dist', 'chunks'), { recursive: true });
  mkdirSync(join(dir, 'dist-private'));
  writeFileSync(join(dir, 'dist', 'taskpane.html'), '<!doctype html><p>pane</p>');
  writeFileSync(join(dir, 'dist', 'chunks', 'a b.js'), 'chunk');
  writeFileSync(join(dir, 'dist-private', 'secret.txt'), 'SECRET');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  server = spawn(process.execPath, [SCRIPT], { env: { ...process.env, PORT: '0', HTTP_ONLY: '1', CEQ_DIST: join(dir, 'dist'), CEQ_HOST: '' } });
  server.stderr!.on('data', (d) => { stderr += String(d); });
  port = await new Promise<number>((ok, fail) => {
    let out = '';
    server.stdout!.on('data', (d) => {
      out += String(d);
      const m = /at http:\/\/localhost:(\d+)\//.exec(out);
      if (m) ok(Number(m[1]));
    });
    server.once('exit', (code) => fail(new Error(`serve.mjs exited (${code}): ${stderr}`)));
  });
});

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Sends `head` as the whole request head and returns the raw response. */
function raw(head: string): Promise<string> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => { data += String(d); });
    socket.on('end', () => ok(data));
    socket.on('error', (e) => (data ? ok(data) : fail(e)));
    socket.end(head); // half-close: the server answers what it got, then closes
  });
}
const get = (target: string, headers = '') => raw(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${headers}\r\n`);
const status = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);

describe('scripts/serve.mjs', () => {
  it('serves dist/ (the pane at /, files by their encoded names)', async () => {
    const pane = await get('/');
    expect(status(pane)).toBe(200);
    expect(pane).toContain('<p>pane</p>');
    expect(await get('/chunks/a%20b.js')).toContain('chunk');
    expect(await get('/?%E0%A4%A')).toContain('<p>pane</p>'); // a query is not a path: ignored
  });

  it.each([
    '/..%2fdist-private%2fsecret.txt', '/../dist-private/secret.txt', '/%2e%2e/dist-private/secret.txt', '/%2e%2e%2fsecret.txt',
    '/..%5cdist-private%5csecret.txt', '/../secret.txt', '/chunks/../../secret.txt', '//..//secret.txt', '/%2E%2E/%2E%2E/secret.txt',
    'http://localhost/../dist-private/secret.txt', '/.%2e/dist-private/secret.txt', '/dist/../dist-private/secret.txt',
  ])('never serves a file outside dist/: %s', async (target) => {
    const response = await get(target);
    expect(response).not.toContain('SECRET');
    expect([400, 404]).toContain(status(response));
  });

  it.each([
    '/%E0%A4%A', '/%', '/%zz', '/%00', '/taskpane.html%00.js', '/%C0%AF', `/${'a'.repeat(6000)}`, '*', '/%ED%A0%80',
  ])('survives a malformed request target: %s', async (target) => {
    expect([400, 404, 414, 431]).toContain(status(await get(target)));
    expect(status(await get('/'))).toBe(200);
  });

  it.each([
    'BLAH\r\n\r\n', 'GET\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', 'GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n', '\r\n\r\n\r\n',
    'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n', `GET /${'%'.repeat(100)} HTTP/1.1\r\nHost: x\r\n\r\n`,
  ])('survives a request line it cannot parse: %j', async (head) => {
    const response = await raw(head);
    if (response) expect(status(response)).toBeGreaterThanOrEqual(400);
    expect(status(await get('/'))).toBe(200);
  });

  it('sends no wildcard CORS header; an Office origin is named, any other gets none', async () => {
    const plain = await get('/');
    expect(plain).not.toMatch(/Access-Control-Allow-Origin: \*/i);
    const office = await get('/', 'Origin: https://excel.officeapps.live.com\r\n');
    expect(office).toMatch(/Access-Control-Allow-Origin: https:\/\/excel\.officeapps\.live\.com/i);
    const other = await get('/', 'Origin: https://evil.example\r\n');
    expect(other).not.toMatch(/Access-Control-Allow-Origin/i);
    const lookalike = await get('/', 'Origin: https://office.com.evil.example\r\n');
    expect(lookalike).not.toMatch(/Access-Control-Allow-Origin/i);
  });

  it('listens on 127.0.0.1 only by default, and is still alive after all of the above', async () => {
    expect(server.exitCode).toBeNull();
    expect(stderr).toBe('');
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      const reached = await new Promise<boolean>((ok) => {
        const s = connect(port, external.address);
        s.on('connect', () => { s.destroy(); ok(true); });
        s.on('error', () => ok(false));
      });
      expect(reached).toBe(false);
    }
  });
});
