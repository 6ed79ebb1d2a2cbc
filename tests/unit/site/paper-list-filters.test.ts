import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SluggedPaper } from '../../../src/lib/ingest/paper.ts';
import { categoryIndex } from '../../../src/lib/site/categories.ts';
import { listFilterOptions, listStateFromSearch, MAX_FILTER_OPTIONS, rowMatchesFilters, toPaperListItems, writeListState, yearsOf } from '../../../src/lib/site/paper-list.ts';

function paper(slug: string, fields: Partial<SluggedPaper>): SluggedPaper {
  return {
    title: slug,
    abstract: 'An abstract.',
    hasAbstract: true,
    authors: [],
    categories: [],
    tags: [],
    source: { path: 'a.md', line: 1, format: 'markdown' },
    mergedFrom: [],
    order: 0,
    slug,
    ...fields,
  };
}

const papers = [
  paper('p1', { authors: ['Ada Lovelace', 'J. Smith'], date: '2024-05', categories: ['cs.LG', 'stat.ML'] }),
  paper('p2', { authors: ['Ada Lovelace'], date: '2023', categories: ['cs.CL'] }),
  paper('p3', { authors: ['Alan Turing'], date: '2024-01-02', categories: ['cs.LG'] }),
];
const slugOf = (name: string) => ({ 'Ada Lovelace': 'ada-lovelace', 'J. Smith': 'john-smith', 'Alan Turing': 'alan-turing' })[name];
const categories = categoryIndex(papers.map((item) => item.categories), 1);
const items = toPaperListItems(papers, slugOf, categories.valuesOf);
const nameOf = (slug: string) => ({ 'ada-lovelace': 'Ada Lovelace', 'john-smith': 'John Smith', 'alan-turing': 'Alan Turing' })[slug] ?? slug;

test('list rows carry their category values and the author slugs of their authors', () => {
  assert.deepEqual(items[0]?.categories, ['cs.LG', 'stat.ML']);
  assert.deepEqual(items[0]?.authorSlugs, ['ada-lovelace', 'john-smith']);
  assert.deepEqual(toPaperListItems(papers)[0]?.authorSlugs, []);
  assert.deepEqual(toPaperListItems(papers)[0]?.categories, []);
});

test('list rows carry the category filter values, not the raw keywords', () => {
  const raw = [paper('a', { categories: ['Computer Science - Machine Learning', 'unread', 'Neural Networks'] }), paper('b', { categories: ['cs.LG', 'neural-network'] })];
  const index = categoryIndex(raw.map((item) => item.categories));
  assert.deepEqual(toPaperListItems(raw, undefined, index.valuesOf).map((item) => item.categories), [
    ['cs.LG', 'neural-network'],
    ['cs.LG', 'neural-network'],
  ]);
});

test('filter options list years newest first, categories most papers first with their names, authors A–Z, with counts', () => {
  const options = listFilterOptions(items, nameOf, (value) => categories.labelOf(value) ?? value);
  assert.deepEqual(options.years.map((option) => [option.value, option.count]), [['2024', 2], ['2023', 1]]);
  assert.deepEqual(options.categories.map((option) => [option.label, option.count]), [
    ['Machine Learning (cs.LG)', 2],
    ['Computation and Language (cs.CL)', 1],
    ['Machine Learning (stat.ML)', 1],
  ]);
  assert.deepEqual(options.authors.map((option) => [option.value, option.label, option.count]), [
    ['ada-lovelace', 'Ada Lovelace', 2],
    ['alan-turing', 'Alan Turing', 1],
    ['john-smith', 'John Smith', 1],
  ]);
});

test('a list without dates or categories offers no year or category options', () => {
  const options = listFilterOptions(toPaperListItems([paper('x', {})]), nameOf);
  assert.deepEqual([options.years, options.categories, options.authors], [[], [], []]);
});

test('filter options keep only the most frequent values when there are too many', () => {
  const manyPapers = Array.from({ length: MAX_FILTER_OPTIONS + 5 }, (_, index) => paper(`p${index}`, { categories: [`c${index}`, 'common'] }));
  const many = toPaperListItems(manyPapers, undefined, categoryIndex(manyPapers.map((item) => item.categories), 1).valuesOf);
  const categories = listFilterOptions(many, nameOf).categories;
  assert.equal(categories.length, MAX_FILTER_OPTIONS);
  assert.ok(categories.some((option) => option.value === 'common'));
});

test('a row must pass the text, year, category and author filters together', () => {
  const row = { filterText: 'graph nets ada lovelace', year: '2024', categories: ['cs.LG'], authorSlugs: ['ada-lovelace'] };
  const any = { text: '', year: '', category: '', author: '' };
  assert.equal(rowMatchesFilters(row, any), true);
  assert.equal(rowMatchesFilters(row, { ...any, text: 'GRAPH  Lovelace', year: '2024', category: 'cs.LG', author: 'ada-lovelace' }), true);
  assert.equal(rowMatchesFilters(row, { ...any, year: '2023' }), false);
  assert.equal(rowMatchesFilters(row, { ...any, category: 'cs.CL' }), false);
  assert.equal(rowMatchesFilters(row, { ...any, author: 'alan-turing' }), false);
  assert.equal(rowMatchesFilters(row, { ...any, text: 'graph turing' }), false);
});

test('the filter state round-trips through the URL query, keeping other params', () => {
  const state = listStateFromSearch('?filter=graph&year=2024&category=cs.LG&author=ada-lovelace&sort=title');
  assert.deepEqual(state, { text: 'graph', year: '2024', category: 'cs.LG', author: 'ada-lovelace' });
  const params = writeListState(new URLSearchParams('sort=title&year=2020'), { ...state, year: '', author: '' });
  assert.equal(params.toString(), 'sort=title&filter=graph&category=cs.LG');
});

test('yearsOf lists each publication year once, newest first, and skips undated papers', () => {
  assert.deepEqual(yearsOf([{ date: '2021-03-01' }, { date: undefined }, { date: '2023' }, { date: '2021' }]), [2023, 2021]);
  assert.deepEqual(yearsOf([{ date: undefined }]), []);
});
