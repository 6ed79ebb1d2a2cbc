import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorIndexPages, authorNameKey, authorSlugOf, buildAuthorIndex, type Author } from '../../../src/lib/site/authors.ts';

function paper(slug: string, ...authors: string[]): { slug: string; authors: string[] } {
  return { slug, authors };
}

test('authorNameKey folds diacritics, case, periods and hyphens', () => {
  assert.equal(authorNameKey('José  García-Núñez'), 'jose garcia nunez');
  assert.equal(authorNameKey('J.R. Smith'), 'j r smith');
  assert.equal(authorNameKey('Søren Kierkegaard'), 'soren kierkegaard');
});

test('spellings that differ only in diacritics and case are one author, shown with the accented spelling', () => {
  const { authors } = buildAuthorIndex([paper('p1', 'José García'), paper('p2', 'Jose Garcia'), paper('p3', 'JOSE GARCIA')]);
  assert.equal(authors.length, 1);
  assert.equal(authors[0]?.name, 'José García');
  assert.deepEqual(authors[0]?.paperSlugs, ['p1', 'p2', 'p3']);
});

test('an initials form joins the only full name with those initials', () => {
  const { authors } = buildAuthorIndex([paper('p1', 'John Smith'), paper('p2', 'J. Smith'), paper('p3', 'J Smith')]);
  assert.deepEqual(authors.map((author) => [author.name, author.paperSlugs]), [['John Smith', ['p1', 'p2', 'p3']]]);
  assert.deepEqual(authors[0]?.variants, ['John Smith', 'J Smith', 'J. Smith']);
});

test('an initials form stays apart when two full names share its initials', () => {
  const { authors } = buildAuthorIndex([paper('p1', 'John Smith'), paper('p2', 'Jane Smith'), paper('p3', 'J. Smith')]);
  assert.deepEqual(authors.map((author) => author.name), ['J. Smith', 'Jane Smith', 'John Smith']);
});

test('initials must match every given name: J. Smith does not join John Ronald Smith', () => {
  const { authors } = buildAuthorIndex([paper('p1', 'John Ronald Smith'), paper('p2', 'J. Smith'), paper('p3', 'J. R. Smith')]);
  assert.deepEqual(authors.map((author) => [author.name, author.paperSlugs]), [
    ['J. Smith', ['p2']],
    ['John Ronald Smith', ['p1', 'p3']],
  ]);
});

test('authors are sorted by family name and carry the letter of it', () => {
  const { authors } = buildAuthorIndex([paper('p1', 'Ada Lovelace', 'Alan Turing', 'Émile Borel', '王伟')]);
  assert.deepEqual(authors.map((author) => [author.name, author.letter]), [
    ['Émile Borel', 'b'],
    ['Ada Lovelace', 'l'],
    ['Alan Turing', 't'],
    ['王伟', '#'],
  ]);
});

test('a paper that lists an author twice counts once', () => {
  const { authors } = buildAuthorIndex([paper('p1', 'Ada Lovelace', 'Ada  Lovelace')]);
  assert.deepEqual(authors[0]?.paperSlugs, ['p1']);
});

test('author slugs never collide: the smallest key keeps the slug, others get a hash suffix that depends only on them', () => {
  const { authors } = buildAuthorIndex([paper('p1', "Conan O'Brien", 'Conan OBrien', '王伟', '李娜', 'Letter')]);
  const slugs = authors.map((author) => author.slug);
  assert.equal(new Set(slugs).size, slugs.length);
  assert.ok(slugs.includes('conan-obrien'));
  assert.equal(slugs.filter((slug) => /^conan-obrien-[0-9a-z]{6}$/.test(slug)).length, 1);
  assert.equal(slugs.filter((slug) => slug.startsWith('author')).length, 2);
  assert.ok(!slugs.includes('letter'), 'a reserved route segment is never an author slug');
  const again = buildAuthorIndex([paper('p1', 'Conan OBrien', "Conan O'Brien", '李娜', '王伟', 'Letter')]).authors.map((author) => author.slug);
  assert.deepEqual([...again].sort(), [...slugs].sort());
});

test('authorSlugOf finds the author of every spelling as written on a paper', () => {
  const index = buildAuthorIndex([paper('p1', 'John Smith'), paper('p2', 'J. Smith')]);
  assert.equal(authorSlugOf(index, 'J.  Smith'), 'john-smith');
  assert.equal(authorSlugOf(index, 'Nobody'), undefined);
});

test('papers without authors give no authors', () => {
  assert.deepEqual(buildAuthorIndex([paper('p1')]).authors, []);
});

function fakeAuthors(count: number, letter: string): Author[] {
  return Array.from({ length: count }, (_, index) => ({ slug: `${letter}${index}`, name: `${letter}${index}`, variants: [], paperSlugs: ['p'], letter, sortKey: `${letter}${index}` }));
}

test('authorIndexPages puts every author on /authors/ when they fit', () => {
  const pages = authorIndexPages(fakeAuthors(3, 'a'), 10);
  assert.deepEqual(pages.map((page) => [page.path, page.authors.length]), [['/authors/', 3]]);
});

test('authorIndexPages splits a large index by letter, then into numbered chunks', () => {
  const pages = authorIndexPages([...fakeAuthors(5, 'a'), ...fakeAuthors(12, 'b'), ...fakeAuthors(1, '#')], 5);
  assert.deepEqual(pages.map((page) => [page.path, page.authors.length, page.number, page.pageCount]), [
    ['/authors/letter/other/', 1, 1, 1],
    ['/authors/letter/a/', 5, 1, 1],
    ['/authors/letter/b/', 5, 1, 3],
    ['/authors/letter/b/2/', 5, 2, 3],
    ['/authors/letter/b/3/', 2, 3, 3],
  ]);
});
