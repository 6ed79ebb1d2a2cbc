import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inducedSubgraph, louvain, modularity, similarityGraph, type WeightedGraph } from '../../../src/lib/topics/graph-cluster.ts';
import { nearestNeighbourGraph } from '../../../src/lib/topics/knn.ts';
import { normalizeRows } from '../../../src/lib/topics/cluster.ts';
import { createRandom, randomNormal } from '../../../src/lib/topics/random.ts';
import { normalizedMutualInformation } from '../../../src/lib/topics/metrics.ts';

/** Two triangles (0-1-2 and 3-4-5) joined by the edge 2-3, unit weights. */
function twoTriangles(): WeightedGraph {
  const edges = [[0, 1], [0, 2], [1, 2], [3, 4], [3, 5], [4, 5], [2, 3]] as const;
  const lists: number[][] = Array.from({ length: 6 }, () => []);
  for (const [a, b] of edges) {
    lists[a]!.push(b);
    lists[b]!.push(a);
  }
  const rowStart = Int32Array.from([0, ...lists.map((_, index) => lists.slice(0, index + 1).flat().length)]);
  return { nodeCount: 6, rowStart, neighbour: Int32Array.from(lists.flat()), weight: new Float64Array(14).fill(1) };
}

test('louvain splits two triangles joined by one edge into the triangles', () => {
  assert.deepEqual([...louvain(twoTriangles(), 1, createRandom(1))].map((community, node, all) => community === all[0]), [true, true, true, false, false, false]);
});

test('modularity of the two-triangle split matches the hand value 5/14', () => {
  assert.ok(Math.abs(modularity(twoTriangles(), Int32Array.of(0, 0, 0, 1, 1, 1), 1) - 5 / 14) < 1e-12);
});

test('louvain gives more communities at a higher resolution', () => {
  const random = createRandom(5);
  const vectors = new Float32Array(400 * 6);
  for (let row = 0; row < 400; row++) for (let d = 0; d < 6; d++) vectors[row * 6 + d] = (d === row % 4 ? 3 : 0) + randomNormal(random);
  normalizeRows(vectors, 6);
  const graph = similarityGraph(nearestNeighbourGraph(vectors, 6, 10, createRandom(6)));
  const coarse = new Set(louvain(graph, 1, createRandom(7))).size;
  const fine = new Set(louvain(graph, 8, createRandom(7))).size;
  assert.ok(fine > coarse, `${fine} vs ${coarse}`);
  const truth = Int32Array.from({ length: 400 }, (_, row) => row % 4);
  assert.ok(normalizedMutualInformation(louvain(graph, 1, createRandom(7)), truth) > 0.7);
});

test('louvain is deterministic for a seed', () => {
  const graph = twoTriangles();
  assert.deepEqual([...louvain(graph, 2, createRandom(3))], [...louvain(graph, 2, createRandom(3))]);
});

test('inducedSubgraph keeps only the edges among the chosen nodes', () => {
  const sub = inducedSubgraph(twoTriangles(), Int32Array.of(2, 3, 4));
  assert.equal(sub.nodeCount, 3);
  assert.equal(sub.neighbour.length, 4);
});
