import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  formatIngestReport,
  ingestProblemsAsErrors,
  ingestSourceFiles,
  type IngestReport,
  type SourceFile,
} from '../../../src/lib/ingest/ingest.ts';
import { PaperSchema } from '../../../src/lib/ingest/paper.ts';

function fixture(folder: string, name: string): SourceFile {
  return { path: name, bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/${folder}/${name}`, import.meta.url))) };
}

function textFile(path: string, text: string): SourceFile {
  return { path, bytes: new TextEncoder().encode(text) };
}

/** read = pages + merged + rejected, for every file and for the totals. */
function assertAccounting(report: IngestReport): void {
  for (const file of report.files) {
    assert.equal(file.read, file.pages + file.merged + file.rejected.length, `accounting of ${file.path}`);
  }
  const { read, pages, merged, rejected } = report.totals;
  assert.equal(read, pages + merged + rejected, 'accounting of the totals');
}

const bundledUrl = new URL('../../../content/trending-papers.txt', import.meta.url);

test('ingesting the bundled file gives 119 pages for 119 records read', () => {
  const { papers, report } = ingestSourceFiles([{ path: 'trending-papers.txt', bytes: new Uint8Array(readFileSync(bundledUrl)) }]);
  assert.equal(papers.length, 119);
  assert.deepEqual(report.totals, { read: 119, pages: 119, merged: 0, rejected: 0 });
  assert.deepEqual([report.warnings, report.errors], [0, 0]);
  assert.equal(formatIngestReport(report).split('\n')[0], 'trending-papers.txt (trending): 119 read, 119 pages, 0 merged, 0 rejected');
  assertAccounting(report);
});

test('ingesting the bundled file gives every paper a unique slug, both SPARK papers included', () => {
  const { papers } = ingestSourceFiles([{ path: 'trending-papers.txt', bytes: new Uint8Array(readFileSync(bundledUrl)) }]);
  assert.equal(new Set(papers.map((paper) => paper.slug)).size, 119);
  assert.equal(papers.filter((paper) => paper.slug.startsWith('spark-')).length, 2);
  assert.equal(papers[0]?.title, 'Impatient Users Confuse AI Agents: High-fidelity Simulations of Human Traits for Testing Agents');
  // Pinned: a slug is a published URL, so a code change must not move it.
  assert.equal(papers[0]?.slug, 'impatient-users-confuse-ai-agents-high-fidelity-simulations-69ov90');
  assert.deepEqual(papers.map((paper) => paper.order), papers.map((_, index) => index));
});

test('every ingested paper passes PaperSchema and records its source', () => {
  const { papers } = ingestSourceFiles([fixture('trending', 'markup.txt'), fixture('markdown', 'full.md')]);
  for (const paper of papers) {
    const { slug, ...fields } = paper;
    assert.ok(slug.length > 0);
    assert.deepEqual(PaperSchema.parse(fields), fields);
  }
  assert.deepEqual(papers[3]?.source, { path: 'full.md', line: 1, format: 'markdown' });
});

test('an identical title and abstract is merged into the first record and reported', () => {
  const { papers, report } = ingestSourceFiles([fixture('trending', 'duplicates.txt')]);
  const [file] = report.files;
  assert.deepEqual([file?.read, file?.pages, file?.merged, file?.rejected.length], [4, 3, 1, 0]);
  assert.deepEqual(file?.merges, [{ line: 3, into: { path: 'duplicates.txt', line: 1, format: 'trending' }, reason: 'same title and abstract' }]);
  assert.deepEqual(papers[0]?.mergedFrom, [{ path: 'duplicates.txt', line: 3, format: 'trending' }]);
  assertAccounting(report);
});

test('the same title with a different abstract gives two pages with distinct slugs and a warning', () => {
  const { papers, report } = ingestSourceFiles([fixture('trending', 'duplicates.txt')]);
  const spark = papers.filter((paper) => paper.title === 'SPARK: Same Name');
  assert.equal(spark.length, 2);
  assert.notEqual(spark[0]?.slug, spark[1]?.slug);
  assert.deepEqual(report.files[0]?.problems, [
    { line: 7, severity: 'warning', message: 'same title as duplicates.txt:5 but a different abstract; kept as its own page' },
  ]);
});

test('duplicates across formats merge by arXiv id ignoring the version, keeping the richest metadata', () => {
  const { papers, report } = ingestSourceFiles([
    textFile('a.md', '---\ntitle: Shared\narxiv: 2411.15124v1\nauthors: [Ada Lovelace]\ntags: [x]\n---\n'),
    textFile('b.md', '---\ntitle: Shared (journal version)\narxiv: 2411.15124v3\nauthors: [ada  lovelace, Alan Turing]\ndoi: 10.1145/ABC\ndate: 2024\ntags: [y]\n---\nThe abstract.\n'),
  ]);
  assert.equal(papers.length, 1);
  const [paper] = papers;
  assert.equal(paper?.title, 'Shared');
  assert.equal(paper?.abstract, 'The abstract.');
  assert.equal(paper?.hasAbstract, true);
  assert.deepEqual(paper?.authors, ['Ada Lovelace', 'Alan Turing']);
  assert.deepEqual(paper?.tags, ['x', 'y']);
  assert.deepEqual([paper?.doi, paper?.date], ['10.1145/ABC', '2024']);
  assert.equal(report.files[1]?.merges[0]?.reason, 'same arXiv id 2411.15124');
  assert.equal(paper?.slug, 'shared-2411-15124');
});

test('duplicates merge by DOI regardless of case', () => {
  const { papers, report } = ingestSourceFiles([
    textFile('a.md', '---\ntitle: One\ndoi: 10.1145/ABC\n---\nFirst.\n'),
    textFile('b.md', '---\ntitle: Other Title\ndoi: 10.1145/abc\n---\nSecond.\n'),
  ]);
  assert.equal(papers.length, 1);
  assert.equal(report.files[1]?.merges[0]?.reason, 'same DOI 10.1145/abc');
});

test('a dangling title is a rejected record with its line, and the accounting still balances', () => {
  const { report } = ingestSourceFiles([fixture('trending', 'dangling.txt')]);
  assert.deepEqual(report.files[0]?.rejected, [{ line: 3, reason: 'title with no abstract' }]);
  assert.deepEqual(report.totals, { read: 2, pages: 1, merged: 0, rejected: 1 });
  assertAccounting(report);
});

test('a Markdown paper with no abstract becomes a page marked hasAbstract false', () => {
  const { papers, report } = ingestSourceFiles([fixture('markdown', 'no-abstract.md')]);
  assert.deepEqual([papers[0]?.hasAbstract, papers[0]?.abstract], [false, '']);
  assert.equal(report.totals.rejected, 0);
});

test('a record the schema refuses is rejected with the field, the zod message and the value found', () => {
  const { report } = ingestSourceFiles([textFile('bad-date.md', '---\ntitle: Bad Date\n---\nBody.\n')], [
    {
      id: 'fake',
      extensions: ['.md'],
      detect: () => true,
      parse: () => ({ records: [{ line: 7, fields: { title: 'T', abstract: 'A', date: 'May 2024' } }], problems: [] }),
    },
  ]);
  const [rejection] = report.files[0]?.rejected ?? [];
  assert.equal(rejection?.line, 7);
  assert.match(rejection?.reason ?? '', /^invalid date: .* \(found "May 2024"\)$/);
  assertAccounting(report);
});

test('a javascript: url from any format is dropped with a warning, the paper kept', () => {
  const { papers, report } = ingestSourceFiles([textFile('x.md', '---\ntitle: X\n---\nBody.\n')], [
    {
      id: 'fake',
      extensions: ['.md'],
      detect: () => true,
      parse: () => ({ records: [{ line: 2, fields: { title: 'T', abstract: 'A', url: 'javascript:alert(1)' } }], problems: [] }),
    },
  ]);
  assert.equal(papers[0]?.url, undefined);
  assert.deepEqual(report.files[0]?.problems, [
    { line: 2, severity: 'warning', message: 'url ignored: only http(s) links are kept, found "javascript:alert(1)"' },
  ]);
});

test('invalid UTF-8, binary and empty files are reported by name and line, not parsed', () => {
  const { papers, report } = ingestSourceFiles([
    fixture('trending', 'binary.txt'),
    fixture('trending', 'empty.txt'),
    fixture('trending', 'invalid-utf8.txt'),
  ]);
  assert.equal(papers.length, 0);
  assert.deepEqual([report.errors, report.warnings], [2, 1]);
  const text = formatIngestReport(report);
  assert.match(text, /^ {2}binary\.txt:1: binary file, not text \(NUL byte at offset 4\), skipped \(error\)$/m);
  assert.match(text, /^ {2}empty\.txt:1: empty file \(warning\)$/m);
  assert.match(text, /^ {2}invalid-utf8\.txt:2: invalid UTF-8 \(byte 0xff at column 35\) \(error\)$/m);
  assertAccounting(report);
});

test('unsupported files and Markdown without frontmatter are warnings, not papers', () => {
  const { papers, report } = ingestSourceFiles([textFile('README.md', '# Notes\n'), textFile('cover.png', '\u0089PNG')]);
  assert.equal(papers.length, 0);
  assert.deepEqual(
    report.files.map((file) => [file.path, file.format, file.problems.map((problem) => problem.message)]),
    [
      ['README.md', 'markdown', ['not a paper: no frontmatter (a paper file starts with a --- line)']],
      ['cover.png', null, ['unsupported file type, skipped']],
    ],
  );
});

test('a .txt file with no papers in it gets a warning', () => {
  const { report } = ingestSourceFiles([textFile('x.txt', 'Get trending papers in your email inbox!\n')]);
  assert.deepEqual(report.files[0]?.problems, [{ line: 1, severity: 'warning', message: 'no papers found (read as trending)' }]);
});

test('orders count pages from 0 across files in the given file order', () => {
  const { papers } = ingestSourceFiles([fixture('trending', 'markup.txt'), fixture('markdown', 'full.md'), fixture('trending', 'crlf-bom.txt')]);
  assert.deepEqual(papers.map((paper) => [paper.order, paper.source.path]), [
    [0, 'markup.txt'],
    [1, 'markup.txt'],
    [2, 'markup.txt'],
    [3, 'full.md'],
    [4, 'crlf-bom.txt'],
    [5, 'crlf-bom.txt'],
  ]);
});

test('a BOM and CRLF line ends do not change the papers read', () => {
  const { papers } = ingestSourceFiles([fixture('trending', 'crlf-bom.txt')]);
  assert.deepEqual(papers.map((paper) => paper.title), ['First Paper After a BOM', 'Second Paper with Spaces']);
});

test('the same files give byte-identical output on every run', () => {
  const files = [fixture('trending', 'duplicates.txt'), fixture('markdown', 'full.md')];
  assert.equal(JSON.stringify(ingestSourceFiles(files)), JSON.stringify(ingestSourceFiles(files)));
});

test('formatIngestReport writes one line per file, the detail lines by line number, then the totals', () => {
  const { report } = ingestSourceFiles([fixture('trending', 'dangling.txt'), fixture('trending', 'duplicates.txt')]);
  assert.equal(
    formatIngestReport(report),
    [
      'dangling.txt (trending): 2 read, 1 pages, 0 merged, 1 rejected',
      '  dangling.txt:3: title with no abstract',
      'duplicates.txt (trending): 4 read, 3 pages, 1 merged, 0 rejected',
      '  duplicates.txt:3: merged into duplicates.txt:1 (same title and abstract)',
      '  duplicates.txt:7: same title as duplicates.txt:5 but a different abstract; kept as its own page (warning)',
      'dates: 0 of 4 pages dated, 4 undated (no date in the source, no arXiv id)',
      'total: 2 files, 6 read, 4 pages, 1 merged, 1 rejected; 1 warning, 0 errors',
    ].join('\n'),
  );
});

test('ingestProblemsAsErrors lists only errors normally, and warnings and rejections too in strict mode', () => {
  const { report } = ingestSourceFiles([fixture('trending', 'dangling.txt'), fixture('trending', 'empty.txt'), fixture('trending', 'binary.txt')]);
  const binaryLine = 'binary.txt:1: binary file, not text (NUL byte at offset 4), skipped (error)';
  assert.deepEqual(ingestProblemsAsErrors(report, false), [binaryLine]);
  assert.deepEqual(ingestProblemsAsErrors(report, true), [
    'dangling.txt:3: title with no abstract',
    'empty.txt:1: empty file (warning)',
    binaryLine,
  ]);
});

test('a merged paper has no optional field set to undefined', () => {
  const { papers } = ingestSourceFiles([fixture('trending', 'duplicates.txt')]);
  assert.deepEqual(Object.keys(papers[0] ?? {}).sort(), ['abstract', 'authors', 'categories', 'hasAbstract', 'mergedFrom', 'order', 'slug', 'source', 'tags', 'title']);
});
