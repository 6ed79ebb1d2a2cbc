import type { Paper } from './paper.ts';

/**
 * The fields a format can fill for one record; the ingest step adds `source`, `order` and `mergedFrom`.
 * `ignoredUrl` holds a link the source gave that is not http(s) (`javascript:`, `file:`, `ftp:`): never kept, it is
 * there so the ingest can warn about it with the record's line, whatever the format. `embeddingProblem` likewise says
 * why a record's `embedding` was not kept (embedding.ts).
 */
export type PaperFields = Omit<Paper, 'source' | 'order' | 'mergedFrom' | 'hasAbstract' | 'authors' | 'categories' | 'tags'> &
  Partial<Pick<Paper, 'hasAbstract' | 'authors' | 'categories' | 'tags'>> & { ignoredUrl?: string; embeddingProblem?: string };

/** One record a parser found: either the paper's fields, or why the record could not be used. */
export type ParsedRecord =
  | { line: number; fields: PaperFields }
  | { line: number; rejected: string };

/** A problem that is not one record's: an empty file, a truncated document, bytes that are not text. */
export interface SourceProblem {
  line: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface ParseResult {
  records: ParsedRecord[];
  problems: SourceProblem[];
}

/**
 * One input format. A new format is one module exporting a `SourceFormat` plus one entry in the registry
 * (`src/lib/ingest/index.ts`).
 */
export interface SourceFormat {
  /** Stable id shown in reports, e.g. `trending`, `markdown`, `arxiv-atom`. */
  id: string;
  /** Lower-case file extensions this format claims, with the dot, e.g. `['.bib']`. */
  extensions: string[];
  /** True when the text looks like this format (used when the extension is ambiguous, e.g. `.txt`, `.xml`, `.json`). */
  detect(text: string, path: string): boolean;
  /** Parse decoded text (BOM removed, line endings kept) into records. Never throws on bad input: report it. */
  parse(text: string, path: string): ParseResult;
  /**
   * Optional, for formats of one record per line: parse one line (its text up to, not including, the `\n`; a
   * trailing `\r` is the parser's to drop) into a record, or undefined for a line that holds none (a blank line).
   * A format that has it is streamed from disk line by line with bounded memory when the file is valid UTF-8
   * (read-sources.ts), so a 200 MB file never sits in memory. `parse` must give the same records as `parseLine`
   * over `text.split('\n')` with line numbers from 1 (tests/unit/ingest/format-contract.test.ts checks it).
   */
  parseLine?(line: string, lineNumber: number): ParsedRecord | undefined;
}
