import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distKindOf, distSizeByKind } from '../../../bench/dist-kinds.ts';

test('distKindOf sorts a built site\'s files into paper pages, list pages, topics, other pages, search, vectors, map, atlas, library and other', () => {
  assert.equal(distKindOf('index.html'), 'pages');
  assert.equal(distKindOf('papers/attention-is-all-you-need-x1/index.html'), 'papers');
  assert.equal(distKindOf('papers/index.html'), 'lists');
  assert.equal(distKindOf('papers/page/2/index.html'), 'lists');
  assert.equal(distKindOf('topics/graphs/index.html'), 'topics');
  assert.equal(distKindOf('topics/graphs/feed.xml'), 'topics');
  assert.equal(distKindOf('library/index.html'), 'pages');
  assert.equal(distKindOf('404.html'), 'pages');
  assert.equal(distKindOf('search-index/manifest.json'), 'search');
  assert.equal(distKindOf('vectors/paper-vectors.bin'), 'vectors');
  assert.equal(distKindOf('map-data.deflate'), 'map');
  assert.equal(distKindOf('library/papers.deflate'), 'library');
  assert.equal(distKindOf('atlas.json'), 'atlas');
  assert.equal(distKindOf('_astro/map.js'), 'other');
  assert.equal(distKindOf('feed.xml'), 'other');
  // Only the top-level files are the map data and the atlas: a paper slug named like them is a paper page.
  assert.equal(distKindOf('papers/atlas.json/index.html'), 'papers');
});

test('distSizeByKind adds up bytes and files per kind and reports absent kinds as 0', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dist-kinds-'));
  try {
    await mkdir(join(dir, 'search-index'), { recursive: true });
    await mkdir(join(dir, 'papers', 'a'), { recursive: true });
    await writeFile(join(dir, 'index.html'), '12345');
    await writeFile(join(dir, 'papers', 'a', 'index.html'), '123');
    await writeFile(join(dir, 'search-index', 'manifest.json'), '1234567');
    await writeFile(join(dir, 'atlas.json'), '12');
    await writeFile(join(dir, 'robots.txt'), '1');
    const sizes = await distSizeByKind(dir);
    assert.deepEqual(sizes, {
      papers: { bytes: 3, files: 1 },
      lists: { bytes: 0, files: 0 },
      topics: { bytes: 0, files: 0 },
      pages: { bytes: 5, files: 1 },
      search: { bytes: 7, files: 1 },
      vectors: { bytes: 0, files: 0 },
      map: { bytes: 0, files: 0 },
      atlas: { bytes: 2, files: 1 },
      library: { bytes: 0, files: 0 },
      other: { bytes: 1, files: 1 },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
