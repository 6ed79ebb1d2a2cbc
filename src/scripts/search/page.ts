import type { SearchFilters } from '../../lib/search/engine.ts';
import { createSearchController } from './controller.ts';

/** Read the search page state from the URL: `?q=…&topic=…&year=…&author=…`. */
function readUrl(): { q: string; topic: string; year: string; author: string } {
  const params = new URLSearchParams(window.location.search);
  return { q: params.get('q') ?? '', topic: params.get('topic') ?? '', year: params.get('year') ?? '', author: params.get('author') ?? '' };
}

/**
 * The /search/ page: the query and filters live in the URL (replaced as you type, so a search can be shared and
 * Back returns to it), results render in [data-search-results] in rank order.
 */
export function initSearchPage(): void {
  const root = document.querySelector<HTMLElement>('[data-search-page]');
  const form = root?.querySelector<HTMLFormElement>('form');
  const input = root?.querySelector<HTMLInputElement>('input[role="combobox"]');
  const list = root?.querySelector<HTMLElement>('[data-search-results]');
  const status = root?.querySelector<HTMLElement>('[data-search-status]');
  const empty = root?.querySelector<HTMLElement>('[data-search-empty]');
  const more = root?.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!root || !form || !input || !list || !status || !empty || !more) return;
  const topicSelect = form.querySelector<HTMLSelectElement>('select[name="topic"]');
  const yearSelect = form.querySelector<HTMLSelectElement>('select[name="year"]');
  const authorInput = form.querySelector<HTMLInputElement>('input[name="author"]');

  const filters = (): SearchFilters => {
    const result: SearchFilters = {};
    if (topicSelect?.value) result.topic = Number(topicSelect.value);
    if (yearSelect?.value) result.year = Number(yearSelect.value);
    if (authorInput?.value.trim()) result.author = authorInput.value.trim();
    return result;
  };

  const writeUrl = (): void => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value);
    if (topicSelect?.value) params.set('topic', topicSelect.value);
    if (yearSelect?.value) params.set('year', yearSelect.value);
    if (authorInput?.value.trim()) params.set('author', authorInput.value.trim());
    const search = params.toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) history.replaceState(null, '', url);
    document.title = input.value.trim() ? `${input.value.trim()} · Search · Research Atlas` : 'Search · Research Atlas';
  };

  const controller = createSearchController({
    input,
    list,
    status,
    empty,
    more,
    pageSize: 20,
    snippetChars: 260,
    idPrefix: 'search-result',
    filters,
    onSearched: writeUrl,
  });

  const applyUrl = (): void => {
    const state = readUrl();
    input.value = state.q;
    if (topicSelect) topicSelect.value = state.topic;
    if (yearSelect) yearSelect.value = state.year;
    if (authorInput) authorInput.value = state.author;
    controller.warm();
    controller.run();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    controller.run();
  });
  for (const control of [topicSelect, yearSelect]) control?.addEventListener('change', controller.run);
  authorInput?.addEventListener('input', controller.run);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && input.value !== '') {
      input.value = '';
      controller.run();
    }
  });
  window.addEventListener('popstate', applyUrl);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) applyUrl();
  });
  applyUrl();
}
