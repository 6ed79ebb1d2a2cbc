import { isUtf8 } from 'node:buffer';
import { createReadStream, lstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { ParsedRecord, SourceFormat, SourceProblem } from './format.ts';
import { formatsForPath, SOURCE_FORMATS } from './index.ts';
import { createIngestSession, type IngestResult, type IngestSession, type SourceFile } from './ingest.ts';
import { controlCharactersProblem, stripControlCharacters } from './decode.ts';
import { formatIngestReport, ingestProblemsAsErrors } from './report.ts';
import { compareCodeUnits } from '../text/compare.ts';

/** Options for `loadPapers`. */
export interface LoadPapersOptions {
  /** When true, any warning or rejected record fails the load, not only errors. Default false. */
  strict?: boolean;
}

/**
 * A file to ingest: its report path (relative, `/`-separated) and where it is on disk. `skipped` is set for an entry
 * that is listed only to be reported (a symlink out of the folder, a pipe, a dangling link): it is never read.
 */
export interface SourcePath {
  path: string;
  absolutePath: string;
  skipped?: SourceProblem;
}

/** Files bigger than this are not read whole (JSON Lines files are streamed and have no limit). */
export const MAX_WHOLE_FILE_BYTES = 100 * 1024 * 1024;

/** What kind of non-regular entry a `Stats` is, for the report line. */
function entryKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** True when `path` is `root` or inside it (both real, absolute paths). */
function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!fromRoot.startsWith('..') && !isAbsolute(fromRoot));
}

function skippedEntry(path: string, absolutePath: string, severity: SourceProblem['severity'], message: string): SourcePath {
  return { path, absolutePath, skipped: { line: 1, severity, message } };
}

/**
 * Every file under `dir`, recursively, skipping dotfiles and dot-folders (`.git`, `.DS_Store`), without reading
 * them. Paths are relative to `dir`, `/`-separated, sorted by code unit.
 *
 * Nothing outside the folder is ever read: a symlink is followed only when its real path is a regular file inside
 * the folder's real path; one that leads outside is listed with an error (the file is refused, never read).
 * Symlinked folders (not followed, so a link loop cannot hang the walk), link loops, dangling links, pipes, sockets
 * and devices are listed with a warning saying why they were skipped, and a folder that cannot be read is listed
 * with an error; the rest of the walk goes on.
 * @example await listSourceFiles('content') // => [{ path: 'trending-papers.txt', absolutePath: 'content/trending-papers.txt' }]
 */
export async function listSourceFiles(dir: string): Promise<SourcePath[]> {
  const files: SourcePath[] = [];
  const root = await realpath(dir);
  // Walk by hand rather than `readdir({ recursive })` so dot-folders such as `.git` are never descended into.
  async function walk(relativeDir: string): Promise<void> {
    let entries: string[];
    try {
      entries = await readdir(join(dir, relativeDir));
    } catch (error) {
      if (relativeDir === '') throw error;
      files.push(skippedEntry(relativeDir, join(dir, relativeDir), 'error', `folder cannot be read (${errorCode(error)}), skipped`));
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const path = relativeDir === '' ? name : `${relativeDir}/${name}`;
      const absolutePath = join(dir, path);
      try {
        // lstat every entry rather than trusting the directory entry's type: on some file systems (overlay mounts in
        // containers) that type is missing, and Node fills it in by following the link. Synchronous, as the reads in
        // readWholeFile are: one thread-pool round trip per file cost more than the lstat itself.
        const info = lstatSync(absolutePath);
        if (info.isDirectory()) await walk(path);
        else if (info.isFile()) files.push({ path, absolutePath });
        else if (info.isSymbolicLink()) files.push(await symlinkEntry(root, path, absolutePath));
        else files.push(skippedEntry(path, absolutePath, 'warning', `${entryKind(info)}, not a regular file: skipped`));
      } catch (error) {
        files.push(skippedEntry(path, absolutePath, 'error', `cannot be inspected (${errorCode(error)}), skipped`));
      }
    }
  }
  await walk('');
  return files.sort((left, right) => compareCodeUnits(left.path, right.path));
}

/** A symlink in the folder: its target when that is a regular file inside `root`, else the reason it is skipped. */
async function symlinkEntry(root: string, path: string, absolutePath: string): Promise<SourcePath> {
  let target: string;
  try {
    target = await realpath(absolutePath);
  } catch (error) {
    const code = errorCode(error);
    const why = code === 'ELOOP' ? 'a symlink loop' : code === 'ENOENT' ? 'a dangling symlink (its target does not exist)' : `a symlink that cannot be resolved (${code})`;
    return skippedEntry(path, absolutePath, 'warning', `${why}: skipped`);
  }
  const info = await stat(target);
  if (!isInside(root, target)) {
    const what = info.isDirectory() ? 'a folder' : info.isFile() ? 'a file' : entryKind(info);
    return skippedEntry(path, absolutePath, 'error', `symlink to ${what} outside the content folder: refused, not read`);
  }
  if (info.isDirectory()) return skippedEntry(path, absolutePath, 'warning', 'symlinked folder: not followed, skipped');
  if (!info.isFile()) return skippedEntry(path, absolutePath, 'warning', `symlink to ${entryKind(info)}, not a regular file: skipped`);
  return { path, absolutePath: target };
}

/** The `code` of a Node file-system error (`ENOENT`, `EACCES`), or its message. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/**
 * Read every file under `dir` into memory (see `listSourceFiles` for which files and in what order); entries
 * `listSourceFiles` reports as skipped are left out.
 * @example await readSourceFiles('content') // => [{ path: 'trending-papers.txt', bytes: Uint8Array(…) }]
 */
export async function readSourceFiles(dir: string): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const file of await listSourceFiles(dir)) {
    if (file.skipped === undefined) files.push({ path: file.path, bytes: new Uint8Array(await readFile(file.absolutePath)) });
  }
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
  const controls = { count: 0, first: { line: 0, code: '' } };
  const takeLine = (bytes: Buffer): void => {
    lineNumber += 1;
    // The UTF-8 BOM is not part of the first line's text.
    const start = lineNumber === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    // Control characters are removed and counted as `decodeSourceBytes` does for a file read whole.
    const stripped = stripControlCharacters(bytes.toString('utf8', start));
    if (stripped.count > 0) {
      if (controls.count === 0) controls.first = { line: lineNumber, code: stripped.first };
      controls.count += stripped.count;
    }
    const record = parseLine(stripped.text, lineNumber);
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
  ingest.end(hasText, controls.count === 0 ? [] : [controlCharactersProblem(controls.first.line, controls.count, controls.first.code)]);
}

/** A file's stat and, when it is a regular file within `maxBytes`, its bytes; or why it could not be read. */
type WholeFile = { info: Stats; bytes?: Uint8Array } | { error: unknown };

/**
 * Read a file for ingestSourcePaths; never throws (a file that cannot be read is reported in its place).
 * Synchronous on purpose: a content folder is thousands of small files, and through the promise API each costs
 * the main thread five thread-pool round trips (stat, open, fstat, read, close; ~0.3 ms a file), where a
 * synchronous stat and read of a file in the page cache costs ~25 µs. Ingesting the 10k-paper sample took 2.7–3.2 s
 * of CPU with reads kept 16 files ahead through the promise API, 1.8–2.0 s with these reads (same run, same files).
 */
function readWholeFile(absolutePath: string, maxBytes = MAX_WHOLE_FILE_BYTES): WholeFile {
  try {
    const info = statSync(absolutePath);
    if (!info.isFile() || info.size > maxBytes) return { info };
    return { info, bytes: new Uint8Array(readFileSync(absolutePath)) };
  } catch (error) {
    return { error };
  }
}

/**
 * Ingest files from disk, in the order given. Files of a format with a line parser (`SourceFormat.parseLine`, e.g.
 * JSON Lines) that are valid UTF-8 are streamed line by line with bounded memory (a 200 MB file never sits in
 * memory as bytes or text); every other file is read whole. The papers and report are the same as `ingestSourceFiles` on the same files' bytes.
 * @example await ingestSourcePaths(await listSourceFiles('content')) // => { papers: [… 119 papers], report: { … } }
 */
export async function ingestSourcePaths(files: readonly SourcePath[], formats: readonly SourceFormat[] = SOURCE_FORMATS): Promise<IngestResult> {
  const session = createIngestSession(formats);
  const lineParserOf = (file: SourcePath) => {
    const [format, ...others] = formatsForPath(file.path, formats);
    return { format, parseLine: others.length === 0 ? format?.parseLine : undefined };
  };
  for (const file of files) {
    if (file.skipped !== undefined) {
      session.addSkippedFile(file.path, file.skipped);
      continue;
    }
    // One file that cannot be read (permissions, removed meanwhile, a folder given as a file) costs only itself.
    try {
      const { format, parseLine } = lineParserOf(file);
      if (format !== undefined && parseLine !== undefined && (await isStreamableUtf8(file.absolutePath))) {
        await streamLines(session, file, format, parseLine);
        continue;
      }
      const read = readWholeFile(file.absolutePath);
      if ('error' in read) throw read.error;
      const { info } = read;
      if (!info.isFile()) {
        session.addSkippedFile(file.path, { line: 1, severity: 'warning', message: `${entryKind(info)}, not a regular file: skipped` });
      } else if (info.size > MAX_WHOLE_FILE_BYTES) {
        const limit = `${MAX_WHOLE_FILE_BYTES / 1024 / 1024} MB`;
        session.addSkippedFile(file.path, { line: 1, severity: 'error', message: `file of ${Math.ceil(info.size / 1024 / 1024)} MB is over the ${limit} limit for one file: skipped (split it, or use JSON Lines, which is streamed)` });
      } else {
        session.addFile({ path: file.path, bytes: read.bytes ?? new Uint8Array(readFileSync(file.absolutePath)) });
      }
    } catch (error) {
      session.addSkippedFile(file.path, { line: 1, severity: 'error', message: `cannot be read (${errorCode(error)}), skipped` });
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
