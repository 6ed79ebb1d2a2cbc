import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staleOutputFiles } from '../../../src/lib/site/stale-output.ts';

test('staleOutputFiles keeps route outputs and files written during the build, and lists the rest', () => {
  const files = [
    { path: 'papers/kept/index.html', mtimeMs: 5 },
    { path: 'papers/gone/index.html', mtimeMs: 5 },
    { path: '_astro/app.NEW.js', mtimeMs: 20 },
    { path: '_astro/app.OLD.js', mtimeMs: 5 },
    { path: 'sitemap.xml', mtimeMs: 21 },
    { path: 'papers/new/index.html', mtimeMs: 15 },
  ];
  assert.deepEqual(staleOutputFiles(files, new Set(['papers/kept/index.html', 'papers/new/index.html']), 10), ['_astro/app.OLD.js', 'papers/gone/index.html']);
  assert.deepEqual(staleOutputFiles([], new Set(), 10), []);
});
