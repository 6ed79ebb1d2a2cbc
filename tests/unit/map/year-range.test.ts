import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextPlayRange, normalizeYears, papersInYears, playStart } from '../../../src/lib/map/year-range.ts';

test('papersInYears keeps the papers of the range, ends included, and never an undated one', () => {
  assert.deepEqual(papersInYears([2012, 0, 2015, 2013, 2011], [2012, 2013]), [0, 3]);
  assert.deepEqual(papersInYears([0, 0], [1000, 3000]), []);
});

test('a range covering every year is no range; ends outside the atlas are clamped; reversed ends swapped', () => {
  assert.equal(normalizeYears([2008, 2016], [2008, 2016]), null);
  assert.equal(normalizeYears([1990, 2030], [2008, 2016]), null);
  assert.deepEqual(normalizeYears([2014, 2010], [2008, 2016]), [2010, 2014]);
  assert.equal(normalizeYears(null, [2008, 2016]), null);
});

test('play grows the range a year at a time and stops at the last year', () => {
  const bounds = [2008, 2011] as const;
  const frames: Array<[number, number]> = [];
  let range: [number, number] | null = playStart(null, bounds);
  while (range) {
    frames.push(range);
    range = nextPlayRange(range, bounds);
  }
  assert.deepEqual(frames, [
    [2008, 2008],
    [2008, 2009],
    [2008, 2010],
    [2008, 2011],
  ]);
});

test('play starts from the reader\'s range, or from its first year when the range already reaches the end', () => {
  assert.deepEqual(playStart([2012, 2013], [2008, 2016]), [2012, 2013]);
  assert.deepEqual(playStart([2012, 2016], [2008, 2016]), [2012, 2012]);
});
