/* Production build into dist/: the shared-runtime page, the functions bundle and its metadata, the manifest. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { execFileSync } = require('child_process');

const DEV_URL = 'https://localhost:3000/';
/** Set ADDIN_URL to host the add-in elsewhere: the manifest's URLs are rewritten to it. */
const publicUrl = process.env.ADDIN_URL || DEV_URL;

/** Writes dist/functions-es.json (Spanish names and descriptions) once functions.json is emitted. */
class SpanishFunctionsPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('SpanishFunctionsPlugin', () => {
      execFileSync(process.execPath, [path.resolve(__dirname, 'scripts/functions-es.mjs')], { stdio: 'inherit' });
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode === 'development';
  return {
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
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
      new CustomFunctionsMetadataPlugin({ input: ['./src/functions/functions.ts', './src/functions/uncertainty.ts', './src/functions/quotas.ts', './src/functions/calibration.ts'], output: 'functions.json' }),
      new SpanishFunctionsPlugin(),
      // functions.js is its own script tag before taskpane.js: custom functions register before any UI code loads.
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['functions', 'taskpane'], chunksSortMode: 'manual', scriptLoading: 'blocking', inject: 'body' }),
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
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: httpsOptions(),
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
