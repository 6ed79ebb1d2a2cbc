import { joinBase } from '../../lib/site/paths.ts';
import type { SimilarPaper, SimilarTopic } from '../../lib/vectors/query.ts';

/** Most papers a "show on map" link carries (the URL stays short). */
const MAP_LINK_PAPERS = 20;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The nearest papers as list items: title link, similarity, the shared terms and the paper's topic. Titles and terms
 * come from the papers' sources: set as text, never as HTML.
 */
export function renderPapers(list: HTMLElement, papers: readonly SimilarPaper[], base: string): void {
  list.replaceChildren(
    ...papers.map((paper) => {
      const item = element('li', 'rounded-lg border border-slate-200 p-3 dark:border-slate-800');
      item.dataset.similarPaper = paper.slug;
      const head = element('div', 'flex items-baseline justify-between gap-3');
      const link = element('a', 'font-medium text-slate-900 hover:text-accent-700 hover:underline dark:text-slate-100 dark:hover:text-accent-300', paper.title);
      link.href = joinBase(base, `/papers/${paper.slug}/`);
      const score = element('span', 'shrink-0 font-mono text-xs tabular-nums text-slate-600 dark:text-slate-400', paper.similarity.toFixed(2));
      score.title = 'Similarity, 0 to 1: closeness in the atlas’s LSA space, shared exact terms and closeness of the paper’s topic, combined';
      score.dataset.similarity = '';
      head.append(link, score);
      const details = element('p', 'mt-1 text-xs text-slate-600 dark:text-slate-400');
      if (paper.shared.length > 0) {
        details.append('Shared terms: ');
        const terms = element('span', 'text-slate-800 dark:text-slate-200', paper.shared.join(' · '));
        terms.dataset.similarShared = '';
        details.append(terms, ' — ');
      }
      const topic = element('a', 'underline decoration-slate-300 hover:text-accent-700 dark:decoration-slate-600 dark:hover:text-accent-300', paper.topicLabel);
      topic.href = joinBase(base, `/topics/${paper.topicSlug}/`);
      details.append('in ', topic);
      item.append(head, details);
      return item;
    }),
  );
}

/** The nearest topics as links with their similarity. */
export function renderTopics(list: HTMLElement, topics: readonly SimilarTopic[], base: string): void {
  list.replaceChildren(
    ...topics.map((topic) => {
      const item = element('li', '');
      const link = element('a', 'font-medium text-accent-700 underline dark:text-accent-300', topic.label);
      link.href = joinBase(base, `/topics/${topic.slug}/`);
      item.append(link, element('span', 'ml-1 font-mono text-xs text-slate-600 dark:text-slate-400', topic.similarity.toFixed(2)));
      if (topic.parentLabel) item.append(element('span', 'ml-1 text-xs text-slate-600 dark:text-slate-400', `in ${topic.parentLabel}`));
      return item;
    }),
  );
}

/**
 * The map with these papers highlighted (the map reads `?papers=` as its search highlight).
 * @example mapLinkOf('/', [{ slug: 'a' }, { slug: 'b' }]) // => '/map/?papers=a,b'
 */
export function mapLinkOf(base: string, papers: ReadonlyArray<{ slug: string }>): string {
  const slugs = papers.slice(0, MAP_LINK_PAPERS).map((paper) => encodeURIComponent(paper.slug));
  return `${joinBase(base, '/map/')}?papers=${slugs.join(',')}`;
}
