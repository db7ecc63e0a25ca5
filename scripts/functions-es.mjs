#!/usr/bin/env node
/**
 * node scripts/functions-es.mjs [dist/functions.json] [dist/functions-es.json]
 *
 * Writes the Spanish custom-functions metadata from the English one that custom-functions-metadata
 * generated from the JSDoc: same ids, options and types; Spanish names, descriptions and parameter
 * help from src/functions/names-es.ts. Fails loudly (exit 1) when an id has no Spanish entry, a
 * parameter count or English parameter name differs, or a Spanish name is invalid, used twice or
 * starts with the manifest's namespace (Excel adds it: PROYECTAR shows as CEQ.PROYECTAR, and
 * CEQ.PROYECTAR would show as CEQ.CEQ.PROYECTAR). The full contract is test/functions/contract.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Custom function names: a letter first, then letters, digits, "." or "_" (Unicode letters allowed), 3 characters at least. */
const VALID_NAME = /^\p{L}[\p{L}0-9._]{2,}$/u;

/** The custom functions namespace manifest.xml declares (<bt:String id="Functions.Namespace">). */
export function manifestNamespace(file = resolve(root, 'manifest.xml')) {
  const m = /<bt:String id="Functions.Namespace" DefaultValue="([^"]+)"/.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error('functions-es: manifest.xml declares no Functions.Namespace');
  return m[1];
}

export async function loadSpanishTable(file = resolve(root, 'src/functions/names-es.ts')) {
  const { code } = await transform(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm' });
  const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return module.FUNCTIONS_ES;
}

/** The Spanish metadata for an English one; throws an Error listing every mismatch. */
export function translate(metadata, table, namespace = manifestNamespace()) {
  const problems = [];
  const prefix = `${namespace.toUpperCase()}.`;
  const seen = new Map();
  const functions = metadata.functions.map((f) => {
    const es = table[f.id];
    if (!es) {
      problems.push(`${f.id}: no Spanish entry in src/functions/names-es.ts`);
      return f;
    }
    if (!VALID_NAME.test(es.name) || es.name.length > 128) problems.push(`${f.id}: invalid Spanish name "${es.name}"`);
    if (es.name.toUpperCase().startsWith(prefix)) problems.push(`${f.id}: Spanish name "${es.name}" starts with the namespace ${namespace}: Excel adds it`);
    const key = es.name.toUpperCase();
    if (seen.has(key)) problems.push(`${f.id}: Spanish name ${es.name} is also used by ${seen.get(key)}`);
    seen.set(key, f.id);
    const params = f.parameters ?? [];
    if (params.length !== es.params.length) {
      problems.push(`${f.id}: ${params.length} parameters in functions.json, ${es.params.length} in names-es.ts`);
      return f;
    }
    return {
      ...f,
      name: es.name,
      description: es.description,
      parameters: params.map((p, i) => {
        if (p.name !== es.params[i].en) problems.push(`${f.id}: parameter ${i + 1} is "${p.name}" in functions.json but "${es.params[i].en}" in names-es.ts`);
        return { ...p, name: es.params[i].name, description: es.params[i].description };
      }),
    };
  });
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`${id}: in names-es.ts but not in functions.json`);
  if (problems.length) throw new Error(`functions-es: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  return { ...metadata, functions };
}

/** CEQ_DIST builds elsewhere than dist/ (several builds side by side). */
const dist = resolve(root, process.env.CEQ_DIST ?? 'dist');

export async function writeSpanishMetadata(input = resolve(dist, 'functions.json'), output = resolve(dist, 'functions-es.json')) {
  const metadata = JSON.parse(readFileSync(input, 'utf8'));
  const spanish = translate(metadata, await loadSpanishTable());
  writeFileSync(output, `${JSON.stringify(spanish, null, 4)}\n`);
  return spanish;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [input, output] = process.argv.slice(2);
  try {
    const spanish = await writeSpanishMetadata(input && resolve(input), output && resolve(output));
    console.log(`functions-es: wrote ${spanish.functions.length} Spanish function(s)`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
