import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonLinesFormat, parseJson, parseJsonLines } from '../../../../src/lib/ingest/json.ts';
import { papersOf, readFixture, rejectionsOf } from './fixture.ts';

test('Hugging Face daily papers lift the nested paper; a flat paper with an empty summary has no abstract', () => {
  const result = parseJson(readFixture('json/hf-daily-papers.json'));
  assert.deepEqual(result.problems, []);
  assert.deepEqual(papersOf(result), [
    {
      line: 2,
      title: 'TÜLU 3: Pushing Frontiers in Open Language Model Post-Training',
      abstract: 'Language model post-training is applied to refine behaviors.',
      hasAbstract: true,
      authors: ['Nathan Lambert', 'Jacob Morrison'],
      categories: [],
      tags: [],
      sourceId: '2411.15124',
      arxivId: '2411.15124',
      url: 'https://arxiv.org/abs/2411.15124',
      date: '2024-11-22',
    },
    {
      line: 18,
      title: 'A flat Hugging Face paper record',
      abstract: '',
      hasAbstract: false,
      authors: ['Flat Author'],
      categories: [],
      tags: [],
      sourceId: '2412.00002',
      arxivId: '2412.00002',
      url: 'https://arxiv.org/abs/2412.00002',
      date: '2024-12-01',
    },
  ]);
});

test('OpenReview notes read v2 {value} and v1 flat content, forum URL and publication date', () => {
  const result = parseJson(readFixture('json/openreview-notes.json'));
  assert.deepEqual(
    papersOf(result).map((paper) => [paper.line, paper.title, paper.authors, paper.categories, paper.url, paper.date, paper.venue]),
    [
      [4, 'An OpenReview API v2 Note', ['Alice Smith', 'Bob Jones'], ['graphs', 'transformers'], 'https://openreview.net/forum?id=abc123', '2024-01-11', 'ICLR 2024 poster'],
      [17, 'An OpenReview API v1 Note', ['Jake Snell'], ['Deep learning'], 'https://openreview.net/forum?id=B1-Hhnslg', '2016-11-03', undefined],
    ],
  );
  assert.deepEqual(rejectionsOf(result), ['28: record noTitle01 has no title']);
});

test('papercopilot lists split ";" authors and keywords and keep the status as a tag', () => {
  const result = parseJson(readFixture('json/papercopilot.json'));
  const [first, last] = papersOf(result);
  assert.deepEqual(first?.authors, ['Shuohang Wang', 'Jing Jiang']);
  assert.deepEqual(first?.categories, ['Natural language processing', 'Deep learning']);
  assert.deepEqual(first?.tags, ['Poster']);
  assert.equal(first?.url, 'https://openreview.net/forum?id=B1-q5Pqxl');
  assert.deepEqual([last?.line, last?.hasAbstract], [22, false]);
  assert.deepEqual(rejectionsOf(result), ['12: record SJUdkecgx has no title']);
});

test('a JSON syntax error is reported with its line and column and yields no records', () => {
  assert.deepEqual(parseJson(readFixture('json/syntax-error.json')), {
    records: [],
    problems: [{ line: 3, severity: 'error', message: "JSON syntax error at line 3, column 22: Expected ',' or '}' after property value" }],
  });
});

test('truncated JSON is reported at its last line', () => {
  const result = parseJson('[\n  {"title": "A"},\n  {"title": "B"');
  assert.equal(result.problems[0]?.line, 3);
  assert.match(result.problems[0]?.message ?? '', /^JSON syntax error at line 3, column 16: /);
});

test('a root object without a record list is an error naming its keys', () => {
  assert.deepEqual(parseJson('{"meta": 1}').problems, [
    { line: 1, severity: 'error', message: 'no paper records: expected an array, or an object with one of papers, notes, data, results, items, records, entries (found keys: meta)' },
  ]);
});

test('JSON Lines: a bad line is rejected with its line and the good lines come through', () => {
  const result = parseJsonLines(readFixture('json/papers.jsonl'));
  assert.deepEqual(papersOf(result).map((paper) => [paper.line, paper.title, paper.categories]), [
    [1, 'First JSONL paper', ['cs.LG', 'stat.ML']],
    [4, 'Third JSONL paper', []],
  ]);
  assert.deepEqual(rejectionsOf(result), [
    "2: JSON syntax error at column 71: Expected ',' or '}' after property value",
    '5: expected an object, found an array',
  ]);
});

test('a .json file holding JSON Lines is read line by line with a warning', () => {
  const result = parseJson('{"title": "A"}\n{"title": "B"}\n');
  assert.equal(papersOf(result).length, 2);
  assert.equal(result.problems[0]?.message, 'file holds JSON Lines (one object per line), read as such');
});

test('JSON Lines detect needs one object per line', () => {
  assert.equal(jsonLinesFormat.detect('{"a":1}\n{"b":2}\n', 'x.jsonl'), true);
  assert.equal(jsonLinesFormat.detect('[\n{"a":1}\n]', 'x.jsonl'), false);
});
