import type { SimilarAnswer } from '../../lib/vectors/query.ts';

/** A question to the similar-papers worker: a text, or one of the atlas's papers (its slug and finest topic id). */
export type SimilarRequest =
  | { id: number; base: string; kind: 'text'; text: string; exclude?: string }
  | { id: number; base: string; kind: 'paper'; slug: string; topic: number };

/** The worker's reply: the answer and the time it took inside the worker, or why it failed. */
export type SimilarReply =
  | { id: number; answer: SimilarAnswer; paperVectors: 'text' | 'embedding'; workerMs: number }
  | { id: number; error: string };
