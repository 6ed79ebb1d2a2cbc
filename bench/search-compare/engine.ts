import { build } from 'esbuild';
import { clipText, type SearchSource } from '../../src/lib/search/build-index.ts';
import { projectRoot } from '../atlas-build.ts';

// What every engine of the comparison shares: the papers it indexes, how it is built and asked, its display records.

/** Results shown at once (display records loaded), as on /search/. */
export const SHOWN = 8;
/** Known-item queries: a hit means the intended paper is in the top TOP_K. */
export const TOP_K = 10;
export const SNIPPET_CHARS = 420;

export type Paper = SearchSource;
export type DisplayRecord = [title: string, slug: string, snippet: string];

// Engines. Each builds its published files, then answers queries with paper positions (as strings), best first.

export interface Searcher {
  /** Keys (corpus positions) of the top `TOP_K` hits, best first; display records of the first `shown` are loaded. */
  search(query: string, shown: number): Promise<string[]>;
}

export interface Built {
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

export interface Engine {
  name: string;
  /** Measured on the 10k corpus only (a variant of an engine measured at 102k anyway). */
  smallCorpusOnly?: boolean;
  build(papers: Paper[]): Promise<Built>;
}

export function displayRecords(papers: Paper[]): DisplayRecord[] {
  return papers.map((paper) => [paper.title, paper.slug, clipText(paper.abstract, SNIPPET_CHARS)]);
}

export async function bundleHarness(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: projectRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}
