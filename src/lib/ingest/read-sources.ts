import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedRecord, SourceFormat } from './format.ts';
import { formatsForPath, SOURCE_FORMATS } from './index.ts';
import { createIngestSession, type IngestResult, type IngestSession, type SourceFile } from './ingest.ts';
import { formatIngestReport, ingestProblemsAsErrors } from './report.ts';
import { compareCodeUnits } from '../text/compare.ts';

/** Options for `loadPapers`. */
export interface LoadPapersOptions {
  /** When true, any warning or rejected record fails the load, not only errors. Default false. */
  strict?: boolean;
}

/** A file to ingest: its report path (relative, `/`-separated) and where it is on disk. */
export interface SourcePath {
  path: string;
  absolutePath: string;
}


/**
 * Every file under `dir`, recursively, skipping dotfiles and dot-folders (`.git`, `.DS_Store`), without reading
 * them. Paths are relative to `dir`, `/`-separated, sorted by code unit.
 * @example await listSourceFiles('content') // => [{ path: 'trending-papers.txt', absolutePath: 'content/trending-papers.txt' }]
 */
export async function listSourceFiles(dir: string): Promise<SourcePath[]> {
  const files: SourcePath[] = [];
  // Walk by hand rather than `readdir({ recursive })` so dot-folders such as `.git` are never descended into.
  async function walk(relativeDir: string): Promise<void> {
    const entries = await readdir(join(dir, relativeDir), { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      const absolutePath = join(dir, path);
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      // Symlinks to files are followed; symlinks to folders are not, so a link loop cannot hang the build.
      const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(absolutePath)).isFile());
      if (isFile) files.push({ path, absolutePath });
    }
  }
  await walk('');
  return files.sort((left, right) => compareCodeUnits(left.path, right.path));
}

/**
 * Read every file under `dir` into memory (see `listSourceFiles` for which files and in what order).
 * @example await readSourceFiles('content') // => [{ path: 'trending-papers.txt', bytes: Uint8Array(…) }]
 */
export async function readSourceFiles(dir: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const file of await listSourceFiles(dir)) files.push({ path: file.path, bytes: new Uint8Array(await readFile(file.absolutePath)) });
  return files;
}

/** How far into a file to look for NUL bytes; the same window `decodeSourceBytes` uses. */
const BINARY_SNIFF_BYTES = 8000;

/** Lines handed to the ingest at a time when streaming: big enough to amortise the call, small enough to stay light. */
const STREAM_BATCH_LINES = 2000;

/**
 * True when a line-format file can be streamed: UTF-8 (with or without BOM), no NUL bytes near the start, and
 * valid UTF-8 throughout (checked chunk by chunk with `buffer.isUtf8`). Anything else (UTF-16, Latin-1, binary)
 * is read whole so `decodeSourceBytes` can decode it or report exactly where it breaks. Holds one chunk at a time.
 */
async function isStreamableUtf8(absolutePath: string): Promise<boolean> {
  const handle = await open(absolutePath, 'r');
  try {
    const head = Buffer.alloc(BINARY_SNIFF_BYTES + 3);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
    if (head.subarray(start, Math.min(bytesRead, start + BINARY_SNIFF_BYTES)).includes(0)) return false;
  } finally {
    await handle.close();
  }
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(absolutePath)) {
    const bytes = carry.length === 0 ? (chunk as Buffer) : Buffer.concat([carry, chunk as Buffer]);
    // A character cut by the chunk boundary is checked with the next chunk.
    const cut = completeUtf8Length(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) return false;
    carry = Buffer.from(bytes.subarray(cut));
  }
  return carry.length === 0;
}

/** Length of the prefix of `bytes` that ends on a character boundary: a trailing lead byte whose continuation bytes are still missing is left out. */
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back += 1) {
    const byte = bytes[bytes.length - back] ?? 0;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

/**
 * Feed a UTF-8 file of a line format (one with `parseLine`) to the session line by line. Lines are cut at `\n`
 * bytes (as `text.split('\n')` cuts the whole text, so line numbers match), decoded one at a time and parsed in
 * batches; only the current chunk and batch are in memory, never the file.
 */
async function streamLines(session: IngestSession, file: SourcePath, format: SourceFormat, parseLine: NonNullable<SourceFormat['parseLine']>): Promise<void> {
  const ingest = session.beginStreamedFile(file.path, format);
  let batch: ParsedRecord[] = [];
  let lineNumber = 0;
  let hasText = false;
  let carry: Buffer | undefined;
  const takeLine = (bytes: Buffer): void => {
    lineNumber += 1;
    // The UTF-8 BOM is not part of the first line's text.
    const start = lineNumber === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const lineText = bytes.toString('utf8', start);
    const record = parseLine(lineText, lineNumber);
    // Blank lines give no record; a file of nothing else is reported as empty, as when read whole.
    if (record === undefined) return;
    hasText = true;
    batch.push(record);
    if (batch.length >= STREAM_BATCH_LINES) {
      ingest.addRecords(batch);
      batch = [];
    }
  };
  for await (const chunk of createReadStream(file.absolutePath)) {
    let bytes = chunk as Buffer;
    if (carry !== undefined) {
      bytes = Buffer.concat([carry, bytes]);
      carry = undefined;
    }
    let lineStart = 0;
    for (let newline = bytes.indexOf(0x0a); newline !== -1; newline = bytes.indexOf(0x0a, lineStart)) {
      takeLine(bytes.subarray(lineStart, newline));
      lineStart = newline + 1;
    }
    // Copy the unfinished line so the chunk it came from can be freed.
    if (lineStart < bytes.length) carry = Buffer.from(bytes.subarray(lineStart));
  }
  takeLine(carry ?? Buffer.alloc(0));
  ingest.addRecords(batch);
  ingest.end(hasText);
}

/**
 * Ingest files from disk, in the order given. Files of a format with a line parser (`SourceFormat.parseLine`, e.g.
 * JSON Lines) that are valid UTF-8 are streamed line by line with bounded memory (a 200 MB file never sits in
 * memory as bytes or text); every other file is read whole. The papers and report are the same as `ingestSourceFiles` on the same files' bytes.
 * @example await ingestSourcePaths(await listSourceFiles('content')) // => { papers: [… 119 papers], report: { … } }
 */
export async function ingestSourcePaths(files: readonly SourcePath[], formats: readonly SourceFormat[] = SOURCE_FORMATS): Promise<IngestResult> {
  const session = createIngestSession(formats);
  for (const file of files) {
    const [format, ...others] = formatsForPath(file.path, formats);
    const parseLine = others.length === 0 ? format?.parseLine : undefined;
    if (format !== undefined && parseLine !== undefined && (await isStreamableUtf8(file.absolutePath))) {
      await streamLines(session, file, format, parseLine);
    } else {
      session.addFile({ path: file.path, bytes: new Uint8Array(await readFile(file.absolutePath)) });
    }
  }
  return session.finish();
}

/**
 * Read and ingest a content folder. Throws an Error listing the report when the folder yields no papers,
 * when there are error-severity problems (binary file, invalid UTF-8), or, with `strict`, when there are
 * any warnings or rejected records. The message contains every offending `path:line: reason` line.
 * @example const { papers, report } = await loadPapers('content', { strict: true }); papers.length // => 119
 */
export async function loadPapers(dir: string, options: LoadPapersOptions = {}): Promise<IngestResult> {
  let files: SourcePath[];
  try {
    files = await listSourceFiles(dir);
  } catch (error) {
    throw new Error(`cannot read content folder ${dir}: ${(error as Error).message}`);
  }
  const result = await ingestSourcePaths(files);
  const blocking = ingestProblemsAsErrors(result.report, options.strict ?? false);
  if (result.papers.length === 0) blocking.unshift(`no papers found in ${dir}`);
  if (blocking.length > 0) {
    const mode = options.strict ? ' (strict mode: warnings and rejected records count as errors)' : '';
    throw new Error(
      `ingest of ${dir} failed${mode}:\n${blocking.map((line) => `  ${line}`).join('\n')}\n\nReport:\n${formatIngestReport(result.report)}`,
    );
  }
  return result;
}
