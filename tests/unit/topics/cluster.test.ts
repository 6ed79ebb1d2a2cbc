import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeRows, pairwiseSimilarity, silhouetteFromSimilarity, sphericalKMeans } from '../../../src/lib/topics/cluster.ts';
import { createRandom, randomNormal } from '../../../src/lib/topics/random.ts';
import { normalizedMutualInformation } from '../../../src/lib/topics/metrics.ts';

/** `groups` well separated bundles of unit vectors in `dimensions` dimensions, `perGroup` each. */
function separatedGroups(groups: number, perGroup: number, dimensions: number, seed: number) {
  const random = createRandom(seed);
  const vectors = new Float32Array(groups * perGroup * dimensions);
  const truth = new Int32Array(groups * perGroup);
  for (let group = 0; group < groups; group++) {
    for (let member = 0; member < perGroup; member++) {
      const row = group * perGroup + member;
      truth[row] = group;
      for (let d = 0; d < dimensions; d++) vectors[row * dimensions + d] = (d === group ? 1 : 0) + 0.08 * randomNormal(random);
    }
  }
  return { vectors: normalizeRows(vectors, dimensions), truth, rows: Int32Array.from(truth, (_, index) => index) };
}

test('sphericalKMeans recovers separated groups exactly', () => {
  const { vectors, rows, truth } = separatedGroups(4, 40, 8, 5);
  const run = sphericalKMeans(vectors, 8, rows, 4, createRandom(6));
  assert.equal(normalizedMutualInformation(run.assignment, truth), 1);
  assert.ok(run.similarity.every((value) => value > 0.8));
});

test('sphericalKMeans gives the same result for the same seed', () => {
  const { vectors, rows } = separatedGroups(5, 20, 8, 7);
  const first = sphericalKMeans(vectors, 8, rows, 5, createRandom(8));
  const second = sphericalKMeans(vectors, 8, rows, 5, createRandom(8));
  assert.deepEqual([...first.assignment], [...second.assignment]);
});

test('silhouetteFromSimilarity is 1 for two identical-point clusters far apart', () => {
  const vectors = Float32Array.of(1, 0, 1, 0, 0, 1, 0, 1);
  const similarity = pairwiseSimilarity(vectors, 2, Int32Array.of(0, 1, 2, 3));
  assert.equal(silhouetteFromSimilarity(similarity, Int32Array.of(0, 0, 1, 1), 2), 1);
});
