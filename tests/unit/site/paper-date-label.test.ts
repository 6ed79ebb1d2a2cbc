import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paperDateLabel } from '../../../src/lib/site/paper-date-label.ts';

test('paperDateLabel shows day, month or year as precise as the date is', () => {
  assert.equal(paperDateLabel('2013-05-14'), '14 May 2013');
  assert.equal(paperDateLabel('2013-05'), 'May 2013');
  assert.equal(paperDateLabel('1999'), '1999');
  assert.equal(paperDateLabel(undefined), undefined);
});

test('paperDateLabel reads dates in UTC, so the first and last day of a year stay in it', () => {
  assert.equal(paperDateLabel('2020-01-01'), '1 January 2020');
  assert.equal(paperDateLabel('2020-12-31'), '31 December 2020');
});

test('paperDateLabel says what Date#toLocaleDateString would, for every month', () => {
  const labels = Array.from({ length: 12 }, (_, month) => `2016-${String(month + 1).padStart(2, '0')}`);
  assert.ok(labels.length > 0);
  for (const date of labels) {
    const expected = new Date(`${date}-01T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long' });
    assert.equal(paperDateLabel(date), expected);
  }
});
