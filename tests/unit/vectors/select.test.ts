import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topPositions } from '../../../src/lib/vectors/select.ts';
import { createRandom } from '../../../src/lib/topics/random.ts';

test('topPositions lists the k best positions, best first, an equal score keeping the lower position first', () => {
  const out = new Int32Array(3);
  assert.equal(topPositions(Float64Array.of(0.2, 0.9, 0.5, 0.9, -1), 5, 3, out), 3);
  assert.deepEqual([...out], [1, 3, 2]);
});

test('topPositions gives what a stable full sort gives, on many random scores with ties', () => {
  const random = createRandom(9);
  const scores = Float64Array.from({ length: 5000 }, () => Math.round(random() * 400) / 400);
  const out = new Int32Array(100);
  assert.equal(topPositions(scores, 4000, 100, out), 100);
  const sorted = Array.from({ length: 4000 }, (_, position) => position).sort((a, b) => scores[b]! - scores[a]!);
  assert.deepEqual([...out], sorted.slice(0, 100));
});

test('topPositions reads only the first `length` scores and returns fewer when there are fewer', () => {
  const out = new Int32Array(10).fill(-7);
  assert.equal(topPositions(Float64Array.of(3, 1, 2, 99), 3, 10, out), 3);
  assert.deepEqual([...out.subarray(0, 3)], [0, 2, 1]);
  assert.equal(topPositions(Float64Array.of(), 0, 10, out), 0);
});
