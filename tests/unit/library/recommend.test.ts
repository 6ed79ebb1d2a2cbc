import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rankRecommendations, sharedWords, type PaperVectors } from '../../../src/lib/library/recommend.ts';
import { createRandom, randomNormal } from '../../../src/lib/topics/random.ts';

/** `count` clusters of unit vectors in 16 dimensions, 400 in all, each around its own axis; paper i is in cluster i % count. */
function clusters(count = 2): PaperVectors & { clusterOf: (id: string) => number } {
  const random = createRandom(7);
  const dimensions = 16;
  const ids: string[] = [];
  const vectors = new Float32Array(400 * dimensions);
  for (let row = 0; row < 400; row += 1) {
    const cluster = row % count;
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
  return { ids, dimensions, vectors, clusterOf: (id) => Number(id.slice(1)) % count };
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

test('"not interested" papers are never recommended and push papers like them down', () => {
  const papers = clusters();
  const saved = ['p0', 'p2', 'p4', 'p6'];
  const dimension2 = (id: string) => papers.vectors[Number(id.slice(1)) * papers.dimensions + 2] ?? 0;
  const clusterZero = papers.ids.filter((id) => papers.clusterOf(id) === 0 && !saved.includes(id));
  // The reader says no to the six papers of the library's cluster that lean furthest along dimension 2.
  const negatives = [...clusterZero].sort((a, b) => dimension2(b) - dimension2(a)).slice(0, 6);
  const leaning = clusterZero.filter((id) => !negatives.includes(id) && dimension2(id) > 0.15);
  assert.ok(leaning.length >= 5, `${leaning.length} papers lean along dimension 2`);
  const meanRank = (list: { id: string }[]) => leaning.reduce((sum, id) => sum + list.findIndex((item) => item.id === id), 0) / leaning.length;
  const before = rankRecommendations(papers, saved, [], { limit: 400 });
  const after = rankRecommendations(papers, saved, negatives, { limit: 400 });
  assert.ok(after.length > 0);
  for (const id of negatives) assert.ok(!after.some((item) => item.id === id));
  assert.ok(meanRank(after) > meanRank(before) + 10, `mean rank ${meanRank(after)} !> ${meanRank(before)} + 10`);
});

test('a library with no paper in the vectors gets nothing', () => {
  assert.deepEqual(rankRecommendations(clusters(), ['gone'], []), []);
});

test('sharedWords ranks terms by paper weight times library weight', () => {
  const library = [new Map([['graph', 0.8], ['neural', 0.3]]), new Map([['graph', 0.2], ['neural', 0.5]])];
  assert.deepEqual(sharedWords(library, new Map([['graph', 0.5], ['neural', 0.9], ['vision', 0.9]])), ['neural', 'graph']);
});
