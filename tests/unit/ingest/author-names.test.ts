import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorNameKey, cleanAuthorName, isInitialsKey, mergeAuthorLists, sharesInitials } from '../../../src/lib/ingest/author-names.ts';

test('cleanAuthorName removes footnote marks, affiliation numbers and e-mail addresses', () => {
  assert.equal(cleanAuthorName('Abhinav Gupta*'), 'Abhinav Gupta');
  assert.equal(cleanAuthorName('Bob Jones†'), 'Bob Jones');
  assert.equal(cleanAuthorName('Jean-Pierre Serre‡§'), 'Jean-Pierre Serre');
  assert.equal(cleanAuthorName('Carol White1,2'), 'Carol White');
  assert.equal(cleanAuthorName('Carol White 3'), 'Carol White');
  assert.equal(cleanAuthorName('¹Alice Li'), 'Alice Li');
  assert.equal(cleanAuthorName('Ada Smith^{1,2}'), 'Ada Smith');
  assert.equal(cleanAuthorName('Jane Doe <jane@uni.edu>'), 'Jane Doe');
  assert.equal(cleanAuthorName('Eve <b>Attacker</b>'), 'Eve <b>Attacker</b>');
  assert.equal(cleanAuthorName('and Grace Hopper'), 'Grace Hopper');
});

test('cleanAuthorName keeps initials, suffixes and Roman numerals', () => {
  for (const name of ['J. R. R. Tolkien', 'A. Smith, Jr.', 'Louis XIV', 'Agnieszka Słowik', '王伟']) assert.equal(cleanAuthorName(name), name);
});

test('cleanAuthorName gives nothing for "and others" and its kin', () => {
  for (const name of ['others', 'and others', 'et al.', 'et al', 'Et Al.', '…', 'Anonymous', '*', '1,2']) assert.equal(cleanAuthorName(name), '', name);
});

test('authorNameKey folds accents, case, periods and hyphens', () => {
  assert.equal(authorNameKey('Agnieszka Słowik'), 'agnieszka slowik');
  assert.equal(authorNameKey('J.-P. Serre'), 'j p serre');
});

test('sharesInitials matches an initials form to names its letters begin, with the same family name', () => {
  assert.ok(sharesInitials('a slowik', 'agnieszka slowik'));
  assert.ok(sharesInitials('sean b holden', 's holden'));
  assert.ok(sharesInitials('s holden', 's b holden'));
  assert.ok(!sharesInitials('j smith', 'robert smith'));
  assert.ok(!sharesInitials('j r smith', 'john smith'));
  assert.ok(!sharesInitials('john smith', 'jane smith'));
  assert.ok(!sharesInitials('a slowik', 'agnieszka nowak'));
  assert.ok(isInitialsKey('j r smith') && !isInitialsKey('john smith') && !isInitialsKey('smith'));
});

test('mergeAuthorLists lists one person once when two records of a paper spell them differently', () => {
  const merged = mergeAuthorLists(['A. Gupta', 'A. Slowik', 'William L. Hamilton', 'M. Jamnik', 'S. Holden'], ['Abhinav Gupta', 'Agnieszka Słowik', 'William L Hamilton', 'Mateja Jamnik', 'Sean B Holden', 'Christopher Pal']);
  assert.deepEqual(merged, ['Abhinav Gupta', 'Agnieszka Słowik', 'William L. Hamilton', 'Mateja Jamnik', 'Sean B Holden', 'Christopher Pal']);
});

test('mergeAuthorLists keeps an initials form apart when it fits two listed names', () => {
  assert.deepEqual(mergeAuthorLists(['Abhinav Gupta', 'Abhishek Gupta'], ['A. Gupta']), ['Abhinav Gupta', 'Abhishek Gupta', 'A. Gupta']);
});
