import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildBodyIndex, buildSearchIndex, papersToSearchInput, type BodyIndex, type SearchBundle } from '../lib/search/build-index.ts';
import { getAtlasLookups } from './atlas.ts';
import { getPapers } from './papers.ts';
import { texToPlain } from '../lib/tex/plain.ts';

let bodyOfBuild: Promise<BodyIndex> | undefined;
let bundleOfBuild: Promise<SearchBundle> | undefined;

/**
 * Start building the body search index (abstracts only; it needs no topics) on a worker thread, so that it runs on
 * the second core while the topic step keeps the first busy. Called by getAtlas just before the topic step; safe to
 * call again. Falls back to the main thread when the worker's source is not at hand (a build run from another folder).
 */
export function startSearchBodyIndex(): Promise<BodyIndex> {
  bodyOfBuild ??= getPapers().then((papers) => {
    // The index holds what readers see and type: `$\ell_1$` is indexed as `ℓ1`, which folds to `l1`.
    const abstracts = papers.map((paper) => texToPlain(paper.abstract));
    const workerFile = join(process.cwd(), 'src', 'lib', 'search', 'body-index-worker.ts');
    if (!existsSync(workerFile)) return buildBodyIndex(abstracts);
    return new Promise<BodyIndex>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: { abstracts } });
      worker.once('message', (body: BodyIndex) => {
        resolve(body);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`search index worker exited with code ${code}`));
      });
    });
  });
  return bodyOfBuild;
}

/** The published search index of this build's papers: built once, shared by the `/search-index/` files. */
export function getSearchBundle(): Promise<SearchBundle> {
  bundleOfBuild ??= Promise.all([getPapers(), getAtlasLookups(), startSearchBodyIndex()]).then(([papers, { atlas, colorOfTopic }, body]) => {
    const startedMs = performance.now();
    const built = buildSearchIndex(papersToSearchInput(papers, atlas, colorOfTopic), {}, body);
    // Same `[atlas]` prefix as the topic step's lines, so bench/run.ts can time the index stage of a build.
    console.log(`[atlas] search index: ${papers.length} papers, ${built.files.size} files in ${((performance.now() - startedMs) / 1000).toFixed(1)} s (body index built alongside the topic step)`);
    return built;
  });
  return bundleOfBuild;
}
