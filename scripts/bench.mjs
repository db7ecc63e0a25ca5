/* `npm run bench`: bundles every bench/*.bench.ts with esbuild (plain node speed, no loader overhead),
   runs its exported run(): Promise<string[]> and prints the lines. */
import { readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';

const dir = new URL('../bench/', import.meta.url).pathname;
// Inside node_modules so that external packages (hyperformula) still resolve.
const out = new URL('../node_modules/.cache/ceq-bench/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
let failed = false;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  console.log(`\n== ${file}`);
  const bundle = join(out, file.replace(/\.ts$/, '.cjs'));
  buildSync({ entryPoints: [join(dir, file)], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error', external: ['hyperformula'] });
  const code = `require(${JSON.stringify(bundle)}).run().then((lines) => { for (const l of lines) console.log(l); })`;
  const root = new URL('..', import.meta.url).pathname;
  const r = spawnSync(process.execPath, ['-e', code], { stdio: 'inherit', cwd: root, env: { ...process.env, CEQ_DIST: join(root, 'dist') } });
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
