import type { SourceProblem } from './format.ts';
import type { SourceRef } from './paper.ts';
import { compareCodeUnits } from '../text/compare.ts';

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
  /** Pages with no publication date: none in the source and no arXiv id to take the month from (paper-date.ts). */
  undated: number;
  /** Problems of severity `warning`, over all files. */
  warnings: number;
  /** Problems of severity `error`, over all files. */
  errors: number;
}

/**
 * Throw when any file or the totals break `read = pages + merged + rejected`: a record was lost or counted twice.
 * @example assertIngestAccounting({ files: [], totals: { read: 0, pages: 0, merged: 0, rejected: 0 }, undated: 0, warnings: 0, errors: 0 }) // => undefined
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
 * Characters that must not reach a terminal or log raw: C0 and C1 controls (line breaks that would forge a report
 * line, ESC that starts an ANSI sequence clearing the screen), DEL, the Unicode line/paragraph separators and the
 * bidirectional overrides that reorder what a reader sees.
 */
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the input (a file name, an id, a title) made safe for one line of human output: every control,
 * separator or bidi character is written as an escape (`\n`, `\u001b`), so a name cannot start a new report
 * line, move the cursor or clear the screen. Text without such characters is returned unchanged.
 * @example quoteForTerminal('a\nb\u001b[2J.bib') // => 'a\\nb\\u001b[2J.bib'
 * @example quoteForTerminal('papers.bib') // => 'papers.bib'
 */
export function quoteForTerminal(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * One report line for a problem: `path:line: message`, with the severity in brackets at the end. Input-derived
 * text is escaped (`quoteForTerminal`).
 * @example problemLine('x.txt', { line: 1, severity: 'warning', message: 'empty file' }) // => 'x.txt:1: empty file (warning)'
 */
export function problemLine(path: string, problem: SourceProblem): string {
  return quoteForTerminal(`${path}:${problem.line}: ${problem.message} (${problem.severity})`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Options of `formatIngestReport`. */
export interface IngestReportTextOptions {
  /**
   * Up to this many files every file gets its own line. Beyond it only files with something to tell (a
   * rejection, a merge or a problem) do, and the others are summed up per format: a 10,000-file corpus of one
   * Markdown file per paper would otherwise print 10,000 lines on every build. Default 50.
   */
  listFilesUpTo?: number;
}

/** Files listed one per line by default; enough for a hand-kept folder, short enough to read at a glance. */
const DEFAULT_LIST_FILES_UP_TO = 50;

function hasDetails(file: FileReport): boolean {
  return file.rejected.length > 0 || file.merges.length > 0 || file.problems.length > 0;
}

function countsText(read: number, pages: number, merged: number, rejected: number): string {
  return `${read} read, ${pages} pages, ${merged} merged, ${rejected} rejected`;
}

/** The file's line, then its rejections, merges and problems indented below it, ordered by line. */
function fileLines(file: FileReport): string[] {
  const details = [
    ...file.rejected.map((record) => ({ line: record.line, text: quoteForTerminal(`${file.path}:${record.line}: ${record.reason}`) })),
    ...file.merges.map((record) => ({
      line: record.line,
      text: quoteForTerminal(`${file.path}:${record.line}: merged into ${record.into.path}:${record.into.line} (${record.reason})`),
    })),
    ...file.problems.map((problem) => ({ line: problem.line, text: problemLine(file.path, problem) })),
  ];
  // Array.prototype.sort is stable, so lines on the same line number keep rejection, merge, problem order.
  return [
    `${quoteForTerminal(file.path)} (${file.format ?? 'skipped'}): ${countsText(file.read, file.pages, file.merged, file.rejected.length)}`,
    ...details.sort((left, right) => left.line - right.line).map((detail) => `  ${detail.text}`),
  ];
}

/** One line per format for files with nothing to tell: how many, and their summed counts. */
function summaryLines(files: readonly FileReport[]): string[] {
  const filesByFormat = new Map<string, FileReport[]>();
  for (const file of files) {
    const format = file.format ?? 'skipped';
    const group = filesByFormat.get(format);
    if (group) group.push(file);
    else filesByFormat.set(format, [file]);
  }
  return [...filesByFormat.keys()].sort(compareCodeUnits).map((format) => {
    const group = filesByFormat.get(format) ?? [];
    const sum = (count: (file: FileReport) => number) => group.reduce((total, file) => total + count(file), 0);
    const counts = countsText(sum((file) => file.read), sum((file) => file.pages), sum((file) => file.merged), sum((file) => file.rejected.length));
    return `${plural(group.length, 'file')} (${format}) with nothing to report: ${counts}`;
  });
}

/**
 * The report as text: one summary line per file, its rejections, merges and problems indented below it
 * (`  path:line: reason`, ordered by line), then how many pages are dated, then a totals line. Past `listFilesUpTo` files (default 50), files
 * with nothing to report are summed up per format instead of listed. The totals line never changes form.
 * @example formatIngestReport(report)
 * // => 'trending-papers.txt (trending): 119 read, 119 pages, 0 merged, 0 rejected\n' +
 * //    'dates: 0 of 119 pages dated, 119 undated (no date in the source, no arXiv id)\n' +
 * //    'total: 1 file, 119 read, 119 pages, 0 merged, 0 rejected; 0 warnings, 0 errors'
 * @example formatIngestReport(reportOf10001MarkdownFiles) // 3 files with a merge or warning, listed first, then
 * // => '9998 files (markdown) with nothing to report: 9998 read, 9998 pages, 0 merged, 0 rejected\n' +
 * //    'total: 10001 files, 10001 read, 9999 pages, 2 merged, 0 rejected; 1 warning, 0 errors'
 */
export function formatIngestReport(report: IngestReport, options: IngestReportTextOptions = {}): string {
  const listEveryFile = report.files.length <= (options.listFilesUpTo ?? DEFAULT_LIST_FILES_UP_TO);
  const listed = listEveryFile ? report.files : report.files.filter(hasDetails);
  const lines = listed.flatMap(fileLines);
  if (!listEveryFile) lines.push(...summaryLines(report.files.filter((file) => !hasDetails(file))));
  const { read, pages, merged, rejected } = report.totals;
  if (pages > 0) {
    lines.push(`dates: ${pages - report.undated} of ${plural(pages, 'page')} dated, ${report.undated} undated (no date in the source, no arXiv id)`);
  }
  lines.push(
    `total: ${plural(report.files.length, 'file')}, ${countsText(read, pages, merged, rejected)}; ` +
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
    ...(strict ? file.rejected.map((record) => quoteForTerminal(`${file.path}:${record.line}: ${record.reason}`)) : []),
  ]);
}
