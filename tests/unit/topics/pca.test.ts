import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reduceDimensions } from '../../../src/lib/topics/pca.ts';
import { normalizeRows } from '../../../src/lib/topics/cluster.ts';
import { createRandom, randomNormal } from '../../../src/lib/topics/random.ts';

/** Unit rows that live in `rank` random directions of a `width`-number space, plus `noise` in every direction. */
function lowRankRows(rows: number, width: number, rank: number, noise: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const directions = Float64Array.from({ length: rank * width }, () => randomNormal(random));
  const vectors = new Float32Array(rows * width);
  for (let row = 0; row < rows; row++) {
    for (let k = 0; k < rank; k++) {
      const weight = randomNormal(random);
      for (let d = 0; d < width; d++) vectors[row * width + d]! += weight * directions[k * width + d]!;
    }
    for (let d = 0; d < width; d++) vectors[row * width + d]! += noise * randomNormal(random);
  }
  return normalizeRows(vectors, width);
}

function dot(vectors: Float32Array, width: number, a: number, b: number): number {
  let sum = 0;
  for (let d = 0; d < width; d++) sum += vectors[a * width + d]! * vectors[b * width + d]!;
  return sum;
}

test('reduceDimensions keeps every dot product of rows that span fewer directions than it keeps', () => {
  const full = lowRankRows(300, 48, 6, 0, 1);
  const reduced = reduceDimensions(full, 48, 8);
  assert.equal(reduced.dimensions, 8);
  assert.equal(reduced.vectors.length, 300 * 8);
  assert.ok(reduced.varianceKept > 0.999999, `kept ${reduced.varianceKept}`);
  for (const [a, b] of [[0, 1], [5, 250], [17, 18], [299, 3]] as const) {
    assert.ok(Math.abs(dot(full, 48, a, b) - dot(reduced.vectors, 8, a, b)) < 1e-5, `rows ${a} and ${b}`);
  }
});

test('reduceDimensions reports the share of energy kept, and its rows are unit length', () => {
  const full = lowRankRows(400, 32, 4, 1, 2);
  const reduced = reduceDimensions(full, 32, 4);
  // Signal: 4 directions of about 32 units of energy each (128); noise: 1 in each of 32 directions (32), of which
  // the kept directions hold about 4: about (128 + 4) / 160 = 83 % kept.
  assert.ok(reduced.varianceKept > 0.7 && reduced.varianceKept < 0.95, `kept ${reduced.varianceKept}`);
  for (let row = 0; row < 400; row += 37) assert.ok(Math.abs(dot(reduced.vectors, 4, row, row) - 1) < 1e-5);
  const all = reduceDimensions(full, 32, 31);
  assert.ok(all.varianceKept > reduced.varianceKept && all.varianceKept < 1);
});

test('reduceDimensions gives the same bytes for the same rows', () => {
  const full = lowRankRows(200, 24, 5, 0.2, 3);
  const first = reduceDimensions(full, 24, 6);
  const second = reduceDimensions(Float32Array.from(full), 24, 6);
  assert.deepEqual(Buffer.from(first.vectors.buffer), Buffer.from(second.vectors.buffer));
});

test('reduceDimensions returns rows no longer than the dimensions asked as they are', () => {
  const full = lowRankRows(10, 6, 2, 0.1, 4);
  const reduced = reduceDimensions(full, 6, 100);
  assert.equal(reduced.vectors, full);
  assert.equal(reduced.dimensions, 6);
  assert.equal(reduced.varianceKept, 1);
});

test('reduceDimensions keeps the nearest neighbours of clustered rows', () => {
  const random = createRandom(5);
  const width = 64;
  const centres = Float64Array.from({ length: 8 * width }, () => randomNormal(random));
  const vectors = new Float32Array(240 * width);
  for (let row = 0; row < 240; row++) {
    for (let d = 0; d < width; d++) vectors[row * width + d] = centres[(row % 8) * width + d]! + 0.8 * randomNormal(random);
  }
  normalizeRows(vectors, width);
  const reduced = reduceDimensions(vectors, width, 10);
  let sameGroup = 0;
  for (let row = 0; row < 240; row++) {
    let best = -1;
    let bestDot = -Infinity;
    for (let other = 0; other < 240; other++) {
      if (other === row) continue;
      const value = dot(reduced.vectors, 10, row, other);
      if (value > bestDot) [best, bestDot] = [other, value];
    }
    if (best % 8 === row % 8) sameGroup++;
  }
  assert.equal(sameGroup, 240);
});
