import type { SearchEngine, SearchFilters, SearchHit } from '../lib/search/engine.ts';
import type { DocRecord, SearchTopic } from '../lib/search/manifest.ts';
import { categoryChoiceText } from '../lib/site/filter-choices.ts';
import { TEASER_CHARS, truncateAtWord } from '../lib/site/paper-list.ts';
import { joinBase } from '../lib/site/paths.ts';
import { fillOnFirstUseOrIdle, loadFilterChoices } from './filter-choices.ts';
import { createSaveButton } from './library/marks.ts';
import { initSaveButtons } from './library/save-buttons.ts';
import { addRowSaveButtons } from './library/row-save-buttons.ts';
import { attachAuthorTypeahead } from './search/author-typeahead.ts';
import { loadEngine, siteBase } from './search/load-engine.ts';

/** Rows shown at first, and added by "Show more", when the filters run over the whole atlas. */
const ROWS_PER_STEP = 100;
/** URL keys of the filters; `filter` is the words box, as on the in-page lists. */
const KEYS = ['filter', 'topic', 'from', 'to', 'category', 'author'] as const;
type Key = (typeof KEYS)[number];

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/** A row like PaperRow.astro's, from a search-index record; every text is set as text, never parsed as HTML. */
function renderRow(base: string, record: DocRecord, topic: SearchTopic | undefined): HTMLLIElement {
  const [title, slug, , year, authors, text] = record;
  const row = element('li');
  row.dataset['saveRow'] = '';
  const heading = element('h3');
  const link = element('a');
  link.href = joinBase(base, `/papers/${slug}/`);
  link.textContent = title;
  heading.append(link);
  const meta = element('p');
  if (topic) {
    const badge = element('a');
    badge.href = joinBase(base, `/topics/${topic.slug}/`);
    badge.style.setProperty('--c', topic.color); // its dot is the badge's ::before (global.css)
    badge.append(topic.label);
    meta.append(badge);
  }
  if (authors) meta.append(Object.assign(element('span'), { textContent: authors }));
  if (year > 0) meta.append(Object.assign(element('time'), { textContent: String(year) }));
  meta.append(createSaveButton(slug, title));
  const teaser = element('p');
  teaser.textContent = truncateAtWord(text, TEASER_CHARS);
  row.append(heading, meta, teaser);
  return row;
}

/**
 * Put the Topic, Category and year choices into the selects served with only "All topics", "Any category" and
 * "Any year" (`data-choices`, PapersBrowser.astro; From lists the years oldest first, To newest first), from
 * `/papers/filters.json` (filter-choices.ts). Never rejects: without the file the selects keep their one choice.
 */
function fillChoices(base: string, form: HTMLFormElement): Promise<void> {
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-choices]')];
  return loadFilterChoices(base).then((choices) => {
    for (const select of selects) {
      // Every option is made as text (labels are topic keywords and free keywords of the sources).
      const kind = select.dataset['choices'];
      const options =
        kind === 'topics'
          ? choices.topics.map((topic) => new Option(topic.label, String(topic.id)))
          : kind === 'years-from' || kind === 'years-to'
            ? (kind === 'years-from' ? [...choices.years].reverse() : choices.years).map((year) => new Option(String(year), String(year)))
            : choices.categories.map((option) => new Option(categoryChoiceText(option), option.value));
      select.append(...options);
      delete select.dataset['choices'];
    }
  });
}

/**
 * The papers list's filters (src/components/PapersBrowser.astro): words, topic, year range, category and author run over the
 * whole atlas through the search index, not just the rows of this page. With a filter set, the page's rows and its
 * page links give way to the matching papers (best match first when words are given, else newest first), 100 at a
 * time; clearing the filters brings the page back. The filters live in the URL (`?filter=&topic=&from=&to=&category=&author=`).
 */
export function initPapersBrowser(): void {
  const root = document.querySelector<HTMLElement>('[data-papers-browser]');
  const form = root?.querySelector<HTMLFormElement>('[data-browser-filters]');
  const pageRows = root?.querySelector<HTMLElement>('[data-list-items]');
  const results = root?.querySelector<HTMLElement>('[data-browser-results]');
  const count = root?.querySelector<HTMLElement>('[data-list-count]');
  const empty = root?.querySelector<HTMLElement>('[data-list-empty]');
  const more = root?.querySelector<HTMLButtonElement>('[data-browser-more]');
  if (!root || !form || !pageRows || !results || !count || !empty || !more) return;
  const base = siteBase();
  const pageCountText = count.textContent?.trim() ?? '';
  const total = Number(root.dataset['total'] ?? 0);
  const field = (key: Key): HTMLInputElement | HTMLSelectElement | null => form.querySelector(`[name="${key}"]`);
  const author = form.querySelector<HTMLInputElement>('input[name="author"]');
  if (author) attachAuthorTypeahead(author, base);
  addRowSaveButtons(pageRows);
  initSaveButtons();

  const valueOf = (key: Key): string => field(key)?.value.trim() ?? '';
  const filters = (): SearchFilters => {
    const result: SearchFilters = {};
    if (valueOf('topic')) result.topic = Number(valueOf('topic'));
    if (valueOf('from')) result.yearFrom = Number(valueOf('from'));
    if (valueOf('to')) result.yearTo = Number(valueOf('to'));
    if (valueOf('author')) result.author = valueOf('author');
    if (valueOf('category')) result.category = valueOf('category');
    return result;
  };

  let sequence = 0;
  let shown = ROWS_PER_STEP;
  let hits: SearchHit[] = [];

  const showPage = (): void => {
    pageRows.hidden = false;
    results.hidden = true;
    results.replaceChildren();
    empty.hidden = true;
    more.hidden = true;
    for (const nav of root.querySelectorAll<HTMLElement>('[data-page-nav]')) nav.hidden = false;
    count.textContent = pageCountText;
  };

  const renderHits = async (engine: SearchEngine, mine: number, hasWords: boolean): Promise<void> => {
    const slice = hits.slice(0, shown);
    const records = await engine.docs(slice.map((hit) => hit.id));
    if (mine !== sequence) return;
    const topics = new Map(engine.manifest.topics.map((topic) => [topic.id, topic]));
    results.replaceChildren(...slice.flatMap((hit) => {
      const record = records.get(hit.id);
      return record ? [renderRow(base, record, topics.get(record[2]))] : [];
    }));
    pageRows.hidden = true;
    results.hidden = false;
    for (const nav of root.querySelectorAll<HTMLElement>('[data-page-nav]')) nav.hidden = true;
    empty.hidden = hits.length > 0;
    more.hidden = hits.length <= shown;
    const order = hits.length < 2 ? '' : hasWords ? ', best match first' : ', newest first';
    count.textContent = `${hits.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} papers match${order}`;
  };

  const writeUrl = (): void => {
    const url = new URL(window.location.href);
    for (const key of KEYS) {
      if (valueOf(key)) url.searchParams.set(key, valueOf(key));
      else url.searchParams.delete(key);
    }
    window.history.replaceState(window.history.state, '', url);
  };

  const run = (): void => {
    const mine = ++sequence;
    shown = ROWS_PER_STEP;
    writeUrl();
    const words = valueOf('filter');
    const active = filters();
    if (words === '' && Object.keys(active).length === 0) {
      showPage();
      return;
    }
    root.setAttribute('aria-busy', 'true');
    loadEngine(base)
      .then(async (engine) => {
        const response = await engine.search(words, active);
        if (mine !== sequence) return;
        // Papers found only because their topic is named by the words are not matches of a filter.
        hits = response.hits.filter((hit) => !hit.isTopicMatch);
        await renderHits(engine, mine, response.wordCount > 0);
      })
      .catch(() => {
        if (mine === sequence) count.textContent = 'The search index could not be loaded, so the filters cannot run. Check your connection and try again.';
      })
      .finally(() => {
        if (mine === sequence) root.removeAttribute('aria-busy');
      });
  };

  let timer: number | undefined;
  form.addEventListener('input', (event) => {
    window.clearTimeout(timer);
    // Typing waits a moment (each word would otherwise fetch shards); a picked option applies at once.
    timer = window.setTimeout(run, (event.target as Element | null)?.tagName === 'SELECT' ? 0 : 150);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as Element | null)?.matches?.('[data-hide-seen-list]')) return;
    window.clearTimeout(timer);
    run();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  more.addEventListener('click', () => {
    shown += ROWS_PER_STEP;
    const mine = sequence;
    void loadEngine(base).then((engine) => renderHits(engine, mine, valueOf('filter') !== ''));
  });

  // The Topic, Category and year choices are fetched when the filters are first used (a pointer over them, focus, a
  // touch), or once the page is idle, so that a select is full when it opens; at once when the URL names one.
  let choices: Promise<void> | undefined;
  const loadChoices = (): Promise<void> => (choices ??= fillChoices(base, form));
  fillOnFirstUseOrIdle(form, () => void loadChoices());

  const params = new URLSearchParams(window.location.search);
  const restore = (): void => {
    for (const key of KEYS) {
      const control = field(key);
      const value = params.get(key) ?? '';
      if (!control || value === '') continue;
      // A value this page has no option for (a topic of another build) is dropped.
      if (control instanceof HTMLSelectElement && ![...control.options].some((option) => option.value === value)) continue;
      control.value = value;
    }
    if (KEYS.some((key) => valueOf(key) !== '')) run();
  };
  if (['topic', 'category', 'from', 'to'].some((key) => params.has(key))) void loadChoices().then(restore);
  else restore();
}
