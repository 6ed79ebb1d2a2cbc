/**
 * /similar/ benchmark: `node bench/similar.ts [10000] [100000] [--site <dist>] [--vectors-cache <dir>]` (default both sizes).
 *
 * 10,000: the first 10k papers of arxiv-cs-oai2016-10k.jsonl are built into a site (astro build, temp folders) and
 * the built dist/ is measured. 100,000: a whole site of 100k pages is a build benchmark of its own (bench/run.ts);
 * here the 100k atlas's vector files are made in this process by the build's own code (buildTopicModel and
 * buildVectorPack, what src/data/vectors.ts runs) and put in place of the 10k dist's /vectors/, so the page, the
 * worker and the files the browser reads are what a 100k build ships.
 *
 * In Chromium, with the dist served by a plain static server, texts from another corpus (arxiv-cs-daily-10k.jsonl,
 * papers the atlas does not hold) are pasted into /similar/:
 * - cold: a fresh browser context per text; every byte fetched from pressing the button to the answer (the worker's
 *   code and the vector files), counted at gzip level 6 as a static host would send it, and the time taken;
 * - warm, new text: one page, 20 further texts after the first answer; time from submit to the rendered answer (the
 *   worker fetches the term and paper shards it has not seen yet, so this includes those fetches);
 * - warm, files held: the same 20 texts again (a space added, so the page asks anew): every file is in the worker;
 *   beside the page's round trip, the time inside the worker (the reply's workerMs), which thread scheduling on a
 *   loaded machine does not inflate as much as the two hops between page and worker.
 * `--site <dist>`: measure in an already built site (its page and worker) instead of building the 10k site; every
 * size then gets vector files made by the build's own code. `--vectors-cache <dir>`: keep each size's vector files in
 * `<dir>/<papers>/` and reuse them on the next run (the 100k topic model takes minutes).
 * Prints a table and writes bench/results/similar.json.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../tools/chromium.ts';
import { serveStatic } from '../tools/static-server.ts';
import { CORPORA_DIR, FULL_FILE, SAMPLE_FILE, readCorpus, writeMarkdownCorpus } from './corpus.ts';
import { runMeasured } from './measure.ts';
import { buildTopicModel } from '../src/lib/topics/pipeline.ts';
import { buildVectorPack } from '../src/lib/vectors/pack.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const QUERY_FILE = join(CORPORA_DIR, 'arxiv-cs-daily-10k.jsonl');
const ASTRO_BIN = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const RESULTS_FILE = join(projectRoot, 'bench', 'results', 'similar.json');
const COLD_QUERIES = 5;
const WARM_QUERIES = 20;
const TARGETS: Record<number, { gzipBytes: number; warmMs: number }> = {
  10000: { gzipBytes: 1.5 * 1024 * 1024, warmMs: 50 },
  100000: { gzipBytes: 4 * 1024 * 1024, warmMs: 150 },
};

interface SizeResult {
  papers: number;
  measuredAt: string;
  loadAverageAtStart: number;
  howBuilt: string;
  vectorFiles: { files: number; bytes: number; gzipBytes: number };
  cold: { medianGzipBytes: number; maxGzipBytes: number; medianFiles: number; medianMs: number };
  warm: { medianMs: number; p95Ms: number; maxMs: number };
  /** The same 20 texts asked again: every file already in the worker, so this is the answer's own time. */
  repeat?: { medianMs: number; p95Ms: number; maxMs: number };
  /** Of `repeat`, the time inside the worker (its reply's workerMs): the answer's work without the two thread hops. */
  repeatWorker?: { medianMs: number; p95Ms: number; maxMs: number };
  /** Mean 1-minute load average while the browser measured (sampled every 2 s). */
  loadAverageDuring?: number;
}

function log(line: string): void {
  console.log(line);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

async function buildSite(papers: number, workDir: string): Promise<string> {
  const records = await readCorpus(SAMPLE_FILE, papers);
  const contentDir = join(workDir, 'content');
  const outDir = join(workDir, 'dist');
  await writeMarkdownCorpus(contentDir, records);
  log(`building a site of ${records.length} papers…`);
  const run = await runMeasured(process.execPath, [ASTRO_BIN, 'build'], {
    cwd: projectRoot,
    env: { ...process.env, ATLAS_CONTENT: contentDir, ATLAS_OUT_DIR: outDir, ATLAS_CACHE_DIR: join(workDir, 'cache'), NO_COLOR: '1', CI: 'true' },
    echo: (line) => {
      if (/\[atlas\] vectors/.test(line)) log(`  ${line.trim()}`);
    },
  });
  if (run.exitCode !== 0) throw new Error(`astro build exited with ${run.exitCode}\n${run.lines.slice(-30).map((line) => line.text).join('\n')}`);
  log(`  built in ${run.seconds.toFixed(0)} s`);
  return outDir;
}

/**
 * The vector files of an atlas of `papers` papers, made by the build's own code (buildTopicModel + buildVectorPack,
 * what src/data/vectors.ts runs) into `vectorDir`: 10,000 from arxiv-cs-oai2016-10k.jsonl (the papers the astro build
 * reads), more from arxiv-cs-oai2016.jsonl. With a cache folder, kept in `<cache>/<papers>/` and reused.
 */
async function makeVectors(papers: number, vectorDir: string, cacheDir: string | undefined): Promise<void> {
  const cached = cacheDir === undefined ? undefined : join(cacheDir, String(papers));
  if (cached && existsSync(join(cached, 'manifest.json'))) {
    log(`  vector files of ${papers} papers from ${cached}`);
    await cp(cached, vectorDir, { recursive: true });
    return;
  }
  const records = papers <= 10_000 ? await readCorpus(SAMPLE_FILE, papers) : await readCorpus(FULL_FILE, papers >= 100_000 ? Number.POSITIVE_INFINITY : papers);
  const inputs = records.map((record, index) => ({ slug: `paper-${index}`, title: record.title, abstract: record.abstract }));
  log(`fitting the topic model of ${inputs.length} papers…`);
  const startedMs = performance.now();
  const model = buildTopicModel(inputs, { seed: 1 });
  const pack = buildVectorPack({ papers: inputs, atlas: model.atlas, termKeys: model.termKeys, termBasis: model.termBasis, dimensions: model.dimensions });
  log(`  topic model and vector files in ${((performance.now() - startedMs) / 1000).toFixed(0)} s`);
  for (const [path, bytes] of pack.files) {
    await mkdir(join(vectorDir, path, '..'), { recursive: true });
    await writeFile(join(vectorDir, path), bytes);
  }
  if (cached) await cp(vectorDir, cached, { recursive: true });
}

async function vectorFolderSize(distDir: string): Promise<{ files: number; bytes: number; gzipBytes: number }> {
  const manifest = JSON.parse(await readFile(join(distDir, 'vectors', 'manifest.json'), 'utf8')) as { termShardCount: number };
  const { readdir } = await import('node:fs/promises');
  const paths = ['manifest.json', 'topics.bin', ...Array.from({ length: manifest.termShardCount }, (_, shard) => `terms/${shard}.bin`)];
  paths.push(...(await readdir(join(distDir, 'vectors', 'papers'))).map((name) => `papers/${name}`));
  let bytes = 0;
  let gzipBytes = 0;
  for (const path of paths) {
    const data = await readFile(join(distDir, 'vectors', path));
    bytes += data.length;
    gzipBytes += gzipSync(data, { level: 6 }).length;
  }
  return { files: paths.length, bytes, gzipBytes };
}

/** Paste a text, submit, and wait for the answer; returns the time from submit to the rendered answer. */
async function timedQuery(page: import('@playwright/test').Page, text: string): Promise<number> {
  return page.evaluate(async (query) => {
    const root = document.querySelector<HTMLElement>('[data-similar-page]')!;
    const input = root.querySelector<HTMLTextAreaElement>('textarea[data-similar-input]')!;
    const form = root.querySelector<HTMLFormElement>('form[data-similar-form]')!;
    const answered = new Promise<number>((resolveAnswer) => {
      const observer = new MutationObserver(() => {
        if (root.getAttribute('aria-busy') === 'true') return;
        observer.disconnect();
        resolveAnswer(performance.now());
      });
      observer.observe(root, { attributes: true, attributeFilter: ['aria-busy'] });
    });
    input.value = query;
    const startedMs = performance.now();
    form.requestSubmit();
    return (await answered) - startedMs;
  }, text);
}

async function measure(browser: Browser, distDir: string, texts: string[]): Promise<Pick<SizeResult, 'cold' | 'warm' | 'repeat' | 'repeatWorker'>> {
  const site = await serveStatic(distDir);
  const gzipCache = new Map<string, number>();
  const gzipSizeOf = async (url: string): Promise<number> => {
    const path = decodeURIComponent(new URL(url).pathname);
    if (!gzipCache.has(path)) {
      const file = join(distDir, path);
      gzipCache.set(path, existsSync(file) ? gzipSync(await readFile(file), { level: 6 }).length : 0);
    }
    return gzipCache.get(path)!;
  };
  try {
    const coldBytes: number[] = [];
    const coldFiles: number[] = [];
    const coldMs: number[] = [];
    for (const text of texts.slice(0, COLD_QUERIES)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(new URL('similar/', site.url).href, { waitUntil: 'networkidle' });
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(request.url()));
      const ms = await timedQuery(page, text);
      const answered = await page.locator('[data-similar-papers] > li').count();
      if (answered < 10) throw new Error(`a cold query listed ${answered} papers: ${await page.locator('[data-similar-status]').textContent()}`);
      let bytes = 0;
      for (const url of fetched) bytes += await gzipSizeOf(url);
      coldBytes.push(bytes);
      coldFiles.push(fetched.length);
      coldMs.push(ms);
      await context.close();
    }
    const page = await browser.newPage();
    // The worker's own time of each answer (its reply carries workerMs), read beside the page's round trip.
    await page.addInitScript(() => {
      const PageWorker = window.Worker;
      const times: number[] = [];
      Object.assign(window, { similarWorkerMs: times });
      window.Worker = class extends PageWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener('message', (event: MessageEvent<{ workerMs?: number }>) => {
            if (typeof event.data.workerMs === 'number') times.push(event.data.workerMs);
          });
        }
      };
    });
    await page.goto(new URL('similar/', site.url).href, { waitUntil: 'networkidle' });
    await timedQuery(page, texts[0]!);
    const warmMs: number[] = [];
    for (const text of texts.slice(COLD_QUERIES, COLD_QUERIES + WARM_QUERIES)) warmMs.push(await timedQuery(page, text));
    const repeatMs: number[] = [];
    await page.evaluate(() => (window as unknown as { similarWorkerMs: number[] }).similarWorkerMs.splice(0));
    for (const text of texts.slice(COLD_QUERIES, COLD_QUERIES + WARM_QUERIES)) repeatMs.push(await timedQuery(page, `${text} `));
    const workerMs = await page.evaluate(() => (window as unknown as { similarWorkerMs: number[] }).similarWorkerMs.slice());
    if (workerMs.length !== repeatMs.length) throw new Error(`${workerMs.length} worker replies for ${repeatMs.length} questions`);
    await page.close();
    return {
      cold: { medianGzipBytes: median(coldBytes), maxGzipBytes: Math.max(...coldBytes), medianFiles: median(coldFiles), medianMs: Math.round(median(coldMs)) },
      warm: { medianMs: Math.round(median(warmMs)), p95Ms: Math.round(percentile(warmMs, 0.95)), maxMs: Math.round(Math.max(...warmMs)) },
      repeat: { medianMs: Math.round(median(repeatMs)), p95Ms: Math.round(percentile(repeatMs, 0.95)), maxMs: Math.round(Math.max(...repeatMs)) },
      repeatWorker: { medianMs: round1(median(workerMs)), p95Ms: round1(percentile(workerMs, 0.95)), maxMs: round1(Math.max(...workerMs)) },
    };
  } finally {
    await site.close();
  }
}

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? undefined : resolve(process.argv[index + 1] ?? '');
}
const givenSite = flag('site');
const vectorsCache = flag('vectors-cache');
const sizes = process.argv.slice(2).filter((argument, index, all) => !all[index - 1]?.startsWith('--')).map(Number).filter((size) => size > 0);
const requested = sizes.length > 0 ? sizes : [10_000, 100_000];
const queryRecords = await readCorpus(QUERY_FILE, COLD_QUERIES + WARM_QUERIES);
const texts = queryRecords.map((record) => `${record.title}\n\n${record.abstract}`);
const workDir = await mkdtemp(join(tmpdir(), 'atlas-similar-bench-'));
const previous = existsSync(RESULTS_FILE) ? (JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as { results: SizeResult[] }).results : [];
const results: SizeResult[] = [];
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const siteDir = givenSite ?? (await buildSite(10_000, join(workDir, 'site')));
  const siteName = givenSite ? `the built site ${relative(projectRoot, givenSite) || '.'}/` : 'the 10k dist';
  for (const papers of requested) {
    const measuredAt = new Date().toISOString();
    const loadAverageAtStart = Math.round((loadavg()[0] ?? 0) * 10) / 10;
    let distDir = siteDir;
    let howBuilt = 'astro build of the first 10,000 papers of arxiv-cs-oai2016-10k.jsonl';
    if (papers !== 10_000 || givenSite) {
      distDir = join(workDir, `dist-${papers}`);
      await cp(siteDir, distDir, { recursive: true });
      await rm(join(distDir, 'vectors'), { recursive: true, force: true });
      await makeVectors(papers, join(distDir, 'vectors'), vectorsCache);
      const source = papers <= 10_000 ? `the first ${papers} papers of arxiv-cs-oai2016-10k.jsonl` : `${papers >= 100_000 ? 'all 102,538' : `the first ${papers}`} papers of arxiv-cs-oai2016.jsonl`;
      howBuilt = `${siteName} with /vectors/ of ${source} (buildTopicModel + buildVectorPack)`;
    }
    const vectorFiles = await vectorFolderSize(distDir);
    log(`measuring ${papers} papers in Chromium…`);
    const loadSamples = [loadavg()[0] ?? 0];
    const sampler = setInterval(() => loadSamples.push(loadavg()[0] ?? 0), 2000);
    const measured = await measure(browser, distDir, texts).finally(() => clearInterval(sampler));
    const loadAverageDuring = round1(loadSamples.reduce((sum, value) => sum + value, 0) / loadSamples.length);
    results.push({ papers, measuredAt, loadAverageAtStart, loadAverageDuring, howBuilt, vectorFiles, ...measured });
  }
} finally {
  await browser.close();
  await rm(workDir, { recursive: true, force: true });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const table = [
  ['papers', 'load avg', 'all vector files (gzip)', 'cold: bytes to 1st answer (median / max, gzip)', 'cold: files', 'cold: ms', 'warm, new text: ms (median / p95 / max)', 'warm, files held: ms (median / p95 / max)', 'of which in the worker: ms (median / p95 / max)', 'targets'],
  ...[...previous.filter((result) => !results.some((fresh) => fresh.papers === result.papers)), ...results].sort((a, b) => a.papers - b.papers).map((result) => {
    const target = TARGETS[result.papers];
    const verdict = target
      ? `${result.cold.maxGzipBytes <= target.gzipBytes ? 'bytes ok' : 'BYTES OVER'} (≤ ${kb(target.gzipBytes)}), ${(result.repeat ?? result.warm).medianMs <= target.warmMs ? 'warm ok' : 'WARM OVER'} (≤ ${target.warmMs} ms)`
      : '';
    return [
      String(result.papers),
      String(result.loadAverageDuring ?? result.loadAverageAtStart),
      `${result.vectorFiles.files} files, ${kb(result.vectorFiles.gzipBytes)}`,
      `${kb(result.cold.medianGzipBytes)} / ${kb(result.cold.maxGzipBytes)}`,
      String(result.cold.medianFiles),
      String(result.cold.medianMs),
      `${result.warm.medianMs} / ${result.warm.p95Ms} / ${result.warm.maxMs}`,
      result.repeat ? `${result.repeat.medianMs} / ${result.repeat.p95Ms} / ${result.repeat.maxMs}` : 'not measured',
      result.repeatWorker ? `${result.repeatWorker.medianMs} / ${result.repeatWorker.p95Ms} / ${result.repeatWorker.maxMs}` : 'not measured',
      verdict,
    ];
  }),
];
const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
const lines = table.map((row) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`);
lines.splice(1, 0, `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`);
console.log(`\n${lines.join('\n')}`);
const kept = previous.filter((result) => !results.some((fresh) => fresh.papers === result.papers));
await mkdir(join(projectRoot, 'bench', 'results'), { recursive: true });
await writeFile(
  RESULTS_FILE,
  `${JSON.stringify({ machine: `${process.platform} ${process.arch}, ${cpus().length} cores, node ${process.version}`, targets: TARGETS, results: [...kept, ...results].sort((a, b) => a.papers - b.papers), table: lines }, null, 2)}\n`,
);
