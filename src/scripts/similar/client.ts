import type { SimilarReply, SimilarRequest } from './protocol.ts';

type Question = { kind: 'text'; text: string; exclude?: string } | { kind: 'paper'; slug: string; topic: number };
type Answer = Extract<SimilarReply, { answer: unknown }>;

/**
 * A page's line to the similar-papers worker, started on the first question (a page that never asks loads nothing).
 * Only the latest question's answer is delivered; earlier ones resolve to null.
 */
export function createSimilarClient(base: string): (question: Question) => Promise<Answer | null> {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (reply: Answer | null) => void; reject: (error: Error) => void }>();
  const start = (): Worker => {
    const created = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    created.addEventListener('message', (event: MessageEvent<SimilarReply>) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.id === nextId - 1 ? reply : null);
    });
    created.addEventListener('error', (event) => {
      for (const waiting of pending.values()) waiting.reject(new Error(event.message || 'the similar-papers worker failed to start'));
      pending.clear();
      worker = undefined;
    });
    return created;
  };
  return (question) => {
    worker ??= start();
    const id = nextId++;
    const request: SimilarRequest = { ...question, id, base };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker!.postMessage(request);
    });
  };
}
