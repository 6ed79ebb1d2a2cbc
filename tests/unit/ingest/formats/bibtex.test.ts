import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bibtexFieldText, bibtexFormat, parseBibtex } from '../../../../src/lib/ingest/bibtex.ts';
import { papersOf, readFixture, rejectionsOf } from './fixture.ts';

test('every entry is a record on the line of its @, and @comment/@string/@preamble are not', () => {
  const result = parseBibtex(readFixture('bibtex/zotero.bib'));
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.records.map((record) => record.line), [5, 18, 28, 42]);
});

test('a Zotero arXiv entry gets its id from journal, month/year as date, keywords as categories', () => {
  const [paper] = papersOf(parseBibtex(readFixture('bibtex/zotero.bib')));
  assert.deepEqual(paper, {
    line: 5,
    title: 'Deal or No Deal? End-to-End Learning for Negotiation Dialogues',
    abstract:
      "Much of human dialogue occurs in semi-cooperative settings — with Müller's p < 0.05 test.\n\n" +
      'A second paragraph with emphasis and escaped TeX.',
    hasAbstract: true,
    authors: ['Mike Lewis', 'Denis Yarats', 'Google Research'],
    categories: ['Computer Science - Artificial Intelligence', 'Computer Science - Computation and Language'],
    sourceId: 'lewis_deal_2017',
    arxivId: '1706.05125',
    url: 'http://arxiv.org/abs/1706.05125',
    date: '2017-06',
    venue: 'arXiv',
  });
});

test('TeX accents, dashes, ties and name particles are decoded', () => {
  const [, paper] = papersOf(parseBibtex(readFixture('bibtex/zotero.bib')));
  assert.equal(paper?.title, 'Human-like Natural Language Generation in Café São Paulo, pages 11–18');
  assert.deepEqual(paper?.authors, ['Kaori Kumagai', 'Jan van der Berg', 'John Smith Jr.']);
  assert.equal(paper?.hasAbstract, false);
  assert.equal(paper?.url, 'https://doi.org/10.18653/v1/W16-5502');
});

test('a Better BibTeX entry drops {{}} protection and reads eprint, primaryclass and a dotless-i diaeresis', () => {
  const [, , paper] = papersOf(parseBibtex(readFixture('bibtex/zotero.bib')));
  assert.equal(paper?.title, 'Binarized Neural Networks: Training with Weights Constrained to +1 or -1');
  assert.equal(paper?.abstract, 'We introduce a method to train BNNs with naïve bit-wise operations.');
  assert.equal(paper?.arxivId, '1602.02830');
  assert.deepEqual(paper?.categories, ['cs.LG']);
  assert.equal(paper?.date, '2016-03');
});

test('@string macros and BibLaTeX date fields apply', () => {
  const [, , , paper] = papersOf(parseBibtex(readFixture('bibtex/zotero.bib')));
  assert.equal(paper?.title, 'A Quoted Title with øne ß');
  assert.equal(paper?.venue, 'Journal of Machine Learning Research (JMLR)');
  assert.equal(paper?.date, '2019-05-03');
});

test('unbalanced braces reject only their entry, with its line, and the entries around it come through', () => {
  const result = parseBibtex(readFixture('bibtex/unbalanced.bib'));
  assert.deepEqual(papersOf(result).map((paper) => [paper.line, paper.sourceId]), [
    [1, 'good_first_2020'],
    [13, 'good_second_2022'],
    [25, 'good_last_2024'],
  ]);
  assert.deepEqual(rejectionsOf(result), [
    "7: missing closing brace in @article{bad_missing_2021: expected '}' before the next entry at line 13",
    "19: @article{bad_extra_2023 closes before its last fields (a '}' too many?)",
  ]);
});

test('an entry still open at the end of the file names the end of the file', () => {
  assert.deepEqual(rejectionsOf(parseBibtex('@article{cut,\n  title = {Cut {off}')), [
    '1: missing closing brace in @article{cut: expected 2 more closing braces at the end of the file',
  ]);
});

test('an entry without a title is rejected, one without an abstract is kept', () => {
  const result = parseBibtex('@misc{notitle, year = 2020}\n@misc{noabstract, title = {Only a Title}}\n');
  assert.deepEqual(rejectionsOf(result), ['1: @misc{notitle has no title']);
  assert.deepEqual(papersOf(result).map((paper) => [paper.title, paper.hasAbstract, paper.abstract]), [['Only a Title', false, '']]);
});

test('parser markup becomes plain text and literal angle brackets survive', () => {
  assert.equal(bibtexFieldText('One <i>two</i><p>Three <a href="x">four</a> \u0001b\u0002', true), 'One two\n\nThree four <b>');
});

test('a file with no entries gives a warning', () => {
  assert.deepEqual(parseBibtex('% just a comment\n'), {
    records: [],
    problems: [{ line: 1, severity: 'warning', message: 'no BibTeX entries (a line starting with @type{key, …})' }],
  });
});

test('detect recognises an entry start', () => {
  assert.equal(bibtexFormat.detect('\n@article{key,\n title={x}}', 'refs.txt'), true);
  assert.equal(bibtexFormat.detect('Title\nAbstract text @ home.', 'refs.txt'), false);
});

test('the plain-field fast path gives the same records as the library alone on hostile entries', () => {
  const text = [
    '@string{jun = "Juneish"}',
    '@article{a, title = {Deal or {No} {Deal}? {End}-to-{End}}, abstract = {Cut at 50% of the line\nand the rest.}, year = {2020}}',
    "@article{b, title = {Dashes -- and ``quotes'' and it's a?` b!`}, abstract = {First.\n\n   \nSecond {BERT} para.}, month = jun}",
    '@misc{c, title = {Plain title}, month = jan, url = {https://example.org/a_b%20c~d}, keywords = {b; A, a, c}, file = {x:\\y.pdf}}',
    '@misc{d, title = {T}, note = {arXiv: 1706.05125}, journal = {J} # { Part}, author = {van der Berg, Jan and Smith, John}}',
    '@misc{e, title = "Quoted {Title}", abstract = {A $x_1$ and \\emph{y} ~ z}, keywords = {x}, keywords+duplicate-1 = {y}}',
    '@misc{f, title = {Line\n\nbreak in a title}, year = 2021, month = {June}}',
  ].join('\n');
  assert.deepEqual(parseBibtex(text), parseBibtex(text, { libraryOnly: true }));
});

const SAMPLE_BIBTEX = fileURLToPath(new URL('../../../../../shared/corpora/samples/bibtex/', import.meta.url));

test('the plain-field fast path gives the same records as the library alone on the real samples', { skip: !existsSync(SAMPLE_BIBTEX) && '../shared/corpora/samples/bibtex is absent' }, () => {
  for (const name of readdirSync(SAMPLE_BIBTEX).filter((file) => file.endsWith('.bib'))) {
    const text = readFileSync(`${SAMPLE_BIBTEX}${name}`, 'utf8');
    assert.deepEqual(parseBibtex(text), parseBibtex(text, { libraryOnly: true }), name);
  }
});
