/**
 * Build-scale benchmark: `npm run bench` (sizes 1000 10000 100000) or `npm run bench -- 1000 10000`.
 *
 * For each size it writes that many real arXiv papers (../shared/corpora) as Markdown files into a temp folder,
 * builds the atlas from them cold, and measures: total and per-stage build time, pages per second, peak memory of
 * the build's process tree, size of dist/ in all and per kind of file (pages, search index, vectors, map data,
 * atlas.json, other), search payload per paper, and the map's first render in Chromium.
 * At 10k it also times rebuilds in the same cache dir: unchanged, then with one paper added folded into the stored
 * topic fit (ATLAS_INCREMENTAL=1, the target), then the same papers fitted afresh; and for every size a bare Astro
 * build of the same Markdown files as the floor to compare with. Prints a table; writes bench/results/build.json.
 * Sizes up to 10,000 are the first N lines of arxiv-cs-oai2016-10k.jsonl (a hash-ordered sample); larger sizes are
 * the first N lines of arxiv-cs-oai2016.jsonl, and 100000 means the whole file (102,538 papers).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseBuildLog, type BuildStages } from './build-log.ts';
import { CORPORA_DIR, FULL_FILE, SAMPLE_FILE, readCorpus, readCorpusForSize, recordToMarkdown, writeMarkdownCorpus, type CorpusRecord } from './corpus.ts';
import { readPublishedSearchIndex } from './published-search.ts';
import { folderSize, type ProcessRun } from './measure.ts';
import { astroBuild as astroBuildIn, makeBuildDir, projectRoot } from './atlas-build.ts';
import { writeBareAstroProject } from './bare-astro.ts';
import { measureMapFirstRender } from './map-render.ts';
import { DIST_KINDS, distSizeByKind, type DistKind, type KindSize } from './dist-kinds.ts';

const WARM_SIZE = 10_000;
const TARGETS = { build10kSeconds: 60, build100kSeconds: 600, build100kPeakMb: 6 * 1024, warmRatio: 0.5 };

interface WarmRun {
  seconds: number;
  ratioToCold: number;
  /** CPU seconds of the rebuild and their ratio to the cold build's (see ProcessRun.cpuSeconds); absent in older rows. */
  cpuSeconds?: number | undefined;
  cpuRatioToCold?: number | undefined;
  stages: BuildStages;
  peakTreeRssMb: number;
}

interface SizeResult {
  /** When this size was measured, and the machine's 1-minute load average then (other work slows a build). */
  measuredAt: string;
  loadAverageAtStart: number;
  papers: number;
  requested: number;
  corpusWriteSeconds: number;
  build: { seconds: number; stages: BuildStages; pagesPerSecond: number; peakTreeRssMb: number; peakProcessHwmMb: number; cpuSeconds?: number | undefined };
  dist: { bytes: number; files: number };
  /** dist/ by kind of file (bench/dist-kinds.ts); absent in rows measured before it was added. */
  distByKind?: Record<DistKind, KindSize>;
  search: { bytes: number; gzipBytes: number; bytesPerPaper: number; gzipBytesPerPaper: number; files: number };
  atlasJsonBytes: number;
  map: { firstRenderMs: number; points: number } | { error: string };
  /** Rebuilds at 10k: nothing changed; one paper added and folded in (ATLAS_INCREMENTAL=1); the same fitted afresh. */
  warm?: WarmRun;
  unchanged?: WarmRun;
  addedFreshFit?: WarmRun;
  bare: { seconds: number; pages: number; peakTreeRssMb: number; ratio: number } | { error: string };
}

const logFile = join(projectRoot, 'bench', 'results', 'build.log');

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function astroBuild(cwd: string, env: Record<string, string>, label: string): Promise<ProcessRun> {
  return astroBuildIn(cwd, env, label, logFile);
}

async function searchPayload(distDir: string): Promise<{ bytes: number; gzipBytes: number; files: number }> {
  const files = await readPublishedSearchIndex(distDir);
  let bytes = 0;
  let gzipBytes = 0;
  for (const body of files.values()) {
    bytes += body.length;
    gzipBytes += gzipSync(body).length;
  }
  return { bytes, gzipBytes, files: files.size };
}

async function benchSize(requested: number, workDir: string, buildDir: string): Promise<SizeResult> {
  const measuredAt = new Date().toISOString();
  const loadAverageAtStart = Math.round((loadavg()[0] ?? 0) * 10) / 10;
  const { file: source, records } = await readCorpusForSize(requested);
  const papers = records.length;
  log(`\n## ${papers} papers (${source.slice(CORPORA_DIR.length + 1)})`);
  const contentDir = join(workDir, `content-${papers}`);
  const outDir = join(buildDir, `dist-${papers}`);
  const cacheDir = join(buildDir, `cache-${papers}`);
  const writeStarted = performance.now();
  await writeMarkdownCorpus(contentDir, records);
  const corpusWriteSeconds = round((performance.now() - writeStarted) / 1000);

  const env = { ATLAS_CONTENT: contentDir, ATLAS_OUT_DIR: outDir, ATLAS_CACHE_DIR: cacheDir };
  const cold = await astroBuild(projectRoot, env, `atlas ${papers} cold`);
  const stages = parseBuildLog(cold.lines);
  const dist = await folderSize(outDir);
  const distByKind = await distSizeByKind(outDir);
  const search = await searchPayload(outDir);
  const atlasJsonBytes = (await stat(join(outDir, 'atlas.json'))).size;
  let map: SizeResult['map'];
  try {
    map = await measureMapFirstRender(outDir);
  } catch (error) {
    map = { error: String(error).slice(0, 300) };
  }

  let warm: SizeResult['warm'];
  let unchanged: SizeResult['unchanged'];
  let addedFreshFit: SizeResult['addedFreshFit'];
  if (papers === WARM_SIZE) {
    const rebuild = async (label: string, extraEnv: Record<string, string> = {}): Promise<WarmRun> => {
      const run = await astroBuild(projectRoot, { ...env, ...extraEnv }, label);
      const cpuRatioToCold = run.cpuSeconds !== undefined && cold.cpuSeconds ? round(run.cpuSeconds / cold.cpuSeconds) : undefined;
      return { seconds: round(run.seconds), ratioToCold: round(run.seconds / cold.seconds), cpuSeconds: run.cpuSeconds, cpuRatioToCold, stages: parseBuildLog(run.lines), peakTreeRssMb: run.peakTreeRssMb };
    };
    unchanged = await rebuild(`atlas ${papers} unchanged`);
    const extra = await oneMorePaper(records);
    await writeMarkdownCorpus(contentDir, [extra], recordToMarkdown, papers);
    warm = await rebuild(`atlas ${papers}+1 incremental`, { ATLAS_INCREMENTAL: '1' });
    addedFreshFit = await rebuild(`atlas ${papers}+1 fresh fit`);
  }
  await rm(outDir, { recursive: true, force: true });

  let bare: SizeResult['bare'];
  const bareDir = join(workDir, `bare-${papers}`);
  try {
    await writeBareAstroProject(bareDir, projectRoot, records);
    const run = await astroBuild(bareDir, {}, `bare astro ${papers}`);
    const bareStages = parseBuildLog(run.lines);
    bare = { seconds: round(run.seconds), pages: bareStages.pageCount ?? 0, peakTreeRssMb: run.peakTreeRssMb, ratio: round(cold.seconds / run.seconds) };
  } catch (error) {
    bare = { error: String(error).slice(0, 500) };
  }
  await rm(bareDir, { recursive: true, force: true });
  await rm(contentDir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });

  return {
    measuredAt,
    loadAverageAtStart,
    papers,
    requested,
    corpusWriteSeconds,
    build: {
      seconds: round(cold.seconds),
      stages,
      pagesPerSecond: Math.round((stages.pageCount ?? 0) / cold.seconds),
      peakTreeRssMb: cold.peakTreeRssMb,
      peakProcessHwmMb: cold.peakProcessHwmMb,
      cpuSeconds: cold.cpuSeconds,
    },
    dist,
    distByKind,
    search: { ...search, bytesPerPaper: Math.round(search.bytes / papers), gzipBytesPerPaper: Math.round(search.gzipBytes / papers) },
    atlasJsonBytes,
    map,
    ...(warm ? { warm } : {}),
    ...(unchanged ? { unchanged } : {}),
    ...(addedFreshFit ? { addedFreshFit } : {}),
    bare,
  };
}

/** A paper of the full corpus that is not in the subset: the rebuild adds a genuinely new page. */
async function oneMorePaper(records: readonly CorpusRecord[]): Promise<CorpusRecord> {
  const ids = new Set(records.map((record) => record.id));
  const candidates = await readCorpus(FULL_FILE, 200);
  const extra = candidates.find((record) => !ids.has(record.id));
  if (!extra) throw new Error(`${FULL_FILE}: no paper outside the ${records.length}-paper subset among its first 200 lines`);
  return extra;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function cell(value: number | undefined, digits = 1): string {
  return value === undefined ? '–' : value.toFixed(digits);
}

function formatTable(results: readonly SizeResult[]): string {
  const header = ['papers', 'build s', 'load s', 'bundle s', 'topics s', 'index s', 'pages s', 'pages/s', 'peak MB', 'dist MB', 'search B/paper (gz)', 'map first render ms', 'bare astro s', 'ratio'];
  const rows = results.map((result) => [
    String(result.papers),
    cell(result.build.seconds),
    cell(result.build.stages.loadSeconds),
    cell(result.build.stages.bundleSeconds),
    cell(result.build.stages.topicsSeconds),
    cell(result.build.stages.indexSeconds),
    cell(result.build.stages.pagesSeconds),
    String(result.build.pagesPerSecond),
    String(Math.max(result.build.peakTreeRssMb, result.build.peakProcessHwmMb)),
    cell(result.dist.bytes / 1e6),
    `${result.search.bytesPerPaper} (${result.search.gzipBytesPerPaper})`,
    'firstRenderMs' in result.map ? String(result.map.firstRenderMs) : 'failed',
    'seconds' in result.bare ? cell(result.bare.seconds) : 'failed',
    'ratio' in result.bare ? `${result.bare.ratio.toFixed(2)}×` : '–',
  ]);
  const lines = [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`);
  lines.push('', 'dist/ by kind of file, MB (search: raw, gzip in brackets):', '', ...formatKindTable(results));
  const warm = results.find((result) => result.warm);
  if (warm?.warm) {
    const cpu = (run: WarmRun) =>
      run.cpuSeconds === undefined || run.cpuRatioToCold === undefined || warm.build.cpuSeconds === undefined
        ? ''
        : `; CPU ${run.cpuSeconds.toFixed(1)} s (${Math.round(run.cpuRatioToCold * 100)}% of ${warm.build.cpuSeconds.toFixed(1)} s)`;
    const share = (run: WarmRun) => `${run.seconds.toFixed(1)} s (${Math.round(run.ratioToCold * 100)}% of cold ${warm.build.seconds.toFixed(1)} s${cpu(run)})`;
    lines.push('', `rebuilds at ${warm.papers} papers, same cache:`);
    if (warm.unchanged) lines.push(`- nothing changed: ${share(warm.unchanged)}`);
    lines.push(`- one paper added, folded into the stored fit (ATLAS_INCREMENTAL=1): ${share(warm.warm)}`);
    if (warm.addedFreshFit) lines.push(`- one paper added, fitted afresh (default): ${share(warm.addedFreshFit)}`);
  }
  return lines.join('\n');
}

const KIND_HEADINGS: Record<DistKind, string> = {
  papers: 'paper pages',
  lists: 'papers list',
  topics: 'topics/',
  pages: 'other pages',
  search: 'search index',
  vectors: 'vectors',
  map: 'map data',
  atlas: 'atlas.json',
  library: 'library list',
  other: 'other',
};

function formatKindTable(results: readonly SizeResult[]): string[] {
  const header = ['papers', ...DIST_KINDS.map((kind) => KIND_HEADINGS[kind]), 'total'];
  const rows = results.map((result) => {
    const kinds = result.distByKind;
    return [
      String(result.papers),
      ...DIST_KINDS.map((kind) => {
        // Rows recorded before a kind was split out have no figure for it.
        const size = kinds?.[kind];
        if (!size) return '–';
        const mb = cell(size.bytes / 1e6);
        return kind === 'search' ? `${mb} (${cell(result.search.gzipBytes / 1e6)})` : mb;
      }),
      cell(result.dist.bytes / 1e6),
    ];
  });
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`);
}

function checkTargets(results: readonly SizeResult[]): string[] {
  const verdicts: string[] = [];
  const verdict = (ok: boolean, text: string) => verdicts.push(`${ok ? 'PASS' : 'FAIL'} ${text}`);
  for (const result of results) {
    const peakMb = Math.max(result.build.peakTreeRssMb, result.build.peakProcessHwmMb);
    if (result.requested === 10_000) verdict(result.build.seconds <= TARGETS.build10kSeconds, `10k cold build ${result.build.seconds.toFixed(1)} s ≤ ${TARGETS.build10kSeconds} s`);
    if (result.requested >= 100_000) {
      verdict(result.build.seconds <= TARGETS.build100kSeconds, `100k cold build ${result.build.seconds.toFixed(1)} s ≤ ${TARGETS.build100kSeconds} s`);
      verdict(peakMb <= TARGETS.build100kPeakMb, `100k peak memory ${peakMb} MB ≤ ${TARGETS.build100kPeakMb} MB`);
    }
    if (result.warm) verdict(result.warm.ratioToCold <= TARGETS.warmRatio, `rebuild with one paper added (incremental) ${Math.round(result.warm.ratioToCold * 100)}% of cold ≤ ${TARGETS.warmRatio * 100}%`);
  }
  return verdicts;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error(`bench/run.ts: sizes must be positive integers, got ${process.argv.slice(2).join(' ')}`);
  if (!existsSync(SAMPLE_FILE) || !existsSync(FULL_FILE)) {
    log(`bench skipped: the corpora are not at ${CORPORA_DIR} (see ../shared/corpora/README.md)`);
    return;
  }
  await mkdir(join(projectRoot, 'bench', 'results'), { recursive: true });
  await writeFile(logFile, '');
  const workDir = await mkdtemp(join(tmpdir(), 'atlas-bench-'));
  const buildDir = await makeBuildDir();
  const results: SizeResult[] = [];
  try {
    for (const size of sizes.length > 0 ? sizes : [1_000, 10_000, 100_000]) {
      results.push(await benchSize(size, workDir, buildDir));
      // Written after every size, so a long run that is stopped still leaves its finished sizes.
      await writeResults(results);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  }
  log(`\n${formatTable(results)}\n`);
  log(`(1-minute load average when each size started: ${results.map((result) => `${result.papers}: ${result.loadAverageAtStart}`).join(', ')}; 2 cores)`);
  for (const line of checkTargets(results)) log(line);
  log(`\nwrote bench/results/build.json (full build logs: bench/results/build.log)`);
}

/**
 * Write bench/results/build.json: this run's sizes, plus the sizes of earlier runs that this one did not repeat
 * (so `npm run bench -- 100000` alone keeps the 1k and 10k rows). Each row records when it was measured.
 */
async function writeResults(results: readonly SizeResult[]): Promise<void> {
  const path = join(projectRoot, 'bench', 'results', 'build.json');
  const earlier = existsSync(path) ? ((JSON.parse(await readFile(path, 'utf8')) as { results?: SizeResult[] }).results ?? []) : [];
  const merged = [...earlier.filter((old) => !results.some((result) => result.requested === old.requested)), ...results].sort((a, b) => a.papers - b.papers);
  const machine = { node: process.version, cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg().map((load) => Math.round(load * 10) / 10) };
  await writeFile(path, `${JSON.stringify({ machine, targets: TARGETS, results: merged, table: formatTable(merged), verdicts: checkTargets(merged) }, null, 2)}\n`);
}

await main();
