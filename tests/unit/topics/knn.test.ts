import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestNeighbourGraph } from '../../../src/lib/topics/knn.ts';
import { normalizeRows } from '../../../src/lib/topics/cluster.ts';
import { createRandom, randomNormal } from '../../../src/lib/topics/random.ts';

test('nearestNeighbourGraph lists the most similar other rows first', () => {
  const graph = nearestNeighbourGraph(Float32Array.of(1, 0, 0.8, 0.6, 0, 1), 2, 2, createRandom(1));
  assert.deepEqual([...graph.indices], [1, 2, 0, 2, 1, 0]);
  assert.ok(Math.abs(graph.similarities[0]! - 0.8) < 1e-6);
});

test('nearestNeighbourGraph finds nearly the exact neighbours when it buckets a large input', () => {
  const random = createRandom(2);
  const rows = 3000;
  const dimensions = 8;
  const vectors = new Float32Array(rows * dimensions);
  for (let index = 0; index < vectors.length; index++) vectors[index] = randomNormal(random);
  normalizeRows(vectors, dimensions);
  const exact = nearestNeighbourGraph(vectors, dimensions, 5, createRandom(3));
  const bucketed = nearestNeighbourGraph(vectors, dimensions, 5, createRandom(3), { exactLimit: 100, candidateTarget: 600 });
  let found = 0;
  for (let row = 0; row < rows; row++) {
    const truth = new Set(exact.indices.subarray(row * 5, row * 5 + 5));
    for (const other of bucketed.indices.subarray(row * 5, row * 5 + 5)) if (truth.has(other)) found++;
  }
  assert.ok(found / (rows * 5) > 0.6, `recall ${found / (rows * 5)}`);
});
