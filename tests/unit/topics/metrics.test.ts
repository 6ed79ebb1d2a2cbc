import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adjustedRandIndex, normalizedMutualInformation } from '../../../src/lib/topics/metrics.ts';

test('NMI and ARI are 1 for the same partition under other names', () => {
  assert.equal(normalizedMutualInformation([0, 0, 1, 1, 2], [4, 4, 9, 9, 1]), 1);
  assert.equal(adjustedRandIndex([0, 0, 1, 1, 2], [4, 4, 9, 9, 1]), 1);
});

test('NMI matches a hand-computed value', () => {
  // Contingency [[2, 0], [1, 1]]: MI = ½ ln 4/3 + ¼ ln 2/3 + ¼ ln 2, H = ln 2 and ¾ ln 4/3 + ¼ ln 4.
  assert.ok(Math.abs(normalizedMutualInformation([0, 0, 1, 1], [0, 0, 0, 1]) - 0.3437110184854508) < 1e-9);
});

test('ARI is negative or zero for anti-correlated partitions', () => {
  assert.ok(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]) <= 0);
});
