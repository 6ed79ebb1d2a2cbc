import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hitRadius, pointAlpha, pointRadiusPx, ringSizePx } from '../../../src/lib/map/point-radius.ts';

test('a sparse map gets 3.2 px dots and a dense one finer dots, never under 0.9 px', () => {
  assert.equal(pointRadiusPx(100, 1000, 1000, 1), 3.2);
  assert.ok(Math.abs(pointRadiusPx(10_000, 1000, 1000, 1) - 2) < 1e-12);
  assert.equal(pointRadiusPx(1_000_000, 1000, 1000, 1), 0.9);
});

test('dots grow with the square root of zoom, up to 9 px', () => {
  assert.ok(Math.abs(pointRadiusPx(10_000, 1000, 1000, 4) - 4) < 1e-12);
  assert.equal(pointRadiusPx(100, 1000, 1000, 100), 9);
});

test('large maps draw dots more transparent', () => {
  assert.equal(pointAlpha(119), 0.85);
  assert.equal(pointAlpha(100_000), 0.7);
});

test('the ring clears the dot by 4 px and is at least 12 px across', () => {
  assert.equal(ringSizePx(1), 12);
  assert.equal(ringSizePx(5), 18);
});

test('a finger reaches further than a mouse, and the reach shrinks in data units as the map zooms in', () => {
  assert.equal(hitRadius(3, 'mouse', 1, 100), 0.08);
  assert.ok(Math.abs(hitRadius(3, 'touch', 2, 100) - 0.085) < 1e-12);
  assert.ok(hitRadius(3, 'pen', 4, 100) < hitRadius(3, 'pen', 1, 100));
});
