import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Layers point one way: text at the bottom, no cycle between the folders of src/lib, none between src/data modules. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/** Project files a module imports (relative specifiers only), as paths from the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((match) =>
    relative(root, resolve(root, dirname(file), match[1]!)).split('\\').join('/'),
  );
}

function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const libFiles = sourceFiles('src/lib');
const folderOf = (file: string): string => file.split('/')[2]!;

test('src/lib/text imports nothing else of src/lib', () => {
  const textFiles = libFiles.filter((file) => folderOf(file) === 'text');
  assert.ok(textFiles.length > 0);
  for (const file of textFiles) {
    for (const target of importsOf(file)) assert.ok(target.startsWith('src/lib/text/'), `${file} imports ${target}`);
  }
});

test('no two folders of src/lib import each other, directly or round a loop', () => {
  const graph = new Map<string, Set<string>>();
  for (const file of libFiles) {
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const target of importsOf(file)) {
      if (target.startsWith('src/lib/') && folderOf(target) !== from) graph.get(from)!.add(folderOf(target));
    }
  }
  assert.ok(graph.size >= 6, [...graph.keys()].join(' '));
  assert.ok(graph.get('site')!.has('ingest'), 'site reads ingest types');
  assert.equal(findCycle(graph), undefined);
});

test('the modules of src/data do not import each other round a loop', () => {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles('src/data')) graph.set(file, new Set(importsOf(file).filter((target) => target.startsWith('src/data/'))));
  assert.ok(graph.size >= 4);
  assert.equal(findCycle(graph), undefined);
});
