import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arxivIdMonth, paperDate, yearOfDate } from '../../../src/lib/ingest/paper-date.ts';
import { ingestSourceFiles, type SourceFile } from '../../../src/lib/ingest/ingest.ts';

function textFile(path: string, text: string): SourceFile {
  return { path, bytes: new TextEncoder().encode(text) };
}

/** The date of each page of one file, in source order. */
function datesOf(path: string, text: string): (string | undefined)[] {
  const { papers } = ingestSourceFiles([textFile(path, text)]);
  assert.ok(papers.length > 0, `${path} gave no papers`);
  return papers.map((paper) => paper.date);
}

test('a new-style arXiv id carries its year and month; the version is ignored', () => {
  assert.equal(arxivIdMonth('1305.5120'), '2013-05');
  assert.equal(arxivIdMonth('0704.0001'), '2007-04');
  assert.equal(arxivIdMonth('1412.9999v3'), '2014-12');
  assert.equal(arxivIdMonth('2101.00001v2'), '2021-01');
  assert.equal(arxivIdMonth('1501.00001'), '2015-01');
});

test('an old-style arXiv id carries its month, with 91–99 in the 1990s', () => {
  assert.equal(arxivIdMonth('cs/0601001'), '2006-01');
  assert.equal(arxivIdMonth('math.CO/9901001'), '1999-01');
  assert.equal(arxivIdMonth('hep-th/9108001v2'), '1991-08');
  assert.equal(arxivIdMonth('cond-mat/0703999'), '2007-03');
});

test('arXiv ids inside URLs and arXiv DOIs are read too', () => {
  assert.equal(arxivIdMonth('https://arxiv.org/abs/1706.03762v7'), '2017-06');
  assert.equal(arxivIdMonth('http://arxiv.org/pdf/cs/0112017v1.pdf'), '2001-12');
  assert.equal(arxivIdMonth('10.48550/arXiv.2101.00001'), '2021-01');
  assert.equal(arxivIdMonth('arXiv:1602.02830 [cs.LG]'), '2016-02');
});

test('impossible or out-of-history arXiv ids give no date', () => {
  for (const id of ['9999.99999', '1313.0001', '1300.0001', 'cs/9913001', 'cs/9900001', 'cs/0801001', 'hep-th/9107001', '0703.0001', '1501.0001', '1412.00001', 'B1-Hhnslg', '', undefined]) {
    assert.equal(arxivIdMonth(id), undefined, String(id));
  }
});

test('paperDate keeps the source date, else reads the arXiv id, URL or DOI, else leaves the paper undated', () => {
  assert.equal(paperDate({ date: '2016-03-01', arxivId: '1305.5120' }), '2016-03-01');
  assert.equal(paperDate({ arxivId: 'cs/0601001' }), '2006-01');
  assert.equal(paperDate({ url: 'https://arxiv.org/abs/1305.5120v2' }), '2013-05');
  assert.equal(paperDate({ doi: '10.48550/arXiv.2101.00001' }), '2021-01');
  assert.equal(paperDate({ url: 'https://example.org/1305.5120' }), undefined);
  assert.equal(paperDate({ doi: '10.1145/1305.5120' }), undefined);
  assert.equal(paperDate({}), undefined);
  assert.equal(yearOfDate('2013-05'), 2013);
  assert.equal(yearOfDate('1999'), 1999);
  assert.equal(yearOfDate(undefined), undefined);
});

test('arXiv Atom: the published date, else the id', () => {
  const feed = (entries: string) => `<feed xmlns="http://www.w3.org/2005/Atom">\n${entries}\n</feed>\n`;
  assert.deepEqual(
    datesOf('a.xml', feed(
      '<entry><id>http://arxiv.org/abs/1706.03762v7</id><published>2017-06-12T17:57:34Z</published><title>Attention</title><summary>We propose a model.</summary></entry>\n' +
        '<entry><id>http://arxiv.org/abs/cs/0112017v1</id><title>Old</title><summary>An old paper.</summary></entry>',
    )),
    ['2017-06-12', '2001-12'],
  );
});

test('arXiv OAI: created, else the header datestamp, else the id', () => {
  const record = (id: string, header: string, created: string) =>
    `<record><header><identifier>oai:arXiv.org:${id}</identifier>${header}</header><metadata><arXiv><id>${id}</id>${created}<title>T ${id}</title><abstract>About ${id}.</abstract></arXiv></metadata></record>`;
  const text = `<OAI-PMH><ListRecords>\n${[
    record('1603.00001', '<datestamp>2016-04-02</datestamp>', '<created>2016-03-01</created>'),
    record('1603.00002', '<datestamp>2016-04-02</datestamp>', ''),
    record('1603.00003', '', ''),
  ].join('\n')}\n</ListRecords></OAI-PMH>\n`;
  assert.deepEqual(datesOf('h.xml', text), ['2016-03-01', '2016-04-02', '2016-03']);
});

test('BibTeX: date, else year and month, else year, else the eprint', () => {
  const bib = [
    '@article{a, title = {A}, date = {2019-07-04}}',
    '@article{b, title = {B}, year = 2016, month = mar}',
    '@article{c, title = {C}, year = {2012}}',
    '@misc{d, title = {D}, eprint = {1305.5120}, archiveprefix = {arXiv}}',
    '@misc{e, title = {E}}',
  ].join('\n');
  assert.deepEqual(datesOf('refs.bib', `${bib}\n`), ['2019-07-04', '2016-03', '2012', '2013-05', undefined]);
});

test('CSV: the date or year column, else the arXiv id; month 13 is left out, not moved', () => {
  const csv = 'title,abstract,year,id\nA,About a.,2015,\nB,About b.,,1412.6980\nC,About c.,,\nD,About d.,2014-13,1502.03167\n';
  assert.deepEqual(datesOf('p.csv', csv), ['2015', '2014-12', undefined, '2015-02']);
});

test('JSON and JSON Lines: date, OpenReview pdate, else the arXiv URL or DOI', () => {
  assert.deepEqual(
    datesOf('p.json', JSON.stringify([
      { title: 'A', abstract: 'About a.', date: '2020-05-01' },
      { title: 'B', abstract: 'About b.', url: 'https://arxiv.org/abs/1810.04805v2' },
      { title: 'C', abstract: 'About c.', doi: '10.48550/arXiv.2101.00001' },
      { title: 'D', abstract: 'About d.' },
    ])),
    ['2020-05-01', '2018-10', '2021-01', undefined],
  );
  assert.deepEqual(
    datesOf('p.jsonl', '{"id": "1305.5120", "title": "A", "abstract": "About a."}\n{"id": "cs/9901001", "title": "B", "abstract": "About b."}\n'),
    ['2013-05', '1999-01'],
  );
});

test('Markdown: the frontmatter date, else the arXiv id in the frontmatter', () => {
  assert.deepEqual(datesOf('a.md', '---\ntitle: A\ndate: 2021-09-30\n---\nAbout a.\n'), ['2021-09-30']);
  assert.deepEqual(datesOf('b.md', '---\ntitle: B\narxiv: "1901.02860"\n---\nAbout b.\n'), ['2019-01']);
  assert.deepEqual(datesOf('c.md', '---\ntitle: C\n---\nAbout c.\n'), [undefined]);
});

test('trending text has no dates: its papers stay undated and the report counts them', () => {
  const { papers, report } = ingestSourceFiles([textFile('t.txt', 'A Title\nWe study things. It works well.\n')]);
  assert.deepEqual(papers.map((paper) => paper.date), [undefined]);
  assert.equal(report.undated, 1);
});

test('the ingest report counts undated pages', () => {
  const { report } = ingestSourceFiles([textFile('p.csv', 'title,abstract,year\nA,About a.,2015\nB,About b.,\nC,About c.,\n')]);
  assert.equal(report.undated, 2);
});
