import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIngestReport, type FileReport, type IngestReport } from '../../../src/lib/ingest/report.ts';

function cleanFile(path: string, format: string, pages = 1): FileReport {
  return { path, format, read: pages, pages, merged: 0, rejected: [], merges: [], problems: [] };
}

function reportOf(files: FileReport[], warnings = 0, errors = 0, undated = 0): IngestReport {
  const sum = (count: (file: FileReport) => number) => files.reduce((total, file) => total + count(file), 0);
  return {
    files,
    totals: { read: sum((f) => f.read), pages: sum((f) => f.pages), merged: sum((f) => f.merged), rejected: sum((f) => f.rejected.length) },
    undated,
    warnings,
    errors,
  };
}

const mergedFile: FileReport = {
  ...cleanFile('002.md', 'markdown'),
  pages: 0,
  merged: 1,
  merges: [{ line: 1, into: { path: '001.md', line: 1, format: 'markdown' }, reason: 'same arXiv id 2411.15124' }],
};
const rejectingFile: FileReport = { ...cleanFile('004.bib', 'bibtex', 2), read: 3, rejected: [{ line: 9, reason: 'missing title' }] };
const warnedFile: FileReport = { ...cleanFile('005.md', 'markdown'), problems: [{ line: 2, severity: 'warning', message: 'date ignored' }] };
const skippedFile: FileReport = { ...cleanFile('cover.png', 'x', 0), format: null, problems: [{ line: 1, severity: 'warning', message: 'unsupported file type, skipped' }] };

test('formatIngestReport lists every file while there are at most listFilesUpTo of them', () => {
  const report = reportOf([cleanFile('001.md', 'markdown'), mergedFile, cleanFile('003.md', 'markdown')], 0, 0, 1);
  assert.equal(
    formatIngestReport(report, { listFilesUpTo: 3 }),
    [
      '001.md (markdown): 1 read, 1 pages, 0 merged, 0 rejected',
      '002.md (markdown): 1 read, 0 pages, 1 merged, 0 rejected',
      '  002.md:1: merged into 001.md:1 (same arXiv id 2411.15124)',
      '003.md (markdown): 1 read, 1 pages, 0 merged, 0 rejected',
      'dates: 1 of 2 pages dated, 1 undated (no date in the source, no arXiv id)',
      'total: 3 files, 3 read, 2 pages, 1 merged, 0 rejected; 0 warnings, 0 errors',
    ].join('\n'),
  );
});

test('past listFilesUpTo, files with nothing to report are summed per format and the others still listed', () => {
  const report = reportOf(
    [cleanFile('001.md', 'markdown'), mergedFile, cleanFile('003.bib', 'bibtex', 4), rejectingFile, warnedFile, cleanFile('006.md', 'markdown'), skippedFile],
    2,
  );
  assert.equal(
    formatIngestReport(report, { listFilesUpTo: 3 }),
    [
      '002.md (markdown): 1 read, 0 pages, 1 merged, 0 rejected',
      '  002.md:1: merged into 001.md:1 (same arXiv id 2411.15124)',
      '004.bib (bibtex): 3 read, 2 pages, 0 merged, 1 rejected',
      '  004.bib:9: missing title',
      '005.md (markdown): 1 read, 1 pages, 0 merged, 0 rejected',
      '  005.md:2: date ignored (warning)',
      'cover.png (skipped): 0 read, 0 pages, 0 merged, 0 rejected',
      '  cover.png:1: unsupported file type, skipped (warning)',
      '1 file (bibtex) with nothing to report: 4 read, 4 pages, 0 merged, 0 rejected',
      '2 files (markdown) with nothing to report: 2 read, 2 pages, 0 merged, 0 rejected',
      'dates: 9 of 9 pages dated, 0 undated (no date in the source, no arXiv id)',
      'total: 7 files, 11 read, 9 pages, 1 merged, 1 rejected; 2 warnings, 0 errors',
    ].join('\n'),
  );
});

test('formatIngestReport lists up to 50 files by default and summarises from the 51st', () => {
  const files = Array.from({ length: 51 }, (_, index) => cleanFile(`${String(index).padStart(3, '0')}.md`, 'markdown'));
  assert.equal(formatIngestReport(reportOf(files.slice(0, 50))).split('\n').length, 52);
  assert.equal(
    formatIngestReport(reportOf(files)),
    [
      '51 files (markdown) with nothing to report: 51 read, 51 pages, 0 merged, 0 rejected',
      'dates: 51 of 51 pages dated, 0 undated (no date in the source, no arXiv id)',
      'total: 51 files, 51 read, 51 pages, 0 merged, 0 rejected; 0 warnings, 0 errors',
    ].join('\n'),
  );
});

test('the totals line is the same whether files are listed or summarised', () => {
  const report = reportOf([cleanFile('001.md', 'markdown'), mergedFile, warnedFile], 1);
  const lastLine = (text: string) => text.split('\n').at(-1);
  assert.equal(lastLine(formatIngestReport(report, { listFilesUpTo: 1 })), lastLine(formatIngestReport(report, { listFilesUpTo: 3 })));
  assert.equal(lastLine(formatIngestReport(report)), 'total: 3 files, 3 read, 2 pages, 1 merged, 0 rejected; 1 warning, 0 errors');
});

test('a report of no pages has no dates line', () => {
  const report = reportOf([skippedFile], 1);
  assert.doesNotMatch(formatIngestReport(report), /dates:/);
});
