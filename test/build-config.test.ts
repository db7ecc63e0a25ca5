import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Issue 12, item 11: what the production build ships. The webpack configuration is read as webpack
 * reads it; the build itself is checked in test/browser/bundle.test.ts and csp.test.ts.
 */
const ROOT = resolve(__dirname, '..');

interface Config {
  devtool: string | false;
  plugins: { constructor: { name: string }; userOptions?: { csp?: string }; patterns?: { from: string; transform?: (c: Buffer) => string }[] }[];
}

function configWith(env: Record<string, string | undefined>, mode = 'production'): Config {
  const saved = { ...process.env };
  try {
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    let config: Config | undefined;
    jest.isolateModules(() => {
      config = require('../webpack.config.js')({}, { mode }); // as webpack reads this CommonJS file
    });
    return config!;
  } finally {
    process.env = saved;
  }
}

const cspOf = (c: Config) => c.plugins.find((p) => p.constructor.name === 'HtmlWebpackPlugin')!.userOptions!.csp!;
const manifestOf = (c: Config) => {
  const copy = c.plugins.find((p) => p.constructor.name === 'CopyPlugin')!;
  return copy.patterns!.find((p) => p.from === 'manifest.xml')!.transform!(Buffer.from('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>'));
};

describe('the production build', () => {
  it('ships no source maps unless CEQ_SOURCE_MAPS asks for them', () => {
    expect(configWith({ CEQ_SOURCE_MAPS: undefined }).devtool).toBe(false);
    expect(configWith({ CEQ_SOURCE_MAPS: '1' }).devtool).toBe('source-map');
  });

  it.each(['http://addin.example.com/', 'HTTP://addin.example.com/', 'ftp://addin.example.com/', 'addin.example.com', 'javascript:alert(1)', '//addin.example.com/'])(
    'refuses ADDIN_URL=%s with a message saying https is needed', (url) => {
      expect(() => configWith({ ADDIN_URL: url })).toThrow(/ADDIN_URL must be an https:\/\/ address/);
    });

  it('takes an https ADDIN_URL (adding the trailing slash the manifest\'s URLs need)', () => {
    expect(manifestOf(configWith({ ADDIN_URL: 'https://addin.example.com/ceq' }))).toContain('"https://addin.example.com/ceq/taskpane.html"');
    expect(manifestOf(configWith({ ADDIN_URL: undefined }))).toContain('"https://localhost:3000/taskpane.html"');
  });

  it('fails `webpack` itself, before compiling, when ADDIN_URL is not https', () => {
    const run = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], {
      cwd: ROOT, env: { ...process.env, ADDIN_URL: 'http://addin.example.com/', CEQ_DIST: 'dist-never-written' }, encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/ADDIN_URL must be an https:\/\/ address: Office loads add-ins over https only, and "http:\/\/addin\.example\.com\/" is http\./);
  });

  it('gives the pane a Content-Security-Policy allowing only itself and Office\'s CDN', () => {
    const csp = cspOf(configWith({}));
    const hosts = csp.split(';').flatMap((d) => d.trim().split(/\s+/).slice(1)).filter((s) => !s.startsWith("'"));
    expect([...new Set(hosts)].sort()).toEqual(['data:', 'https://appsforoffice.microsoft.com']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/unsafe-eval|\*/);
    expect(cspOf(configWith({}, 'development'))).toMatch(/'unsafe-eval'/); // eval-source-map needs it, in development only
  });
});
