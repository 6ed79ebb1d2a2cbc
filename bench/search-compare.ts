/**
 * Our search next to what a user would pick instead: FlexSearch, Lunr and Pagefind, on the same arXiv OAI-2016
 * corpus and the same fixed query set as bench/search.ts (bench/queries.ts). For each engine: index build time, bytes before the
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
 *
 * One file per idea under bench/search-compare/: engine.ts (what an engine is), ours.ts, flexsearch.ts, lunr.ts,
 * pagefind.ts (the engines), known-items.ts (the known-item queries), measure.ts (bytes, quality, latency).
 * Our engine is built in memory from the same title + abstract records as the others; the index the site ships is
 * measured from a built dist/ by bench/search.ts.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tools/chromium.ts';
import { FULL_FILE, SAMPLE_FILE, readCorpus, recordToSearchSource } from './corpus.ts';
import { FIRST_QUERY, INTENDED, QUERIES } from './queries.ts';
import { SHOWN, TOP_K, type Engine } from './search-compare/engine.ts';
import { flexEngine } from './search-compare/flexsearch.ts';
import { KNOWN_ITEMS, knownItems } from './search-compare/known-items.ts';
import { lunrEngine } from './search-compare/lunr.ts';
import { markdownTable, measureEngine, type Row } from './search-compare/measure.ts';
import { oursEngine } from './search-compare/ours.ts';
import { pagefindEngine } from './search-compare/pagefind.ts';

const CORPORA = { '10k': SAMPLE_FILE, '102k': FULL_FILE } as const;
/** An engine whose index build takes longer than this is skipped for the larger corpora. */
const BUILD_BUDGET_MS = 5 * 60 * 1000;

const ENGINES: Engine[] = [oursEngine, flexEngine('Default'), flexEngine('LatinExtra'), lunrEngine, pagefindEngine];

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
      const papers = (await readCorpus(CORPORA[corpus], Number.POSITIVE_INFINITY)).map(recordToSearchSource);
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
