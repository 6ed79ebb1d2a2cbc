import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Components take props (STYLE.md): a component that reads data itself hides an input from its page, and from
// the page's incremental-build cache key (src/lib/site/page-cache-key.ts), which then goes stale.
const COMPONENTS_DIR = join(import.meta.dirname, '../../../src/components');

/** What a component must not do, each with the reason a reader is given. */
const FORBIDDEN: { pattern: RegExp; what: string }[] = [
  { pattern: /from\s+['"][^'"]*\/data\/[^'"]*['"]|import\(\s*['"][^'"]*\/data\//, what: 'imports src/data/ (pages read data and pass props)' },
  { pattern: /['"]astro:content['"]/, what: 'imports astro:content (pages read collections)' },
  { pattern: /\bprocess\.env\b/, what: 'reads process.env (pages and the layout read settings)' },
  { pattern: /\bgetCollection\s*\(|\bgetEntry\s*\(/, what: 'reads a content collection' },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

test('no component under src/components reads data, collections or the environment', () => {
  const files = filesUnder(COMPONENTS_DIR).filter((path) => /\.(astro|ts|tsx|js|mjs)$/.test(path));
  assert.ok(files.length >= 10, `expected the site's components under ${COMPONENTS_DIR}, found ${files.length}`);
  const offences = files.flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    return FORBIDDEN.filter(({ pattern }) => pattern.test(text)).map(({ what }) => `${relative(COMPONENTS_DIR, path)} ${what}`);
  });
  assert.deepEqual(offences, []);
});

test('the guard catches a component that imports src/data/ or reads process.env', () => {
  const samples = [
    `import { getAtlas } from '../data/atlas.ts';`,
    `import { getAtlas } from "../../data/atlas.ts";`,
    `import { getCollection } from 'astro:content';`,
    `const date = buildDate(process.env);`,
  ];
  for (const sample of samples) {
    assert.ok(
      FORBIDDEN.some(({ pattern }) => pattern.test(sample)),
      `not caught: ${sample}`,
    );
  }
  assert.ok(!FORBIDDEN.some(({ pattern }) => pattern.test(`import { joinBase } from '../lib/site/paths.ts';`)));
});
