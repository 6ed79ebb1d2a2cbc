import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestInDirection, nearestPoint } from '../../../src/lib/map/direction.ts';

// A plus shape around the origin (index 0), plus a far point to the right.
const xs = [0, 1, -1, 0, 0, 5];
const ys = [0, 0, 0, -1, 1, 0.1];

test('each arrow moves to the neighbour on that side', () => {
  assert.equal(nearestInDirection(xs, ys, 0, 'right'), 1);
  assert.equal(nearestInDirection(xs, ys, 0, 'left'), 2);
  assert.equal(nearestInDirection(xs, ys, 0, 'up'), 3);
  assert.equal(nearestInDirection(xs, ys, 0, 'down'), 4);
});

test('a point straight ahead beats a closer one far to the side', () => {
  assert.equal(nearestInDirection([0, 1, 0.4], [0, 0, 0.9], 0, 'right'), 1);
});

test('when nothing lies in the cone the nearest point in the half-plane is used', () => {
  assert.equal(nearestInDirection([0, 0.1, 0.2], [0, 2, -3], 0, 'right'), 1);
});

test('nothing in that direction gives -1', () => {
  assert.equal(nearestInDirection(xs, ys, 5, 'right'), -1);
});

test('moves can be limited to candidate points', () => {
  assert.equal(nearestInDirection(xs, ys, 0, 'right', [0, 5]), 5);
});

test('ties go to the lower index', () => {
  assert.equal(nearestInDirection([0, 1, 1], [0, 0, 0], 0, 'right'), 1);
});

test('the nearest point to a position is found', () => {
  assert.equal(nearestPoint(xs, ys, 4, 0), 5);
  assert.equal(nearestPoint([], [], 0, 0), -1);
});
