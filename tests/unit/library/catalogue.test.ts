import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogueRow, decodeCatalogue, encodeCatalogue, type CatalogueRow } from '../../../src/lib/library/catalogue.ts';

const rows: CatalogueRow[] = [
  catalogueRow('a-1', { title: 'A', authors: ['Ada'], date: '2016-05', arxivId: '1605.00001', url: 'https://arxiv.org/abs/1605.00001', topic: { slug: 'graphs', label: 'graphs' } }),
  catalogueRow('b-2', { title: 'B', authors: [], arxivId: '1605.00002', url: 'https://example.org/b', topic: { slug: 'speech', label: 'speech · audio' } }),
  catalogueRow('c-3', { title: 'C', authors: [], doi: '10.1/c', topic: { slug: 'graphs', label: 'graphs' } }),
  catalogueRow('d-4', { title: 'D', authors: [], arxivId: '1605.00004' }),
];

test('/library/papers.json reads back as the rows it was written from', () => {
  assert.deepEqual(decodeCatalogue(JSON.parse(encodeCatalogue(rows))), rows);
});

test('/library/papers.json writes each topic once and an arXiv URL as 1', () => {
  const published = JSON.parse(encodeCatalogue(rows));
  assert.deepEqual(published.topics, [['graphs', 'graphs'], ['speech', 'speech · audio']]);
  assert.deepEqual(published.papers.map((row: unknown[]) => [row[7], row[8]]), [[1, 0], ['https://example.org/b', 1], ['', 0], ['', -1]]);
});

test('anything but a version 2 papers list is an error', () => {
  assert.throws(() => decodeCatalogue([['a-1', 'A']]), /expected version 2/);
  assert.throws(() => decodeCatalogue(null), /expected version 2/);
});
