import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorEntries, suggestAuthors, type AuthorEntry } from '../../../src/lib/search/author-suggest.ts';

const entries: AuthorEntry[] = [
  ['Gus Abhin', 1],
  ['Abhinav Gupta', 3],
  ['Agnieszka Słowik', 1],
  ['Ada Lovelace', 4],
];

test('family-name matches come before given-name matches, each in family-name order', () => {
  assert.deepEqual(suggestAuthors(entries, 'abhin', 5), [['Gus Abhin', 1], ['Abhinav Gupta', 3]]);
});

test('diacritics and case are ignored and every typed word must start a word of the name', () => {
  assert.deepEqual(suggestAuthors(entries, 'SLOW ag', 5), [['Agnieszka Słowik', 1]]);
  assert.deepEqual(suggestAuthors(entries, 'slow ada', 5), []);
});

test('no typed word suggests nothing, and at most max names are given', () => {
  assert.deepEqual(suggestAuthors(entries, '  ', 5), []);
  assert.equal(suggestAuthors(entries, 'a', 2).length, 2);
});

test('the authors file lists each author with their paper count, in the index order', () => {
  assert.deepEqual(authorEntries([{ name: 'Ada Lovelace', paperSlugs: ['a', 'b'] }, { name: 'Alan Turing', paperSlugs: ['c'] }]), [
    ['Ada Lovelace', 2],
    ['Alan Turing', 1],
  ]);
});
