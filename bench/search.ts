/**
 * Search benchmark on the index the site ships: for 1k / 10k (and with --full the whole 102k) papers of the arXiv
 * OAI-2016 corpus (../shared/corpora; the sizes and subsets of `npm run bench`), build the atlas with
 * ATLAS_CONTENT, then measure its published `search-index/` files: their count and total size (raw and gzip), the
 * bytes fetched before the first result (raw and gzip, total and per paper), index load + first query in Chromium
 * (cold page served from that dist/), and warm query latency p50/p95 in Node over the fixed query set (typos and
 * prefixes). Writes bench/results/search.json and prints a table.
 *
 *   node bench/search.ts            # 1k and 10k (about 2 minutes)
 *   node bench/search.ts --full     # adds 102k (about 15 minutes: the whole atlas is built)
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { SearchEngine } from '../src/lib/search/engine.ts';
import { chromiumLaunchOptions } from '../tools/chromium.ts';
import { serveStatic } from '../tools/static-server.ts';
import { astroBuild, makeBuildDir, projectRoot } from './atlas-build.ts';
import { parseBuildLog } from './build-log.ts';
import { FULL_SIZE, SAMPLE_FILE, readCorpusForSize, writeMarkdownCorpus } from './corpus.ts';
import { readPublishedSearchIndex } from './published-search.ts';
import { FIRST_QUERY, QUERIES, percentile } from './queries.ts';

/** Results shown at once (their records loaded), as on /search/. */
const SHOWN = 8;
const LATENCY_ROUNDS = 5;
const logFile = join(projectRoot, 'bench', 'results', 'search-build.log');

async function browserBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { SearchEngine } from './src/lib/search/engine.ts'; window.SearchEngine = SearchEngine;`,
      resolveDir: projectRoot,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
  });
  return result.outputFiles[0]?.text ?? '';
}

interface Row {
  papers: number;
  /** The build's search-index stage (the part not overlapped with the topic step), from its log. */
  indexStageSeconds: number | null;
  buildSeconds: number;
  files: number;
  totalBytes: number;
  totalGzipBytes: number;
  firstResultRawBytes: number;
  firstResultGzipBytes: number;
  firstResultGzipBytesPerPaper: number;
  chromiumFirstResultMs: number;
  p50Ms: number;
  p95Ms: number;
  queriesWithHits: number;
}

async function measure(size: number, workDir: string, buildDir: string, engineScript: string): Promise<Row> {
  const { records } = await readCorpusForSize(size);
  const contentDir = join(workDir, `content-${records.length}`);
  const outDir = join(buildDir, `dist-${records.length}`);
  await writeMarkdownCorpus(contentDir, records);
  const run = await astroBuild(projectRoot, { ATLAS_CONTENT: contentDir, ATLAS_OUT_DIR: outDir, ATLAS_CACHE_DIR: join(buildDir, `cache-${records.length}`) }, `search ${records.length}`, logFile);
  const published = await readPublishedSearchIndex(outDir);
  const text = (file: string): Uint8Array => published.get(file) ?? new Uint8Array(0);
  const gzip = new Map([...published].map(([file, body]) => [file, gzipSync(body).length]));
  const totalBytes = [...published.values()].reduce((sum, body) => sum + body.length, 0);
  const totalGzipBytes = [...gzip.values()].reduce((sum, bytes) => sum + bytes, 0);

  // Bytes before the first result: manifest, head shards of the first query, records of the first hits shown.
  const cold = await SearchEngine.open(async (file) => text(file));
  const firstHits = await cold.search(FIRST_QUERY, { stages: 'head' });
  await cold.docs(firstHits.hits.slice(0, SHOWN).map((hit) => hit.id));
  const firstResultRawBytes = cold.fetched.reduce((sum, entry) => sum + (published.get(entry.file)?.length ?? 0), 0);
  const firstResultGzipBytes = cold.fetched.reduce((sum, entry) => sum + (gzip.get(entry.file) ?? 0), 0);

  // Warm latency in Node: every query once to load its shards, then timed runs (full search, both stages).
  const engine = await SearchEngine.open(async (file) => text(file));
  let queriesWithHits = 0;
  for (const query of QUERIES) if ((await engine.search(query)).hits.length > 0) queriesWithHits += 1;
  const times: number[] = [];
  for (let round = 0; round < LATENCY_ROUNDS; round += 1) {
    for (const query of QUERIES) {
      const started = performance.now();
      const response = await engine.search(query);
      await engine.docs(response.hits.slice(0, SHOWN).map((hit) => hit.id));
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);

  // Cold page in Chromium: the built dist/ served as a host would (gzip), the engine alone on a blank page.
  const server = await serveStatic(outDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  let chromiumFirstResultMs: number;
  try {
    const page = await browser.newPage();
    await page.route('**/__search-bench__/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>bench</title>' }));
    await page.goto(new URL('__search-bench__/', server.url).href);
    await page.addScriptTag({ content: engineScript });
    chromiumFirstResultMs = await page.evaluate(
      async ({ query, shown }) => {
        const SearchEngineInPage = (window as unknown as { SearchEngine: typeof SearchEngine }).SearchEngine;
        const started = performance.now();
        const pageEngine = await SearchEngineInPage.open(async (file) => new Uint8Array(await (await fetch(`/search-index/${file}`)).arrayBuffer()));
        const response = await pageEngine.search(query, { stages: 'head' });
        await pageEngine.docs(response.hits.slice(0, shown).map((hit) => hit.id));
        return performance.now() - started;
      },
      { query: FIRST_QUERY, shown: SHOWN },
    );
  } finally {
    await browser.close();
    await server.close();
    await rm(contentDir, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  }

  return {
    papers: records.length,
    indexStageSeconds: parseBuildLog(run.lines).indexSeconds ?? null,
    buildSeconds: Math.round(run.seconds * 10) / 10,
    files: published.size,
    totalBytes,
    totalGzipBytes,
    firstResultRawBytes,
    firstResultGzipBytes,
    firstResultGzipBytesPerPaper: Number((firstResultGzipBytes / records.length).toFixed(2)),
    chromiumFirstResultMs: Math.round(chromiumFirstResultMs),
    p50Ms: Number(percentile(times, 50).toFixed(2)),
    p95Ms: Number(percentile(times, 95).toFixed(2)),
    queriesWithHits,
  };
}

if (!existsSync(SAMPLE_FILE)) {
  console.log(`bench/search.ts: skipped, ${SAMPLE_FILE} is absent (the shared corpora are not here).`);
} else {
  const sizes = process.argv.includes('--full') ? [1000, 10_000, FULL_SIZE] : [1000, 10_000];
  const engineScript = await browserBundle();
  await writeFile(logFile, '');
  const workDir = await mkdtemp(join(tmpdir(), 'atlas-search-bench-'));
  const buildDir = await makeBuildDir();
  const rows: Row[] = [];
  try {
    for (const size of sizes) rows.push(await measure(size, workDir, buildDir, engineScript));
  } finally {
    await rm(workDir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  }
  const result = {
    measuredAt: new Date().toISOString(),
    corpus: 'the sizes of npm run bench: first N of arxiv-cs-oai2016-10k.jsonl up to 10k, all of arxiv-cs-oai2016.jsonl for --full',
    measured: 'the search-index/ files of the built dist/ (ATLAS_CONTENT build, topics included)',
    firstQuery: FIRST_QUERY,
    queries: QUERIES,
    engineBundleGzipBytes: gzipSync(engineScript).length,
    rows,
  };
  await writeFile(join(projectRoot, 'bench', 'results', 'search.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.table(rows);
  console.log(`engine bundle (MiniSearch + engine, minified): ${result.engineBundleGzipBytes} bytes gzip`);
}
