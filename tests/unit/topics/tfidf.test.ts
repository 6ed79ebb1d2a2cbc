import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTfidf } from '../../../src/lib/topics/tfidf.ts';

// Two documents: d0 = [a, a, b], d1 = [a]. idf(a) = ln(3/3) + 1 = 1, idf(b) = ln(3/2) + 1.
const model = buildTfidf(Int32Array.of(0, 3, 4), Int32Array.of(0, 0, 1, 0), 2, { minDf: 1, maxDfRatio: 1, weighting: 'sublinear' });

test('buildTfidf computes smoothed idf', () => {
  assert.ok(Math.abs(model.idf[0]! - 1) < 1e-6);
  assert.ok(Math.abs(model.idf[1]! - (Math.log(1.5) + 1)) < 1e-6);
});

test('buildTfidf uses sublinear tf and unit-length rows', () => {
  const a = 1 + Math.log(2);
  const b = Math.log(1.5) + 1;
  const norm = Math.hypot(a, b);
  assert.deepEqual([...model.matrix.colIndex], [0, 1, 0]);
  assert.ok(Math.abs(model.matrix.values[0]! - a / norm) < 1e-6);
  assert.ok(Math.abs(model.matrix.values[1]! - b / norm) < 1e-6);
  assert.ok(Math.abs(model.matrix.values[2]! - 1) < 1e-6);
  assert.deepEqual([...model.counts], [2, 1, 1]);
});

test('buildTfidf drops terms below minDf and above maxDfRatio', () => {
  const pruned = buildTfidf(Int32Array.of(0, 3, 4, 5), Int32Array.of(0, 0, 1, 0, 0), 2, { minDf: 2, maxDfRatio: 0.9 });
  assert.equal(pruned.matrix.columnCount, 0);
  const kept = buildTfidf(Int32Array.of(0, 3, 4, 5), Int32Array.of(0, 0, 1, 0, 2), 3, { minDf: 1, maxDfRatio: 0.5 });
  assert.deepEqual([...kept.termFeature], [1, 2]);
});

test('buildTfidf saturates repeated terms with BM25 by default', () => {
  // d0 = [a, a, a, a, b], d1 = [b]: BM25 gives a four-fold repeat far less than four times one occurrence.
  const bm25 = buildTfidf(Int32Array.of(0, 5, 6), Int32Array.of(0, 0, 0, 0, 1, 1), 2, { minDf: 1, maxDfRatio: 1 });
  const ratio = (bm25.matrix.values[0]! / bm25.idf[0]!) / (bm25.matrix.values[1]! / bm25.idf[1]!);
  assert.ok(ratio > 1 && ratio < 2.2, `ratio ${ratio}`);
});
