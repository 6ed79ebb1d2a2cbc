import type { SluggedPaper } from './paper.ts';
import { PaperSchema, type Paper } from './paper.ts';
import type { PaperFields, ParsedRecord, SourceFormat, SourceProblem } from './format.ts';
import { collapseWhitespace } from './clean-text.ts';
import { decodeSourceBytes } from './decode.ts';
import { boundRecordFields } from './limits.ts';
import { paperDate } from './paper-date.ts';
import { formatsForPath, pickSourceFormat, SOURCE_FORMATS } from './index.ts';
import { duplicateKeysOf, mergeDuplicate } from './merge.ts';
import { assertIngestAccounting, type FileReport, type IngestReport } from './report.ts';
import { assignSlugs } from './slug.ts';

export { formatIngestReport, ingestProblemsAsErrors } from './report.ts';
export type { FileReport, IngestReport, IngestTotals, MergedRecord, RejectedRecord } from './report.ts';

/** One input file: its path relative to the content folder (`/`-separated) and its raw bytes. */
export interface SourceFile {
  path: string;
  bytes: Uint8Array;
}

/** The papers with their slugs, in source order, and the account of what happened to every record. */
export interface IngestResult {
  papers: SluggedPaper[];
  report: IngestReport;
}

/** Longest excerpt of a bad value quoted in a report line. */
const MAX_QUOTED_VALUE_LENGTH = 60;

function quote(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > MAX_QUOTED_VALUE_LENGTH ? `${text.slice(0, MAX_QUOTED_VALUE_LENGTH)}…` : text);
}

/** Zod's issues as one reason: `invalid date: Invalid string: must match pattern … (found "May 2024")`. */
function schemaReason(issues: readonly { path: readonly PropertyKey[]; message: string }[], candidate: Record<string, unknown>): string {
  return issues
    .map((issue) => {
      const field = issue.path.map(String).join('.');
      const value = issue.path.length === 1 ? candidate[String(issue.path[0])] : undefined;
      const found = typeof value === 'string' ? ` (found ${quote(value)})` : '';
      return `invalid ${field || 'record'}: ${issue.message}${found}`;
    })
    .join('; ');
}

/** Only web links become `href`s on the site; `javascript:` and friends must never reach one. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url.trim());
}

/**
 * Turn one parsed record into a validated paper, or the reason it cannot be one. A non-web URL is dropped
 * with a warning rather than costing the paper its page.
 */
function recordToPaper(
  rawFields: PaperFields,
  source: Paper['source'],
  order: number,
  problems: SourceProblem[],
): { paper: Paper } | { reason: string } {
  const { ignoredUrl, embeddingProblem, ...unbounded } = rawFields;
  if (embeddingProblem !== undefined) problems.push({ line: source.line, severity: 'warning', message: embeddingProblem });
  if (ignoredUrl !== undefined) {
    problems.push({ line: source.line, severity: 'warning', message: `url ignored: only http(s) links are kept, found ${quote(ignoredUrl)}` });
  }
  const bounded = boundRecordFields(unbounded, source.line);
  problems.push(...bounded.problems);
  const fields = bounded.fields;
  if (fields.title === '') return { reason: `title ${quote(rawFields.title)} has no visible characters` };
  const abstract = fields.abstract.trim();
  const candidate: Record<string, unknown> = {
    ...fields,
    title: collapseWhitespace(fields.title),
    abstract,
    hasAbstract: (fields.hasAbstract ?? true) && abstract !== '',
    source,
    order,
  };
  if (fields.url !== undefined && !isWebUrl(fields.url)) {
    problems.push({ line: source.line, severity: 'warning', message: `url ignored: only http(s) links are kept, found ${quote(fields.url)}` });
    delete candidate.url;
  }
  const parsed = PaperSchema.safeParse(candidate);
  return parsed.success ? { paper: parsed.data } : { reason: schemaReason(parsed.error.issues, candidate) };
}

/** Index of kept papers by duplicate key, so each record is matched against everything kept before it. */
interface DuplicateIndex {
  keptIndexByKey: Map<string, number>;
  /** Normalised title → first kept paper with it, to flag same-title papers whose abstracts differ. */
  keptIndexByTitle: Map<string, number>;
}

function titleKey(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A file whose records arrive in batches (a JSON Lines file read line by line), so its text is never held whole.
 * Call `addRecords` for each batch in file order, then `end` once.
 */
export interface StreamedFileIngest {
  /** Validate, merge and count a batch of the file's records, in file order. */
  addRecords(records: readonly ParsedRecord[]): void;
  /**
   * Close the file. `hasText` is false when the file held only whitespace: it is then reported as empty, as `addFile`
   * would. `decodeProblems` (control characters removed) go first, where `addFile` puts its decoding warnings.
   */
  end(hasText: boolean, decodeProblems?: readonly SourceProblem[]): void;
}

/**
 * An ingest run fed one file at a time: `ingestSourceFiles` for files held in memory, and the content-folder
 * reader, which streams large JSON Lines files through `beginStreamedFile`. Records are handled the same way on
 * both paths, so a streamed file gets the same papers, order and report as the same file read whole.
 */
export interface IngestSession {
  /** Ingest one whole file: pick its format, decode and parse it, then handle its records. */
  addFile(file: SourceFile): void;
  /** Report a file that is not read (a symlink out of the folder, a pipe, an unreadable file) with the reason. */
  addSkippedFile(path: string, problem: SourceProblem): void;
  /** Start a file whose records the caller parses and feeds in batches with `format`. */
  beginStreamedFile(path: string, format: SourceFormat): StreamedFileIngest;
  /** The papers with slugs and the report. Call once, after the last file. */
  finish(): IngestResult;
}

/**
 * Start an ingest run. Files are processed in the order they are added (add them sorted by path for stable
 * `order` values). Pure: no file system access.
 * @example const session = createIngestSession(); session.addFile({ path: 'a.txt', bytes }); session.finish().report.totals
 * // => { read: 1, pages: 1, merged: 0, rejected: 0 }
 */
export function createIngestSession(formats: readonly SourceFormat[] = SOURCE_FORMATS): IngestSession {
  const kept: Paper[] = [];
  const index: DuplicateIndex = { keptIndexByKey: new Map(), keptIndexByTitle: new Map() };
  const fileReports: FileReport[] = [];
  let recordCount = 0;

  function startReport(path: string): FileReport {
    const fileReport: FileReport = { path, format: null, read: 0, pages: 0, merged: 0, rejected: [], merges: [], problems: [] };
    fileReports.push(fileReport);
    return fileReport;
  }

  function addRecords(fileReport: FileReport, format: SourceFormat, records: readonly ParsedRecord[]): void {
    fileReport.read += records.length;
    for (const record of records) {
      const order = recordCount;
      recordCount += 1;
      if ('rejected' in record) {
        fileReport.rejected.push({ line: record.line, reason: record.rejected });
        continue;
      }
      const source = { path: fileReport.path, line: record.line, format: format.id };
      const outcome = recordToPaper(record.fields, source, order, fileReport.problems);
      if ('reason' in outcome) {
        fileReport.rejected.push({ line: record.line, reason: outcome.reason });
        continue;
      }
      const paper = outcome.paper;
      const keys = duplicateKeysOf(paper);
      const match = keys.find((key) => index.keptIndexByKey.has(key.key));
      const matchIndex = match === undefined ? undefined : index.keptIndexByKey.get(match.key);
      const keptPaper = matchIndex === undefined ? undefined : kept[matchIndex];
      if (match !== undefined && matchIndex !== undefined && keptPaper !== undefined) {
        kept[matchIndex] = mergeDuplicate(keptPaper, paper);
        for (const key of keys) if (!index.keptIndexByKey.has(key.key)) index.keptIndexByKey.set(key.key, matchIndex);
        fileReport.merged += 1;
        fileReport.merges.push({ line: record.line, into: keptPaper.source, reason: match.reason });
        continue;
      }
      const newIndex = kept.length;
      kept.push(paper);
      fileReport.pages += 1;
      for (const key of keys) index.keptIndexByKey.set(key.key, newIndex);
      const sameTitleIndex = index.keptIndexByTitle.get(titleKey(paper.title));
      const sameTitle = sameTitleIndex === undefined ? undefined : kept[sameTitleIndex];
      if (sameTitle !== undefined) {
        fileReport.problems.push({
          line: record.line,
          severity: 'warning',
          message: `same title as ${sameTitle.source.path}:${sameTitle.source.line} but a different abstract; kept as its own page`,
        });
      } else {
        index.keptIndexByTitle.set(titleKey(paper.title), newIndex);
      }
    }
  }

  return {
    addFile(file) {
      const fileReport = startReport(file.path);
      if (formatsForPath(file.path, formats).length === 0) {
        fileReport.problems.push({ line: 1, severity: 'warning', message: 'unsupported file type, skipped' });
        return;
      }
      const decoded = decodeSourceBytes(file.bytes);
      if ('problem' in decoded) {
        fileReport.problems.push(decoded.problem);
        return;
      }
      if (decoded.text.trim() === '') {
        fileReport.problems.push({ line: 1, severity: 'warning', message: 'empty file' });
        return;
      }
      const choice = pickSourceFormat(file.path, decoded.text, formats);
      if ('skipped' in choice) {
        fileReport.problems.push({ line: 1, severity: 'warning', message: choice.skipped });
        return;
      }
      const { format } = choice;
      fileReport.format = format.id;
      // A file read in another encoding than UTF-8 says so first (decodeSourceBytes' warning).
      if (decoded.warning !== undefined) fileReport.problems.push(decoded.warning);
      if (decoded.extraWarning !== undefined) fileReport.problems.push(decoded.extraWarning);
      const parsed = format.parse(decoded.text, file.path);
      fileReport.problems.push(...parsed.problems);
      if (parsed.records.length === 0 && parsed.problems.length === 0) {
        fileReport.problems.push({ line: 1, severity: 'warning', message: `no papers found (read as ${format.id})` });
      }
      addRecords(fileReport, format, parsed.records);
    },
    addSkippedFile(path, problem) {
      startReport(path).problems.push(problem);
    },
    beginStreamedFile(path, format) {
      const fileReport = startReport(path);
      fileReport.format = format.id;
      return {
        addRecords: (records) => addRecords(fileReport, format, records),
        end(hasText, decodeProblems = []) {
          fileReport.problems.unshift(...decodeProblems);
          if (hasText) return;
          fileReport.format = null;
          fileReport.problems.push({ line: 1, severity: 'warning', message: 'empty file' });
        },
      };
    },
    finish() {
      // Merged and rejected records leave gaps; pages are numbered 0..n-1 in the same relative order. A page with no
      // (real) date from any of its merged records is dated by its arXiv id, or stays undated (paper-date.ts).
      const papers = assignSlugs(
        kept.map((paper, position) => {
          const date = paperDate(paper);
          return { ...paper, ...(date === undefined ? {} : { date }), order: position };
        }),
      );
      const allProblems = fileReports.flatMap((fileReport) => fileReport.problems);
      const report: IngestReport = {
        files: fileReports,
        totals: {
          read: fileReports.reduce((sum, fileReport) => sum + fileReport.read, 0),
          pages: fileReports.reduce((sum, fileReport) => sum + fileReport.pages, 0),
          merged: fileReports.reduce((sum, fileReport) => sum + fileReport.merged, 0),
          rejected: fileReports.reduce((sum, fileReport) => sum + fileReport.rejected.length, 0),
        },
        undated: papers.filter((paper) => paper.date === undefined).length,
        warnings: allProblems.filter((problem) => problem.severity === 'warning').length,
        errors: allProblems.filter((problem) => problem.severity === 'error').length,
      };
      assertIngestAccounting(report);
      if (report.totals.pages !== papers.length) throw new Error(`ingest accounting broken: ${report.totals.pages} pages but ${papers.length} papers`);
      return { papers, report };
    },
  };
}

/**
 * Ingest a set of files: pick each file's format, decode and parse it, validate records with `PaperSchema`,
 * merge duplicates into the first record seen, number papers in source order and give them slugs.
 * Files are processed in the order given (pass them sorted by path for stable `order` values).
 * Pure: no file system access. Throws only if its own accounting breaks (`read = pages + merged + rejected`).
 * @example ingestSourceFiles([{ path: 'a.txt', bytes: new TextEncoder().encode('A Title\nWe study things. It works well.\n') }])
 * // => { papers: [{ title: 'A Title', slug: 'a-title-…', order: 0, … }],
 * //      report: { files: [{ path: 'a.txt', format: 'trending', read: 1, pages: 1, merged: 0, … }], … } }
 */
export function ingestSourceFiles(files: readonly SourceFile[], formats: readonly SourceFormat[] = SOURCE_FORMATS): IngestResult {
  const session = createIngestSession(formats);
  for (const file of files) session.addFile(file);
  return session.finish();
}
