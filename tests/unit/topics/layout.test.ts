import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitToUnitSquare, placeDiscs, placeMembers, refineLayout } from '../../../src/lib/topics/layout.ts';
import { createRandom } from '../../../src/lib/topics/random.ts';

test('placeDiscs leaves no two discs overlapping', () => {
  const groups = Array.from({ length: 12 }, (_, index) => {
    const centroid = new Float32Array(4);
    centroid[index % 4] = 1;
    return { centroid, size: 10 + index * 7 };
  });
  const discs = placeDiscs(groups, 4);
  for (let a = 0; a < discs.length; a++) {
    for (let b = a + 1; b < discs.length; b++) {
      const gap = Math.hypot(discs[a]!.x - discs[b]!.x, discs[a]!.y - discs[b]!.y) - discs[a]!.radius - discs[b]!.radius;
      assert.ok(gap > -1e-6, `discs ${a} and ${b} overlap by ${-gap}`);
    }
  }
});

test('placeDiscs puts similar topics nearer than dissimilar ones', () => {
  const discs = placeDiscs(
    [
      { centroid: Float32Array.of(1, 0, 0), size: 10 },
      { centroid: Float32Array.of(0.95, 0.31, 0), size: 10 },
      { centroid: Float32Array.of(0, 0, 1), size: 10 },
    ],
    3,
  );
  const distance = (a: number, b: number): number => Math.hypot(discs[a]!.x - discs[b]!.x, discs[a]!.y - discs[b]!.y);
  assert.ok(distance(0, 1) < distance(0, 2));
});

test('placeMembers keeps a topic inside its disc without stacking points', () => {
  const random = createRandom(3);
  const count = 200;
  const vectors = new Float32Array(count * 3);
  for (let row = 0; row < count; row++) vectors.set([1, random() * 0.2, random() * 0.2], row * 3);
  const members = Int32Array.from({ length: count }, (_, index) => index);
  const similarity = Float32Array.from(members, () => random());
  const placed = placeMembers(vectors, 3, members, similarity, Float32Array.of(1, 0, 0), { x: 5, y: -2, radius: 2 }, random);
  const seen = new Set<string>();
  for (let index = 0; index < count; index++) {
    assert.ok(Math.hypot(placed[index * 2]! - 5, placed[index * 2 + 1]! + 2) <= 2);
    seen.add(`${placed[index * 2]!.toFixed(4)},${placed[index * 2 + 1]!.toFixed(4)}`);
  }
  assert.equal(seen.size, count);
});

test('fitToUnitSquare maps points into [0, 1]² keeping the aspect ratio', () => {
  assert.deepEqual([...fitToUnitSquare(Float64Array.of(0, 0, 10, 5))].map((value) => Number(value.toFixed(6))), [0.02, 0.26, 0.98, 0.74]);
});

test('refineLayout pulls graph neighbours together and keeps points apart', () => {
  // Two cliques of 20 nodes start interleaved on a line; after refinement each clique sits together.
  const count = 40;
  const lists: number[][] = Array.from({ length: count }, () => []);
  for (let a = 0; a < count; a++) for (let b = 0; b < count; b++) if (a !== b && a % 2 === b % 2) lists[a]!.push(b);
  const rowStart = Int32Array.from([0, ...lists.map((_, index) => lists.slice(0, index + 1).flat().length)]);
  const graph = { nodeCount: count, rowStart, neighbour: Int32Array.from(lists.flat()), weight: new Float64Array(rowStart[count]!).fill(1) };
  const random = createRandom(9);
  const positions = Float64Array.from({ length: count * 2 }, (_, index) => (index % 2 === 0 ? index / 2 : random()));
  refineLayout(positions, graph, createRandom(4));
  const centre = (parity: number): [number, number] => {
    let x = 0;
    let y = 0;
    for (let node = parity; node < count; node += 2) {
      x += positions[node * 2]! / 20;
      y += positions[node * 2 + 1]! / 20;
    }
    return [x, y];
  };
  let nearerOwn = 0;
  for (let node = 0; node < count; node++) {
    const own = centre(node % 2);
    const other = centre(1 - (node % 2));
    const x = positions[node * 2]!;
    const y = positions[node * 2 + 1]!;
    if (Math.hypot(x - own[0], y - own[1]) < Math.hypot(x - other[0], y - other[1])) nearerOwn++;
  }
  assert.ok(nearerOwn >= 36, `${nearerOwn} of ${count}`);
  assert.equal(new Set(Array.from({ length: count }, (_, node) => `${positions[node * 2]!.toFixed(3)},${positions[node * 2 + 1]!.toFixed(3)}`)).size, count);
});
