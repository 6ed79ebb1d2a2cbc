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

test('a topic keyword finds the papers of the topic, marked as topic matches and not counted', async () => {
  const engine = await open();
  const response = await engine.search('forgetting ', { stages: 'head' });
  assert.deepEqual((await slugs(engine, response.hits.map((hit) => hit.id))).sort(), ['g2', 'g3']);
  assert.deepEqual(response.hits.map((hit) => hit.isTopicMatch), [true, true]);
  assert.equal(response.resultCount, 0);
});

test('papers containing the word come before papers found only through their topic', async () => {
  const engine = await open();
  // "replay" is a keyword of topic 0 (g2, g3) and a word of g2's title; g3 holds it only through its topic.
  const response = await engine.search('replay ');
  assert.deepEqual(await slugs(engine, response.hits.map((hit) => hit.id)), ['g2', 'g3']);
  assert.deepEqual(response.hits.map((hit) => hit.isTopicMatch), [false, true]);
  assert.equal(response.resultCount, 1);
});

test('a filter alone lists every paper it allows, newest first', async () => {
  const engine = await open();
  const list = async (filters: Parameters<SearchEngine['search']>[1]): Promise<string[]> =>
    slugs(engine, (await engine.search('', filters)).hits.map((hit) => hit.id));
  assert.deepEqual(await list({ yearFrom: 2024 }), ['g2', 'g3']);
  assert.deepEqual(await list({ topic: 0 }), ['g2', 'g3']);
  assert.deepEqual(await list({ author: 'lovelace' }), ['g1']);
  assert.deepEqual(await list({}), []);
  assert.equal((await engine.search('', { yearTo: 2023 })).resultCount, 1);
});

test('a year range keeps the papers published within it', async () => {
  const engine = await open();
  const years = async (filters: Parameters<SearchEngine['search']>[1]): Promise<string[]> =>
    (await slugs(engine, (await engine.search('graph ', filters)).hits.map((hit) => hit.id))).sort();
  assert.deepEqual(await years({ yearFrom: 2023, yearTo: 2023 }), ['g1']);
  assert.deepEqual(await years({ yearFrom: 2024 }), ['g2', 'g3']);
  assert.deepEqual(await years({ yearTo: 2024 }), ['g1', 'g2', 'g3']);
  assert.deepEqual(await years({ yearFrom: 2025 }), []);
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
  assert.deepEqual((await ids({ yearFrom: 2024, yearTo: 2024 })).sort(), ['g2', 'g3']);
  assert.deepEqual(await ids({ author: 'turing' }), ['g2']);
});

test('a theme filter keeps the papers of its subtopics (a paper’s facet is its finest topic)', async () => {
  const themed: SearchBuildInput = {
    topics: [
      { id: 0, label: 'learning', slug: 'learning', keywords: ['learning'], parent: null },
      { id: 1, label: 'continual learning', slug: 'continual', keywords: ['continual'], parent: 0 },
      { id: 2, label: 'code generation', slug: 'code', keywords: ['code'], parent: 0 },
      { id: 3, label: 'graphs', slug: 'graphs', keywords: ['graphs'], parent: null },
    ],
    papers: input.papers.map((paper, index) => ({ ...paper, topic: [1, 2, 3][index]! })),
  };
  const { files } = buildSearchIndex(themed);
  const engine = await SearchEngine.open(async (file) => files.get(file) ?? '');
  const browse = async (topic: number): Promise<string[]> => (await slugs(engine, (await engine.browse({ topic })).hits.map((hit) => hit.id))).sort();
  assert.deepEqual(await browse(0), ['g1', 'g2']);
  assert.deepEqual(await browse(2), ['g2']);
  assert.deepEqual(await browse(3), ['g3']);
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

test('a hyphenated name that matched whole is highlighted whole, not the words its parts found', async () => {
  const { files } = buildSearchIndex({
    topics: [],
    papers: [{ title: 'Impatient users', slug: 't', abstract: 'We extend tau-Bench with benchmarks of impatience.', authors: [], year: 0, topic: -1 }],
  });
  const engine = await SearchEngine.open(async (file) => files.get(file) ?? '');
  const response = await engine.search('tau-bench');
  assert.deepEqual(response.termsOf(response.hits[0]!.id), ['tau-bench']);
});

test('an author filter matches names as written, without typo tolerance', async () => {
  const engine = await open();
  assert.deepEqual(await slugs(engine, (await engine.search('', { author: 'turing ' })).hits.map((hit) => hit.id)), ['g2']);
  assert.equal((await engine.search('', { author: 'turimg ' })).hits.length, 0);
});

test('a picked author filters by the papers the authors file gives them, all spellings merged', async () => {
  const { files } = buildSearchIndex(input);
  // The author index merged "A. Lovelace" (paper 2's) into Ada Lovelace: the file lists both papers under her name.
  files.set('authors.json', JSON.stringify([['Ada Lovelace', [0, 2]], ['Alan Turing', [1]]]));
  const engine = await SearchEngine.open(async (file) => files.get(file) ?? '');
  assert.deepEqual(await slugs(engine, (await engine.search('', { author: 'ada lovelace' })).hits.map((hit) => hit.id)), ['g3', 'g1']);
  assert.deepEqual(await slugs(engine, (await engine.search('graph ', { author: 'Ada Lovelace' })).hits.map((hit) => hit.id)).then((list) => list.sort()), ['g1', 'g3']);
});
