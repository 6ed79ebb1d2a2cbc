import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arxivOaiFormat, parseArxivOai } from '../../../../src/lib/ingest/arxiv-oai.ts';
import { papersOf, readFixture, rejectionsOf } from './fixture.ts';

test('an OAI-PMH arXiv page gives one record per <record>, deleted records rejected', () => {
  const result = parseArxivOai(readFixture('oai/list-records.xml'));
  assert.deepEqual(result.records.map((record) => record.line), [6, 21, 27]);
  assert.deepEqual(rejectionsOf(result), ['21: record oai:arXiv.org:cs/0001001 is marked deleted']);
});

test('arXiv metadata keeps indented paragraphs, created date, split categories and structured authors', () => {
  const [first, second] = papersOf(parseArxivOai(readFixture('oai/list-records.xml')));
  assert.equal(
    first?.abstract,
    'We give a systematic exposition of memory-length algorithms for solving equations in noncommutative groups.\n\n' +
      'After a self-contained introduction to Garside groups, we measure the rational form in the BKL presentation of $B_3$.',
  );
  assert.equal(first?.date, '2006-11-29');
  assert.deepEqual(first?.categories, ['math.GR', 'cs.CR', 'math.AG']);
  assert.deepEqual(second?.authors, ['Lucien Hardy', 'Adrian Kent Jr']);
  assert.equal(second?.doi, '10.1103/PhysRevLett.92.157901');
  assert.equal(second?.url, 'https://arxiv.org/abs/quant-ph/9911043');
});

test('a resumption token is reported as a partial harvest', () => {
  assert.deepEqual(parseArxivOai(readFixture('oai/list-records.xml')).problems, [
    { line: 39, severity: 'warning', message: 'partial OAI-PMH harvest: this page holds 3 of 102538 records (cursor 0)' },
  ]);
});

test('Dublin Core records read "Family, Given" creators and skip the Comment description', () => {
  const [paper] = papersOf(parseArxivOai(readFixture('oai/dublin-core.xml')));
  assert.deepEqual(paper?.authors, ['Ashish Vaswani', 'Noam Shazeer']);
  assert.equal(paper?.abstract, 'The dominant sequence transduction models are based on complex recurrent networks.');
  assert.equal(paper?.arxivId, '1706.03762');
  assert.equal(paper?.date, '2017-06-12');
});

test('an OAI-PMH error response is an error problem', () => {
  const result = parseArxivOai('<OAI-PMH>\n<error code="badResumptionToken">The token is expired</error>\n</OAI-PMH>');
  assert.deepEqual(result.problems, [{ line: 2, severity: 'error', message: 'OAI-PMH error badResumptionToken: The token is expired' }]);
});

test('detect accepts an OAI-PMH page and refuses an Atom feed', () => {
  assert.equal(arxivOaiFormat.detect(readFixture('oai/list-records.xml'), 'a.xml'), true);
  assert.equal(arxivOaiFormat.detect(readFixture('atom/old-style.xml'), 'a.xml'), false);
});
