import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankRecommendations, sharedWords, type PaperVectors } from '../../../src/lib/library/recommend.ts';
import { createRandom, randomNormal } from '../../../src/lib/topics/random.ts';

/** Two clusters of 200 unit vectors in 16 dimensions around opposite directions. */
function clusters(): PaperVectors & { clusterOf: (id: string) => number } {
  const random = createRandom(7);
  const dimensions = 16;
  const ids: string[] = [];
  const vectors = new Float32Array(400 * dimensions);
  for (let row = 0; row < 400; row += 1) {
    const cluster = row % 2;
    ids.push(`p${row}`);
    let norm = 0;
    for (let d = 0; d < dimensions; d += 1) {
      const centre = d === cluster ? 3 : 0;
      const value = centre + randomNormal(random) * 0.6;
      vectors[row * dimensions + d] = value;
      norm += value * value;
    }
    for (let d = 0; d < dimensions; d += 1) vectors[row * dimensions + d]! /= Math.sqrt(norm);
  }
  return { ids, dimensions, vectors, clusterOf: (id) => Number(id.slice(1)) % 2 };
}

test('a library from one cluster is recommended its cluster first, never a saved paper', () => {
  const papers = clusters();
  const saved = ['p0', 'p2', 'p4', 'p6'];
  const ranked = rankRecommendations(papers, saved, [], { limit: 30 });
  assert.equal(ranked.length, 30);
  for (const item of ranked) {
    assert.ok(!saved.includes(item.id));
    assert.equal(papers.clusterOf(item.id), 0, `${item.id} is from the other cluster`);
  }
  for (let index = 1; index < ranked.length; index += 1) assert.ok(ranked[index - 1]!.score >= ranked[index]!.score);
});

test('the same library gives the same ranking', () => {
  const papers = clusters();
  assert.deepEqual(rankRecommendations(papers, ['p1', 'p3'], ['p5']), rankRecommendations(papers, ['p1', 'p3'], ['p5']));
});

test('"not interested" papers are never recommended and push their neighbours down', () => {
  const papers = clusters();
  const saved = ['p0', 'p1'];
  const before = rankRecommendations(papers, saved, [], { limit: 400 });
  const negatives = ['p3', 'p5', 'p7', 'p9', 'p11', 'p13'];
  const after = rankRecommendations(papers, saved, negatives, { limit: 400 });
  assert.ok(after.length > 0);
  for (const id of negatives) assert.ok(!after.some((item) => item.id === id));
  const oddShare = (list: typeof before) => list.slice(0, 50).filter((item) => papers.clusterOf(item.id) === 1).length;
  assert.ok(oddShare(after) < oddShare(before), `${oddShare(after)} !< ${oddShare(before)}`);
});

test('a library with no paper in the vectors gets nothing', () => {
  assert.deepEqual(rankRecommendations(clusters(), ['gone'], []), []);
});

test('sharedWords ranks terms by paper weight times library weight', () => {
  const library = [new Map([['graph', 0.8], ['neural', 0.3]]), new Map([['graph', 0.2], ['neural', 0.5]])];
  assert.deepEqual(sharedWords(library, new Map([['graph', 0.5], ['neural', 0.9], ['vision', 0.9]])), ['neural', 'graph']);
});
