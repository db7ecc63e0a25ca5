// No import cycles anywhere in src (issue 16), run by `npm run lint`.
// Every relative import counts, `import type` and `export ... from` included: a type-only cycle is harmless
// at run time but still means two files cannot be read, moved or tested one without the other.
// Usage: node scripts/check-cycles.mjs [folder ...]   (default: src). Exits 1 and names each cycle found.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const sourceExtensions = ['.ts', '.tsx'];

function listSources(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return sourceExtensions.includes(path.extname(entry.name)) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The source file a relative specifier names, or undefined for a package or a non-source file. */
function resolve(fromFile, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base, ...sourceExtensions.map((ext) => base + ext), ...sourceExtensions.map((ext) => path.join(base, 'index' + ext))];
  return candidates.find((candidate) => sourceExtensions.includes(path.extname(candidate)) && fs.existsSync(candidate));
}

export function importGraph(folders) {
  const files = folders.flatMap((folder) => listSources(path.resolve(folder)));
  const graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((imported) => resolve(file, imported.fileName)).filter(Boolean);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
export function findCycles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

const runAsScript = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (runAsScript) {
  const folders = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['src'];
  const cycles = findCycles(importGraph(folders));
  for (const cycle of cycles) {
    console.error(`Import cycle among ${cycle.length} files:\n  ${cycle.map((file) => path.relative(process.cwd(), file)).join('\n  ')}`);
  }
  if (cycles.length > 0) process.exit(1);
}
