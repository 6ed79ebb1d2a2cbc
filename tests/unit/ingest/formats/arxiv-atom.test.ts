import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arxivAtomFormat, parseArxivAtom } from '../../../../src/lib/ingest/arxiv-atom.ts';
import { papersOf, readFixture, rejectionsOf } from './fixture.ts';

test('an old-style feed (arxiv namespace on every element) gives one record per entry on its line', () => {
  const result = parseArxivAtom(readFixture('atom/old-style.xml'));
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.records.map((record) => record.line), [10, 35]);
});

test('an entry keeps id, DOI, journal ref, dates, authors and primary-first categories', () => {
  const [paper] = papersOf(parseArxivAtom(readFixture('atom/old-style.xml')));
  assert.deepEqual(paper, {
    line: 10,
    title: 'Inelastic effects in molecular transport junctions: The probe technique at high bias',
    abstract:
      'We extend the Landauer-Büttiker probe formalism to the high bias regime and reach 42.9% agreement & more.\n\n' +
      'A second paragraph keeps $I$-$V$ math as written.',
    hasAbstract: true,
    authors: ['Michael Kilgour', 'Dvira Segal'],
    categories: ['cond-mat.mes-hall', 'physics.chem-ph'],
    sourceId: '1601.00001v2',
    arxivId: '1601.00001',
    doi: '10.1063/1.4944470',
    url: 'https://arxiv.org/abs/1601.00001',
    date: '2015-12-26',
    venue: 'J. Chem. Phys. 144, 124107 (2016)',
  });
});

test('an entry with a blank summary is kept with hasAbstract false and an old-style arXiv id', () => {
  const [, paper] = papersOf(parseArxivAtom(readFixture('atom/old-style.xml')));
  assert.equal(paper?.hasAbstract, false);
  assert.equal(paper?.abstract, '');
  assert.equal(paper?.arxivId, 'cs/0112017');
});

test('a new-style feed (namespaces declared once, CRLF) reads entities, TeX accents and the primary category first', () => {
  const papers = papersOf(parseArxivAtom(readFixture('atom/new-style.xml')));
  assert.deepEqual(
    papers.map((paper) => [paper.line, paper.title, paper.categories]),
    [
      [10, 'TÜLU 3: Pushing Frontiers in Open Language Model Post-Training', ['cs.CL']],
      [27, '大規模言語モデルの評価 — a multilingual benchmark', ['cs.AI', 'cs.CL']],
    ],
  );
  assert.equal(papers[0]?.abstract, 'Language model post-training is applied to refine behaviors <and> unlock new skills.');
});

test('a truncated feed reports the failing line and keeps the complete entries before it', () => {
  const result = parseArxivAtom(readFixture('atom/truncated.xml'));
  assert.deepEqual(result.problems, [
    { line: 23, severity: 'error', message: 'XML ends before <feed>, <entry>, <summary> are closed (truncated file?)' },
  ]);
  assert.deepEqual(papersOf(result).map((paper) => paper.arxivId), ['2510.14968', '2510.14827']);
  assert.deepEqual(rejectionsOf(result), ['19: entry is not well-formed XML: file ends inside this <entry> (no closing tag)']);
});

test('a malformed entry in the middle is rejected and the entries around it still come through', () => {
  const text = [
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '<entry><id>http://arxiv.org/abs/2101.00001v1</id><title>One</title><summary>A</summary></entry>',
    '<entry><id>http://arxiv.org/abs/2101.00002v1</id><title>Two</titel><summary>B</summary></entry>',
    '<entry><id>http://arxiv.org/abs/2101.00003v1</id><title>Three</title><summary>C</summary></entry>',
    '</feed>',
  ].join('\n');
  const result = parseArxivAtom(text);
  assert.deepEqual(papersOf(result).map((paper) => paper.title), ['One', 'Three']);
  assert.equal(rejectionsOf(result).length, 1);
  assert.match(rejectionsOf(result)[0] ?? '', /^3: entry is not well-formed XML: line 3: Expected closing tag 'title'/);
  assert.equal(result.problems[0]?.line, 3);
});

test('an arXiv API error entry is rejected with the error text', () => {
  assert.deepEqual(rejectionsOf(parseArxivAtom(readFixture('atom/api-error.xml'))), ['5: arXiv API error: incorrect id format for 1234.12345']);
});

test('a feed without entries gives a warning and no records', () => {
  const result = parseArxivAtom('<feed xmlns="http://www.w3.org/2005/Atom"><title>empty</title></feed>');
  assert.deepEqual(result, { records: [], problems: [{ line: 1, severity: 'warning', message: 'Atom feed has no <entry> elements' }] });
});

test('detect accepts an Atom feed and refuses an OAI-PMH page', () => {
  assert.equal(arxivAtomFormat.detect(readFixture('atom/new-style.xml'), 'a.xml'), true);
  assert.equal(arxivAtomFormat.detect(readFixture('oai/list-records.xml'), 'a.xml'), false);
});
