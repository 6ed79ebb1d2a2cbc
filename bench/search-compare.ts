/**
 * Our search next to what a user would pick instead: FlexSearch, Lunr and Pagefind, on the same arXiv OAI-2016
 * corpus and the same fixed query set as bench/search.ts. For each engine: index build time, bytes before the
 * first result (raw and gzip; whole serialized index + display records for single-index engines, the files its JS
 * actually requested for Pagefind and our sharded index), library bytes, query latency p50/p95 in Node and in
 * Chromium, and known-item typo and prefix hits. Writes bench/results/search-compare.json and prints a table.
 *
 *   node --max-old-space-size=14000 bench/search-compare.ts          # 10k corpus (about 3 minutes)
 *   node --max-old-space-size=14000 bench/search-compare.ts --full   # adds the 102k corpus (about 30 minutes)
 *   node bench/search-compare.ts --only=lunr,pagefind                 # engines whose name contains one of these
 *
 * How each alternative is configured (what its docs suggest for search-as-you-type over title + abstract):
 * - FlexSearch 0.8: a `Document` over title and abstract, `tokenize: 'forward'` (prefixes), `suggest: true`,
 *   `merge: true`; once with the default encoder and once with `Charset.LatinExtra`, its most typo-tolerant
 *   (phonetic) Latin encoder. Exported with `export()` into one JSON file, loaded with `import()`.
 * - Lunr 2.3: title (boost 3) and abstract; each query word is looked up stemmed (boost 10), with an edit distance
 *   scaled like ours (1 up to 7 letters, 2 beyond) and, for the word being typed, as a trailing wildcard.
 * - Pagefind 1.6: one HTML page per paper (`<h1>` title, `<p>` abstract) added with `addHTMLFile`, so the title gets
 *   Pagefind's heading weight, written with `writeFiles`; searched with its own `pagefind.js` + WebAssembly in
 *   Chromium (it has no Node search API).
 * Single-index engines need the title and snippet of a hit to show it, so they ship a `docs.json` (title, slug,
 * 420-character snippet per paper), the same records our doc chunks hold.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Browser } from '@playwright/test';
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import * as pagefind from 'pagefind';
import { buildSearchIndex, clipText, type SearchSource } from '../src/lib/search/build-index.ts';
import { SearchEngine } from '../src/lib/search/engine.ts';
import { fuzzyDistance } from '../src/lib/search/options.ts';
import { chromiumLaunchOptions } from '../tools/chromium.ts';
import { serveStatic } from '../tools/static-server.ts';

const CORPORA = {
  '10k': new URL('../../shared/corpora/arxiv-cs-oai2016-10k.jsonl', import.meta.url).pathname,
  '102k': new URL('../../shared/corpora/arxiv-cs-oai2016.jsonl', import.meta.url).pathname,
} as const;

// Copied from bench/search.ts (importing it would run that benchmark): typed as a visitor would.
const QUERIES = [
  'neural network', 'neural netw', 'convolutonal', 'reinforcement learn', 'graph', 'compresed sensing', 'wireless',
  'byzantine', 'lattice codes', 'sat solver', 'markov decison', 'cryptograph', 'sparse recovery', 'social netwrok',
  'belief propagation', 'ldpc', 'mimo channel', 'bayesian optimisation', 'model checking', 'genetic algorithm',
  'image segmentaion', 'quantum', 'kernel methods', 'transl',
];
const FIRST_QUERY = 'compressed sens';
/** Results shown at once (display records loaded), as on /search/. */
const SHOWN = 8;
/** Known-item queries: a hit means the intended paper is in the top TOP_K. */
const TOP_K = 10;
const KNOWN_ITEMS = 60;
const LATENCY_ROUNDS = 5;
/** An engine whose index build takes longer than this is skipped for the larger corpora. */
const BUILD_BUDGET_MS = 5 * 60 * 1000;
const SNIPPET_CHARS = 420;

type Paper = SearchSource;
type DisplayRecord = [title: string, slug: string, snippet: string];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}

function readCorpus(path: string): Paper[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const record = JSON.parse(line) as { id: string; title: string; abstract: string };
      return { title: record.title, slug: record.id.replace('/', '-'), abstract: record.abstract, authors: [], year: 0, topic: -1 };
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Known-item queries: two rare title words of a paper, typed exactly, with a typo, or with the last word half-typed.

interface KnownItem {
  /** Position of the intended paper in the corpus. */
  key: string;
  exact: string;
  typo: string;
  prefix: string;
  /** The rarer word alone, exact and misspelled: the typo must be forgiven, no other word can rescue it. */
  single: string;
  singleTypo: string;
}

const TITLE_WORD = /^[a-z]{6,}$/;

/** One deterministic typo in the middle of `word`: a dropped, swapped or replaced letter (by `kind`). */
function misspell(word: string, kind: number): string {
  const mid = Math.floor(word.length / 2);
  if (kind === 0) return word.slice(0, mid) + word.slice(mid + 1);
  if (kind === 1) return word.slice(0, mid - 1) + word[mid] + word[mid - 1] + word.slice(mid + 1);
  const replaced = word[mid] === 'z' ? 'a' : String.fromCharCode(word.charCodeAt(mid) + 1);
  return word.slice(0, mid) + replaced + word.slice(mid + 1);
}

/**
 * Evenly spaced papers whose titles have two words of 6+ letters; the two such words found in the fewest titles
 * (ties by spelling), in title order, make the query. The typo goes into the longer word.
 */
function knownItems(papers: Paper[]): KnownItem[] {
  const wordsOf = papers.map((paper) => [...new Set(paper.title.toLowerCase().split(/[^a-z]+/).filter((word) => TITLE_WORD.test(word)))]);
  const titleFrequency = new Map<string, number>();
  for (const words of wordsOf) for (const word of words) titleFrequency.set(word, (titleFrequency.get(word) ?? 0) + 1);
  const items: KnownItem[] = [];
  const step = Math.floor(papers.length / KNOWN_ITEMS);
  for (let position = 0; items.length < KNOWN_ITEMS && position < papers.length; position += step) {
    let candidate = position;
    while (candidate < papers.length && (wordsOf[candidate]?.length ?? 0) < 2) candidate += 1;
    const words = wordsOf[candidate];
    if (!words) break;
    const rare = [...words]
      .sort((a, b) => (titleFrequency.get(a) ?? 0) - (titleFrequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 2)
      .sort((a, b) => words.indexOf(a) - words.indexOf(b));
    const [first, second] = rare as [string, string];
    const rarest = rare.find((word) => (titleFrequency.get(word) ?? 0) === Math.min(...rare.map((w) => titleFrequency.get(w) ?? 0))) as string;
    const kind = items.length % 3;
    const typo = first.length > second.length ? `${misspell(first, kind)} ${second}` : `${first} ${misspell(second, kind)}`;
    items.push({
      key: String(candidate),
      exact: `${first} ${second}`,
      typo,
      prefix: `${first} ${second.slice(0, Math.ceil(second.length / 2))}`,
      single: rarest,
      singleTypo: misspell(rarest, kind),
    });
  }
  return items;
}

/** The fixed query set's typo and half-typed queries, with the spelling the visitor meant. */
const INTENDED: Record<string, string> = {
  convolutonal: 'convolutional',
  'compresed sensing': 'compressed sensing',
  'markov decison': 'markov decision',
  'social netwrok': 'social network',
  'image segmentaion': 'image segmentation',
  'neural netw': 'neural network',
  'reinforcement learn': 'reinforcement learning',
  cryptograph: 'cryptography',
  transl: 'translation',
};

// ---------------------------------------------------------------------------------------------------------------
// Engines. Each builds its published files, then answers queries with paper positions (as strings), best first.

interface Searcher {
  /** Keys (corpus positions) of the top `TOP_K` hits, best first; display records of the first `shown` are loaded. */
  search(query: string, shown: number): Promise<string[]>;
}

interface Built {
  /** Published files: path → bytes. */
  files: Map<string, Buffer>;
  /** Files needed before any result can show, for single-index engines (undefined: measured by fetch log). */
  upfront?: string[];
  buildMs: number;
  /** Loads the published files as a browser would (from memory) and returns a searcher. */
  open?: () => Promise<Searcher>;
  /** Browser harness: script defining `window.harness = { open(), first(q), search(q, shown) }`. */
  harness: string;
}

interface Engine {
  name: string;
  /** Measured on the 10k corpus only (a variant of an engine measured at 102k anyway). */
  smallCorpusOnly?: boolean;
  build(papers: Paper[]): Promise<Built>;
}

function displayRecords(papers: Paper[]): DisplayRecord[] {
  return papers.map((paper) => [paper.title, paper.slug, clipText(paper.abstract, SNIPPET_CHARS)]);
}

async function bundleHarness(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}

const ours: Engine = {
  name: 'Research Atlas (sharded MiniSearch)',
  async build(papers) {
    const started = performance.now();
    const bundle = buildSearchIndex({ papers, topics: [] });
    const buildMs = performance.now() - started;
    const files = new Map([...bundle.files].map(([file, text]) => [`search-index/${file}`, Buffer.from(text)]));
    return {
      files,
      buildMs,
      async open() {
        const engine = await SearchEngine.open(async (file) => bundle.files.get(file) ?? '');
        return {
          async search(query, shown) {
            const response = await engine.search(query);
            const top = response.hits.slice(0, TOP_K).map((hit) => hit.id);
            await engine.docs(top.slice(0, shown));
            return top.map(String);
          },
        };
      },
      harness: await bundleHarness(`
        import { SearchEngine } from './src/lib/search/engine.ts';
        let engine;
        window.harness = {
          async open() { engine = await SearchEngine.open((file) => fetch('/search-index/' + file).then((r) => r.text())); },
          async first(query) {
            const response = await engine.search(query, { stages: 'head' });
            await engine.docs(response.hits.slice(0, ${SHOWN}).map((hit) => hit.id));
          },
          async search(query, shown) {
            const response = await engine.search(query);
            const top = response.hits.slice(0, ${TOP_K}).map((hit) => hit.id);
            await engine.docs(top.slice(0, shown));
            return top.map(String);
          },
        };`),
    };
  },
};

function flexOptions(encoder: 'Default' | 'LatinExtra'): ConstructorParameters<typeof FlexSearch.Document>[0] {
  const charset = FlexSearch.Charset[encoder];
  return {
    document: {
      id: 'id',
      index: [
        { field: 'title', tokenize: 'forward', encoder: charset },
        { field: 'abstract', tokenize: 'forward', encoder: charset },
      ],
    },
  };
}

function flexEngine(encoder: 'Default' | 'LatinExtra'): Engine {
  return {
    name: encoder === 'Default' ? 'FlexSearch 0.8 (forward, default encoder)' : 'FlexSearch 0.8 (forward, LatinExtra)',
    smallCorpusOnly: encoder !== 'Default',
    async build(papers) {
      const started = performance.now();
      const index = new FlexSearch.Document(flexOptions(encoder));
      papers.forEach((paper, id) => index.add({ id, title: paper.title, abstract: paper.abstract }));
      const exported: Record<string, string> = {};
      await index.export((key: string, data: string) => {
        exported[key] = data;
      });
      const indexText = JSON.stringify(exported);
      const docsText = JSON.stringify(displayRecords(papers));
      const buildMs = performance.now() - started;
      const files = new Map([
        ['index.json', Buffer.from(indexText)],
        ['docs.json', Buffer.from(docsText)],
      ]);
      return {
        files,
        upfront: ['index.json', 'docs.json'],
        buildMs,
        async open() {
          const loaded = new FlexSearch.Document(flexOptions(encoder));
          for (const [key, data] of Object.entries(JSON.parse(indexText) as Record<string, string>)) loaded.import(key, data);
          const records = JSON.parse(docsText) as DisplayRecord[];
          return {
            async search(query, shown) {
              const results = await loaded.search(query, { limit: TOP_K, suggest: true, merge: true });
              const top = results.map((hit) => String(hit.id));
              top.slice(0, shown).forEach((key) => records[Number(key)]);
              return top;
            },
          };
        },
        harness: await bundleHarness(`
          import FlexSearch from 'flexsearch';
          const encoder = FlexSearch.Charset[${JSON.stringify(encoder)}];
          const options = { document: { id: 'id', index: ['title', 'abstract'].map((field) => ({ field, tokenize: 'forward', encoder })) } };
          let index, records;
          const search = (query, shown) => {
            const top = index.search(query, { limit: ${TOP_K}, suggest: true, merge: true }).map((hit) => String(hit.id));
            top.slice(0, shown).forEach((key) => records[Number(key)]);
            return top;
          };
          window.harness = {
            async open() {
              const [exported, docs] = await Promise.all([fetch('/index.json').then((r) => r.json()), fetch('/docs.json').then((r) => r.json())]);
              index = new FlexSearch.Document(options);
              for (const [key, data] of Object.entries(exported)) index.import(key, data);
              records = docs;
            },
            async first(query) { search(query, ${SHOWN}); },
            async search(query, shown) { return search(query, shown); },
          };`),
      };
    },
  };
}

/** Lunr query: every word stemmed (boosted), fuzzy by length like ours, and a trailing wildcard for the word being typed. */
function lunrQuery(index: lunr.Index, query: string): lunr.Index.Result[] {
  const words = query.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const isTyping = /[a-z0-9]$/i.test(query);
  return index.query((builder) => {
    words.forEach((word, i) => {
      builder.term(word, { boost: 10 });
      const distance = fuzzyDistance(word);
      if (distance > 0) builder.term(word, { editDistance: distance, boost: 1 });
      if (isTyping && i === words.length - 1) builder.term(word, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false, boost: 1 });
    });
  });
}

const lunrEngine: Engine = {
  name: 'Lunr 2.3 (stemmed, fuzzy + wildcard)',
  async build(papers) {
    const started = performance.now();
    const index = lunr(function () {
      this.ref('id');
      this.field('title', { boost: 3 });
      this.field('abstract');
      papers.forEach((paper, id) => this.add({ id: String(id), title: paper.title, abstract: paper.abstract }));
    });
    const indexText = JSON.stringify(index);
    const docsText = JSON.stringify(displayRecords(papers));
    const buildMs = performance.now() - started;
    return {
      files: new Map([
        ['index.json', Buffer.from(indexText)],
        ['docs.json', Buffer.from(docsText)],
      ]),
      upfront: ['index.json', 'docs.json'],
      buildMs,
      async open() {
        const loaded = lunr.Index.load(JSON.parse(indexText) as object);
        const records = JSON.parse(docsText) as DisplayRecord[];
        return {
          async search(query, shown) {
            const top = lunrQuery(loaded, query).slice(0, TOP_K).map((hit) => hit.ref);
            top.slice(0, shown).forEach((key) => records[Number(key)]);
            return top;
          },
        };
      },
      harness: await bundleHarness(`
        import lunr from 'lunr';
        // The same functions as in Node (their source, types stripped by esbuild), so both answer alike.
        ${fuzzyDistance.toString()}
        ${lunrQuery.toString()}
        let index, records;
        const search = (query, shown) => {
          const top = lunrQuery(index, query).slice(0, ${TOP_K}).map((hit) => hit.ref);
          top.slice(0, shown).forEach((key) => records[Number(key)]);
          return top;
        };
        window.harness = {
          async open() {
            const [serialized, docs] = await Promise.all([fetch('/index.json').then((r) => r.json()), fetch('/docs.json').then((r) => r.json())]);
            index = lunr.Index.load(serialized);
            records = docs;
          },
          async first(query) { search(query, ${SHOWN}); },
          async search(query, shown) { return search(query, shown); },
        };`),
    };
  },
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
}

const pagefindEngine: Engine = {
  name: 'Pagefind 1.6',
  async build(papers) {
    const outDir = mkdtempSync(join(tmpdir(), 'search-compare-pagefind-'));
    const started = performance.now();
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`pagefind.createIndex failed: ${errors.join('; ')}`);
    for (const [id, paper] of papers.entries()) {
      const html = `<!doctype html><html lang="en"><head><title>${escapeHtml(paper.title)}</title></head><body><h1>${escapeHtml(paper.title)}</h1><p>${escapeHtml(paper.abstract)}</p></body></html>`;
      const added = await index.addHTMLFile({ url: `/p/${id}/`, content: html });
      if (added.errors.length > 0) throw new Error(`pagefind.addHTMLFile(${paper.slug}): ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind.writeFiles: ${written.errors.join('; ')}`);
    const buildMs = performance.now() - started;
    await pagefind.close();
    const files = new Map(filesUnder(outDir).map((file) => [relative(outDir, join(outDir, file)), readFileSync(join(outDir, file))]));
    rmSync(outDir, { recursive: true, force: true });
    return {
      files,
      buildMs,
      harness: `
        const keyOf = (url) => url.split('/')[2];
        let engine;
        window.harness = {
          async open() { engine = await import('/pagefind/pagefind.js'); await engine.init(); },
          async first(query) {
            const response = await engine.search(query);
            await Promise.all(response.results.slice(0, ${SHOWN}).map((result) => result.data()));
          },
          // A Pagefind hit names its page only in its fragment, so the top ${TOP_K} fragments are loaded, not just the shown ones.
          async search(query) {
            const response = await engine.search(query);
            const data = await Promise.all(response.results.slice(0, ${TOP_K}).map((result) => result.data()));
            return data.map((record) => keyOf(record.url));
          },
        };`,
    };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Measurement.

interface ByteCount {
  raw: number;
  gzip: number;
}

/** Raw and gzip size of a published file; Pagefind's index files are gzip already (magic 1f 8b). */
function sizeOf(bytes: Buffer): ByteCount {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { raw: gunzipSync(bytes).length, gzip: bytes.length };
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

function sumSizes(files: Map<string, Buffer>, names: Iterable<string>): ByteCount {
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
function isLibraryFile(name: string): boolean {
  return name.endsWith('.js') || name.endsWith('.css') || name.includes('wasm');
}

interface QualityCounts {
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

async function measureQuality(search: (query: string) => Promise<string[]>, items: KnownItem[]): Promise<QualityCounts> {
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

async function nodeLatency(searcher: Searcher): Promise<{ p50Ms: number; p95Ms: number }> {
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

interface ChromiumResult {
  /** Data files fetched by a cold page before the first result shows (library files excluded). */
  firstResultFiles: string[];
  firstResult: ByteCount;
  library: ByteCount;
  firstResultMs: number;
  p50Ms: number;
  p95Ms: number;
  quality?: QualityCounts;
}

async function measureInChromium(browser: Browser, built: Built, items: KnownItem[], withQuality: boolean): Promise<ChromiumResult> {
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

interface Row {
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

async function measureEngine(engine: Engine, corpus: string, papers: Paper[], items: KnownItem[], browser: Browser): Promise<Row> {
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

function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(0)} KiB`;
}

function markdownTable(rows: Row[]): string {
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

const ENGINES: Engine[] = [ours, flexEngine('Default'), flexEngine('LatinExtra'), lunrEngine, pagefindEngine];

if (!existsSync(CORPORA['10k'])) {
  console.log(`bench/search-compare.ts: skipped, ${CORPORA['10k']} is absent (the shared corpora are not here).`);
} else {
  const corpora: (keyof typeof CORPORA)[] = process.argv.includes('--full') ? ['10k', '102k'] : ['10k'];
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
  const browser = await chromium.launch(chromiumLaunchOptions());
  const rows: Row[] = [];
  const skipped: string[] = [];
  // Written after every engine, so a long --full run keeps what it measured so far.
  const save = (): void => {
    const result = {
      corpora: Object.fromEntries(corpora.map((corpus) => [corpus, CORPORA[corpus].replace(/^.*\/shared\//, '../shared/')])),
      firstQuery: FIRST_QUERY,
      queries: QUERIES,
      intended: INTENDED,
      knownItemsPerCorpus: KNOWN_ITEMS,
      topK: TOP_K,
      shown: SHOWN,
      skipped,
      rows,
    };
    writeFileSync(new URL('results/search-compare.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  };
  try {
    for (const corpus of corpora) {
      const papers = readCorpus(CORPORA[corpus]);
      const items = knownItems(papers);
      console.log(`${corpus}: ${papers.length} papers, ${items.length} known items`);
      for (const engine of ENGINES) {
        if (only && !only.some((name) => engine.name.toLowerCase().includes(name.toLowerCase()))) continue;
        if (engine.smallCorpusOnly && corpus !== '10k') continue;
        const smaller = rows.find((row) => row.engine === engine.name);
        if (smaller && (smaller.buildMs / smaller.papers) * papers.length > BUILD_BUDGET_MS) {
          skipped.push(`${engine.name} at ${corpus}: projected build over 5 minutes`);
          continue;
        }
        try {
          rows.push(await measureEngine(engine, corpus, papers, items, browser));
        } catch (error) {
          skipped.push(`${engine.name} at ${corpus}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
        save();
      }
    }
  } finally {
    await browser.close();
  }
  save();
  console.log(markdownTable(rows));
  if (skipped.length > 0) console.log(`skipped: ${skipped.join('; ')}`);
}
