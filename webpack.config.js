/* Production build into dist/: the shared-runtime page, the functions bundle and its metadata, the manifest. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { execFileSync } = require('child_process');
const { officeCorsHeaders } = require('./scripts/office-origins.cjs');

const DEV_URL = 'https://localhost:3000/';

/**
 * Set ADDIN_URL to host the add-in elsewhere: the manifest's URLs are rewritten to it. Office loads
 * add-ins over https only, so anything else fails the build here instead of failing in Excel later.
 */
function publicUrlOf(value) {
  if (!value) return DEV_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_URL must be an https:// address (like https://addin.example.com/ceq/), not "${value}".`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`ADDIN_URL must be an https:// address: Office loads add-ins over https only, and "${value}" is ${url.protocol.replace(':', '')}.`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Office.js's CDN: the one origin besides the add-in's own that the pane loads anything from. */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/**
 * The task pane's Content-Security-Policy: scripts, workers and requests from the add-in's own origin
 * and Office's CDN only. Styles may be inline (Fluent UI writes its styles at run time); images and
 * fonts may be data: URLs. Development builds also allow eval, which their eval-source-map needs.
 */
function contentSecurityPolicy(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}${dev ? " 'unsafe-eval'" : ''}`,
    "worker-src 'self'",
    `connect-src 'self' ${OFFICE_CDN}${dev ? ' ws: wss:' : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Writes dist/functions-es.json (Spanish names and descriptions) once functions.json is emitted. */
class SpanishFunctionsPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('SpanishFunctionsPlugin', () => {
      execFileSync(process.execPath, [path.resolve(__dirname, 'scripts/functions-es.mjs')], { stdio: 'inherit' });
    });
  }
}

module.exports = (env, argv = {}) => {
  const dev = argv.mode === 'development';
  const publicUrl = publicUrlOf(process.env.ADDIN_URL);
  return {
    // Production builds ship no source maps unless CEQ_SOURCE_MAPS=1 asks for them (4.4 MB of them).
    devtool: dev ? 'eval-source-map' : process.env.CEQ_SOURCE_MAPS ? 'source-map' : false,
    entry: {
      // Loaded by taskpane.html before office.js (not injected): records office.js's failed helper files from the start.
      'office-watch': './src/taskpane/office-watch.ts',
      functions: './src/functions/index.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: { path: path.resolve(__dirname, process.env.CEQ_DIST || 'dist'), filename: '[name].js', chunkFilename: 'chunks/[name].[contenthash:8].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true } } }],
    },
    performance: { hints: false },
    optimization: {
      // The task pane's lazy screens (React.lazy → import()) become chunks named after them (webpackChunkName);
      // code two lazy chunks share goes to one named chunk instead of being copied into each.
      splitChunks: {
        chunks: 'async',
        minSize: 2000,
        cacheGroups: {
          // The SVG charts are one chunk whichever screen asks for them first.
          charts: { test: /[\\/]src[\\/]taskpane[\\/]charts[\\/]/, name: 'charts', priority: 10, enforce: true },
          defaultVendors: { test: /[\\/]node_modules[\\/]/, priority: -10, reuseExistingChunk: true, name: sharedName('vendor') },
          default: { minChunks: 2, priority: -20, reuseExistingChunk: true, name: sharedName('shared') },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: ['./src/functions/functions.ts', './src/functions/uncertainty.ts', './src/functions/quotas.ts', './src/functions/attribution.ts', './src/functions/calibration.ts'], output: 'functions.json' }),
      new SpanishFunctionsPlugin(),
      // functions.js is its own script tag before taskpane.js: custom functions register before any UI code loads.
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['functions', 'taskpane'], chunksSortMode: 'manual', scriptLoading: 'blocking', inject: 'body',
        csp: contentSecurityPolicy(dev) }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => content.toString().split(DEV_URL).join(publicUrl) },
        ],
      }),
    ],
    devServer: {
      static: path.resolve(__dirname, process.env.CEQ_DIST || 'dist'),
      port: 3000,
      // As scripts/serve.mjs: this machine only unless CEQ_HOST says otherwise, CORS for Office's origins only.
      host: process.env.CEQ_HOST || '127.0.0.1',
      headers: (req) => officeCorsHeaders(req.headers.origin),
      // Only `webpack serve` looks for the certificate (and warns when there is none); builds do not.
      server: env && env.WEBPACK_SERVE ? httpsOptions() : 'http',
    },
  };
};

/** A split chunk's name: what it is plus the chunks that use it ("vendor-workbook-excel"). */
function sharedName(kind) {
  return (_module, chunks) => `${kind}-${chunks.map((c) => c.name || c.id).sort().join('+')}`;
}

/** The dev server uses office-addin-dev-certs' files when they exist; without them it falls back to http. */
function httpsOptions() {
  const fs = require('fs');
  const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  if (fs.existsSync(cert) && fs.existsSync(key)) return { type: 'https', options: { cert, key, ca: path.join(dir, 'ca.crt') } };
  console.warn('No certificate in ~/.office-addin-dev-certs: serving over http. Run `npx office-addin-dev-certs install` on a machine with admin rights for https.');
  return 'http';
}
