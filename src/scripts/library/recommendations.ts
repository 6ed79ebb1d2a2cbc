/**
 * The recommendations list of /library/ ([data-recommendations]): asks the worker for a ranking whenever the
 * library changes (saves, removals, "not interested"), shows each paper with its shared words, a Save button and
 * "Not interested" (remembered as a negative example).
 */
import { markNotInterested, type Library } from '../../lib/library/store.ts';
import type { RecommendReply, RecommendRequest } from './recommend-protocol.ts';
import { createSaveButton } from './marks.ts';

const SHOWN = 20;

export function createRecommendations(options: {
  base: string;
  list: HTMLOListElement;
  status: HTMLElement;
  get: () => Library;
  set: (library: Library) => void;
  /** A saved paper's topic slug in this atlas (the catalogue's, else the one saved with it). */
  topicOf: (slug: string) => string | undefined;
}): { update(): void } {
  const { base, list, status } = options;
  let worker: Worker | undefined;
  let sequence = 0;
  let lastKey = '';

  function render(reply: RecommendReply): void {
    if (reply.id !== sequence) return;
    list.removeAttribute('aria-busy');
    if ('error' in reply) {
      status.textContent = `Recommendations are unavailable: ${reply.error}`;
      list.replaceChildren();
      return;
    }
    status.textContent = reply.papers.length > 0 ? `${reply.papers.length} papers like your library, best first.` : 'None of your saved papers is in this atlas, so there is nothing to compare with.';
    list.replaceChildren(
      ...reply.papers.map((paper) => {
        const item = document.createElement('li');
        item.className = 'rounded-lg border border-slate-200 p-3 dark:border-slate-800';
        item.dataset['recommendation'] = paper.slug;
        const link = document.createElement('a');
        link.href = `${base.replace(/\/$/, '')}/papers/${paper.slug}/`;
        link.className = 'font-medium text-slate-900 hover:underline dark:text-slate-100';
        link.textContent = paper.title;
        const why = document.createElement('p');
        why.className = 'mt-1 text-sm text-slate-600 dark:text-slate-400';
        why.dataset['recommendationWhy'] = '';
        why.textContent = paper.shared.length > 0 ? `Shares: ${paper.shared.join(', ')}` : 'Close to your library in the atlas’s space.';
        const actions = document.createElement('div');
        actions.className = 'mt-2 flex gap-2';
        const notInterested = document.createElement('button');
        notInterested.type = 'button';
        notInterested.dataset['notInterested'] = '';
        notInterested.className = 'rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium hover:border-accent-500 dark:border-slate-600';
        notInterested.textContent = 'Not interested';
        const hidden = document.createElement('span');
        hidden.className = 'sr-only';
        hidden.textContent = `: ${paper.title}`;
        notInterested.append(hidden);
        notInterested.addEventListener('click', () => options.set(markNotInterested(options.get(), paper.slug, true)));
        actions.append(createSaveButton(paper.slug, paper.title), notInterested);
        item.append(link, why, actions);
        return item;
      }),
    );
  }

  return {
    update() {
      const library = options.get();
      const saved = library.entries.map((entry) => entry.id);
      const key = `${saved.join('\n')}|${library.notInterested.join('\n')}|${saved.map(options.topicOf).join('\n')}`;
      if (key === lastKey) return;
      lastKey = key;
      if (saved.length === 0) {
        status.textContent = 'Save a few papers to get recommendations.';
        list.replaceChildren();
        return;
      }
      worker ??= new Worker(new URL('./recommend-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<RecommendReply>) => render(event.data);
      worker.onerror = () => {
        status.textContent = 'Recommendations are unavailable: the worker could not start.';
      };
      sequence += 1;
      list.setAttribute('aria-busy', 'true');
      status.textContent = 'Ranking the atlas’s papers against your library…';
      const savedTopics = [...new Set(saved.map(options.topicOf).filter((slug): slug is string => slug !== undefined))];
      const request: RecommendRequest = { id: sequence, base: base.endsWith('/') ? base : `${base}/`, saved, savedTopics, notInterested: library.notInterested, limit: SHOWN };
      worker.postMessage(request);
    },
  };
}
