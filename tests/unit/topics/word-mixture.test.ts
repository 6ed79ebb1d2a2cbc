import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTfidf } from '../../../src/lib/topics/tfidf.ts';
import { corpusShares, refineByWordMixture } from '../../../src/lib/topics/word-mixture.ts';

/** Rows 0–5 use words 0–3, rows 6–11 words 4–7 (each row three of its group's four words). */
function twoVocabularies() {
  const offsets = [0];
  const words: number[] = [];
  for (let row = 0; row < 12; row++) {
    const first = row < 6 ? 0 : 4;
    for (let slot = 0; slot < 3; slot++) words.push(first + ((row + slot) % 4));
    offsets.push(words.length);
  }
  return buildTfidf(Int32Array.from(offsets), Int32Array.from(words), 8, { minDf: 1, maxDfRatio: 1 });
}

/** Each row's neighbours: the next `count` rows, wrapping around. */
function nextRows(rowCount: number, count: number): Int32Array {
  return Int32Array.from({ length: rowCount * count }, (_, index) => (Math.floor(index / count) + 1 + (index % count)) % rowCount);
}

test('refineByWordMixture moves a misplaced row to the cluster that uses its words', () => {
  const { matrix, counts } = twoVocabularies();
  const start = Int32Array.from({ length: 12 }, (_, row) => (row < 6 || row === 6 ? 0 : 1));
  const neighbours = nextRows(12, 6);
  const refined = refineByWordMixture(matrix, counts, start, 2, neighbours, 6, { smoothingMass: 1, neighbourBonus: 0 });
  assert.deepEqual([...refined], [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
});

test('refineByWordMixture lets a strong neighbour bonus outweigh the words', () => {
  const { matrix, counts } = twoVocabularies();
  const start = Int32Array.from({ length: 12 }, (_, row) => (row < 6 ? 0 : 1));
  // Every row's neighbours are the other rows of its group, except row 11's: rows 0–4, all in cluster 0.
  const neighbours = Int32Array.from({ length: 12 * 5 }, (_, index) => {
    const row = Math.floor(index / 5);
    if (row === 11) return index % 5;
    const first = row < 6 ? 0 : 6;
    const other = first + (index % 5);
    return other >= row ? other + 1 : other;
  });
  const wordsOnly = refineByWordMixture(matrix, counts, start, 2, neighbours, 5, { smoothingMass: 1, neighbourBonus: 0 });
  assert.equal(wordsOnly[11], 1);
  const graphHeavy = refineByWordMixture(matrix, counts, start, 2, neighbours, 5, { smoothingMass: 1, neighbourBonus: 100 });
  assert.equal(graphHeavy[11], 0);
});

test('refineByWordMixture empties a one-row cluster whose words another cluster holds', () => {
  const { matrix, counts } = twoVocabularies();
  const start = Int32Array.from({ length: 12 }, (_, row) => (row === 0 ? 2 : row < 6 ? 0 : 1));
  const refined = refineByWordMixture(matrix, counts, start, 3, nextRows(12, 3), 3, { smoothingMass: 4, neighbourBonus: 0 });
  assert.equal(refined[0], 0);
  assert.ok(!refined.includes(2));
});

test('refineByWordMixture leaves its input alone and repeats itself', () => {
  const { matrix, counts } = twoVocabularies();
  const start = Int32Array.from({ length: 12 }, (_, row) => row % 2);
  const copy = Int32Array.from(start);
  const first = refineByWordMixture(matrix, counts, start, 2, nextRows(12, 4), 4);
  assert.deepEqual(start, copy);
  assert.deepEqual(first, refineByWordMixture(matrix, counts, start, 2, nextRows(12, 4), 4));
});

test('corpusShares gives each column its share of all occurrences', () => {
  assert.deepEqual(corpusShares(Float32Array.of(1, 3), Int32Array.of(0, 1), 2), Float64Array.of(0.25, 0.75));
});
