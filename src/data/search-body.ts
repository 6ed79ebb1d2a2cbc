import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildBodyIndex, type BodyIndex } from '../lib/search/build-index.ts';
import { getPapers } from './papers.ts';
import { texToPlain } from '../lib/tex/plain.ts';

let bodyOfBuild: Promise<BodyIndex> | undefined;

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
