/**
 * Worker-thread entry: builds the body search index of the abstracts it is given (see buildBodyIndex) and posts it
 * back. Started by src/data/search.ts so the index is built on the second core while the topic step runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildBodyIndex } from './build-index.ts';

const { abstracts } = workerData as { abstracts: string[] };
parentPort?.postMessage(buildBodyIndex(abstracts));
