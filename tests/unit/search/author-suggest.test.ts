import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorEntries, findAuthor, suggestAuthors, type AuthorEntry } from '../../../src/lib/search/author-suggest.ts';

const entries: AuthorEntry[] = [
  ['Gus Abhin', [4]],
  ['Abhinav Gupta', [0, 2, 5]],
  ['Agnieszka Słowik', [3]],
  ['Ada Lovelace', [1, 6, 7, 8]],
];

test('family-name matches come before given-name matches, each in family-name order', () => {
  assert.deepEqual(suggestAuthors(entries, 'abhin', 5), [['Gus Abhin', [4]], ['Abhinav Gupta', [0, 2, 5]]]);
});

test('diacritics and case are ignored and every typed word must start a word of the name', () => {
  assert.deepEqual(suggestAuthors(entries, 'SLOW ag', 5), [['Agnieszka Słowik', [3]]]);
  assert.deepEqual(suggestAuthors(entries, 'slow ada', 5), []);
});

test('no typed word suggests nothing, and at most max names are given', () => {
  assert.deepEqual(suggestAuthors(entries, '  ', 5), []);
  assert.equal(suggestAuthors(entries, 'a', 2).length, 2);
});

test('the authors file lists each author with the doc-store ids of their papers, in the index order', () => {
  const ids = new Map([['a', 2], ['b', 0], ['c', 1]]);
  assert.deepEqual(authorEntries([{ name: 'Ada Lovelace', paperSlugs: ['a', 'b'] }, { name: 'Alan Turing', paperSlugs: ['c'] }], (slug) => ids.get(slug)), [
    ['Ada Lovelace', [0, 2]],
    ['Alan Turing', [1]],
  ]);
});

test('a picked name is found whatever its case, accents and spacing', () => {
  assert.deepEqual(findAuthor(entries, 'agnieszka  SLOWIK'), ['Agnieszka Słowik', [3]]);
  assert.equal(findAuthor(entries, 'Agnieszka'), undefined);
  assert.equal(findAuthor(entries, ' '), undefined);
});
