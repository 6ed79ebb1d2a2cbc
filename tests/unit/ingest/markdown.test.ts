import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { detectMarkdown, parseMarkdown } from '../../../src/lib/ingest/markdown.ts';
import type { ParseResult, PaperFields } from '../../../src/lib/ingest/format.ts';

function fixtureText(name: string): string {
  return readFileSync(new URL(`../../fixtures/markdown/${name}`, import.meta.url), 'utf8');
}

/** The fields of a result's only record; fails the test when it has none or was rejected. */
function onlyFields(result: ParseResult): PaperFields {
  assert.equal(result.records.length, 1);
  const [record] = result.records;
  assert.ok(record !== undefined && 'fields' in record, `expected a paper, got ${JSON.stringify(record)}`);
  return record.fields;
}

test('parseMarkdown reads every frontmatter field', () => {
  const fields = onlyFields(parseMarkdown(fixtureText('full.md'), 'full.md'));
  assert.equal(fields.title, 'Graph Networks for <em>Everything</em>');
  assert.deepEqual(fields.authors, ['Ada Lovelace', 'Charles Babbage']);
  assert.equal(fields.url, 'https://example.org/graph-networks');
  assert.equal(fields.date, '2024-05-01');
  assert.deepEqual(fields.tags, ['graphs', 'deep learning']);
  assert.equal(fields.doi, '10.1145/3292500.3330701');
  assert.equal(fields.arxivId, '2411.15124');
  assert.equal(fields.venue, 'NeurIPS');
});

test('parseMarkdown keeps the body as plain text, dashes, YAML, braces and HTML included', () => {
  const fields = onlyFields(parseMarkdown(fixtureText('full.md'), 'full.md'));
  assert.equal(
    fields.abstract,
    [
      'The body is the abstract. It keeps a dashes line:',
      '',
      '---',
      'title: not a second frontmatter',
      '---',
      '',
      "and {{ template }} text, <script>alert('body')</script>, <img src=x onerror=\"alert(1)\">",
      'and a [javascript link](javascript:alert(1)).',
    ].join('\n'),
  );
  assert.equal(fields.hasAbstract, true);
});

test('parseMarkdown splits an authors string on "and" and on commas', () => {
  assert.deepEqual(onlyFields(parseMarkdown(fixtureText('authors-string.md'), 'a.md')).authors, ['Grace Hopper', 'Alan Turing']);
  assert.deepEqual(onlyFields(parseMarkdown(fixtureText('authors-comma.md'), 'b.md')).authors, ['Grace Hopper', 'Alan Turing']);
});

test('parseMarkdown rejects a paper without a title, naming the frontmatter line', () => {
  assert.deepEqual(parseMarkdown(fixtureText('no-title.md'), 'no-title.md').records, [
    { line: 1, rejected: 'missing title (expected text in `title:`, found no title key)' },
  ]);
});

test('parseMarkdown rejects a title that is a list instead of text', () => {
  assert.deepEqual(parseMarkdown('---\nauthors: []\ntitle: [a, b]\n---\nBody.\n', 'x.md').records, [
    { line: 3, rejected: 'missing title (expected text in `title:`, found a list)' },
  ]);
});

test('parseMarkdown rejects invalid YAML at the line of the YAML error', () => {
  assert.deepEqual(parseMarkdown(fixtureText('invalid-yaml.md'), 'invalid-yaml.md').records, [
    { line: 4, rejected: 'invalid YAML frontmatter: Flow sequence in block collection must be sufficiently indented and end with a ]' },
  ]);
});

test('parseMarkdown rejects duplicate frontmatter keys as invalid YAML on the second key', () => {
  assert.deepEqual(parseMarkdown('---\ntitle: A\ntitle: B\n---\n', 'x.md').records, [
    { line: 3, rejected: 'invalid YAML frontmatter: Map keys must be unique' },
  ]);
});

test('parseMarkdown rejects frontmatter that is never closed', () => {
  assert.deepEqual(parseMarkdown(fixtureText('unclosed.md'), 'unclosed.md').records, [
    { line: 1, rejected: 'frontmatter is not closed (expected a --- line after the metadata)' },
  ]);
});

test('parseMarkdown treats a file without frontmatter as not a paper, with a warning', () => {
  assert.deepEqual(parseMarkdown(fixtureText('README.md'), 'README.md'), {
    records: [],
    problems: [{ line: 1, severity: 'warning', message: 'not a paper: no frontmatter (a paper file starts with a --- line)' }],
  });
});

test('parseMarkdown reads CRLF line ends and turns them into LF in the abstract', () => {
  const text = fixtureText('crlf-bom.md');
  assert.ok(text.startsWith('\uFEFF') && text.includes('\r\n'), 'fixture must keep its BOM and CRLF');
  const fields = onlyFields(parseMarkdown(text.slice(1), 'crlf-bom.md'));
  assert.equal(fields.title, 'CRLF and BOM');
  assert.deepEqual(fields.tags, ['a', 'b']);
  assert.equal(fields.abstract, 'Line one of the abstract.\nLine two.');
});

test('parseMarkdown drops a javascript: url with a warning on its line', () => {
  const result = parseMarkdown(fixtureText('javascript-url.md'), 'javascript-url.md');
  assert.equal(onlyFields(result).url, undefined);
  assert.deepEqual(result.problems, [
    { line: 3, severity: 'warning', message: 'url ignored: only http(s) links are kept, found "javascript:alert(1)"' },
  ]);
});

test('parseMarkdown marks a paper with an empty body as having no abstract', () => {
  const fields = onlyFields(parseMarkdown(fixtureText('no-abstract.md'), 'no-abstract.md'));
  assert.deepEqual([fields.abstract, fields.hasAbstract], ['', false]);
});

test('parseMarkdown survives a YAML alias bomb by rejecting the record', () => {
  const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((key, index) => `${key}: &${key} [${Array(9).fill(`*${'abcdefgh'[index]}`).join(', ')}]`), 'title: Bomb', '---', 'Body.'].join('\n');
  const [record] = parseMarkdown(bomb, 'bomb.md').records;
  assert.ok(record !== undefined && 'rejected' in record);
  assert.match(record.rejected, /^invalid YAML frontmatter: /);
});

test('detectMarkdown accepts only text that opens with a frontmatter fence', () => {
  assert.equal(detectMarkdown(fixtureText('full.md'), 'full.md'), true);
  assert.equal(detectMarkdown(fixtureText('README.md'), 'README.md'), false);
});

test('an unquoted arXiv id in frontmatter is the id as typed, not a number that drops its trailing zero', () => {
  const fields = onlyFields(parseMarkdown('---\ntitle: Transformer-XL\narxiv: 1901.02860\nid: 2010.10\nyear: 2019\n---\nAn abstract.\n', 'xl.md'));
  assert.equal(fields.arxivId, '1901.02860');
  assert.equal(fields.sourceId, '2010.10');
  assert.equal(fields.date, '2019');
});
