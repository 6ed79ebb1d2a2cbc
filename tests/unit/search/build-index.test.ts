import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';
import MiniSearch from 'minisearch';
import { buildBodyIndex, buildSearchIndex, clipText, type SearchBuildInput } from '../../../src/lib/search/build-index.ts';
import { SearchEngine } from '../../../src/lib/search/engine.ts';
import type { DocRecord } from '../../../src/lib/search/manifest.ts';
import { decodeShard } from '../../../src/lib/search/shard-codec.ts';
import { headIndexOptions, termSearchOptions, type SearchDoc } from '../../../src/lib/search/options.ts';
import { bundledSearchInput } from '../bundled-corpus.ts';

const corpus = bundledSearchInput();
/** A published shard or doc chunk's text (they are deflated). */
const inflate = (data: string | Uint8Array | undefined): string => {
  assert.ok(data instanceof Uint8Array, 'a deflated file');
  return inflateRawSync(data).toString('utf8');
};
const openEngine = (files: Map<string, string | Uint8Array>): Promise<SearchEngine> =>
  SearchEngine.open(async (file) => {
    const text = files.get(file);
    if (text === undefined) throw new Error(`missing ${file}`);
    return text;
  });

test('the same papers give the same bytes', () => {
  const first = buildSearchIndex(corpus, { headShardBytes: 4000, bodyShardBytes: 4000 });
  const second = buildSearchIndex(structuredClone(corpus), { headShardBytes: 4000, bodyShardBytes: 4000 });
  assert.deepEqual([...first.files.entries()], [...second.files.entries()]);
});

test('a body index built apart (as the build worker does) gives the same bytes as one built inline', () => {
  const options = { headShardBytes: 4000, bodyShardBytes: 4000 };
  const inline = buildSearchIndex(corpus, options);
  const apart = buildSearchIndex(corpus, options, buildBodyIndex(corpus.papers.map((paper) => paper.abstract), options));
  assert.deepEqual([...apart.files.entries()], [...inline.files.entries()]);
});

test('shards cover the term space in ascending, disjoint ranges', () => {
  const { manifest, files } = buildSearchIndex(corpus, { headShardBytes: 4000, bodyShardBytes: 4000 });
  assert.ok(manifest.head.firstTerms.length > 3);
  const terms = manifest.head.firstTerms.flatMap((_, n) => decodeShard(inflate(files.get(`head-${n}.deflate`)), 3).entries.map(([term]) => term));
  assert.deepEqual(terms, [...terms].sort());
  assert.equal(new Set(terms).size, terms.length);
});

test('a sharded index scores like one MiniSearch index over all papers (to 4 decimals)', async () => {
  const small = await openEngine(buildSearchIndex(corpus, { headShardBytes: 3000 }).files);
  const single = await openEngine(buildSearchIndex(corpus).files);
  const whole = new MiniSearch<SearchDoc>(headIndexOptions);
  whole.addAll(corpus.papers.map((paper, id) => ({ id, title: paper.title, topic: '', authors: '', abstract: paper.abstract })));
  // Exact terms score the same however the index is cut; fuzzy matches stay within the shard of the typed term,
  // so they are compared against a one-shard build.
  for (const [engine, term] of [[small, 'learning'], [small, 'models'], [single, 'loop'], [single, 'reinforcment']] as const) {
    // The engine adds fuzzy matches only when exact matching finds fewer than 20 papers; so does this reference.
    const exact = whole.search(term, termSearchOptions(false, false));
    const reference = exact.length >= 20 ? exact : whole.search(term, termSearchOptions(false, true));
    const expected = reference.map((result) => [result.id, result.score.toFixed(4)]);
    const actual = (await engine.search(`${term} `, { stages: 'head' })).hits.map((hit) => [hit.id, hit.score.toFixed(4)]);
    assert.deepEqual(actual, expected, term);
  }
});

test('a query loads only the shards its words fall in', async () => {
  const { manifest, files } = buildSearchIndex(corpus, { headShardBytes: 3000, bodyShardBytes: 3000 });
  const engine = await openEngine(files);
  await engine.search('feynman ');
  const shardFiles = engine.fetched.map((entry) => entry.file).filter((file) => !file.startsWith('manifest'));
  assert.deepEqual(shardFiles.length, 2);
  assert.ok(manifest.head.firstTerms.length + manifest.body.firstTerms.length > 10);
});

test('abstract terms found in very many papers are left out of the body index', async () => {
  const { files } = buildSearchIndex(corpus, { maxBodyPostings: 30 });
  const bodyTerms = [...files].filter(([file]) => file.startsWith('body-')).flatMap(([, text]) => decodeShard(inflate(text), 1).entries.map(([term]) => term));
  assert.ok(!bodyTerms.includes('language'));
  assert.ok(bodyTerms.includes('traitbasis'));
});

test('the doc store holds title, slug, topic, year, authors and a clipped snippet source', async () => {
  const input: SearchBuildInput = {
    topics: [{ id: 0, label: 'agents · tools', slug: 'agents-tools', keywords: ['agents', 'tools'], color: '#123456' }],
    papers: [{ title: 'A', slug: 'a', abstract: 'word '.repeat(200), authors: ['Ann Lee', 'Bo Chen', 'Cy Diaz', 'Di Eck'], year: 2024, topic: 0 }],
  };
  const { files, manifest } = buildSearchIndex(input, { snippetChars: 40 });
  const [record] = JSON.parse(inflate(files.get('docs-0.deflate'))) as DocRecord[];
  assert.deepEqual(record?.slice(0, 5), ['A', 'a', 0, 2024, 'Ann Lee, Bo Chen, Cy Diaz et al.']);
  assert.ok((record?.[5].length ?? 0) <= 41);
  assert.deepEqual(manifest.topics, [{ id: 0, label: 'agents · tools', slug: 'agents-tools', color: '#123456' }]);
  assert.equal(manifest.hasYears && manifest.hasAuthors, true);
});

test('clipText cuts at a word boundary and adds an ellipsis', () => {
  assert.equal(clipText('Graph neural networks for molecules', 20), 'Graph neural…');
  assert.equal(clipText('  short\n text ', 20), 'short text');
});
