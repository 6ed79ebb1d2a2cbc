import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { detectTrending, parseTrending } from '../../../src/lib/ingest/trending.ts';
import type { ParsedRecord } from '../../../src/lib/ingest/format.ts';

function fixtureText(name: string): string {
  return readFileSync(new URL(`../../fixtures/trending/${name}`, import.meta.url), 'utf8');
}

function titles(records: readonly ParsedRecord[]): string[] {
  return records.flatMap((record) => ('fields' in record ? [record.fields.title] : []));
}

const bundledUrl = new URL('../../../content/trending-papers.txt', import.meta.url);

test('parseTrending reads all 119 papers of the bundled file with no rejections', () => {
  const { records, problems } = parseTrending(readFileSync(bundledUrl, 'utf8'), 'trending-papers.txt');
  assert.equal(records.length, 119);
  assert.equal(records.filter((record) => 'rejected' in record).length, 0);
  assert.deepEqual(problems, []);
});

test('parseTrending drops the page boilerplate and the Subscribe glued to the first bundled title', () => {
  const { records } = parseTrending(readFileSync(bundledUrl, 'utf8'), 'trending-papers.txt');
  const [first] = records;
  assert.deepEqual(first && 'fields' in first ? [first.line, first.fields.title] : undefined, [
    3,
    'Impatient Users Confuse AI Agents: High-fidelity Simulations of Human Traits for Testing Agents',
  ]);
  const allTitles = titles(records);
  assert.ok(allTitles.every((title) => !/subscribe|inbox/i.test(title)));
  assert.deepEqual(
    allTitles.filter((title) => title.startsWith('SPARK:')),
    ['SPARK: Synergistic Policy And Reward Co-Evolving Framework', 'SPARK: Stepwise Process-Aware Rewards for Reference-Free Reinforcement Learning'],
  );
});

test('parseTrending resolves the TeX escapes in bundled abstracts', () => {
  const { records } = parseTrending(readFileSync(bundledUrl, 'utf8'), 'trending-papers.txt');
  const abstracts = records.flatMap((record) => ('fields' in record ? [record.fields.abstract] : []));
  assert.equal(abstracts.filter((abstract) => abstract.includes('\\')).length, 0);
  assert.ok(abstracts.some((abstract) => abstract.includes('42.9%')));
  assert.ok(abstracts.some((abstract) => abstract.includes('TÜLU 3')));
});

test('parseTrending keeps markup, template braces and dashes as literal text', () => {
  const { records } = parseTrending(fixtureText('markup.txt'), 'markup.txt');
  assert.deepEqual(
    records.map((record) => ('fields' in record ? [record.line, record.fields.title] : record)),
    [
      [3, "<script>alert('title')</script> Scripted Title"],
      [5, 'Curly {{ title }} and ${secret} Title'],
      [7, 'Dashes and YAML in the Abstract'],
    ],
  );
  const abstracts = records.flatMap((record) => ('fields' in record ? [record.fields.abstract] : []));
  assert.match(abstracts[0] ?? '', /<img src=x onerror="alert\('img'\)"> and a <a href="javascript:alert\(1\)">link<\/a>/);
  assert.match(abstracts[1] ?? '', /\{\{ constructor\.constructor\('alert\(1\)'\)\(\) \}\} and \$\{process\.env\.HOME\}/);
  assert.match(abstracts[2] ?? '', /^--- title: not frontmatter --- and key: value/);
});

test('parseTrending handles a BOM-less text with CRLF line ends, blank lines and extra spaces', () => {
  const text = fixtureText('crlf-bom.txt');
  assert.ok(text.includes('\r\n'), 'fixture must keep its CRLF line ends');
  const { records } = parseTrending(text.replace(/^\uFEFF/, ''), 'crlf-bom.txt');
  assert.deepEqual(
    records.map((record) => ('fields' in record ? [record.line, record.fields.title] : record)),
    [
      [3, 'First Paper After a BOM'],
      [7, 'Second Paper with Spaces'],
    ],
  );
  assert.ok(records.every((record) => !('fields' in record) || !record.fields.abstract.includes('\r')));
});

test('parseTrending rejects a dangling title at the end with its line', () => {
  const { records } = parseTrending(fixtureText('dangling.txt'), 'dangling.txt');
  assert.equal(records.length, 2);
  assert.deepEqual(records[1], { line: 3, rejected: 'title with no abstract' });
});

test('parseTrending rejects an abstract that has no title before it', () => {
  const { records } = parseTrending(fixtureText('orphan-abstract.txt'), 'orphan-abstract.txt');
  assert.deepEqual(records[0], { line: 1, rejected: 'abstract with no title (expected a title line before it)' });
  assert.deepEqual(titles(records), ['A Paper With an Abstract']);
});

test('parseTrending rejects a title followed by another title, and pairs the second with its abstract', () => {
  const text = 'Lonely Title\nNext Title\nWe describe the next paper. It has an abstract.\n';
  const { records } = parseTrending(text, 'x.txt');
  assert.deepEqual(records[0], { line: 1, rejected: 'title with no abstract' });
  assert.deepEqual(titles(records), ['Next Title']);
});

test('parseTrending does not mistake a title containing "vs." for an abstract', () => {
  const text = 'Humans vs. Machines: A Study of Many Things in Many Settings\nWe compare humans and machines on many tasks. Machines win some.\n';
  assert.deepEqual(titles(parseTrending(text, 'x.txt').records), ['Humans vs. Machines: A Study of Many Things in Many Settings']);
});

test('parseTrending skips lone navigation words and calls to action wherever they appear', () => {
  const text = 'Sign in\nTrending\nA Real Title\nWe do real work. It matters.\nLoad more\nJoin our Discord!\nAnother Title\nMore real work is described here. It also matters.\n';
  assert.deepEqual(titles(parseTrending(text, 'x.txt').records), ['A Real Title', 'Another Title']);
});

test('parseTrending keeps a title that merely starts with a button word', () => {
  const text = 'Subscriber Churn Prediction with Graphs\nWe predict churn from graphs. It works well on three datasets.\n';
  assert.deepEqual(titles(parseTrending(text, 'x.txt').records), ['Subscriber Churn Prediction with Graphs']);
});

test('detectTrending accepts alternating title and abstract lines in a .txt file', () => {
  assert.equal(detectTrending(fixtureText('markup.txt'), 'markup.txt'), true);
});

test('detectTrending refuses other extensions and free-form notes', () => {
  assert.equal(detectTrending(fixtureText('markup.txt'), 'markup.csv'), false);
  assert.equal(detectTrending('shopping list\neggs\nmilk\nbread\n', 'notes.txt'), false);
});

const corpusUrl = new URL('../../../../shared/corpora/arxiv-cs-oai2016-10k.jsonl', import.meta.url);

test('parseTrending pairs 10,000 real arXiv titles and abstracts, 211 of them short, without a rejection', { skip: !existsSync(corpusUrl) && '../shared/corpora/arxiv-cs-oai2016-10k.jsonl is absent' }, () => {
  const rows = readFileSync(corpusUrl, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { title: string; abstract: string });
  const text = ['Get trending papers in your email inbox!', ...rows.flatMap((row) => [row.title, row.abstract])].join('\n');
  const { records } = parseTrending(text, 'corpus.txt');
  assert.equal(records.length, rows.length);
  assert.equal(records.filter((record) => 'rejected' in record).length, 0);
});

test('parseTrending keeps short titles that only mention a newsletter or an inbox topic', () => {
  const text = 'Newsletter Recommendation with Large Language Models\nWe recommend newsletters to readers. It helps.\n';
  assert.deepEqual(titles(parseTrending(text, 'x.txt').records), ['Newsletter Recommendation with Large Language Models']);
});
