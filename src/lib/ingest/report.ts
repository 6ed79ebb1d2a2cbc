import type { SourceProblem } from './format.ts';
import type { SourceRef } from './paper.ts';

/** A record that did not become a page, and why. */
export interface RejectedRecord {
  line: number;
  reason: string;
}

/** A record merged into an earlier page as a duplicate. */
export interface MergedRecord {
  line: number;
  /** Where the page it was merged into was read. */
  into: SourceRef;
  /** Why it counts as a duplicate, e.g. `same arXiv id 2411.15124`. */
  reason: string;
}

/** What happened to one file. `read = pages + merged + rejected` always holds. */
export interface FileReport {
  /** Path relative to the content folder, `/`-separated. */
  path: string;
  /** The format id that read the file; null when the file was skipped (unsupported, binary, not text). */
  format: string | null;
  /** Records the parser found. */
  read: number;
  /** Records that became pages. */
  pages: number;
  /** Records merged into an earlier page (listed in `merges`). */
  merged: number;
  rejected: RejectedRecord[];
  merges: MergedRecord[];
  /** Problems that are not one record's (empty file, invalid UTF-8, YAML warnings, an ignored field). */
  problems: SourceProblem[];
}

export interface IngestTotals {
  read: number;
  pages: number;
  merged: number;
  rejected: number;
}

/** The full account of one ingest run, file by file. */
export interface IngestReport {
  files: FileReport[];
  totals: IngestTotals;
  /** Problems of severity `warning`, over all files. */
  warnings: number;
  /** Problems of severity `error`, over all files. */
  errors: number;
}

/**
 * Throw when any file or the totals break `read = pages + merged + rejected`: a record was lost or counted twice.
 * @example assertIngestAccounting({ files: [], totals: { read: 0, pages: 0, merged: 0, rejected: 0 }, warnings: 0, errors: 0 }) // => undefined
 */
export function assertIngestAccounting(report: IngestReport): void {
  const broken = report.files.filter(
    (file) =>
      file.read !== file.pages + file.merged + file.rejected.length ||
      file.merged !== file.merges.length,
  );
  const { read, pages, merged, rejected } = report.totals;
  if (broken.length > 0 || read !== pages + merged + rejected) {
    const where = broken.map((file) => file.path).join(', ') || 'totals';
    throw new Error(`ingest accounting broken (read ≠ pages + merged + rejected) in ${where}`);
  }
}

/**
 * One report line for a problem: `path:line: message`, with the severity in brackets at the end.
 * @example problemLine('x.txt', { line: 1, severity: 'warning', message: 'empty file' }) // => 'x.txt:1: empty file (warning)'
 */
export function problemLine(path: string, problem: SourceProblem): string {
  return `${path}:${problem.line}: ${problem.message} (${problem.severity})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The report as text: one summary line per file, its rejections, merges and problems indented below it
 * (`  path:line: reason`, ordered by line), then a totals line.
 * @example formatIngestReport(report)
 * // => 'trending-papers.txt (trending): 119 read, 119 pages, 0 merged, 0 rejected\n' +
 * //    'total: 1 file, 119 read, 119 pages, 0 merged, 0 rejected; 0 warnings, 0 errors'
 */
export function formatIngestReport(report: IngestReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const counts = `${file.read} read, ${file.pages} pages, ${file.merged} merged, ${file.rejected.length} rejected`;
    lines.push(`${file.path} (${file.format ?? 'skipped'}): ${counts}`);
    const details = [
      ...file.rejected.map((record) => ({ line: record.line, text: `${file.path}:${record.line}: ${record.reason}` })),
      ...file.merges.map((record) => ({
        line: record.line,
        text: `${file.path}:${record.line}: merged into ${record.into.path}:${record.into.line} (${record.reason})`,
      })),
      ...file.problems.map((problem) => ({ line: problem.line, text: problemLine(file.path, problem) })),
    ];
    // Array.prototype.sort is stable, so lines on the same line number keep rejection, merge, problem order.
    for (const detail of details.sort((left, right) => left.line - right.line)) lines.push(`  ${detail.text}`);
  }
  const { read, pages, merged, rejected } = report.totals;
  lines.push(
    `total: ${plural(report.files.length, 'file')}, ${read} read, ${pages} pages, ${merged} merged, ${rejected} rejected; ` +
      `${plural(report.warnings, 'warning')}, ${plural(report.errors, 'error')}`,
  );
  return lines.join('\n');
}

/**
 * The report lines that must stop a build: error-severity problems always; in strict mode also every warning
 * and every rejected record. Empty when the ingest may go on.
 * @example ingestProblemsAsErrors(report, true) // => ['x.txt:1: empty file (warning)', 'a.txt:240: title with no abstract']
 */
export function ingestProblemsAsErrors(report: IngestReport, strict: boolean): string[] {
  return report.files.flatMap((file) => [
    ...file.problems
      .filter((problem) => strict || problem.severity === 'error')
      .map((problem) => problemLine(file.path, problem)),
    ...(strict ? file.rejected.map((record) => `${file.path}:${record.line}: ${record.reason}`) : []),
  ]);
}
