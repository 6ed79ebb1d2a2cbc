/**
 * Search benchmark: for 1k / 10k / 100k papers of the arXiv OAI-2016 corpus (../shared/corpora), report index build
 * time, bytes fetched before the first result (raw and gzip, total and per paper), index load + first query time in
 * Chromium (cold page), and query latency p50/p95 over a fixed query set with typos and prefixes. Writes
 * bench/results/search.json and prints a table.
 *
 *   node bench/search.ts            # 1k and 10k
 *   node --max-old-space-size=12000 bench/search.ts --full   # adds 100k (about 3 minutes)
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { buildSearchIndex, type SearchSource } from '../src/lib/search/build-index.ts';
import { SearchEngine } from '../src/lib/search/engine.ts';
import { chromiumLaunchOptions } from '../tools/chromium.ts';
import { serveStatic } from '../tools/static-server.ts';

const CORPUS = new URL('../../shared/corpora/arxiv-cs-oai2016.jsonl', import.meta.url).pathname;
/** Typed as a visitor would: whole words, half-typed prefixes, typos (swaps, drops), multi-word. */
export const QUERIES = [
  'neural network', 'neural netw', 'convolutonal', 'reinforcement learn', 'graph', 'compresed sensing', 'wireless',
  'byzantine', 'lattice codes', 'sat solver', 'markov decison', 'cryptograph', 'sparse recovery', 'social netwrok',
  'belief propagation', 'ldpc', 'mimo channel', 'bayesian optimisation', 'model checking', 'genetic algorithm',
  'image segmentaion', 'quantum', 'kernel methods', 'transl',
];
const FIRST_QUERY = 'compressed sens';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function readCorpus(limit: number): SearchSource[] {
  const lines = readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).slice(0, limit);
  return lines.map((line) => {
    const record = JSON.parse(line) as { id: string; title: string; abstract: string };
    return { title: record.title, slug: record.id.replace('/', '-'), abstract: record.abstract, authors: [], year: 0, topic: -1 };
  });
}

async function browserBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { SearchEngine } from './src/lib/search/engine.ts'; window.SearchEngine = SearchEngine;`,
      resolveDir: process.cwd(),
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
  buildMs: number;
  files: number;
  totalGzipBytes: number;
  firstResultRawBytes: number;
  firstResultGzipBytes: number;
  firstResultGzipBytesPerPaper: number;
  chromiumFirstResultMs: number;
  p50Ms: number;
  p95Ms: number;
  typoAndPrefixQueriesWithHits: number;
}

async function measure(count: number, engineScript: string): Promise<Row> {
  const papers = readCorpus(count);
  const started = performance.now();
  const bundle = buildSearchIndex({ papers, topics: [] });
  const buildMs = performance.now() - started;
  const gzip = new Map<string, number>();
  let totalGzipBytes = 0;
  for (const [file, text] of bundle.files) {
    const size = gzipSync(text).length;
    gzip.set(file, size);
    totalGzipBytes += size;
  }

  // Bytes before the first result: manifest, head shards of the first query, doc chunks of the first 8 hits.
  const cold = await SearchEngine.open(async (file) => bundle.files.get(file) ?? '');
  const firstHits = await cold.search(FIRST_QUERY, { stages: 'head' });
  await cold.docs(firstHits.hits.slice(0, 8).map((hit) => hit.id));
  const firstResultRawBytes = cold.fetched.reduce((sum, entry) => sum + Buffer.byteLength(bundle.files.get(entry.file) ?? ''), 0);
  const firstResultGzipBytes = cold.fetched.reduce((sum, entry) => sum + (gzip.get(entry.file) ?? 0), 0);

  // Warm latency in node: every query once to load its shards, then timed runs (full search, both stages).
  const engine = await SearchEngine.open(async (file) => bundle.files.get(file) ?? '');
  let withHits = 0;
  for (const query of QUERIES) if ((await engine.search(query)).hits.length > 0) withHits += 1;
  const times: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const query of QUERIES) {
      const t = performance.now();
      const response = await engine.search(query);
      await engine.docs(response.hits.slice(0, 8).map((hit) => hit.id));
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);

  // Cold page in Chromium: fetch manifest + shards + doc chunks over HTTP, load, answer the first query.
  const dir = join(process.cwd(), 'bench', 'results', `search-site-${count}.tmp`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'search-index'), { recursive: true });
  for (const [file, text] of bundle.files) writeFileSync(join(dir, 'search-index', file), text);
  writeFileSync(join(dir, 'engine.js'), engineScript);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script src="/engine.js"></script>');
  writeFileSync(join(dir, '404.html'), 'not found');
  const server = await serveStatic(dir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage();
  await page.goto(server.url);
  const chromiumFirstResultMs = await page.evaluate(async (query) => {
    const SearchEngineInPage = (window as unknown as { SearchEngine: typeof SearchEngine }).SearchEngine;
    const t = performance.now();
    const pageEngine = await SearchEngineInPage.open((file) => fetch(`/search-index/${file}`).then((response) => response.text()));
    const response = await pageEngine.search(query, { stages: 'head' });
    await pageEngine.docs(response.hits.slice(0, 8).map((hit) => hit.id));
    return performance.now() - t;
  }, FIRST_QUERY);
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });

  return {
    papers: papers.length,
    buildMs: Math.round(buildMs),
    files: bundle.files.size,
    totalGzipBytes,
    firstResultRawBytes,
    firstResultGzipBytes,
    firstResultGzipBytesPerPaper: Number((firstResultGzipBytes / papers.length).toFixed(2)),
    chromiumFirstResultMs: Math.round(chromiumFirstResultMs),
    p50Ms: Number(percentile(times, 50).toFixed(2)),
    p95Ms: Number(percentile(times, 95).toFixed(2)),
    typoAndPrefixQueriesWithHits: withHits,
  };
}

if (!existsSync(CORPUS)) {
  console.log(`bench/search.ts: skipped, ${CORPUS} is absent (the shared corpora are not here).`);
} else {
  const sizes = process.argv.includes('--full') ? [1000, 10_000, 102_538] : [1000, 10_000];
  const engineScript = await browserBundle();
  const rows: Row[] = [];
  for (const size of sizes) rows.push(await measure(size, engineScript));
  const result = {
    corpus: 'arxiv-cs-oai2016.jsonl (first N records)',
    firstQuery: FIRST_QUERY,
    queries: QUERIES,
    engineBundleGzipBytes: gzipSync(engineScript).length,
    rows,
  };
  writeFileSync(new URL('results/search.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  console.table(rows);
  console.log(`engine bundle (MiniSearch + engine, minified): ${result.engineBundleGzipBytes} bytes gzip`);
}
