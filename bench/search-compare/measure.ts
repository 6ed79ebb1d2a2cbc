import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { serveStatic } from '../../tools/static-server.ts';
import { FIRST_QUERY, INTENDED, QUERIES, percentile } from '../queries.ts';
import { SHOWN, type Built, type Engine, type Paper, type Searcher } from './engine.ts';
import type { KnownItem } from './known-items.ts';

// How an engine is measured: bytes (raw, gzip, what a cold page fetched), answer quality, latency in Node and Chromium.

const LATENCY_ROUNDS = 5;

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}

export interface ByteCount {
  raw: number;
  gzip: number;
}

/** Raw and gzip size of a published file; Pagefind's index files are gzip already (magic 1f 8b). */
export function sizeOf(bytes: Buffer): ByteCount {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { raw: gunzipSync(bytes).length, gzip: bytes.length };
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

export function sumSizes(files: Map<string, Buffer>, names: Iterable<string>): ByteCount {
  const total = { raw: 0, gzip: 0 };
  for (const name of names) {
    const bytes = files.get(name);
    if (!bytes) continue;
    const size = sizeOf(bytes);
    total.raw += size.raw;
    total.gzip += size.gzip;
  }
  return total;
}

/** Library code and UI assets (JS, CSS, wasm) as opposed to index data. */
export function isLibraryFile(name: string): boolean {
  return name.endsWith('.js') || name.endsWith('.css') || name.includes('wasm');
}

export interface QualityCounts {
  fixedQueriesWithHits: number;
  /** Fixed-set typo / half-typed queries whose top 10 holds the engine's own #1 for the intended spelling. */
  fixedTypoAndPrefixHits: number;
  fixedTypoAndPrefixQueries: number;
  knownItemExactHits: number;
  knownItemTypoHits: number;
  knownItemPrefixHits: number;
  knownItemSingleWordHits: number;
  knownItemSingleWordTypoHits: number;
  knownItems: number;
}

export async function measureQuality(search: (query: string) => Promise<string[]>, items: KnownItem[]): Promise<QualityCounts> {
  let fixedQueriesWithHits = 0;
  for (const query of QUERIES) if ((await search(query)).length > 0) fixedQueriesWithHits += 1;
  let fixedTypoAndPrefixHits = 0;
  for (const [typed, intended] of Object.entries(INTENDED)) {
    const target = (await search(intended))[0];
    if (target !== undefined && (await search(typed)).includes(target)) fixedTypoAndPrefixHits += 1;
  }
  const counts = { exact: 0, typo: 0, prefix: 0, single: 0, singleTypo: 0 };
  for (const item of items) {
    if ((await search(item.exact)).includes(item.key)) counts.exact += 1;
    if ((await search(item.typo)).includes(item.key)) counts.typo += 1;
    if ((await search(item.prefix)).includes(item.key)) counts.prefix += 1;
    if ((await search(item.single)).includes(item.key)) counts.single += 1;
    if ((await search(item.singleTypo)).includes(item.key)) counts.singleTypo += 1;
  }
  return {
    fixedQueriesWithHits,
    fixedTypoAndPrefixHits,
    fixedTypoAndPrefixQueries: Object.keys(INTENDED).length,
    knownItemExactHits: counts.exact,
    knownItemTypoHits: counts.typo,
    knownItemPrefixHits: counts.prefix,
    knownItemSingleWordHits: counts.single,
    knownItemSingleWordTypoHits: counts.singleTypo,
    knownItems: items.length,
  };
}

export async function nodeLatency(searcher: Searcher): Promise<{ p50Ms: number; p95Ms: number }> {
  for (const query of QUERIES) await searcher.search(query, SHOWN);
  const times: number[] = [];
  for (let round = 0; round < LATENCY_ROUNDS; round += 1) {
    for (const query of QUERIES) {
      const started = performance.now();
      await searcher.search(query, SHOWN);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)) };
}

export interface ChromiumResult {
  /** Data files fetched by a cold page before the first result shows (library files excluded). */
  firstResultFiles: string[];
  firstResult: ByteCount;
  library: ByteCount;
  firstResultMs: number;
  p50Ms: number;
  p95Ms: number;
  quality?: QualityCounts;
}

export async function measureInChromium(browser: Browser, built: Built, items: KnownItem[], withQuality: boolean): Promise<ChromiumResult> {
  const dir = mkdtempSync(join(tmpdir(), 'search-compare-site-'));
  for (const [name, bytes] of built.files) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  writeFileSync(join(dir, 'harness.js'), built.harness);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><script src="/harness.js"></script>');
  writeFileSync(join(dir, '404.html'), 'not found');
  const server = await serveStatic(dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(decodeURIComponent(new URL(request.url()).pathname.slice(1))));
  try {
    await page.goto(server.url);
    const firstResultMs = await page.evaluate(async (query) => {
      const harness = (window as unknown as { harness: { open(): Promise<void>; first(q: string): Promise<void> } }).harness;
      const started = performance.now();
      await harness.open();
      await harness.first(query);
      return performance.now() - started;
    }, FIRST_QUERY);
    const coldFiles = [...new Set(requested)].filter((name) => built.files.has(name));
    const libraryFiles = [...coldFiles.filter(isLibraryFile)];
    const firstResultFiles = coldFiles.filter((name) => !isLibraryFile(name));
    const harnessBytes = Buffer.from(built.harness);
    const library = sumSizes(new Map([...built.files, ['harness.js', harnessBytes]]), [...libraryFiles, 'harness.js']);

    const times = await page.evaluate(
      async ({ queries, rounds, shown }) => {
        const harness = (window as unknown as { harness: { search(q: string, shown: number): Promise<string[]> } }).harness;
        for (const query of queries) await harness.search(query, shown);
        const measured: number[] = [];
        for (let round = 0; round < rounds; round += 1) {
          for (const query of queries) {
            const started = performance.now();
            await harness.search(query, shown);
            measured.push(performance.now() - started);
          }
        }
        return measured;
      },
      { queries: QUERIES, rounds: LATENCY_ROUNDS, shown: SHOWN },
    );
    times.sort((a, b) => a - b);
    const quality = withQuality
      ? await measureQuality(
          (query) =>
            page.evaluate(
              ([q, shown]) => (window as unknown as { harness: { search(q: string, shown: number): Promise<string[]> } }).harness.search(q, shown),
              [query, SHOWN] as const,
            ),
          items,
        )
      : undefined;
    return {
      firstResultFiles,
      firstResult: sumSizes(built.files, firstResultFiles),
      library,
      firstResultMs: Math.round(firstResultMs),
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      ...(quality ? { quality } : {}),
    };
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Row {
  corpus: string;
  papers: number;
  engine: string;
  buildMs: number;
  /** All published index files (gzip), what a host stores. */
  totalGzipBytes: number;
  firstResultRawBytes: number;
  firstResultGzipBytes: number;
  /** Data files a cold page fetched before the first result. */
  firstResultFiles: number;
  libraryGzipBytes: number;
  nodeP50Ms: number | null;
  nodeP95Ms: number | null;
  chromiumFirstResultMs: number;
  chromiumP50Ms: number;
  chromiumP95Ms: number;
  quality: QualityCounts;
}

export async function measureEngine(engine: Engine, corpus: string, papers: Paper[], items: KnownItem[], browser: Browser): Promise<Row> {
  const built = await engine.build(papers);
  console.log(`  ${engine.name}: built in ${Math.round(built.buildMs)} ms`);
  let node: { p50Ms: number; p95Ms: number } | undefined;
  let quality: QualityCounts | undefined;
  if (built.open) {
    const searcher = await built.open();
    quality = await measureQuality((query) => searcher.search(query, SHOWN), items);
    node = await nodeLatency(searcher);
  }
  const inChromium = await measureInChromium(browser, built, items, quality === undefined);
  quality ??= inChromium.quality;
  if (!quality) throw new Error(`${engine.name}: no quality counts`);
  // Single-index engines: everything they ship must arrive before the first result; the fetch log agrees.
  const firstResult = built.upfront ? sumSizes(built.files, built.upfront) : inChromium.firstResult;
  return {
    corpus,
    papers: papers.length,
    engine: engine.name,
    buildMs: Math.round(built.buildMs),
    totalGzipBytes: sumSizes(built.files, [...built.files.keys()].filter((name) => !isLibraryFile(name))).gzip,
    firstResultRawBytes: firstResult.raw,
    firstResultGzipBytes: firstResult.gzip,
    firstResultFiles: built.upfront ? built.upfront.length : inChromium.firstResultFiles.length,
    libraryGzipBytes: inChromium.library.gzip,
    nodeP50Ms: node?.p50Ms ?? null,
    nodeP95Ms: node?.p95Ms ?? null,
    chromiumFirstResultMs: inChromium.firstResultMs,
    chromiumP50Ms: inChromium.p50Ms,
    chromiumP95Ms: inChromium.p95Ms,
    quality,
  };
}

export function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`;
}

export function markdownTable(rows: Row[]): string {
  const header =
    '| corpus | engine | build | first result raw / gzip (files) | lib gzip | Node p50 / p95 | Chromium cold first result | Chromium p50 / p95 | typo hits | prefix hits | exact hits | 1-word typo / exact | fixed-set typo+prefix |';
  const rule = `|${' --- |'.repeat(13)}`;
  const lines = rows.map((row) => {
    const q = row.quality;
    const node = row.nodeP50Ms === null ? 'n/a (no Node API)' : `${row.nodeP50Ms} / ${row.nodeP95Ms} ms`;
    return `| ${row.corpus} | ${row.engine} | ${(row.buildMs / 1000).toFixed(1)} s | ${kib(row.firstResultRawBytes)} / ${kib(row.firstResultGzipBytes)} (${row.firstResultFiles}) | ${kib(row.libraryGzipBytes)} | ${node} | ${row.chromiumFirstResultMs} ms | ${row.chromiumP50Ms} / ${row.chromiumP95Ms} ms | ${q.knownItemTypoHits}/${q.knownItems} | ${q.knownItemPrefixHits}/${q.knownItems} | ${q.knownItemExactHits}/${q.knownItems} | ${q.knownItemSingleWordTypoHits} / ${q.knownItemSingleWordHits} | ${q.fixedTypoAndPrefixHits}/${q.fixedTypoAndPrefixQueries} |`;
  });
  return [header, rule, ...lines].join('\n');
}
