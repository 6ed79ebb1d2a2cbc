import { hasFilters, type SearchEngine, type SearchFilters, type SearchResponse } from '../../lib/search/engine.ts';
import { loadEngine, siteBase } from './load-engine.ts';
import { renderResult } from './render.ts';

export interface SearchControllerOptions {
  /** The combobox input. */
  input: HTMLInputElement;
  /** The listbox the results go in ([data-search-results]). */
  list: HTMLElement;
  /** Live region announcing the loading state and the result count. */
  status: HTMLElement;
  /** Shown (un-hidden) when a query has no results; its [data-search-empty-query] gets the query text. */
  empty: HTMLElement;
  /** Shown when there are more results than rendered (page only). */
  more?: HTMLButtonElement;
  /** Results rendered at first (and added per "more"). */
  pageSize: number;
  snippetChars: number;
  /** Prefix for option ids, unique per page. */
  idPrefix: string;
  filters?: () => SearchFilters;
  /** The filters in words, for the status line ("in “graph learning”, 2019–2021, by Ada Lovelace"); '' when none. */
  describeFilters?: () => string;
  /** What the status says before anything is typed (and with no filter). */
  idleText: string;
  /** Called after each render with the query words' state, e.g. to offer "show these on the map". */
  onRendered?: (query: string, response: SearchResponse) => void;
  /** Enter with no active option. */
  onSubmit?: (query: string) => void;
  /** Called after each completed search with the query that ran. */
  onSearched?: (query: string) => void;
  /** Papers (slugs) to leave out of the results, e.g. the reader's saved ones under "hide seen". */
  hidden?: () => ReadonlySet<string>;
  /** Called on each rendered result with its paper's slug (to add a Save button or a mark). */
  decorate?: (item: HTMLLIElement, slug: string) => void;
}

export interface SearchController {
  /** Run the current input value (and filters) now. */
  run(): void;
  /** Start loading the index (first focus). */
  warm(): void;
}

/**
 * The status line of a finished (or, with `isFinal` false, a partial) search: how many papers contain the words,
 * how many contain every word, how many more only share a topic with them, and under which filters.
 */
function statusText(response: SearchResponse, query: string, filterText: string, isFinal: boolean, hiddenCount: number): string {
  const where = filterText === '' ? '' : ` ${filterText}`;
  if (response.wordCount === 0 && response.hits.length === 0 && filterText === '') return 'Type a word of a title, topic or abstract.';
  if (response.wordCount === 0) {
    return response.hits.length === 0 ? `No papers${where}.` : `${plural(response.hits.length, 'paper')}${where}, newest first${hiddenNote(hiddenCount)}`;
  }
  const topicMatches = response.hits.length - response.resultCount;
  const topicNote = topicMatches > 0 ? `; ${plural(topicMatches, 'more paper')} only in a topic named by ${response.wordCount === 1 ? 'this word' : 'these words'}` : '';
  if (!isFinal && response.resultCount === 0) return 'Searching…';
  if (response.resultCount === 0) {
    const none = `No results for “${query.trim()}”${where}`;
    return topicMatches === 0 ? `${none}.` : `${none}; ${plural(topicMatches, 'paper')} only in a topic named by ${response.wordCount === 1 ? 'this word' : 'these words'}`;
  }
  const atLeast = isFinal ? '' : 'at least ';
  // Several words: the papers containing all of them are the answer; those containing only some are the long tail.
  const some = response.resultCount - response.allWordsCount;
  const count =
    response.wordCount > 1 && response.allWordsCount > 0 && some > 0
      ? `${atLeast}${plural(response.allWordsCount, 'result')} contain every word${where}; ${atLeast}${some.toLocaleString('en-US')} more contain some`
      : `${atLeast}${plural(response.resultCount, 'result')}${where}`;
  const text = `${count}${topicNote}${hiddenNote(hiddenCount)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function hiddenNote(count: number): string {
  return count > 0 ? `; ${plural(count, 'saved paper')} hidden` : '';
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Wire a search box as a combobox over a results listbox: results update as you type (titles first, then
 * abstract matches), arrows move the active result, Enter opens it, and the live region says how many matched.
 */
export function createSearchController(options: SearchControllerOptions): SearchController {
  const { input, list, status, empty, more, idPrefix } = options;
  const base = siteBase();
  let sequence = 0;
  let active = -1;
  let shown = options.pageSize;
  let lastQuery = '';

  input.setAttribute('aria-activedescendant', '');

  const optionsInList = (): HTMLAnchorElement[] => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];

  const setActive = (index: number): void => {
    const links = optionsInList();
    links.forEach((link, i) => link.setAttribute('aria-selected', String(i === index)));
    active = index >= 0 && index < links.length ? index : -1;
    const current = links[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const setStatus = (text: string, state: 'idle' | 'loading' | 'ready' | 'error'): void => {
    status.textContent = text;
    status.dataset.state = state;
  };

  // Warming fetches only the manifest, in the background: the status keeps inviting a query meanwhile (a
  // "Loading…" there would read as broken when nothing has been asked yet).
  const warm = (): void => {
    if (!status.textContent?.trim()) setStatus(options.idleText, 'idle');
    loadEngine(base).catch(() => setStatus('The search index could not be loaded. Check your connection and try again.', 'error'));
  };

  const render = async (engine: SearchEngine, response: SearchResponse, query: string, mine: number, isFinal: boolean): Promise<void> => {
    const hits = response.hits.slice(0, shown);
    const records = await engine.docs(hits.map((hit) => hit.id));
    if (mine !== sequence) return;
    const topics = new Map(engine.manifest.topics.map((topic) => [topic.id, topic]));
    const hidden = options.hidden?.() ?? new Set<string>();
    let hiddenCount = 0;
    const items = hits.flatMap((hit, i) => {
      const record = records.get(hit.id);
      if (!record) return [];
      if (hidden.has(record[1])) {
        hiddenCount += 1;
        return [];
      }
      const item = renderResult(base, {
        record,
        terms: new Set(response.termsOf(hit.id)),
        topic: topics.get(record[2]),
        isTopicMatch: hit.isTopicMatch,
        optionId: `${idPrefix}-${i}`,
        snippetChars: options.snippetChars,
      });
      options.decorate?.(item, record[1]);
      return [item];
    });
    // The head stage renders first and the full stage re-renders the same query: keep the reader's place.
    const activeHref = optionsInList()[active]?.getAttribute('href');
    list.replaceChildren(...items);
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const keptIndex = activeHref ? optionsInList().findIndex((link) => link.getAttribute('href') === activeHref) : -1;
    if (keptIndex >= 0) setActive(keptIndex);
    input.setAttribute('aria-expanded', String(items.length > 0));
    const total = response.hits.length;
    const filterText = options.describeFilters?.() ?? '';
    empty.hidden = !isFinal || total > 0 || (query.trim() === '' && filterText === '');
    const emptyQuery = empty.querySelector('[data-search-empty-query]');
    if (emptyQuery) emptyQuery.textContent = query.trim() === '' ? `these filters (${filterText})` : [`“${query.trim()}”`, filterText].filter(Boolean).join(' ');
    if (more) more.hidden = total <= shown;
    setStatus(statusText(response, query, filterText, isFinal, hiddenCount), 'ready');
    options.onRendered?.(query, response);
  };

  const run = (): void => {
    const mine = ++sequence;
    const query = input.value;
    const filters = options.filters?.() ?? {};
    const key = `${query}\u0000${JSON.stringify(filters)}`;
    if (key !== lastQuery) shown = options.pageSize;
    lastQuery = key;
    if (query.trim() === '' && !hasFilters(filters)) {
      list.replaceChildren();
      list.removeAttribute('aria-busy');
      empty.hidden = true;
      if (more) more.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      if (status.dataset.state !== 'error') setStatus(options.idleText, 'idle');
      options.onRendered?.(query, { hits: [], wordCount: 0, resultCount: 0, allWordsCount: 0, termsOf: () => [] });
      options.onSearched?.(query);
      return;
    }
    if (status.dataset.state !== 'ready') setStatus('Searching…', 'loading');
    // Busy until the full stage (abstract terms) has rendered: title hits show first and may be reordered.
    list.setAttribute('aria-busy', 'true');
    loadEngine(base)
      .then(async (engine) => {
        if (query.trim() !== '') {
          const head = await engine.search(query, { ...filters, stages: 'head' });
          if (mine !== sequence) return;
          if (head.hits.length > 0) await render(engine, head, query, mine, false);
        }
        const full = await engine.search(query, filters);
        if (mine !== sequence) return;
        await render(engine, full, query, mine, true);
        if (mine === sequence) list.removeAttribute('aria-busy');
        options.onSearched?.(query);
      })
      .catch(() => {
        if (mine === sequence) list.removeAttribute('aria-busy');
        if (mine === sequence) setStatus('The search index could not be loaded. Check your connection and try again.', 'error');
      });
  };

  input.addEventListener('input', run);
  input.addEventListener('focus', warm, { once: true });
  input.addEventListener('keydown', (event) => {
    const count = optionsInList().length;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      setActive(active + 1 >= count ? 0 : active + 1);
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setActive(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === 'Home' && event.ctrlKey && count > 0) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'Enter') {
      const current = optionsInList()[active];
      event.preventDefault();
      if (current) current.click();
      else options.onSubmit?.(input.value);
    }
  });
  // Chrome sends synthetic pointer moves when results re-render under a resting cursor; only a pointer that
  // really moved may take the selection away from the keyboard.
  let lastPointer = '';
  list.addEventListener('pointermove', (event) => {
    const position = `${event.screenX},${event.screenY}`;
    if (position === lastPointer) return;
    lastPointer = position;
    const option = (event.target as Element | null)?.closest?.('[role="option"]');
    const index = optionsInList().findIndex((link) => link === option);
    if (index >= 0 && index !== active) setActive(index);
  });
  more?.addEventListener('click', () => {
    shown += options.pageSize;
    run();
  });
  return { run, warm };
}
