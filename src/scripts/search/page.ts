import type { SearchFilters } from '../../lib/search/engine.ts';
import { createSearchController } from './controller.ts';
import { createSaveButton, libraryIds } from '../library/marks.ts';
import { initSaveButtons } from '../library/save-buttons.ts';

/** Say in the result's option (its text, read by screen readers) whether the paper is in the library. */
function markOption(item: HTMLLIElement, slug: string): void {
  const option = item.querySelector('[role="option"]');
  if (!option) return;
  option.querySelector('[data-saved-mark]')?.remove();
  if (!libraryIds().saved.has(slug)) return;
  const mark = document.createElement('span');
  mark.dataset['savedMark'] = '';
  mark.className = 'mt-1 inline-block rounded bg-accent-50 px-1.5 text-xs font-medium text-accent-700 dark:bg-slate-800 dark:text-accent-300';
  mark.textContent = 'In your library';
  option.append(mark);
}

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
  const hideSeen = form.querySelector<HTMLInputElement>('input[data-hide-seen]');
  initSaveButtons();

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
    if (hideSeen?.checked) params.set('hide', 'saved');
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
    hidden: () => (hideSeen?.checked ? libraryIds().saved : new Set()),
    // A listbox may hold only options, so the Save button beside each result is for the pointer (hidden from the
    // accessibility tree, out of the tab order); by keyboard, Alt+S saves the active result (said in the hint and
    // announced). The option itself says "in your library" when saved.
    decorate: (item, slug) => {
      item.classList.add('flex', 'items-start', 'gap-2');
      item.firstElementChild?.classList.add('min-w-0', 'flex-1');
      const title = item.querySelector('[role="option"] > span')?.textContent ?? slug;
      const button = createSaveButton(slug, title);
      button.classList.add('mt-2.5', 'shrink-0');
      button.setAttribute('aria-hidden', 'true');
      button.tabIndex = -1;
      item.append(button);
      button.addEventListener('click', () => window.setTimeout(() => markOption(item, slug), 0));
      markOption(item, slug);
    },
  });

  const applyUrl = (): void => {
    const state = readUrl();
    input.value = state.q;
    if (topicSelect) topicSelect.value = state.topic;
    if (yearSelect) yearSelect.value = state.year;
    if (authorInput) authorInput.value = state.author;
    if (hideSeen) hideSeen.checked = new URLSearchParams(window.location.search).get('hide') === 'saved';
    controller.warm();
    controller.run();
  };

  input.addEventListener('keydown', (event) => {
    if (!(event.altKey && event.code === 'KeyS')) return;
    const option = input.getAttribute('aria-activedescendant') ? document.getElementById(input.getAttribute('aria-activedescendant') ?? '') : null;
    const button = option?.parentElement?.querySelector<HTMLButtonElement>('button[data-save]');
    if (!button) return;
    event.preventDefault();
    button.click();
    markOption(button.parentElement as HTMLLIElement, button.dataset['save'] ?? '');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    controller.run();
  });
  for (const control of [topicSelect, yearSelect, hideSeen]) control?.addEventListener('change', controller.run);
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
