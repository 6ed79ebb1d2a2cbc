import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageWindow } from '../../../src/lib/site/pagination.ts';
import { newestFirst } from '../../../src/lib/site/paper-list.ts';

test('a long list links the first and last page and the pages around the current one', () => {
  assert.deepEqual(pageWindow(7, 100), [1, 'gap', 5, 6, 7, 8, 9, 'gap', 100]);
  assert.deepEqual(pageWindow(1, 100), [1, 2, 3, 'gap', 100]);
  assert.deepEqual(pageWindow(100, 100), [1, 'gap', 98, 99, 100]);
});

test('a gap of a single page shows that page instead', () => {
  assert.deepEqual(pageWindow(5, 10), [1, 2, 3, 4, 5, 6, 7, 'gap', 10]);
  assert.deepEqual(pageWindow(2, 4), [1, 2, 3, 4]);
  assert.deepEqual(pageWindow(1, 1), [1]);
});

test('papers run newest first, undated last, ties in source order', () => {
  const papers = [
    { date: '2021', order: 0 },
    { date: undefined, order: 1 },
    { date: '2023-05-01', order: 2 },
    { date: '2021', order: 3 },
    { date: undefined, order: 4 },
    { date: '2023-01', order: 5 },
  ];
  assert.deepEqual(newestFirst(papers).map((paper) => paper.order), [2, 5, 0, 3, 1, 4]);
});
