/// <reference lib="webworker" />
/**
 * The similar-papers worker: opens the `/vectors/` files on the first question, keeps every shard it fetched, and
 * answers with src/lib/vectors/query.ts, so decoding and scoring never block typing.
 */
import { openSimilarIndex, type SimilarIndex } from '../../lib/vectors/query.ts';
import type { SimilarReply, SimilarRequest } from './protocol.ts';

let index: Promise<SimilarIndex> | undefined;

function open(base: string): Promise<SimilarIndex> {
  index ??= openSimilarIndex(async (path) => {
    const response = await fetch(`${base}vectors/${path}`);
    if (!response.ok) throw new Error(`${base}vectors/${path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  });
  index.catch(() => (index = undefined));
  return index;
}

self.addEventListener('message', (event: MessageEvent<SimilarRequest>) => {
  const request = event.data;
  const startedMs = performance.now();
  void (async (): Promise<SimilarReply> => {
    try {
      const similar = await open(request.base);
      const answer =
        request.kind === 'text'
          ? await similar.queryText(request.text, request.exclude === undefined ? {} : { exclude: request.exclude })
          : await similar.queryPaper(request.slug, request.topic);
      return { id: request.id, answer, paperVectors: similar.manifest.paperVectors, workerMs: performance.now() - startedMs };
    } catch (error) {
      return { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
  })().then((reply) => self.postMessage(reply));
});
