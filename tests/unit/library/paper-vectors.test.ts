import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodePack } from '../../../src/lib/vectors/pack-file.ts';
import { quantiseRows, quantiseUnitWeights } from '../../../src/lib/vectors/quantise.ts';
import { VECTOR_FORMAT, type VectorManifest } from '../../../src/lib/vectors/format.ts';
import { openLibraryVectors } from '../../../src/lib/library/paper-vectors.ts';
import { deflateBytes } from '../../../src/lib/bytes/deflate.ts';

/** A vector folder in the published format: 3 topics along axes 0, 1, 2 of 4 dimensions; 2 papers each; 4 terms. */
function vectorFolder(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const manifest: VectorManifest = {
    format: VECTOR_FORMAT, dimensions: 4, paperCount: 6, documentCount: 6, meanLength: 10, termCount: 4, termShardCount: 1, termShardStarts: [0], paperVectors: 'text',
  };
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
  const centroids = quantiseRows(Float32Array.of(1, 0, 0, 0, 0.8, 0.6, 0, 0, 0, 0, 1, 0), 4);
  files.set('topics.bin', encodePack({ topics: [0, 1, 2].map((id) => ({ id, slug: `t${id}`, label: `topic ${id}`, size: 2, parentLabel: null })) }, { codes: centroids.codes, scales: centroids.scales }));
  for (const topic of [0, 1, 2]) {
    const axis = topic === 1 ? [0.8, 0.6] : [1, 0];
    const rows = new Float32Array(8);
    for (let paper = 0; paper < 2; paper += 1) {
      rows[paper * 4 + (topic === 2 ? 2 : 0)] = topic === 1 ? (axis[0] ?? 0) : 1;
      if (topic === 1) rows[paper * 4 + 1] = axis[1] ?? 0;
    }
    const quantised = quantiseRows(rows, 4);
    files.set(`papers/${topic}.bin`, encodePack(
      { slugs: [`p${topic}a`, `p${topic}b`], titles: [`Paper ${topic}a`, `Paper ${topic}b`] },
      { codes: quantised.codes, scales: quantised.scales, rowStart: Int32Array.of(0, 2, 3), terms: Int32Array.of(topic, 3, topic), weights: quantiseUnitWeights(Float32Array.of(0.8, 0.6, 1)) },
    ));
  }
  files.set('terms/0.bin', encodePack({ firstColumn: 0, keys: ['graph', 'vision', 'speech', 'learn'], display: ['graph', 'vision', 'speech', 'learning'] }, { df: Int32Array.of(2, 2, 2, 1), codes: new Int8Array(16), scales: new Float32Array(4) }));
  return files;
}

const loader = (files: Map<string, Uint8Array>, fetched: string[]) => async (path: string) => {
  fetched.push(path);
  const bytes = files.get(path);
  if (!bytes) throw new Error(`no ${path}`);
  // Published packs are deflated (vector format 2).
  return path.endsWith('.bin') ? deflateBytes(bytes) : bytes;
};

test('candidate topics: the library own first, then the nearest by centroid until enough papers', async () => {
  const index = await openLibraryVectors(loader(vectorFolder(), []));
  assert.deepEqual(index.candidateTopics(['t0'], 3), [0, 1]);
  assert.deepEqual(index.candidateTopics(['t2'], 1), [2]);
  assert.deepEqual(index.candidateTopics(['unknown'], 3), [0, 1, 2]);
});

test('papersOf fetches only the chosen shards and gives unit vectors, titles and display terms', async () => {
  const fetched: string[] = [];
  const index = await openLibraryVectors(loader(vectorFolder(), fetched));
  const papers = await index.papersOf([0, 1]);
  assert.deepEqual(papers.ids, ['p0a', 'p0b', 'p1a', 'p1b']);
  assert.deepEqual(papers.titles, ['Paper 0a', 'Paper 0b', 'Paper 1a', 'Paper 1b']);
  assert.ok(!fetched.includes('papers/2.bin'));
  for (let row = 0; row < 4; row += 1) {
    const norm = Math.hypot(...papers.vectors.subarray(row * 4, row * 4 + 4));
    assert.ok(Math.abs(norm - 1) < 1e-6, `row ${row} has norm ${norm}`);
  }
  const terms = await papers.termsOf(['p0a', 'p1b']);
  assert.deepEqual([...(terms.get('p0a') ?? [])].map(([term, weight]) => [term, Math.round(weight * 100) / 100]), [['graph', 0.8], ['learning', 0.6]]);
  assert.deepEqual([...(terms.get('p1b') ?? [])].map(([term]) => term), ['vision']);
});
