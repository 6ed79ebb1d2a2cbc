import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emphasisOf, searchCountText } from '../../../src/lib/map/emphasis.ts';

test('without a focused topic or a search nothing is dimmed', () => {
  assert.equal(emphasisOf(5, []), null);
});

test('a single set emphasises exactly its papers', () => {
  const emphasis = emphasisOf(4, [Int32Array.from([2, 0])]);
  assert.ok(emphasis);
  assert.deepEqual([...emphasis.flags], [1, 0, 1, 0]);
  assert.deepEqual([...emphasis.indices], [0, 2]);
});

test('a focused topic and a search emphasise only the papers in both', () => {
  const emphasis = emphasisOf(5, [[0, 1, 3], [3, 1, 4]]);
  assert.ok(emphasis);
  assert.deepEqual([...emphasis.indices], [1, 3]);
  assert.deepEqual([...emphasis.flags], [0, 1, 0, 1, 0]);
});

test('sets that share no paper emphasise none, so every dot is dimmed', () => {
  const emphasis = emphasisOf(3, [[0], [2]]);
  assert.ok(emphasis);
  assert.equal(emphasis.indices.length, 0);
  assert.deepEqual([...emphasis.flags], [0, 0, 0]);
});

test('the search count says how many match, and how many of them the focus shows', () => {
  assert.equal(searchCountText(null, 0), '');
  assert.equal(searchCountText(0, 0), 'No matches');
  assert.equal(searchCountText(1, 1), '1 match');
  assert.equal(searchCountText(1200, 1200), '1,200 matches');
  assert.equal(searchCountText(12, 3), '3 of 12 matches');
});
