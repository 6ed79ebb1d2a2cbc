/// <reference lib="webworker" />
/**
 * Recommendations off the main thread: loads every paper vector once (src/lib/library/paper-vectors.ts), then
 * ranks for each request (src/lib/library/recommend.ts) and explains the top papers with their shared words.
 */
import { openLibraryVectors, type LibraryVectorIndex } from '../../lib/library/paper-vectors.ts';
import { rankRecommendations, sharedWords } from '../../lib/library/recommend.ts';
import type { RecommendReply, RecommendRequest } from './recommend-protocol.ts';

/** Papers ranked per request: the library's topics and their nearest, at least this many (all in a small atlas). */
const MIN_CANDIDATES = 10_000;

let vectors: Promise<LibraryVectorIndex> | undefined;

function open(base: string): Promise<LibraryVectorIndex> {
  vectors ??= openLibraryVectors(async (path) => {
    const response = await fetch(`${base}vectors/${path}`);
    if (!response.ok) throw new Error(`${base}vectors/${path}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  });
  vectors.catch(() => (vectors = undefined));
  return vectors;
}

self.addEventListener('message', (event: MessageEvent<RecommendRequest>) => {
  const request = event.data;
  void (async (): Promise<RecommendReply> => {
    try {
      const index = await open(request.base);
      const papers = await index.papersOf(index.candidateTopics(request.savedTopics, MIN_CANDIDATES));
      const started = performance.now();
      const ranked = rankRecommendations(papers, request.saved, request.notInterested, { limit: request.limit });
      const workerMs = performance.now() - started;
      const titleOf = new Map(papers.ids.map((id, index) => [id, papers.titles[index] ?? id]));
      const terms = await papers.termsOf([...request.saved, ...ranked.map((item) => item.id)]);
      const library = request.saved.map((slug) => terms.get(slug) ?? new Map<string, number>());
      return {
        id: request.id,
        workerMs,
        papers: ranked.map((item) => ({
          slug: item.id,
          title: titleOf.get(item.id) ?? item.id,
          score: item.score,
          shared: sharedWords(library, terms.get(item.id) ?? new Map(), 5),
        })),
      };
    } catch (error) {
      return { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
  })().then((reply) => self.postMessage(reply));
});
