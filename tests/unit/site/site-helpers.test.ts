import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinBase } from '../../../src/lib/site/paths.ts';
import { buildDate, formatCount, pluralize } from '../../../src/lib/site/build-info.ts';
import { foldForMatch, truncateAtWord } from '../../../src/lib/site/paper-list.ts';
import { paginateItems, papersPagePath } from '../../../src/lib/site/pagination.ts';

test('joinBase joins root and sub-path bases without doubling slashes', () => {
  assert.equal(joinBase('/', '/papers/a/'), '/papers/a/');
  assert.equal(joinBase('/my-atlas/', '/papers/a/'), '/my-atlas/papers/a/');
  assert.equal(joinBase('/my-atlas', 'search/'), '/my-atlas/search/');
});

test('buildDate honours SOURCE_DATE_EPOCH so builds are reproducible', () => {
  assert.equal(buildDate({ SOURCE_DATE_EPOCH: '1700000000' }), '2023-11-14');
  assert.equal(buildDate({}, new Date('2026-01-02T10:00:00Z')), '2026-01-02');
});

test('formatCount and pluralize use thousands separators and singular for one', () => {
  assert.equal(formatCount(102538), '102,538');
  assert.equal(pluralize(1, 'paper'), '1 paper');
  assert.equal(pluralize(119, 'paper'), '119 papers');
});

test('foldForMatch folds diacritics and case', () => {
  assert.equal(foldForMatch('  TÜLU   3 '), 'tulu 3');
});

test('truncateAtWord cuts at a word boundary with an ellipsis', () => {
  assert.equal(truncateAtWord('Graph neural networks for molecules', 20), 'Graph neural…');
  assert.equal(truncateAtWord('short', 20), 'short');
});

test('paginateItems splits into numbered pages and papersPagePath names them', () => {
  assert.deepEqual(paginateItems([1, 2, 3], 2), [
    { number: 1, items: [1, 2], pageCount: 2 },
    { number: 2, items: [3], pageCount: 2 },
  ]);
  assert.deepEqual(paginateItems([], 5), [{ number: 1, items: [], pageCount: 1 }]);
  assert.equal(papersPagePath(1), '/papers/');
  assert.equal(papersPagePath(3), '/papers/page/3/');
});

test('truncateAtWord reads only as much of a long text as the cut needs, with the same result', () => {
  const long = `  Graph\tneural\n\nnetworks   ${'for molecules and materials '.repeat(200)}`;
  assert.equal(truncateAtWord(long, 30), 'Graph neural networks for…');
  // Only spaces after the cut: the whole text, collapsed, is no longer than the limit, so it is not cut.
  assert.equal(truncateAtWord(`${'x'.repeat(20)}${' '.repeat(500)}`, 20), 'x'.repeat(20));
  assert.equal(truncateAtWord(`${'x'.repeat(20)} y${' '.repeat(500)}`, 20), `${'x'.repeat(20)}…`);
});
