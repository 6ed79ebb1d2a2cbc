import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestNeighbourGraph, rerankNeighbours } from '../../../src/lib/topics/knn.ts';
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

test('rerankNeighbours keeps the candidates most similar by the full rows, with their full similarities', () => {
  // Each row's two candidates come from a reduced space; by the full rows row 0 is nearest row 2 (0.8 against 0.6),
  // row 1 nearest row 0 (0.6 against 0.48), row 2 nearest row 0.
  const full = Float32Array.of(1, 0, 0, 0.6, 0, 0.8, 0.8, 0.6, 0);
  const reducedGraph = { rowCount: 3, neighbourCount: 2, indices: Int32Array.of(1, 2, 0, 2, 0, 1), similarities: Float32Array.of(0.9, 0.8, 0.9, 0.5, 0.8, 0.5) };
  const graph = rerankNeighbours(reducedGraph, full, 3, 1);
  assert.equal(graph.neighbourCount, 1);
  assert.deepEqual([...graph.indices], [2, 0, 0]);
  assert.ok(Math.abs(graph.similarities[0]! - 0.8) < 1e-6);
  assert.ok(Math.abs(graph.similarities[1]! - 0.6) < 1e-6);
});

test('rerankNeighbours breaks a tie by the lower row id, whatever order the candidates came in', () => {
  const full = Float32Array.of(1, 0, 0.6, 0.8, 0.6, -0.8);
  const reducedGraph = { rowCount: 3, neighbourCount: 2, indices: Int32Array.of(2, 1, 0, 2, 0, 1), similarities: new Float32Array(6) };
  assert.equal(rerankNeighbours(reducedGraph, full, 2, 1).indices[0], 1);
});

test('nearestNeighbourGraph, comparing all pairs four rows at a time, gives the row-by-row search to the bit', () => {
  // 75 rows (blocks of 32 end in a partial block; 4-row groups leave a remainder) of 11 dimensions (4-term steps
  // leave a remainder), with copies of one row so that equal scores meet.
  const random = createRandom(4);
  const rows = 75;
  const dimensions = 11;
  const vectors = new Float32Array(rows * dimensions);
  for (let index = 0; index < vectors.length; index++) vectors[index] = randomNormal(random);
  vectors.copyWithin(40 * dimensions, 3 * dimensions, 4 * dimensions);
  vectors.copyWithin(70 * dimensions, 3 * dimensions, 4 * dimensions);
  normalizeRows(vectors, dimensions);
  const count = 6;
  const graph = nearestNeighbourGraph(vectors, dimensions, count, createRandom(1));
  assert.equal(graph.indices.length, rows * count);
  for (let row = 0; row < rows; row++) {
    // The reference: every other row offered in ascending order to a list kept as the graph keeps it (float32
    // scores; a candidate enters only when it beats the score it would displace).
    const indices = new Int32Array(count).fill(-1);
    const scores = new Float32Array(count).fill(-Infinity);
    for (let other = 0; other < rows; other++) {
      if (other === row) continue;
      let dot = 0;
      let d = 0;
      for (; d + 3 < dimensions; d += 4) {
        dot +=
          vectors[row * dimensions + d]! * vectors[other * dimensions + d]! +
          vectors[row * dimensions + d + 1]! * vectors[other * dimensions + d + 1]! +
          vectors[row * dimensions + d + 2]! * vectors[other * dimensions + d + 2]! +
          vectors[row * dimensions + d + 3]! * vectors[other * dimensions + d + 3]!;
      }
      for (; d < dimensions; d++) dot += vectors[row * dimensions + d]! * vectors[other * dimensions + d]!;
      if (dot <= scores[count - 1]!) continue;
      let slot = count - 1;
      for (; slot > 0 && dot > scores[slot - 1]!; slot--) {
        scores[slot] = scores[slot - 1]!;
        indices[slot] = indices[slot - 1]!;
      }
      scores[slot] = dot;
      indices[slot] = other;
    }
    assert.deepEqual([...graph.indices.subarray(row * count, (row + 1) * count)], [...indices], `row ${row}`);
    assert.deepEqual([...graph.similarities.subarray(row * count, (row + 1) * count)], [...scores], `row ${row}`);
  }
  assert.deepEqual([...graph.indices.subarray(3 * count, 3 * count + 2)].sort((a, b) => a - b), [40, 70]);
});
