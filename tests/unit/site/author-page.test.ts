import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorPageList } from '../../../src/lib/site/author-page.ts';
import { buildAuthorIndex } from '../../../src/lib/site/authors.ts';
import type { SluggedPaper } from '../../../src/lib/ingest/paper.ts';

function paper(slug: string, order: number, ...authors: string[]): SluggedPaper {
  return {
    slug,
    title: `Paper ${slug}`,
    abstract: 'An abstract.',
    hasAbstract: true,
    authors,
    categories: [],
    tags: [],
    source: { path: 'papers.md', line: order + 1, format: 'markdown' },
    mergedFrom: [],
    order,
  };
}

test("authorPageList lists an author's papers in source order with their co-authors' names", () => {
  const papers = [paper('p1', 0, 'Ada Lovelace', 'Alan Turing'), paper('p2', 1, 'Grace Hopper'), paper('p3', 2, 'A. Lovelace')];
  const index = buildAuthorIndex(papers);
  const ada = index.authors.find((author) => author.name === 'Ada Lovelace')!;
  const nameBySlug = new Map(index.authors.map((author) => [author.slug, author.name]));
  const { items, coAuthorNames } = authorPageList(ada, index, new Map(papers.map((p) => [p.slug, p])), nameBySlug);
  assert.deepEqual(items.map((item) => [item.slug, item.authorSlugs]), [
    ['p1', ['ada-lovelace', 'alan-turing']],
    ['p3', ['ada-lovelace']],
  ]);
  assert.deepEqual(coAuthorNames, [
    ['ada-lovelace', 'Ada Lovelace'],
    ['alan-turing', 'Alan Turing'],
  ]);
});
