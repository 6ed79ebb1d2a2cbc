import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvFormat, parseDelimited, parseMappingPairs, tsvFormat } from '../../../../src/lib/ingest/csv.ts';
import { papersOf, readFixture, rejectionsOf } from './fixture.ts';

test('rows are records on their physical lines; quoted line breaks and blank lines are counted', () => {
  const result = parseDelimited(readFixture('csv/papers.csv'), ',');
  assert.deepEqual(result.records.map((record) => record.line), [2, 4, 6, 7, 8]);
  assert.deepEqual(result.problems, []);
});

test('header names match case-insensitively with aliases (Summary, Author, arXiv ID, Keywords)', () => {
  const [paper] = papersOf(parseDelimited(readFixture('csv/papers.csv'), ','));
  assert.deepEqual(paper, {
    line: 2,
    title: 'Graphs, Again: A Study',
    abstract: 'First line of the abstract, with a comma and a line break.',
    hasAbstract: true,
    authors: ['Ada Lovelace', 'Alan Turing'],
    categories: ['graphs', 'networks'],
    tags: [],
    arxivId: '2101.00001',
    url: 'https://example.org/graphs',
    date: '2021',
  });
});

test('doubled quotes, TeX escapes, accents and non-Latin text come through', () => {
  const papers = papersOf(parseDelimited(readFixture('csv/papers.csv'), ','));
  assert.equal(papers[1]?.abstract, 'He said "hello" and 42.9% more.');
  assert.equal(papers[1]?.title, 'Naïve Bayes in Zürich');
  assert.equal(papers[1]?.date, '2019-05');
  assert.equal(papers[3]?.title, '大規模言語モデル');
});

test('an empty abstract cell keeps the paper with hasAbstract false', () => {
  const paper = papersOf(parseDelimited(readFixture('csv/papers.csv'), ','))[2];
  assert.deepEqual([paper?.title, paper?.abstract, paper?.hasAbstract], ['A Paper With No Abstract', '', false]);
});

test('a row with a missing column is rejected with its line', () => {
  assert.deepEqual(rejectionsOf(parseDelimited(readFixture('csv/papers.csv'), ',')), [
    '7: expected 7 fields (Title, Summary, Author, Year, URL, arXiv ID, Keywords), found 2',
  ]);
});

test('a "# atlas:" line maps other column names, including quoted names with commas', () => {
  const result = parseDelimited(readFixture('csv/mapped.csv'), ',');
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    papersOf(result).map((paper) => [paper.line, paper.title, paper.abstract, paper.authors, paper.date]),
    [
      [4, 'Mapped Title One', 'Mapped abstract one.', ['A. Author'], '2018'],
      [5, 'Mapped Title Two', 'Mapped abstract two.', ['B. Author', 'C. Author'], '2019'],
    ],
  );
});

test('mapping pairs split on commas outside quotes', () => {
  assert.deepEqual(parseMappingPairs(' title=Paper Title, abstract="Summary, short",year = Y '), [
    ['title', 'Paper Title'],
    ['abstract', 'Summary, short'],
    ['year', 'Y'],
  ]);
});

test('a mapping to a column the header lacks is an error, an unknown field a warning', () => {
  const result = parseDelimited('# atlas: title=Heading, colour=Blue\nName,Abstract\nx,y\n', ',');
  assert.deepEqual(
    result.problems.map((problem) => [problem.line, problem.severity]),
    [
      [1, 'warning'],
      [2, 'error'],
      [2, 'error'],
    ],
  );
  assert.match(result.problems[1]?.message ?? '', /maps title to column 'heading', but the header has no such column/);
});

test('without a title column every row is rejected and the header gets an error', () => {
  const result = parseDelimited(readFixture('csv/no-title.csv'), ',');
  assert.equal(result.records.length, 2);
  assert.equal(papersOf(result).length, 0);
  assert.match(result.problems[0]?.message ?? '', /^no title column \(columns: Name, Abstract\)/);
});

test('TSV reads tabs, quoted tabs and line breaks, "and"-separated authors and spaced categories', () => {
  const result = parseDelimited(readFixture('csv/papers.tsv'), '\t');
  assert.deepEqual(
    papersOf(result).map((paper) => [paper.line, paper.title, paper.authors, paper.categories]),
    [
      [2, 'Tab Separated Paper', ['Mike Lewis', 'Denis Yarats'], ['cs.CL', 'cs.AI']],
      [3, 'Quoted Title', ['Ada Lovelace'], ['cs.LG']],
    ],
  );
  assert.deepEqual(rejectionsOf(result), [
    '5: expected 4 fields (title, abstract, authors, labels), found 2',
    '6: expected 4 fields (title, abstract, authors, labels), found 1',
  ]);
});

test('an unterminated quote rejects its row and says the rest of the file went into it', () => {
  const result = parseDelimited('title,abstract\nGood,Fine\nBad,"never closed\nLost,row\n', ',');
  assert.deepEqual(rejectionsOf(result), ['3: Quoted field unterminated (the rest of the file was read into this row)']);
});

test('a header without an abstract column warns that every paper lacks one', () => {
  const result = parseDelimited('title,year\nOnly Titles,2020\n', ',');
  assert.equal(papersOf(result)[0]?.hasAbstract, false);
  assert.equal(result.problems[0]?.severity, 'warning');
});

test('detect looks for a title header with the right delimiter', () => {
  assert.equal(csvFormat.detect('# atlas: title=T\nT,Abstract\n', 'a.csv'), false);
  assert.equal(csvFormat.detect('Title,Abstract\nx,y\n', 'a.csv'), true);
  assert.equal(tsvFormat.detect('title\tabstract\nx\ty\n', 'a.tsv'), true);
});
