import type { SearchFilters } from '../../lib/search/engine.ts';
import { joinBase } from '../../lib/site/paths.ts';
import { attachAuthorTypeahead } from './author-typeahead.ts';
import { createSearchController } from './controller.ts';
import { siteBase } from './load-engine.ts';
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

/** Read the search page state from the URL: `?q=…&topic=…&from=…&to=…&category=…&author=…` (an old `?year=` is both bounds). */
function readUrl(): { q: string; topic: string; from: string; to: string; category: string; author: string } {
  const params = new URLSearchParams(window.location.search);
  const year = params.get('year') ?? '';
  return {
    q: params.get('q') ?? '',
    topic: params.get('topic') ?? '',
    from: params.get('from') ?? year,
    to: params.get('to') ?? year,
    category: params.get('category') ?? '',
    author: params.get('author') ?? '',
  };
}

/**
 * A year range in words for the status line.
 * @example yearRangeText('2019', '2021') // => '2019–2021'
 */
function yearRangeText(from: string, to: string): string {
  if (from !== '' && from === to) return `in ${from}`;
  if (from !== '' && to !== '') return `${from}–${to}`;
  if (from !== '') return `from ${from}`;
  return to === '' ? '' : `up to ${to}`;
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
  const fromSelect = form.querySelector<HTMLSelectElement>('select[name="from"]');
  const toSelect = form.querySelector<HTMLSelectElement>('select[name="to"]');
  const authorInput = form.querySelector<HTMLInputElement>('input[name="author"]');
  const categorySelect = form.querySelector<HTMLSelectElement>('select[name="category"]');
  const mapLink = root.querySelector<HTMLAnchorElement>('[data-search-map]');
  const base = siteBase();
  if (authorInput) attachAuthorTypeahead(authorInput, base);
  const hideSeen = form.querySelector<HTMLInputElement>('input[data-hide-seen]');
  initSaveButtons();

  const filters = (): SearchFilters => {
    const result: SearchFilters = {};
    if (topicSelect?.value) result.topic = Number(topicSelect.value);
    if (fromSelect?.value) result.yearFrom = Number(fromSelect.value);
    if (toSelect?.value) result.yearTo = Number(toSelect.value);
    if (authorInput?.value.trim()) result.author = authorInput.value.trim();
    if (categorySelect?.value) result.category = categorySelect.value;
    return result;
  };

  const describeFilters = (): string => {
    const topic = topicSelect?.value ? `in “${topicSelect.selectedOptions[0]?.textContent?.trim() ?? ''}”` : '';
    const author = authorInput?.value.trim() ? `by ${authorInput.value.trim()}` : '';
    // The option reads "Machine Learning (cs.LG) · 812": the status names the category without its count.
    const category = categorySelect?.value ? `filed under “${categorySelect.selectedOptions[0]?.textContent?.replace(/\s*·\s*[\d,]+$/, '').trim() ?? ''}”` : '';
    return [topic, yearRangeText(fromSelect?.value ?? '', toSelect?.value ?? ''), category, author].filter(Boolean).join(', ');
  };

  const writeUrl = (): void => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value);
    if (topicSelect?.value) params.set('topic', topicSelect.value);
    if (fromSelect?.value) params.set('from', fromSelect.value);
    if (toSelect?.value) params.set('to', toSelect.value);
    if (categorySelect?.value) params.set('category', categorySelect.value);
    if (authorInput?.value.trim()) params.set('author', authorInput.value.trim());
    if (hideSeen?.checked) params.set('hide', 'saved');
    const search = params.toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
    if (url !== `${window.location.pathname}${window.location.search}`) history.replaceState(null, '', url);
    const described = [input.value.trim(), describeFilters()].filter(Boolean).join(' ');
    document.title = described ? `${described} · Search · Research Atlas` : 'Search · Research Atlas';
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
    describeFilters,
    idleText: root.dataset['idleText'] ?? 'Type to search titles, topics, authors and abstracts.',
    onSearched: writeUrl,
    // The map highlights the papers that contain every word of a query (`/map/?q=`) and fades those outside a year
    // range (`&from=&to=`), so the link is offered when some paper contains every word; topic, category and author
    // filters have no map counterpart.
    onRendered: (query, response) => {
      if (!mapLink) return;
      mapLink.hidden = response.wordCount === 0 || response.allWordsCount === 0;
      const params = new URLSearchParams({ q: query.trim() });
      if (fromSelect?.value) params.set('from', fromSelect.value);
      if (toSelect?.value) params.set('to', toSelect.value);
      mapLink.href = `${joinBase(base, '/map/')}?${params.toString().replace(/\+/g, '%20')}`;
    },
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
    if (fromSelect) fromSelect.value = state.from;
    if (toSelect) toSelect.value = state.to;
    // A choice this build does not offer (a link from another atlas) leaves the select at "Any category".
    if (categorySelect) categorySelect.value = [...categorySelect.options].some((option) => option.value === state.category) ? state.category : '';
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
  for (const control of [topicSelect, fromSelect, toSelect, categorySelect, hideSeen, authorInput]) control?.addEventListener('change', controller.run);
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
