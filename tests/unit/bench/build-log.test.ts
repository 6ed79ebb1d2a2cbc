import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBuildLog } from '../../../bench/build-log.ts';
import { arxivIdToMonth, recordToMarkdown } from '../../../bench/corpus.ts';

const log = [
  { atMs: 500, text: '\u001b[2m13:16:20\u001b[22m \u001b[34m[content]\u001b[39m Syncing content' },
  { atMs: 2500, text: '13:16:21 [content] Synced content' },
  { atMs: 3000, text: '13:16:22 [build] Building static entrypoints...' },
  { atMs: 4400, text: '13:16:23 [vite] ✓ built in 1.35s' },
  { atMs: 4500, text: '13:16:23 [vite] ✓ built in 150ms' },
  { atMs: 5000, text: ' generating static routes ' },
  { atMs: 6000, text: '[atlas] topics: tokenize 1000 docs in 0.2 s' },
  { atMs: 7000, text: '[atlas] topics: svd 1000 docs → 100 dimensions in 0.8 s' },
  { atMs: 8000, text: '[atlas] search index: 1000 papers, 52 files in 1.2 s' },
  { atMs: 15000, text: '13:16:31 ✓ Completed in 10.0s.' },
  { atMs: 15100, text: '13:16:32 [build] 1067 page(s) built in 13.42s' },
];

test('parseBuildLog times content sync, bundling, topics, index and page rendering', () => {
  assert.deepEqual(parseBuildLog(log), {
    loadSeconds: 2,
    bundleSeconds: 1.5,
    topicsSeconds: 1,
    indexSeconds: 1.2,
    pagesSeconds: 7.8,
    pageCount: 1067,
  });
});

test('parseBuildLog leaves stages it cannot see undefined', () => {
  assert.deepEqual(parseBuildLog([{ atMs: 10, text: 'nothing useful' }]), {
    loadSeconds: undefined,
    bundleSeconds: undefined,
    topicsSeconds: undefined,
    indexSeconds: undefined,
    pagesSeconds: undefined,
    pageCount: undefined,
  });
});

test('arxivIdToMonth reads new and old style ids, with 91–99 in the 1990s', () => {
  assert.equal(arxivIdToMonth('1305.5120'), '2013-05');
  assert.equal(arxivIdToMonth('cs/9301101'), '1993-01');
  assert.equal(arxivIdToMonth('cs/0112017'), '2001-12');
  assert.equal(arxivIdToMonth('nonsense'), undefined);
});

test('recordToMarkdown keeps titles with colons, quotes and TeX intact in the frontmatter', () => {
  const markdown = recordToMarkdown({ id: '1601.00001', title: 'Graphs: a "$\\ell_1$" view', abstract: 'We study graphs.', labels: ['cs.DS', 'math.CO'] });
  assert.equal(markdown, '---\ntitle: \'Graphs: a "$\\ell_1$" view\'\narxiv: "1601.00001"\ndate: 2016-01\ncategories:\n  - cs.DS\n  - math.CO\n---\nWe study graphs.\n');
});
