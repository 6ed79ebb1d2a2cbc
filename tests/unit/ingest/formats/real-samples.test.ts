import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { pickSourceFormat } from '../../../../src/lib/ingest/index.ts';
import { ingestSourceFiles } from '../../../../src/lib/ingest/ingest.ts';

const SAMPLES = new URL('../../../../../shared/corpora/samples/', import.meta.url);
const skip = existsSync(SAMPLES) ? false : 'skipped: ../shared/corpora/samples (the shared real-data folder) is absent';

/** Each real sample: its path under samples/, the format that must read it, records read, records with an abstract, rejected. */
const EXPECTED: [string, string, number, number, number][] = [
  ['atom/james-akl+xiv__tests_fixtures_arxiv_response.xml', 'arxiv-atom', 2, 2, 0],
  ['atom/joe-antognini+zoia__tests_fixtures_arxiv_response.xml', 'arxiv-atom', 1, 1, 0],
  ['oai-pmh/shishir167+arxivXMLParser__xml_103.xml', 'arxiv-oai', 538, 538, 0],
  ['bibtex/brendon-boldt+phd-thesis__zotero.bib', 'bibtex', 169, 155, 0],
  ['bibtex/AxterDoesCode+L46Report__library.bib', 'bibtex', 3, 3, 0],
  // One ICLR 2017 record has an empty title and a blank abstract: it is read and rejected, not dropped.
  ['openreview/papercopilot+paperlists__iclr_iclr2017.json', 'json', 490, 489, 1],
];

for (const [path, formatId, read, withAbstract, rejected] of EXPECTED) {
  test(`real sample ${path} is read as ${formatId}: ${read} records, ${withAbstract} with abstract, ${rejected} rejected`, { skip }, () => {
    const text = readFileSync(new URL(path, SAMPLES), 'utf8');
    const choice = pickSourceFormat(path, text);
    assert.ok('format' in choice, `no format for ${path}`);
    assert.equal(choice.format.id, formatId);
    const result = choice.format.parse(text, path);
    const papers = result.records.flatMap((record) => ('fields' in record ? [record.fields] : []));
    assert.equal(result.records.length, read);
    assert.equal(papers.filter((paper) => paper.hasAbstract).length, withAbstract);
    assert.equal(result.records.length - papers.length, rejected);
    assert.deepEqual(result.problems.filter((problem) => problem.severity === 'error'), []);
  });
}

test('ingesting all real samples accounts for every record: 1203 read, 1 rejected, the rest pages or merged duplicates', { skip }, () => {
  const files = EXPECTED.map(([path]) => ({ path, bytes: new Uint8Array(readFileSync(new URL(path, SAMPLES))) }));
  const { papers, report } = ingestSourceFiles(files);
  assert.equal(report.totals.read, EXPECTED.reduce((sum, [, , read]) => sum + read, 0));
  assert.equal(report.totals.rejected, 1);
  assert.equal(report.totals.pages + report.totals.merged, 1202);
  // Duplicates merged by the core (same arXiv id or title inside the Zotero and ICLR exports) all carry abstracts.
  assert.equal(report.totals.merged, 6);
  assert.equal(papers.filter((paper) => paper.hasAbstract).length, 1182);
  assert.equal(papers.length, report.totals.pages);
});
