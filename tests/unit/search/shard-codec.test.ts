import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';
import MiniSearch from 'minisearch';
import { buildSearchIndex } from '../../../src/lib/search/build-index.ts';
import { deflateText } from '../../../src/lib/bytes/deflate.ts';
import { inflateText } from '../../../src/lib/bytes/inflate.ts';
import { indexFileName } from '../../../src/lib/search/manifest.ts';
import { bodyIndexOptions, headIndexOptions, type SearchDoc } from '../../../src/lib/search/options.ts';
import { decodeShard, encodeShard, shardFileOf } from '../../../src/lib/search/shard-codec.ts';
import { loadShard, plainObjectOf } from '../../../src/lib/search/shard-load.ts';
import { bundledSearchInput } from '../bundled-corpus.ts';

const corpus = bundledSearchInput();

type Plain = ReturnType<MiniSearch<SearchDoc>['toJSON']>;

function plainIndex(options: typeof headIndexOptions): Plain {
  const miniSearch = new MiniSearch<SearchDoc>(options);
  miniSearch.addAll(corpus.papers.map((paper, id) => ({ id, title: paper.title, topic: '', authors: paper.authors.join(' '), abstract: paper.abstract })));
  // Through JSON, as the version-1 files were written and read: the reference the compact shards must equal.
  return JSON.parse(JSON.stringify(miniSearch.toJSON())) as Plain;
}

/** Every shard of a stage decoded, its entries concatenated and the lengths of each id it mentions. */
function decodeStage(files: Map<string, string | Uint8Array>, stage: 'head' | 'body', shardCount: number, fieldCount: number) {
  const entries: Plain['index'] = [];
  const lengthsOfId = new Map<number, number[]>();
  for (let n = 0; n < shardCount; n++) {
    const data = files.get(indexFileName(stage, n));
    assert.ok(data instanceof Uint8Array, `${stage} shard ${n} is missing or not deflated`);
    const shard = shardFileOf(decodeShard(inflateRawSync(data).toString('utf8'), fieldCount));
    const ids = [...new Set(shard.index.flatMap(([, fields]) => Object.values(fields).flatMap((postings) => Object.keys(postings).map(Number))))].sort((a, b) => a - b);
    assert.equal(shard.lengths.length, ids.length * fieldCount, `${stage} shard ${n}: one length per field of each paper it mentions`);
    ids.forEach((id, i) => lengthsOfId.set(id, shard.lengths.slice(i * fieldCount, (i + 1) * fieldCount)));
    entries.push(...(shard.index as Plain['index']));
  }
  return { entries, lengthsOfId };
}

test('the compact shards decode to exactly the toJSON entries and field lengths of the whole index', () => {
  const { manifest, files } = buildSearchIndex(corpus, { headShardBytes: 2000, bodyShardBytes: 2000, maxBodyPostings: Number.MAX_SAFE_INTEGER });
  for (const [stage, options, fieldCount] of [['head', headIndexOptions, 3], ['body', bodyIndexOptions, 1]] as const) {
    const reference = plainIndex(options);
    const { entries, lengthsOfId } = decodeStage(files, stage, manifest[stage].firstTerms.length, fieldCount);
    assert.ok(manifest[stage].firstTerms.length > 3, `${stage}: several shards`);
    assert.ok(entries.length > 100, `${stage}: entries decoded`);
    const sortedReference = [...reference.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(entries, sortedReference, `${stage}: entries`);
    assert.ok(lengthsOfId.size > 0);
    for (const [id, lengths] of lengthsOfId) assert.deepEqual(lengths, (reference.fieldLength as Record<string, number[]>)[id], `${stage}: lengths of ${id}`);
  }
});

test('a shard round-trips big ids, big frequencies, long shared prefixes and non-ASCII terms', () => {
  const shard = {
    lengths: [0, 87, 88, 527, 528, 100_000, 3, 4, 5],
    index: [
      ['naïve', { 0: { 0: 1, 1: 2, 102_537: 1 } }],
      ['naïveté', { 1: { 5_000_000: 40 }, 2: { 0: 1 } }],
      ['z-test.2', { 2: { 7: 100_000 } }],
    ] as [string, Record<string, Record<string, number>>][],
  };
  const text = encodeShard(shard, 3);
  assert.equal(decodeShard(text, 3).entries.length, 3);
  assert.deepEqual(shardFileOf(decodeShard(text, 3)), shard);
  assert.match(text, /^[\x21-\x7e]*\n/u);
});

test('the examples of the doc comments hold', () => {
  assert.equal(encodeShard({ lengths: [3], index: [['graph', { 0: { 7: 1 } }]] }, 1), '$\n!graph\t!/');
  assert.deepEqual(decodeShard('$\n!graph\t!/', 1).entries, [['graph', new Map([[0, new Map([[7, 1]])]])]]);
  assert.deepEqual(shardFileOf(decodeShard('$\n!graph\t!/', 1)), { lengths: [3], index: [['graph', { 0: { 7: 1 } }]] });
});

test('a damaged shard is refused with what is wrong', () => {
  assert.throws(() => decodeShard('$\n!graph\t!\u0001', 1), /not a digit/);
  assert.throws(() => decodeShard('$\n!graph\t%', 1), /field 4 of 1/);
  assert.throws(() => encodeShard({ lengths: [1.5], index: [] }, 1), /not a whole number/);
  assert.throws(() => encodeShard({ lengths: [], index: [['a\tb', { 0: { 1: 1 } }]] }, 1), /tab or line break/);
});

test('a deflated file inflates to its text with the platform DecompressionStream, as the page reads it', async () => {
  const text = encodeShard({ lengths: [3, 140], index: [['naïve', { 0: { 7: 1, 9: 3 } }]] }, 1);
  const bytes = deflateText(text);
  assert.ok(bytes.length > 0);
  assert.equal(await inflateText(bytes), text);
  assert.deepEqual(deflateText(text), bytes, 'same text, same bytes');
});

test('a shard filled in place is the index loadJS builds from its JSON form: same toJSON, same search results', () => {
  const { manifest, files } = buildSearchIndex(corpus, { headShardBytes: 3000, bodyShardBytes: 3000 });
  let compared = 0;
  for (const [stage, options] of [['head', headIndexOptions], ['body', bodyIndexOptions]] as const) {
    const fieldCount = Object.keys(manifest[stage].fieldIds).length;
    for (let n = 0; n < manifest[stage].firstTerms.length; n++) {
      const data = files.get(indexFileName(stage, n));
      assert.ok(data instanceof Uint8Array);
      const decoded = decodeShard(inflateRawSync(data).toString('utf8'), fieldCount);
      const filled = loadShard(decoded, manifest[stage], manifest.documentCount, options);
      const loaded = MiniSearch.loadJS<SearchDoc>(plainObjectOf(shardFileOf(decoded), manifest[stage], manifest.documentCount), options);
      assert.deepEqual(filled.toJSON(), loaded.toJSON(), `${stage} shard ${n}`);
      const term = decoded.entries[0]![0];
      assert.deepEqual(filled.search(term, { fuzzy: 0.2, prefix: true }), loaded.search(term, { fuzzy: 0.2, prefix: true }), `${stage} shard ${n}: ${term}`);
      compared += 1;
    }
  }
  assert.ok(compared > 10);
});
