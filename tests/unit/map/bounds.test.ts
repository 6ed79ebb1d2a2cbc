import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pointBounds } from '../../../src/lib/map/bounds.ts';

test('bounds cover every point when nothing is trimmed', () => {
  assert.deepEqual(pointBounds([0, 1, 5], [0, 2, 1]), { minX: 0, minY: 0, maxX: 5, maxY: 2 });
});

test('bounds can be limited to some of the points', () => {
  assert.deepEqual(pointBounds([0, 1, 5], [0, 2, 1], [1, 2]), { minX: 1, minY: 1, maxX: 5, maxY: 2 });
});

test('trimming ignores a far outlier', () => {
  const xs = Array.from({ length: 100 }, (_, i) => i / 100);
  xs.push(50);
  const ys = xs.map(() => 0.5);
  const bounds = pointBounds(xs, ys, undefined, 0.02);
  assert.ok(bounds !== null && bounds.maxX < 1);
});

test('no points give no bounds', () => {
  assert.equal(pointBounds([], []), null);
});

test('a trim fraction of one half or more is rejected', () => {
  assert.throws(() => pointBounds([1], [1], undefined, 0.5), /\[0, 0.5\)/);
});
