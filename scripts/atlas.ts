/**
 * `atlas` command line. `atlas check [dir or files…] [--json] [--strict]` reads the inputs with the same
 * ingest the build uses and prints the ingest report (records read, pages, merged duplicates, rejected
 * records and problems, each as `path:line: reason`) without building the site.
 *
 * Exit code 0 when the inputs would build, 1 when they would not (error problems, no papers, or with
 * `--strict` any warning or rejected record), 2 for a usage error.
 */
import { stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  formatIngestReport,
  ingestProblemsAsErrors,
  type IngestReport,
  type IngestResult,
  type FileReport,
  type IngestTotals,
} from '../src/lib/ingest/ingest.ts';
import { ingestSourcePaths, listSourceFiles, type SourcePath } from '../src/lib/ingest/read-sources.ts';
import { quoteForTerminal } from '../src/lib/ingest/report.ts';
import { compareCodeUnits } from '../src/lib/text/compare.ts';
import { parseAtlasConfig, type AtlasConfig } from '../src/lib/config.ts';

/** Where the command writes; tests pass collectors. */
export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = `usage: atlas check [dir or files…] [--json] [--strict]

  Read paper files (default: the folder the build reads, ATLAS_CONTENT or content/) as the build does and print
  the ingest report.
  --json     print the report as JSON
  --strict   fail on warnings and rejected records too, as a strict build does (or ATLAS_STRICT=1)`;

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/**
 * The files behind the command's path arguments. A lone folder gives paths relative to it (as the build
 * names them); with several arguments, paths are relative to the working directory so they stay distinct.
 */
async function collectFiles(paths: readonly string[]): Promise<SourcePath[]> {
  const files: SourcePath[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) {
      const prefix = paths.length === 1 ? '' : `${toPosix(relative(process.cwd(), resolve(path))) || '.'}/`;
      for (const file of await listSourceFiles(path)) files.push({ ...file, path: `${prefix}${file.path}` });
    } else {
      files.push({ path: toPosix(relative(process.cwd(), resolve(path))), absolutePath: path });
    }
  }
  // Code-unit order, as `listSourceFiles` sorts: the same inputs give the same report.
  return files.sort((left, right) => compareCodeUnits(left.path, right.path));
}

/**
 * What `atlas check --json` prints. `files` and `totals` are the public contract
 * (`{ files: [{ path, format, read, pages, merged, rejected: [{ line, reason }] }], totals: { read, pages, merged, rejected } }`);
 * the other keys add the verdict and the problem counts.
 */
export interface CheckJson {
  /** One entry per file, as the ingest report has it: the contract fields first, then merges and problems. */
  files: FileReport[];
  totals: IngestTotals;
  /** Pages with no publication date (no date in the source and no arXiv id). */
  undated: number;
  /** Problems of severity warning / error over all files. */
  warnings: number;
  errors: number;
  /** True when the command exits 0. */
  ok: boolean;
  strict: boolean;
  /** The `path:line: reason` lines that make the check fail; empty when `ok`. */
  blocking: string[];
}

/**
 * The JSON document `atlas check --json` prints for a report.
 * @example reportToJson({ files: [], totals: { read: 0, pages: 0, merged: 0, rejected: 0 }, undated: 0, warnings: 0, errors: 0 }, false, [])
 * // => { files: [], totals: { read: 0, pages: 0, merged: 0, rejected: 0 }, undated: 0, warnings: 0, errors: 0, ok: true, strict: false, blocking: [] }
 */
export function reportToJson(report: IngestReport, strict: boolean, blocking: readonly string[]): CheckJson {
  return {
    files: report.files.map((file) => ({
      path: file.path,
      format: file.format,
      read: file.read,
      pages: file.pages,
      merged: file.merged,
      rejected: file.rejected.map((record) => ({ line: record.line, reason: record.reason })),
      merges: file.merges,
      problems: file.problems,
    })),
    totals: { ...report.totals },
    undated: report.undated,
    warnings: report.warnings,
    errors: report.errors,
    ok: blocking.length === 0,
    strict,
    blocking: [...blocking],
  };
}

/**
 * The JSON document `atlas check --json` prints when it could not check at all (a path that does not exist, an
 * unreadable folder, a bad option): no files, one blocking line saying why.
 * @example failureJson(false, 'cannot read nowhere: ENOENT').ok // => false
 */
export function failureJson(strict: boolean, message: string): CheckJson {
  return { files: [], totals: { read: 0, pages: 0, merged: 0, rejected: 0 }, undated: 0, warnings: 0, errors: 1, ok: false, strict, blocking: [message] };
}

/**
 * Run the `atlas` command with its arguments (without `node` and the script) and return the exit code.
 * @example await main(['check', 'tests/fixtures/bibtex', '--json']) // => 0, after printing the report as JSON
 */
export async function main(argv: readonly string[], output: CliOutput = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) }): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    output.stdout(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'check') {
    output.stderr(`${command === undefined ? 'missing command' : `unknown command '${command}'`}\n${USAGE}\n`);
    return 2;
  }
  const asJson = rest.includes('--json');
  const unknownOption = rest.find((arg) => arg.startsWith('-') && arg !== '--json' && arg !== '--strict');
  if (unknownOption !== undefined) {
    const message = `unknown option ${quoteForTerminal(unknownOption)}`;
    if (asJson) output.stdout(`${JSON.stringify(failureJson(rest.includes('--strict'), message), null, 2)}\n`);
    output.stderr(`${message}\n${USAGE}\n`);
    return 2;
  }
  let config: AtlasConfig;
  try {
    config = parseAtlasConfig(process.env, rest);
  } catch (error) {
    const message = (error as Error).message;
    if (asJson) output.stdout(`${JSON.stringify(failureJson(rest.includes('--strict'), message), null, 2)}\n`);
    output.stderr(`${message}\n`);
    return 2;
  }
  const strict = config.strict;
  const paths = rest.filter((arg) => !arg.startsWith('-'));
  // The content folder the build reads, named relative to the working directory as the user would type it.
  const contentDir = toPosix(relative(process.cwd(), config.contentDir)) || '.';
  let result: IngestResult;
  try {
    result = await ingestSourcePaths(await collectFiles(paths.length === 0 ? [contentDir] : paths));
  } catch (error) {
    // `--json` output is read by scripts: whatever went wrong, they get a JSON document saying so.
    const message = `cannot read ${quoteForTerminal(paths.join(', ') || contentDir)}: ${quoteForTerminal(error instanceof Error ? error.message : String(error))}`;
    if (asJson) output.stdout(`${JSON.stringify(failureJson(strict, message), null, 2)}\n`);
    output.stderr(`atlas check: ${message}\n`);
    return 1;
  }
  const { papers, report } = result;
  const blocking = ingestProblemsAsErrors(report, strict);
  if (papers.length === 0) blocking.unshift('no papers found');
  if (asJson) {
    output.stdout(`${JSON.stringify(reportToJson(report, strict, blocking), null, 2)}\n`);
  } else {
    output.stdout(`${formatIngestReport(report)}\n`);
    if (blocking.length > 0) {
      const mode = strict ? ' (strict: warnings and rejected records count)' : '';
      output.stderr(`atlas check failed${mode}:\n${blocking.map((line) => `  ${line}`).join('\n')}\n`);
    }
  }
  return blocking.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
