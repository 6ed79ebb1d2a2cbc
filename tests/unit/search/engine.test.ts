import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSearchIndex, type SearchBuildInput } from '../../../src/lib/search/build-index.ts';
import { SearchEngine } from '../../../src/lib/search/engine.ts';

const input: SearchBuildInput = {
  topics: [
    { id: 0, label: 'continual learning · forgetting', slug: 'continual', keywords: ['continual', 'forgetting', 'replay'] },
    { id: 1, label: 'code generation', slug: 'code', keywords: ['code', 'program'] },
  ],
  papers: [
    { title: 'Graph networks for code', slug: 'g1', abstract: 'We study program repair.', authors: ['Ada Lovelace'], year: 2023, topic: 1 },
    { title: 'Graph replay buffers', slug: 'g2', abstract: 'Experience replay for streams.', authors: ['Alan Turing'], year: 2024, topic: 0 },
    { title: 'Networks that forget', slug: 'g3', abstract: 'Catastrophic interference in graph models.', authors: ['Grace Hopper'], year: 2024, topic: 0 },
  ],
};

const open = async (): Promise<SearchEngine> => {
  const { files } = buildSearchIndex(input);
  return SearchEngine.open(async (file) => files.get(file) ?? '');
};
const slugs = async (engine: SearchEngine, ids: number[]): Promise<string[]> => {
  const docs = await engine.docs(ids);
  return ids.map((id) => docs.get(id)?.[1] ?? '?');
};

test('papers matching every query word rank above papers matching some', async () => {
  const engine = await open();
  const response = await engine.search('graph networks ');
  // g3 has "networks" in its title and "graph" in its abstract, so it matches both words; g2 only "graph".
  assert.deepEqual(await slugs(engine, response.hits.map((hit) => hit.id)), ['g1', 'g3', 'g2']);
  assert.equal(response.allWordsCount, 2);
});

test('a topic keyword finds the papers of the topic', async () => {
  const engine = await open();
  const response = await engine.search('forgetting ', { stages: 'head' });
  assert.deepEqual((await slugs(engine, response.hits.map((hit) => hit.id))).sort(), ['g2', 'g3']);
});

test('an abstract-only word is found once the body stage runs', async () => {
  const engine = await open();
  assert.equal((await engine.search('catastrophic ', { stages: 'head' })).hits.length, 0);
  const response = await engine.search('catastrophic ');
  assert.deepEqual(await slugs(engine, response.hits.map((hit) => hit.id)), ['g3']);
});

test('topic, year and author filters keep only matching papers', async () => {
  const engine = await open();
  const ids = async (filters: Parameters<SearchEngine['search']>[1]): Promise<string[]> =>
    slugs(engine, (await engine.search('graph ', filters)).hits.map((hit) => hit.id));
  assert.deepEqual(await ids({ topic: 1 }), ['g1']);
  assert.deepEqual((await ids({ year: 2024 })).sort(), ['g2', 'g3']);
  assert.deepEqual(await ids({ author: 'turing' }), ['g2']);
});

test('the matched index terms of a hit are reported for highlighting', async () => {
  const engine = await open();
  const response = await engine.search('netwrks ');
  const first = response.hits[0];
  assert.ok(first);
  assert.deepEqual(response.termsOf(first.id), ['networks']);
});

test('a query of stop words searches nothing', async () => {
  const engine = await open();
  const response = await engine.search('the of ');
  assert.deepEqual([response.hits, response.wordCount, engine.fetched.length], [[], 0, 1]);
});
